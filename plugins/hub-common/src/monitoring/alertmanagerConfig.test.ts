import { buildAlertmanagerConfig } from './alertmanagerConfig';
import { parseMonitoringInput } from './monitoringInput';
import { monitoringDraft } from './monitoringTestInputs';

const input = parseMonitoringInput(monitoringDraft());
const config = buildAlertmanagerConfig(input.alerting, {
  secretsDir: '/etc/alertmanager/secrets/receivers',
});

describe('buildAlertmanagerConfig', () => {
  it('routes Watchdog nowhere, then tenants, then severities, the rest to the default', () => {
    expect(config.route).toEqual({
      receiver: 'platform-chat',
      group_by: ['alertname', 'namespace', 'tenant'],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      routes: [
        { receiver: 'null', matchers: ['alertname=~"Watchdog|InfoInhibitor"'] },
        {
          receiver: 'payments-hook',
          matchers: ['tenant="payments"', 'severity=~"critical|warning"'],
        },
        { receiver: 'platform-pager', matchers: ['severity="critical"'] },
        { receiver: 'platform-chat', matchers: ['severity="warning"'] },
      ],
    });
  });

  it('routes every severity of a tenant without a severity list', () => {
    const all = parseMonitoringInput(
      monitoringDraft({
        alerting: {
          ...monitoringDraft().alerting,
          tenantRoutes: [{ tenant: 'search', receiver: 'payments-hook' }],
        },
      }),
    );
    expect(
      buildAlertmanagerConfig(all.alerting, { secretsDir: '/s' }).route
        .routes?.[1],
    ).toEqual({ receiver: 'payments-hook', matchers: ['tenant="search"'] });
  });

  it('reads every credential from a file named after its receiver, never inline', () => {
    expect(config.receivers).toEqual([
      { name: 'null' },
      {
        name: 'platform-pager',
        pagerduty_configs: [
          {
            routing_key_file:
              '/etc/alertmanager/secrets/receivers/platform-pager',
            send_resolved: true,
          },
        ],
      },
      {
        name: 'platform-chat',
        slack_configs: [
          {
            api_url_file: '/etc/alertmanager/secrets/receivers/platform-chat',
            channel: '#platform-alerts',
            send_resolved: true,
          },
        ],
      },
      {
        name: 'payments-hook',
        webhook_configs: [
          {
            url: 'https://alerts.payments.example.com/hook',
            send_resolved: true,
            http_config: {
              authorization: {
                type: 'Bearer',
                credentials_file:
                  '/etc/alertmanager/secrets/receivers/payments-hook',
              },
            },
          },
        ],
      },
    ]);
  });

  it('lets critical alerts silence the warning and info alerts of the same name', () => {
    expect(config.inhibit_rules).toEqual([
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity=~"warning|info"'],
        equal: ['alertname', 'namespace', 'tenant'],
      },
      {
        source_matchers: ['severity="warning"'],
        target_matchers: ['severity="info"'],
        equal: ['alertname', 'namespace', 'tenant'],
      },
    ]);
  });
});
