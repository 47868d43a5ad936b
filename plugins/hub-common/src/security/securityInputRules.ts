import { requiredString } from '../manifests/inputRules';

// The rules of the security baseline's own kinds of values, with the messages the
// scaffolder shows as `<field>: <rule>`.

const GROUP_MAX_LENGTH = 256;

// Kubernetes reserves the `system:` prefix; system:authenticated or system:masters as a
// platform group would hand the role to every user or duplicate cluster-admin.
const RESERVED_GROUP_PREFIX = 'system:';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A group name as an authenticator (OIDC, client certificates) reports it. */
export function groupName() {
  return requiredString().superRefine((value, ctx) => {
    const problem = groupNameProblem(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });
}

function groupNameProblem(value: string): string | undefined {
  if (value.trim().length === 0) {
    return 'must be a group name, not empty';
  }
  if (value !== value.trim() || CONTROL_CHARACTERS.test(value)) {
    return 'must be a group name without leading or trailing spaces or control characters';
  }
  if (value.length > GROUP_MAX_LENGTH) {
    return `must be at most ${GROUP_MAX_LENGTH} characters (has ${value.length})`;
  }
  if (value.toLowerCase().startsWith(RESERVED_GROUP_PREFIX)) {
    return `must not be a Kubernetes system group ("${value}"): the system: prefix is reserved and would grant the role to built-in identities`;
  }
  return undefined;
}

// A registry host (with a dot or a port, or localhost, so that it cannot be read as a
// Docker Hub user) and an optional repository path prefix.
const REGISTRY_HOST =
  /^([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?|localhost(:[0-9]{1,5})?|[a-z0-9]([a-z0-9-]*[a-z0-9])?:[0-9]{1,5})$/;
const REPOSITORY_COMPONENT = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

/** An image registry with an optional path prefix, as images must start with it. */
export function imageRegistry() {
  return requiredString().refine(value => {
    const [host, ...path] = value.split('/');
    return (
      REGISTRY_HOST.test(host) &&
      path.every(component => REPOSITORY_COMPONENT.test(component))
    );
  }, 'must be a registry host with an optional path prefix, e.g. ghcr.io, registry.example.com:5000 or ghcr.io/acme (no scheme, tag or trailing /)');
}

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_PREFIX =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_PREFIX_MAX_LENGTH = 253;

/** A label key: `[prefix/]name`, as Kubernetes validates it. */
export function labelKey() {
  return requiredString().refine(value => {
    const parts = value.split('/');
    if (parts.length > 2) {
      return false;
    }
    const name = parts[parts.length - 1];
    const prefix = parts.length === 2 ? parts[0] : undefined;
    return (
      LABEL_NAME.test(name) &&
      (prefix === undefined ||
        (prefix.length <= LABEL_PREFIX_MAX_LENGTH && LABEL_PREFIX.test(prefix)))
    );
  }, 'must be a label key: [DNS subdomain/]name, where name has at most 63 letters, digits, "-", "_" or "." and starts and ends with a letter or digit');
}
