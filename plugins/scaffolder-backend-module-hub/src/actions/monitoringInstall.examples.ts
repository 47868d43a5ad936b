import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Commit the monitoring stack for the hub into the fleet repository: critical alerts page the platform, warnings go to chat, tenant payments gets its own alerts (gitops mode; credentials from the task secrets pagerdutyKey, slackPlatform and grafanaAdminPassword)',
    example: stringify({
      steps: [
        {
          id: 'monitoring',
          action: 'hub:monitoring:install',
          name: 'Install monitoring',
          input: {
            prometheus: { retention: '15d', storageSize: '50Gi' },
            alerting: {
              receivers: [
                {
                  name: 'platform-pager',
                  type: 'pagerduty',
                  secret: 'pagerdutyKey',
                },
                {
                  name: 'platform-chat',
                  type: 'slack',
                  channel: '#platform-alerts',
                  secret: 'slackPlatform',
                },
                {
                  name: 'payments-alerts',
                  type: 'webhook',
                  url: 'https://alerts.payments.example.com/alertmanager',
                },
              ],
              defaultReceiver: 'platform-chat',
              severityRoutes: {
                critical: 'platform-pager',
                warning: 'platform-chat',
              },
              tenantRoutes: [
                {
                  tenant: 'payments',
                  receiver: 'payments-alerts',
                  severities: ['critical', 'warning'],
                },
              ],
            },
            backups: { rpo: '24h' },
            mode: 'gitops',
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
  {
    description:
      'Apply monitoring to a hub that has no Prometheus Operator CRDs yet, with logs and traces, everything to one webhook (apply mode)',
    example: stringify({
      steps: [
        {
          id: 'monitoring',
          action: 'hub:monitoring:install',
          name: 'Install monitoring, logging and tracing',
          input: {
            storageClassName: 'standard',
            alerting: {
              receivers: [
                {
                  name: 'ops',
                  type: 'webhook',
                  url: 'http://alert-relay.ops.svc:8080/alerts',
                },
              ],
              defaultReceiver: 'ops',
            },
            logging: { enabled: true, retention: '14d' },
            tracing: { enabled: true, retention: '72h' },
            installCrds: true,
            mode: 'apply',
          },
        },
      ],
    }),
  },
];
