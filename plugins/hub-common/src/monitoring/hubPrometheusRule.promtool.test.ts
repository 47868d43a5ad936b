import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderYamlDocument } from '../manifests/renderYaml';
import { buildHubRuleGroups } from './hubPrometheusRule';
import { parseMonitoringInput } from './monitoringInput';
import { monitoringDraft } from './monitoringTestInputs';

// Debian's promtool, the one that ships with the prometheus package.
const PROMTOOL = '/usr/bin/promtool';
const run = promisify(execFile);

const input = parseMonitoringInput(monitoringDraft({ backups: { rpo: '1h' } }));

const ALERT = { hubspoke_area: 'flux', severity: 'warning' };
const KUSTOMIZATION =
  'customresource_kind="Kustomization",exported_namespace="payments",name="apps"';

/**
 * A promtool unit test: input series at one-minute steps and the alerts expected at
 * given times. promtool compares labels and annotations, so both are stated.
 */
interface RuleTest {
  input_series: Array<{ series: string; values: string }>;
  alert_rule_test: Array<{
    eval_time: string;
    alertname: string;
    exp_alerts: Array<{
      exp_labels: Record<string, string>;
      exp_annotations: Record<string, string>;
    }>;
  }>;
}

const fluxTest: RuleTest = {
  input_series: [
    {
      series:
        'kube_namespace_labels{namespace="payments",label_toolkit_fluxcd_io_tenant="payments"}',
      values: '1+0x180',
    },
    {
      series: 'kube_namespace_labels{namespace="flux-system"}',
      values: '1+0x180',
    },
    {
      series: `gotk_resource_info{${KUSTOMIZATION},ready="False",suspended="false"}`,
      values: '1+0x180',
    },
    {
      series:
        'gotk_resource_info{customresource_kind="HelmRelease",exported_namespace="flux-system",name="kube-prometheus-stack",ready="False",suspended="false"}',
      values: '1+0x180',
    },
    {
      series:
        'gotk_resource_info{customresource_kind="GitRepository",exported_namespace="payments",name="apps",ready="True",suspended="true"}',
      values: '1+0x180',
    },
  ],
  alert_rule_test: [
    { eval_time: '10m', alertname: 'FluxReconciliationFailed', exp_alerts: [] },
    {
      eval_time: '20m',
      alertname: 'FluxReconciliationFailed',
      exp_alerts: [
        {
          exp_labels: {
            ...ALERT,
            customresource_kind: 'HelmRelease',
            exported_namespace: 'flux-system',
            name: 'kube-prometheus-stack',
          },
          exp_annotations: {
            summary:
              'HelmRelease flux-system/kube-prometheus-stack fails to reconcile',
            description:
              'HelmRelease flux-system/kube-prometheus-stack has not been Ready for 15 minutes; see its Ready condition (flux get all -n flux-system).',
          },
        },
        {
          exp_labels: {
            ...ALERT,
            customresource_kind: 'Kustomization',
            exported_namespace: 'payments',
            name: 'apps',
            tenant: 'payments',
          },
          exp_annotations: {
            summary: 'Kustomization payments/apps fails to reconcile',
            description:
              'Kustomization payments/apps has not been Ready for 15 minutes; see its Ready condition (flux get all -n payments).',
          },
        },
      ],
    },
    { eval_time: '30m', alertname: 'FluxObjectSuspended', exp_alerts: [] },
    {
      eval_time: '2h',
      alertname: 'FluxObjectSuspended',
      exp_alerts: [
        {
          exp_labels: {
            ...ALERT,
            severity: 'info',
            customresource_kind: 'GitRepository',
            exported_namespace: 'payments',
            name: 'apps',
            tenant: 'payments',
          },
          exp_annotations: {
            summary: 'GitRepository payments/apps is suspended',
            description:
              'GitRepository payments/apps has been suspended for an hour: Flux does not apply its changes until it is resumed.',
          },
        },
      ],
    },
  ],
};

const backupTest: RuleTest = {
  input_series: [
    // Stuck at the epoch: two hours old at 2h. `fresh` keeps up with time().
    {
      series: 'velero_backup_last_successful_timestamp{schedule="hub-daily"}',
      values: '0+0x180',
    },
    {
      series: 'velero_backup_last_successful_timestamp{schedule="fresh"}',
      values: '0+60x180',
    },
    {
      series:
        'kube_cronjob_status_last_successful_time{namespace="velero",cronjob="etcd-snapshot"}',
      values: '0+0x180',
    },
  ],
  alert_rule_test: [
    { eval_time: '50m', alertname: 'HubBackupOlderThanRPO', exp_alerts: [] },
    {
      eval_time: '2h',
      alertname: 'HubBackupOlderThanRPO',
      exp_alerts: [
        {
          exp_labels: {
            severity: 'critical',
            hubspoke_area: 'backups',
            schedule: 'hub-daily',
          },
          exp_annotations: {
            summary: 'Velero schedule hub-daily has no backup within the RPO',
            description:
              'The last successful backup of schedule hub-daily is 2h 0m 0s old, more than the recovery point objective of 1h.',
          },
        },
      ],
    },
    {
      eval_time: '2h',
      alertname: 'HubEtcdSnapshotOlderThanRPO',
      exp_alerts: [
        {
          exp_labels: {
            severity: 'critical',
            hubspoke_area: 'backups',
            namespace: 'velero',
            cronjob: 'etcd-snapshot',
          },
          exp_annotations: {
            summary:
              'The last etcd snapshot (velero/etcd-snapshot) is older than the RPO',
            description:
              'The CronJob velero/etcd-snapshot last succeeded 2h 0m 0s ago, more than the recovery point objective of 1h.',
          },
        },
      ],
    },
    { eval_time: '2h', alertname: 'HubEtcdSnapshotMissing', exp_alerts: [] },
  ],
};

const neverSnapshottedTest: RuleTest = {
  input_series: [
    {
      series: 'up{job="kube-etcd",instance="10.0.0.1:2381"}',
      values: '1+0x180',
    },
  ],
  alert_rule_test: [
    { eval_time: '30m', alertname: 'HubEtcdSnapshotMissing', exp_alerts: [] },
    {
      eval_time: '2h',
      alertname: 'HubEtcdSnapshotMissing',
      exp_alerts: [
        {
          exp_labels: {
            severity: 'critical',
            hubspoke_area: 'backups',
            namespace: 'velero',
            cronjob: 'etcd-snapshot',
          },
          exp_annotations: {
            summary:
              'The etcd snapshot CronJob velero/etcd-snapshot has never succeeded',
            description:
              'No successful run of velero/etcd-snapshot has been seen for the recovery point objective of 1h: the CronJob is missing or failing.',
          },
        },
      ],
    },
  ],
};

const controlPlaneTest: RuleTest = {
  input_series: [
    {
      series: 'up{job="apiserver",instance="10.0.0.1:6443"}',
      values: '0+0x30',
    },
    {
      series:
        'etcd_server_has_leader{job="kube-etcd",instance="10.0.0.1:2381"}',
      values: '1+0x10 0+0x20',
    },
    {
      series: 'up{job="kube-etcd",instance="10.0.0.1:2381"}',
      values: '1+0x30',
    },
    // Certificates with 1 to 7 days left authenticate ten times a minute.
    {
      series:
        'apiserver_client_certificate_expiration_seconds_bucket{job="apiserver",le="86400"}',
      values: '0+0x30',
    },
    {
      series:
        'apiserver_client_certificate_expiration_seconds_bucket{job="apiserver",le="604800"}',
      values: '0+10x30',
    },
    {
      series:
        'apiserver_client_certificate_expiration_seconds_bucket{job="apiserver",le="+Inf"}',
      values: '0+10x30',
    },
    {
      series:
        'apiserver_client_certificate_expiration_seconds_count{job="apiserver"}',
      values: '0+10x30',
    },
    {
      series:
        'kube_node_status_condition{node="kwok-node-0",condition="MemoryPressure",status="true"}',
      values: '1+0x30',
    },
    {
      series:
        'kube_node_status_condition{node="kwok-node-0",condition="Ready",status="true"}',
      values: '1+0x30',
    },
  ],
  alert_rule_test: [
    {
      eval_time: '10m',
      alertname: 'HubAPIServerDown',
      exp_alerts: [
        {
          exp_labels: { severity: 'critical', hubspoke_area: 'controlPlane' },
          exp_annotations: {
            summary: 'No API server of the hub can be scraped',
            description:
              'Prometheus has not reached any kube-apiserver for 5 minutes: the hub cannot be managed.',
          },
        },
      ],
    },
    { eval_time: '5m', alertname: 'HubEtcdNoLeader', exp_alerts: [] },
    {
      eval_time: '20m',
      alertname: 'HubEtcdNoLeader',
      exp_alerts: [
        {
          exp_labels: {
            severity: 'critical',
            hubspoke_area: 'etcd',
            job: 'kube-etcd',
            instance: '10.0.0.1:2381',
          },
          exp_annotations: {
            summary: 'etcd member 10.0.0.1:2381 has no leader',
            description:
              'etcd member 10.0.0.1:2381 has seen no leader for a minute: writes to the hub fail.',
          },
        },
      ],
    },
    {
      eval_time: '20m',
      alertname: 'HubEtcdInsufficientMembers',
      exp_alerts: [],
    },
    {
      eval_time: '20m',
      alertname: 'HubClientCertificateExpiring',
      exp_alerts: [
        {
          exp_labels: {
            severity: 'warning',
            hubspoke_area: 'controlPlane',
            job: 'apiserver',
          },
          exp_annotations: {
            summary:
              'A client certificate used with the API server expires within 7 days',
            description:
              'Clients authenticate with certificates that expire in less than 7 days; renew them (kubeadm certs renew) before the control plane locks them out.',
          },
        },
      ],
    },
    {
      eval_time: '20m',
      alertname: 'HubNodeUnderPressure',
      exp_alerts: [
        {
          exp_labels: {
            severity: 'warning',
            hubspoke_area: 'controlPlane',
            node: 'kwok-node-0',
            condition: 'MemoryPressure',
          },
          exp_annotations: {
            summary: 'Node kwok-node-0 reports MemoryPressure',
            description:
              'The kubelet on kwok-node-0 reports MemoryPressure and may evict pods.',
          },
        },
      ],
    },
    { eval_time: '20m', alertname: 'HubNodeNotReady', exp_alerts: [] },
  ],
};

function atOneMinuteSteps(tests: RuleTest[]) {
  return tests.map(test => ({
    interval: '1m',
    input_series: test.input_series,
    alert_rule_test: test.alert_rule_test,
  }));
}

let dir: string;
let rulesFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-rules-'));
  rulesFile = join(dir, 'rules.yaml');
  await writeFile(
    rulesFile,
    renderYamlDocument({ groups: buildHubRuleGroups(input) }),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the hub rules in promtool', () => {
  it('pass promtool check rules', async () => {
    const { stdout } = await run(PROMTOOL, ['check', 'rules', rulesFile]);
    const count = buildHubRuleGroups(input).flatMap(g => g.rules).length;
    expect(stdout).toContain(`SUCCESS: ${count} rules found`);
  });

  it('fire, wait for their pending periods and carry the right labels in promtool test rules', async () => {
    const testFile = join(dir, 'rules.test.yaml');
    await writeFile(
      testFile,
      renderYamlDocument({
        rule_files: ['rules.yaml'],
        evaluation_interval: '1m',
        tests: atOneMinuteSteps([
          fluxTest,
          backupTest,
          neverSnapshottedTest,
          controlPlaneTest,
        ]),
      }),
    );
    const result = await run(PROMTOOL, ['test', 'rules', testFile]).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS');
  });

  it('fail promtool test rules when an expectation is wrong, so the test above can fail', async () => {
    const testFile = join(dir, 'wrong.test.yaml');
    await writeFile(
      testFile,
      renderYamlDocument({
        rule_files: ['rules.yaml'],
        evaluation_interval: '1m',
        tests: atOneMinuteSteps([
          {
            ...controlPlaneTest,
            alert_rule_test: [
              {
                eval_time: '5m',
                alertname: 'HubEtcdNoLeader',
                exp_alerts: [{ exp_labels: {}, exp_annotations: {} }],
              },
            ],
          },
        ]),
      }),
    );
    const failure = await run(PROMTOOL, ['test', 'rules', testFile]).then(
      () => undefined,
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(`${failure?.stdout}${failure?.stderr}`).toContain('FAILED');
    expect(`${failure?.stdout}${failure?.stderr}`).toContain(
      'alertname: HubEtcdNoLeader, time: 5m',
    );
  });
});
