import {
  apiErrorFrom,
  ensureTestbedBuilt,
  startTestbed,
  Testbed,
} from '@hubspoke/testbed';
import { mockServices } from '@backstage/backend-test-utils';
import { createApplyEngine } from '@hubspoke/backstage-plugin-hub-node';
import {
  ApiextensionsV1Api,
  CoreV1Api,
  CustomObjectsApi,
} from '@kubernetes/client-node';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createMonitoringInstallAction } from './monitoringInstall';

// A testbed of this file's own: it starts without the Prometheus Operator CRDs, which
// the shared one may have from an earlier run. The Flux CRDs validate the HelmReleases.
let testbed: Testbed;
let action: ReturnType<typeof createMonitoringInstallAction>;

const secrets = {
  pagerdutyKey: 'pd-routing-key-test',
  slackPlatform: 'https://hooks.slack.example.com/services/T000/B000/XXXX',
  grafanaAdminPassword: 'grafana-admin-test-password',
};

function alerting() {
  return {
    receivers: [
      { name: 'platform-pager', type: 'pagerduty', secret: 'pagerdutyKey' },
      {
        name: 'platform-chat',
        type: 'slack',
        channel: '#platform-alerts',
        secret: 'slackPlatform',
      },
      {
        name: 'payments-alerts',
        type: 'webhook',
        url: 'https://alerts.payments.example.com/hook',
      },
    ],
    defaultReceiver: 'platform-chat',
    severityRoutes: { critical: 'platform-pager', warning: 'platform-chat' },
    tenantRoutes: [{ tenant: 'payments', receiver: 'payments-alerts' }],
  };
}

const workspaces: string[] = [];
async function workspace() {
  const path = await mkdtemp(join(tmpdir(), 'hub-monitoring-'));
  workspaces.push(path);
  return path;
}
afterAll(() =>
  Promise.all(
    workspaces.map(path => rm(path, { recursive: true, force: true })),
  ),
);

async function run(input: object, options: RunActionOptions = {}) {
  return runAction(action, input, options);
}

function api() {
  const kubeConfig = testbed.kubeConfig();
  return {
    core: kubeConfig.makeApiClient(CoreV1Api),
    custom: kubeConfig.makeApiClient(CustomObjectsApi),
    crds: kubeConfig.makeApiClient(ApiextensionsV1Api),
  };
}

async function namespaceCode(name: string) {
  return (await apiErrorFrom(api().core.readNamespace({ name }))).code;
}

beforeAll(async () => {
  await ensureTestbedBuilt();
  testbed = await startTestbed({ nodes: 0, fluxCRDs: true });
  // Where hub:flux:install would have put Flux.
  await testbed
    .kubeConfig()
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name: 'flux-system' } } });
  action = createMonitoringInstallAction({
    clusters: connectorForHub({
      name: 'hub',
      auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
    }),
  });
}, 300_000);
afterAll(() => testbed?.stop(), 120_000);

describe('hub:monitoring:install in apply mode', () => {
  it('refuses a cluster without the Prometheus Operator CRDs, naming installCrds, and applies nothing', async () => {
    await expect(
      run({ alerting: alerting(), mode: 'apply' }, { secrets }),
    ).rejects.toThrow(
      'installCrds: the cluster has no podmonitors.monitoring.coreos.com, prometheusrules.monitoring.coreos.com; set installCrds: true',
    );
    expect(await namespaceCode('monitoring')).toBe(404);
  });

  it("refuses a cluster without Flux's namespace, naming fluxNamespace", async () => {
    await expect(
      run(
        {
          alerting: alerting(),
          fluxNamespace: 'flux-elsewhere',
          installCrds: true,
          mode: 'apply',
        },
        { secrets },
      ),
    ).rejects.toThrow(
      'fluxNamespace: namespace "flux-elsewhere" does not exist on cluster hub; install Flux first',
    );
    expect(await namespaceCode('monitoring')).toBe(404);
  });

  it('dry-runs the CRDs and everything that needs them, writing nothing', async () => {
    const { outputs } = await run(
      { alerting: alerting(), installCrds: true, mode: 'apply' },
      { isDryRun: true, secrets },
    );

    expect(outputs.summary).toBe(
      '12 to create, 0 to update, 0 unchanged (dry run)',
    );
    expect(outputs.objects.map((o: { kind: string }) => o.kind)).toEqual([
      'CustomResourceDefinition',
      'CustomResourceDefinition',
      'Namespace',
      'HelmRepository',
      'HelmRelease',
      'Secret',
      'Secret',
      'PodMonitor',
      'PrometheusRule',
      'ConfigMap',
      'ConfigMap',
      'ConfigMap',
    ]);
    expect(await namespaceCode('monitoring')).toBe(404);
    expect(
      (
        await apiErrorFrom(
          api().crds.readCustomResourceDefinition({
            name: 'prometheusrules.monitoring.coreos.com',
          }),
        )
      ).code,
    ).toBe(404);
  });

  it('applies objects the API server and the Flux and Prometheus Operator CRD schemas accept; a second run changes nothing', async () => {
    const input = {
      alerting: alerting(),
      prometheus: {
        retention: '30d',
        retentionSize: '45GB',
        storageSize: '60Gi',
      },
      logging: { enabled: true },
      tracing: { enabled: true },
      installCrds: true,
      mode: 'apply',
    };

    const { outputs: first, logger } = await run(input, { secrets });
    expect(first.summary).toBe('17 created, 0 updated, 0 unchanged');
    expect(
      first.objects
        .filter((o: { kind: string }) => o.kind.startsWith('Helm'))
        .map((o: { kind: string; name: string }) => `${o.kind} ${o.name}`),
    ).toEqual([
      'HelmRepository prometheus-community',
      'HelmRepository grafana',
      'HelmRepository open-telemetry',
      'HelmRelease kube-prometheus-stack',
      'HelmRelease loki',
      'HelmRelease log-collector',
      'HelmRelease tempo',
    ]);
    expect(first.chartVersion).toBe('77.6.0');
    expect(first.alerts).toContain('HubEtcdNoLeader');

    const { custom, core } = api();
    const release = await custom.getNamespacedCustomObject({
      group: 'helm.toolkit.fluxcd.io',
      version: 'v2',
      namespace: 'flux-system',
      plural: 'helmreleases',
      name: 'kube-prometheus-stack',
    });
    expect(release.spec).toMatchObject({
      chart: { spec: { chart: 'kube-prometheus-stack', version: '77.6.0' } },
      install: { crds: 'Create' },
      upgrade: { crds: 'CreateReplace' },
      serviceAccountName: 'helm-controller',
      targetNamespace: 'monitoring',
    });
    expect(release.spec.values.prometheus.prometheusSpec.retention).toBe('30d');
    const rule = await custom.getNamespacedCustomObject({
      group: 'monitoring.coreos.com',
      version: 'v1',
      namespace: 'monitoring',
      plural: 'prometheusrules',
      name: 'hubspoke-hub',
    });
    expect(rule.spec.groups.map((g: { name: string }) => g.name)).toContain(
      'hubspoke-etcd',
    );
    const receivers = await core.readNamespacedSecret({
      namespace: 'monitoring',
      name: 'hubspoke-alertmanager-receivers',
    });
    expect(Object.keys(receivers.data ?? {}).sort()).toEqual([
      'platform-chat',
      'platform-pager',
    ]);
    const dashboards = await core.listNamespacedConfigMap({
      namespace: 'monitoring',
      labelSelector: 'grafana_dashboard=1',
    });
    expect(dashboards.items).toHaveLength(3);
    expect(logger.info).toHaveBeenCalledWith(
      'kube-prometheus-stack 77.6.0 into monitoring on hub with 14 hub alerts: 17 created, 0 updated, 0 unchanged',
    );
    // The charts cannot be pulled here (no internet): nothing waits for the releases.
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('Flux installs the charts asynchronously'),
    );

    const { outputs: second } = await run(input, { secrets });
    expect(second.summary).toBe('0 created, 0 updated, 17 unchanged');
  }, 120_000);

  it('never logs or outputs a credential', async () => {
    const { logger, outputs } = await run(
      { alerting: alerting(), installCrds: true, mode: 'apply' },
      { secrets, isDryRun: true },
    );
    const text = JSON.stringify([
      outputs,
      ...[logger.info, logger.warn, logger.error, logger.debug].map(
        fn => (fn as jest.Mock).mock.calls,
      ),
    ]);
    for (const value of Object.values(secrets)) {
      expect(text).not.toContain(value);
    }
  });
});

describe('hub:monitoring:install input errors', () => {
  it.each([
    [
      'a negative retention',
      { prometheus: { retention: '-15d' } },
      'prometheus.retention: must be a Prometheus duration',
    ],
    [
      'an unknown severity',
      { severityRoutes: { urgent: 'platform-chat' } },
      'alerting.severityRoutes.urgent: is not a severity',
    ],
    [
      'a bad duration',
      { groupWait: '30 seconds' },
      'alerting.groupWait: must be a Prometheus duration',
    ],
  ])(
    'refuses %s naming the field, before touching the cluster',
    async (_, extra, message) => {
      const { prometheus, ...routing } = extra as { prometheus?: object };
      await expect(
        run(
          {
            namespace: 'monitoring-bad',
            alerting: { ...alerting(), ...routing },
            ...(prometheus && { prometheus }),
            installCrds: true,
            mode: 'apply',
          },
          { secrets },
        ),
      ).rejects.toThrow(message);
      expect(await namespaceCode('monitoring-bad')).toBe(404);
    },
  );

  it('names the receiver field whose task secret is missing, without any secret value', async () => {
    const { pagerdutyKey, ...rest } = secrets;
    const error = await run(
      { alerting: alerting(), installCrds: true, mode: 'apply' },
      { secrets: rest },
    ).catch(e => e);
    expect(error.message).toContain(
      'alerting.receivers.0.secret: task secret "pagerdutyKey" is not set',
    );
    expect(error.message).not.toContain(secrets.slackPlatform);
  });
});

describe('hub:monitoring:install in gitops mode', () => {
  const gitopsInput = {
    namespace: 'monitoring-gitops',
    alerting: alerting(),
    mode: 'gitops',
    gitopsDir: 'fleet',
  };

  it('writes the fleet folders, applies only the Secrets to the cluster, and a second run writes the same', async () => {
    const workspacePath = await workspace();
    const { outputs, logger } = await run(gitopsInput, {
      workspacePath,
      secrets,
    });
    const firstFiles = await listFiles(workspacePath);
    const releasePath = join(
      workspacePath,
      'fleet/clusters/hub/monitoring/controllers/helmrelease-kube-prometheus-stack.yaml',
    );
    const firstRelease = await readFile(releasePath, 'utf8');
    await run(gitopsInput, { workspacePath, secrets });

    expect(await listFiles(workspacePath)).toEqual(firstFiles);
    expect(await readFile(releasePath, 'utf8')).toBe(firstRelease);
    expect(outputs.files).toHaveLength(firstFiles.length);
    expect(firstFiles).toContain(
      'fleet/clusters/hub/monitoring/configs/prometheusrule-hubspoke-hub.yaml',
    );
    const contents = await Promise.all(
      firstFiles.map(file => readFile(join(workspacePath, file), 'utf8')),
    );
    expect(contents.join('\n')).not.toMatch(/kind: Secret/);
    for (const value of Object.values(secrets)) {
      expect(contents.join('\n')).not.toContain(value);
    }
    expect(
      parse(firstRelease).spec.values.alertmanager.alertmanagerSpec.secrets,
    ).toEqual(['hubspoke-alertmanager-receivers']);
    const grafana = await api().core.readNamespacedSecret({
      namespace: 'monitoring-gitops',
      name: 'hubspoke-grafana-admin',
    });
    expect(
      Buffer.from(grafana.data?.['admin-password'] ?? '', 'base64').toString(),
    ).toBe(secrets.grafanaAdminPassword);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'are not written to git; applying them to cluster hub',
      ),
    );
  });

  it('writes manifests the API server and the CRD schemas accept (server-side dry run)', async () => {
    const workspacePath = await workspace();
    await run(
      { ...gitopsInput, logging: { enabled: true } },
      { workspacePath, secrets },
    );
    const manifests = (await listFiles(workspacePath))
      .filter(file => !file.endsWith('/kustomization.yaml'))
      .map(async file =>
        parse(await readFile(join(workspacePath, file), 'utf8')),
      );

    const report = await createApplyEngine({
      kubeConfig: testbed.kubeConfig(),
      logger: mockServices.logger.mock(),
    }).apply(await Promise.all(manifests), { dryRun: true });
    expect(report.objects.map(o => o.kind).sort()).toEqual([
      'ConfigMap',
      'ConfigMap',
      'ConfigMap',
      'HelmRelease',
      'HelmRelease',
      'HelmRelease',
      'HelmRepository',
      'HelmRepository',
      'HelmRepository',
      'Kustomization',
      'Kustomization',
      'Namespace',
      'PodMonitor',
      'PrometheusRule',
    ]);
  });

  it('writes and applies nothing in a dry run', async () => {
    const workspacePath = await workspace();
    const { outputs } = await run(
      { ...gitopsInput, namespace: 'monitoring-dry' },
      { workspacePath, secrets, isDryRun: true },
    );

    expect(outputs.summary).toBe('13 files to write (dry run)');
    expect(await listFiles(workspacePath)).toEqual([]);
    expect(await namespaceCode('monitoring-dry')).toBe(404);
  });

  it('warns when Grafana has no admin password in the task secrets', async () => {
    const workspacePath = await workspace();
    const { grafanaAdminPassword, ...rest } = secrets;
    const { logger } = await run(
      { ...gitopsInput, namespace: 'monitoring-nopw' },
      { workspacePath, secrets: rest, isDryRun: true },
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'Grafana reads its admin login from Secret monitoring-nopw/hubspoke-grafana-admin',
      ),
    );
  });

  it('refuses installCrds, which only applies in apply mode', async () => {
    const workspacePath = await workspace();
    await expect(
      run({ ...gitopsInput, installCrds: true }, { workspacePath, secrets }),
    ).rejects.toThrow('installCrds: only applies in apply mode');
    expect(await listFiles(workspacePath)).toEqual([]);
  });
});
