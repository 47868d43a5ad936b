import { requiredString } from '../manifests/inputRules';

// The value forms the monitoring stack takes, with the messages the scaffolder shows
// as `<field>: <rule>`.

const PROMETHEUS_DURATION =
  /^(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?$/;
const PROMETHEUS_UNIT_SECONDS = [
  365 * 24 * 3600,
  7 * 24 * 3600,
  24 * 3600,
  3600,
  60,
  1,
  0.001,
];
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;
const BYTE_SIZE = /^([0-9]*[.])?[0-9]+((K|M|G|T|E|P)i?)?B$/;
const QUANTITY = /^([0-9]+(\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const TASK_SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;

/** Seconds in a Prometheus duration such as `1d12h`; undefined when it is not one. */
export function prometheusDurationSeconds(value: string): number | undefined {
  const match = value === '' ? null : PROMETHEUS_DURATION.exec(value);
  if (!match) {
    return undefined;
  }
  return match
    .slice(1)
    .reduce(
      (total, amount, index) =>
        total + Number(amount ?? 0) * PROMETHEUS_UNIT_SECONDS[index],
      0,
    );
}

/** A Prometheus duration (what retention, `for` and Alertmanager timers take), above zero. */
export function prometheusDuration() {
  return requiredString().refine(
    value => (prometheusDurationSeconds(value) ?? 0) > 0,
    'must be a Prometheus duration greater than zero such as 30s, 15m, 12h, 15d or 2w (units ms, s, m, h, d, w, y, largest first)',
  );
}

/** A Go duration above zero, for components that do not take days (Tempo's retention). */
export function hoursDuration() {
  return requiredString().refine(
    value => GO_DURATION.test(value) && /[1-9]/.test(value),
    'must be a duration greater than zero in hours, minutes or seconds such as 72h or 90m (days are not accepted here)',
  );
}

/** A size as Prometheus' retentionSize takes it, e.g. 45GB or 512MiB. */
export function byteSize() {
  return requiredString().regex(
    BYTE_SIZE,
    'must be a size in bytes such as 512MB, 45GB or 1TiB',
  );
}

/** A Kubernetes quantity for a volume, above zero, e.g. 50Gi. */
export function storageQuantity() {
  return requiredString().refine(
    value => QUANTITY.test(value) && Number(QUANTITY.exec(value)?.[1]) > 0,
    'must be a storage size greater than zero such as 10Gi or 500Mi',
  );
}

export function dnsSubdomain() {
  return requiredString().regex(
    DNS_SUBDOMAIN,
    'must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".")',
  );
}

/** The name of a task secret: the value itself never passes through inputs. */
export function taskSecretName() {
  return requiredString().regex(
    TASK_SECRET_NAME,
    'must be the name of a task secret (letters, digits and _, starting with a letter), not its value',
  );
}

export function httpUrl() {
  return requiredString().regex(HTTP_URL, 'must be an http:// or https:// URL');
}

/** Whether a task secret's value is an http(s) URL, without ever echoing it. */
export function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value);
}
