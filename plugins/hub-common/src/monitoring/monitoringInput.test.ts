import { parseMonitoringInput } from './monitoringInput';
import { monitoringDraft } from './monitoringTestInputs';

function problemsOf(raw: unknown): string[] {
  try {
    parseMonitoringInput(raw);
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
  throw new Error('expected the input to be refused');
}

describe('parseMonitoringInput', () => {
  it('fills the defaults', () => {
    const input = parseMonitoringInput(monitoringDraft());

    expect(input).toMatchObject({
      cluster: 'hub',
      namespace: 'monitoring',
      fluxNamespace: 'flux-system',
      prometheus: { retention: '15d', storageSize: '50Gi' },
      backups: {
        rpo: '24h',
        velero: true,
        etcdSnapshot: true,
        etcdSnapshotNamespace: 'velero',
        etcdSnapshotCronJob: 'etcd-snapshot',
      },
      dashboards: true,
      logging: { enabled: false, retention: '7d', storageSize: '20Gi' },
      tracing: { enabled: false, retention: '72h', storageSize: '10Gi' },
      installCrds: false,
    });
    expect(input.alerting).toMatchObject({
      groupWait: '30s',
      groupInterval: '5m',
      repeatInterval: '4h',
    });
    expect(input.alerting.receivers[0].sendResolved).toBe(true);
  });

  it('is an InputError naming every problem', () => {
    expect(() =>
      parseMonitoringInput(
        monitoringDraft({ prometheus: { retention: '-15d' } }),
      ),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(
          'prometheus.retention: must be a Prometheus duration greater than zero',
        ),
      }),
    );
  });

  it.each([
    [
      'a negative retention',
      { prometheus: { retention: '-1d' } },
      'prometheus.retention',
    ],
    [
      'a zero retention',
      { prometheus: { retention: '0d' } },
      'prometheus.retention',
    ],
    [
      'a retention in words',
      { prometheus: { retention: '15 days' } },
      'prometheus.retention',
    ],
    ['an RPO in words', { backups: { rpo: 'one day' } }, 'backups.rpo'],
    [
      'a Tempo retention in days',
      { tracing: { enabled: true, retention: '3d' } },
      'tracing.retention',
    ],
    [
      'a storage size without unit form',
      { prometheus: { storageSize: '50 GB' } },
      'prometheus.storageSize',
    ],
    [
      'a retention size without bytes',
      { prometheus: { retentionSize: '45G' } },
      'prometheus.retentionSize',
    ],
  ])('refuses %s naming the field', (_, extra, field) => {
    expect(problemsOf(monitoringDraft(extra))).toEqual([
      expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}: `)),
    ]);
  });

  it('refuses an unknown severity in the severity and tenant routes', () => {
    const draft = monitoringDraft();
    const problems = problemsOf({
      ...draft,
      alerting: {
        ...draft.alerting,
        severityRoutes: { urgent: 'platform-pager' },
        tenantRoutes: [
          {
            tenant: 'payments',
            receiver: 'payments-hook',
            severities: ['high'],
          },
        ],
      },
    });

    expect(problems).toEqual([
      'alerting.tenantRoutes.0.severities.0: must be one of critical, warning, info',
    ]);
    expect(
      problemsOf({
        ...draft,
        alerting: {
          ...draft.alerting,
          severityRoutes: { urgent: 'platform-pager' },
        },
      }),
    ).toEqual([
      'alerting.severityRoutes.urgent: is not a severity; use critical, warning, info',
    ]);
  });

  it('refuses a bad Alertmanager timer', () => {
    const draft = monitoringDraft();
    expect(
      problemsOf({
        ...draft,
        alerting: { ...draft.alerting, groupWait: '30 seconds' },
      }),
    ).toEqual([
      expect.stringMatching(
        /^alerting\.groupWait: must be a Prometheus duration/,
      ),
    ]);
  });

  it('lists every routing problem together', () => {
    const draft = monitoringDraft();
    const problems = problemsOf({
      ...draft,
      alerting: {
        ...draft.alerting,
        receivers: [
          ...draft.alerting.receivers,
          {
            name: 'platform-chat',
            type: 'slack',
            url: 'https://hooks.example.com/x',
          },
          {
            name: 'null',
            type: 'webhook',
            url: 'http://127.0.0.1:9/x',
            channel: '#x',
          },
          { name: 'pager-2', type: 'pagerduty' },
        ],
        defaultReceiver: 'nobody',
        severityRoutes: { info: 'nobody' },
        tenantRoutes: [
          { tenant: 'payments', receiver: 'payments-hook' },
          { tenant: 'payments', receiver: 'nobody', severities: [] },
        ],
      },
    });

    expect(problems).toEqual([
      'alerting.receivers.3.secret: is required for a slack receiver: the task secret that holds the Slack webhook URL',
      'alerting.receivers.3.channel: is required for a slack receiver, e.g. #platform-alerts',
      'alerting.receivers.3.url: is not taken for slack: the webhook URL is a credential, put it in the task secret named by secret',
      'alerting.receivers.3.name: must not repeat "platform-chat"',
      'alerting.receivers.4.name: must not be "null", the receiver that silences Watchdog',
      'alerting.receivers.4.channel: is only for slack receivers',
      'alerting.receivers.5.secret: is required for a pagerduty receiver: the task secret that holds the routing key',
      'alerting.defaultReceiver: must name a receiver in alerting.receivers (platform-pager, platform-chat, payments-hook, platform-chat, null, pager-2)',
      'alerting.severityRoutes.info: must name a receiver in alerting.receivers (platform-pager, platform-chat, payments-hook, platform-chat, null, pager-2)',
      'alerting.tenantRoutes.1.receiver: must name a receiver in alerting.receivers (platform-pager, platform-chat, payments-hook, platform-chat, null, pager-2)',
      'alerting.tenantRoutes.1.tenant: must not repeat "payments"',
      'alerting.tenantRoutes.1.severities: must not be empty; leave it out to route every severity',
    ]);
  });

  it('refuses a credential given as a value instead of a task secret name', () => {
    const draft = monitoringDraft();
    expect(
      problemsOf({
        ...draft,
        alerting: {
          ...draft.alerting,
          receivers: [
            {
              name: 'platform-chat',
              type: 'slack',
              channel: '#x',
              secret: 'https://hooks.slack.example.com/services/T/B/X',
            },
          ],
          severityRoutes: {},
          tenantRoutes: [],
        },
      }),
    ).toEqual([
      'alerting.receivers.0.secret: must be the name of a task secret (letters, digits and _, starting with a letter), not its value',
    ]);
  });

  it('requires alerting and refuses unknown fields', () => {
    expect(problemsOf({ retention: '15d' })).toEqual([
      'alerting: must be an object with receivers, defaultReceiver and the routes to them',
      'retention: is not a known field',
    ]);
  });
});
