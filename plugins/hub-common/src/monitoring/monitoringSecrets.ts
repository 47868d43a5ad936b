import { base64 } from '../manifests/base64';
import { SecretManifest } from '../manifests/types';
import { isHttpUrl } from './monitoringRules';
import { MonitoringInput } from './monitoringInput';

/** The task secret with Grafana's admin password. */
export const GRAFANA_ADMIN_PASSWORD_SECRET = 'grafanaAdminPassword';

/** The Secret with the receivers' credentials, one key per receiver name. */
export const ALERTMANAGER_RECEIVERS_SECRET = 'hubspoke-alertmanager-receivers';

/** The Secret Grafana reads its admin user and password from. */
export const GRAFANA_ADMIN_SECRET = 'hubspoke-grafana-admin';

/** Where the Prometheus Operator mounts the Secrets listed in alertmanagerSpec.secrets. */
export function alertmanagerSecretsDir(secretName: string): string {
  return `/etc/alertmanager/secrets/${secretName}`;
}

/** The receivers whose credential is a task secret, with the secret's name. */
function receiversWithSecrets(input: MonitoringInput) {
  return input.alerting.receivers.flatMap((receiver, index) =>
    receiver.secret ? [{ receiver, index, secret: receiver.secret }] : [],
  );
}

/**
 * Problems with the task secrets the input names, in the `<field>: <rule>` form; never
 * a secret's value.
 */
export function monitoringSecretProblems(
  input: MonitoringInput,
  secrets: Record<string, string> | undefined,
): string[] {
  return receiversWithSecrets(input).flatMap(({ receiver, index, secret }) => {
    const field = `alerting.receivers.${index}.secret`;
    const value = secrets?.[secret];
    if (!value) {
      return [
        `${field}: task secret "${secret}" is not set; add it to the task's secrets`,
      ];
    }
    if (receiver.type === 'slack' && !isHttpUrl(value)) {
      return [
        `${field}: task secret "${secret}" must hold the Slack webhook URL (http:// or https://)`,
      ];
    }
    return [];
  });
}

/** Whether the input needs the receivers Secret at all. */
export function needsReceiversSecret(input: MonitoringInput): boolean {
  return receiversWithSecrets(input).length > 0;
}

function secretManifest(
  input: MonitoringInput,
  name: string,
  data: Record<string, string>,
): SecretManifest {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace: input.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'hubspoke' },
    },
    type: 'Opaque',
    data: Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, base64(value)]),
    ),
  };
}

/**
 * The Secrets built from task secrets: the receivers' credentials (key = receiver name)
 * and, when the task has `grafanaAdminPassword`, Grafana's admin login. Call
 * {@link monitoringSecretProblems} first.
 */
export function buildMonitoringSecrets(
  input: MonitoringInput,
  secrets: Record<string, string> | undefined,
): SecretManifest[] {
  const objects: SecretManifest[] = [];
  const credentials = receiversWithSecrets(input);
  if (credentials.length > 0) {
    objects.push(
      secretManifest(
        input,
        ALERTMANAGER_RECEIVERS_SECRET,
        Object.fromEntries(
          credentials.map(({ receiver, secret: key }) => [
            receiver.name,
            secrets?.[key] ?? '',
          ]),
        ),
      ),
    );
  }
  const password = secrets?.[GRAFANA_ADMIN_PASSWORD_SECRET];
  if (password) {
    objects.push(
      secretManifest(input, GRAFANA_ADMIN_SECRET, {
        'admin-user': 'admin',
        'admin-password': password,
      }),
    );
  }
  return objects;
}
