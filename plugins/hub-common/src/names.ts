const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_LABEL_MAX_LENGTH = 63;

/**
 * Checks a name that becomes a Kubernetes namespace or object name.
 * Returns why it is not a DNS-1123 label, or undefined when it is one.
 */
export function dns1123LabelProblem(name: string): string | undefined {
  if (name.length === 0) {
    return 'must not be empty';
  }
  if (name.length > DNS_1123_LABEL_MAX_LENGTH) {
    return `must be at most ${DNS_1123_LABEL_MAX_LENGTH} characters (has ${name.length})`;
  }
  if (!DNS_1123_LABEL.test(name)) {
    return 'must consist of lower-case letters, digits and "-", and start and end with a letter or digit (DNS-1123 label)';
  }
  return undefined;
}
