import { MonitoringInputDraft } from './monitoringInput';

/**
 * A hub's monitoring as the tests write it: the platform pages on critical alerts,
 * chats on warnings, and tenant payments gets its own critical and warning alerts.
 */
export function monitoringDraft(
  extra: Partial<MonitoringInputDraft> = {},
): MonitoringInputDraft {
  return {
    alerting: {
      receivers: [
        { name: 'platform-pager', type: 'pagerduty', secret: 'pagerdutyKey' },
        {
          name: 'platform-chat',
          type: 'slack',
          channel: '#platform-alerts',
          secret: 'slackPlatform',
        },
        {
          name: 'payments-hook',
          type: 'webhook',
          url: 'https://alerts.payments.example.com/hook',
          secret: 'paymentsToken',
        },
      ],
      defaultReceiver: 'platform-chat',
      severityRoutes: { critical: 'platform-pager', warning: 'platform-chat' },
      tenantRoutes: [
        {
          tenant: 'payments',
          receiver: 'payments-hook',
          severities: ['critical', 'warning'],
        },
      ],
    },
    ...extra,
  };
}

/** The task secrets {@link monitoringDraft} names. */
export const MONITORING_TASK_SECRETS = {
  pagerdutyKey: 'pd-routing-key-0123',
  slackPlatform: 'https://hooks.slack.example.com/services/T000/B000/XXXX',
  paymentsToken: 'payments-bearer-token',
  grafanaAdminPassword: 'grafana-admin-secret',
};
