import {
  ALERT_SEVERITIES,
  AlertingInput,
  AlertReceiverInput,
  NULL_RECEIVER,
} from './alertingInput';

/** Alertmanager's configuration file, as far as Hubspoke writes it. */
export interface AlertmanagerRoute {
  receiver: string;
  matchers?: string[];
  group_by?: string[];
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  routes?: AlertmanagerRoute[];
}

export interface WebhookConfig {
  url: string;
  send_resolved: boolean;
  http_config?: {
    authorization: { type: 'Bearer'; credentials_file: string };
  };
}

export interface SlackConfig {
  api_url_file: string;
  channel: string;
  send_resolved: boolean;
}

export interface PagerDutyConfig {
  routing_key_file: string;
  send_resolved: boolean;
}

export interface AlertmanagerReceiver {
  name: string;
  webhook_configs?: WebhookConfig[];
  slack_configs?: SlackConfig[];
  pagerduty_configs?: PagerDutyConfig[];
}

export interface InhibitRule {
  source_matchers: string[];
  target_matchers: string[];
  equal: string[];
}

export interface AlertmanagerConfig {
  route: AlertmanagerRoute;
  receivers: AlertmanagerReceiver[];
  inhibit_rules: InhibitRule[];
}

/** The label that carries a tenant's name on the hub's alerts. */
export const TENANT_LABEL = 'tenant';

function receiver(
  input: AlertReceiverInput,
  secretsDir: string,
): AlertmanagerReceiver {
  // The operator mounts the Secret with one file per key; the key is the receiver's name.
  const credentialFile = `${secretsDir}/${input.name}`;
  const send_resolved = input.sendResolved;
  switch (input.type) {
    case 'webhook':
      return {
        name: input.name,
        webhook_configs: [
          {
            url: input.url ?? '',
            send_resolved,
            ...(input.secret && {
              http_config: {
                authorization: {
                  type: 'Bearer',
                  credentials_file: credentialFile,
                },
              },
            }),
          },
        ],
      };
    case 'slack':
      return {
        name: input.name,
        slack_configs: [
          {
            api_url_file: credentialFile,
            channel: input.channel ?? '',
            send_resolved,
          },
        ],
      };
    default:
      return {
        name: input.name,
        pagerduty_configs: [
          { routing_key_file: credentialFile, send_resolved },
        ],
      };
  }
}

/**
 * Routes in the order Alertmanager tries them: Watchdog to nowhere, then each tenant's
 * alerts (label `tenant`, optionally only some severities) to the tenant's receiver,
 * then each severity to its receiver; the rest goes to the default receiver.
 */
function routes(alerting: AlertingInput): AlertmanagerRoute[] {
  return [
    {
      receiver: NULL_RECEIVER,
      matchers: ['alertname=~"Watchdog|InfoInhibitor"'],
    },
    ...alerting.tenantRoutes.map(route => ({
      receiver: route.receiver,
      matchers: [
        `${TENANT_LABEL}="${route.tenant}"`,
        ...(route.severities
          ? [`severity=~"${route.severities.join('|')}"`]
          : []),
      ],
    })),
    ...ALERT_SEVERITIES.flatMap(severity => {
      const target = alerting.severityRoutes[severity];
      return target
        ? [{ receiver: target, matchers: [`severity="${severity}"`] }]
        : [];
    }),
  ];
}

/**
 * Alertmanager's configuration for the routing input. Credentials are never inline:
 * receivers read them from files under `secretsDir`, where the Prometheus Operator
 * mounts the receivers Secret (tests point it at a folder of their own).
 */
export function buildAlertmanagerConfig(
  alerting: AlertingInput,
  options: { secretsDir: string },
): AlertmanagerConfig {
  return {
    route: {
      receiver: alerting.defaultReceiver,
      group_by: ['alertname', 'namespace', TENANT_LABEL],
      group_wait: alerting.groupWait,
      group_interval: alerting.groupInterval,
      repeat_interval: alerting.repeatInterval,
      routes: routes(alerting),
    },
    receivers: [
      { name: NULL_RECEIVER },
      ...alerting.receivers.map(input => receiver(input, options.secretsDir)),
    ],
    inhibit_rules: [
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity=~"warning|info"'],
        equal: ['alertname', 'namespace', TENANT_LABEL],
      },
      {
        source_matchers: ['severity="warning"'],
        target_matchers: ['severity="info"'],
        equal: ['alertname', 'namespace', TENANT_LABEL],
      },
    ],
  };
}
