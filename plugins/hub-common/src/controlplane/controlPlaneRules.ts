import { z } from 'zod';
import { requiredString } from '../manifests/inputRules';
import { hasHostBits, parseIpv4, parseIpv4Cidr } from './ipv4';

// The field rules of hub:controlplane:plan. Where kubeadm v1.36 validates a field, the
// rule is kubeadm's (cmd/kubeadm/app/apis/kubeadm/validation), so that a plan that
// passes here also passes `kubeadm config validate`.

const KUBERNETES_VERSION = /^v1\.(35|36)\.(0|[1-9]\d{0,2})$/;
const DNS_1123_SUBDOMAIN =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ABSOLUTE_FILE = /^(\/[A-Za-z0-9._-]+)+$/;

/** The Kubernetes releases kubeadm v1.36 deploys: its own minor and the one before. */
export function kubernetesVersion() {
  return requiredString().regex(
    KUBERNETES_VERSION,
    'must be a Kubernetes release v1.35.x or v1.36.x (the minors kubeadm v1.36 deploys), e.g. v1.36.3',
  );
}

export function dnsSubdomain() {
  return requiredString().regex(
    DNS_1123_SUBDOMAIN,
    'must be a DNS name: lower-case letters, digits, "-" and ".", at most 253 characters',
  );
}

/** An absolute path of a file on the control-plane hosts. */
export function absoluteFile() {
  return requiredString()
    .regex(
      ABSOLUTE_FILE,
      'must be an absolute file path of letters, digits, ".", "_" and "-", e.g. /etc/kubernetes/pki/etcd/ca.crt',
    )
    .refine(value => !value.split('/').includes('..'), 'must not contain ".."');
}

/** A load-balanced API server address: the host and the port clients and nodes use. */
export interface ControlPlaneEndpoint {
  host: string;
  port: number;
}

const ENDPOINT_RULE =
  "must be host:port with the load balancer's port, e.g. api.hub.example.com:6443 or 192.0.2.10:6443";

function parseEndpoint(value: string): ControlPlaneEndpoint | undefined {
  const match = /^([^:\s]+):(\d{1,5})$/.exec(value);
  if (!match) {
    return undefined;
  }
  const [, host, portText] = match;
  const port = Number(portText);
  const validHost =
    parseIpv4(host) !== undefined ||
    (DNS_1123_SUBDOMAIN.test(host) && !/^[\d.]+$/.test(host));
  return validHost && port >= 1 && port <= 65535 ? { host, port } : undefined;
}

export function controlPlaneEndpoint() {
  return requiredString().transform((value, ctx) => {
    const endpoint = parseEndpoint(value);
    if (!endpoint) {
      ctx.issues.push({ code: 'custom', message: ENDPOINT_RULE, input: value });
      return z.NEVER;
    }
    return endpoint;
  });
}

/** Odd so that stacked etcd keeps a majority; more than 7 members slow every write. */
export function controlPlaneReplicas() {
  return z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(3, 'must be at least 3 for a highly available control plane')
    .max(
      7,
      'must be at most 7: every etcd write waits for a majority of members',
    )
    .refine(
      value => value < 3 || value % 2 === 1,
      'must be odd (3, 5 or 7): etcd needs a majority of its members, and an even count tolerates no more failures than the odd count below it',
    );
}

/** kube-controller-manager's default node mask and kubeadm's limits around it. */
const POD_PREFIX = { min: 8, max: 24 };
/** At most 20 host bits (kubeadm and kube-apiserver), at least 10 addresses (kubeadm). */
const SERVICE_PREFIX = { min: 12, max: 28 };

function cidrProblem(
  value: string,
  range: { min: number; max: number },
  why: string,
): string | undefined {
  const network = parseIpv4Cidr(value);
  if (!network) {
    return 'must be an IPv4 CIDR such as 10.244.0.0/16';
  }
  if (network.prefix < range.min || network.prefix > range.max) {
    return `must be a /${range.min} to /${range.max} network ${why} (is /${network.prefix})`;
  }
  if (hasHostBits(network)) {
    return 'must be a network address, with no bits set after the prefix';
  }
  return undefined;
}

function ipv4Cidr(range: { min: number; max: number }, why: string) {
  return requiredString().superRefine((value, ctx) => {
    const problem = cidrProblem(value, range, why);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });
}

export function podSubnet() {
  return ipv4Cidr(
    POD_PREFIX,
    'so that kube-controller-manager can give each node a /24',
  );
}

export function serviceSubnet() {
  return ipv4Cidr(
    SERVICE_PREFIX,
    '(at most 2^20 Service addresses, at least 10)',
  );
}

/** An etcd client URL: https, with a host and port, nothing after them. */
export function etcdEndpoint() {
  return requiredString().refine(value => {
    try {
      const url = new URL(value);
      return (
        url.protocol === 'https:' &&
        url.port !== '' &&
        (url.pathname === '/' || url.pathname === '') &&
        !url.search &&
        !url.username
      );
    } catch {
      return false;
    }
  }, 'must be an https:// URL with host and port, e.g. https://etcd-0.example.com:2379');
}

export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}
