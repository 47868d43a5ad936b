import { parse } from 'yaml';
import { monitoringGitopsFiles } from './monitoringGitops';
import { parseMonitoringInput } from './monitoringInput';
import { monitoringDraft } from './monitoringTestInputs';

const files = monitoringGitopsFiles(
  parseMonitoringInput(monitoringDraft({ cluster: 'hub-eu' })),
);

describe('monitoringGitopsFiles', () => {
  it('writes the controllers and configs folders and the Flux Kustomizations that order them', () => {
    expect(Object.keys(files).sort()).toEqual([
      'clusters/hub-eu/monitoring/configs/configmap-hubspoke-flux-dashboard.yaml',
      'clusters/hub-eu/monitoring/configs/configmap-hubspoke-hub-overview-dashboard.yaml',
      'clusters/hub-eu/monitoring/configs/configmap-hubspoke-tenants-dashboard.yaml',
      'clusters/hub-eu/monitoring/configs/kustomization.yaml',
      'clusters/hub-eu/monitoring/configs/podmonitor-flux-system.yaml',
      'clusters/hub-eu/monitoring/configs/prometheusrule-hubspoke-hub.yaml',
      'clusters/hub-eu/monitoring/controllers/helmrelease-kube-prometheus-stack.yaml',
      'clusters/hub-eu/monitoring/controllers/helmrepository-prometheus-community.yaml',
      'clusters/hub-eu/monitoring/controllers/kustomization.yaml',
      'clusters/hub-eu/monitoring/controllers/namespace-monitoring.yaml',
      'clusters/hub-eu/monitoring/kustomization-monitoring-configs.yaml',
      'clusters/hub-eu/monitoring/kustomization-monitoring-controllers.yaml',
      'clusters/hub-eu/monitoring/kustomization.yaml',
    ]);
  });

  it('applies the configs only after the controllers are ready, as kustomize-controller', () => {
    const configs = parse(
      files['clusters/hub-eu/monitoring/kustomization-monitoring-configs.yaml'],
    );
    expect(configs).toEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'monitoring-configs',
        namespace: 'flux-system',
        labels: { 'app.kubernetes.io/managed-by': 'hubspoke' },
      },
      spec: {
        dependsOn: [{ name: 'monitoring-controllers' }],
        interval: '1h',
        path: './clusters/hub-eu/monitoring/configs',
        prune: true,
        retryInterval: '2m',
        serviceAccountName: 'kustomize-controller',
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
        timeout: '10m',
        wait: true,
      },
    });
    expect(
      parse(files['clusters/hub-eu/monitoring/kustomization.yaml']).resources,
    ).toEqual([
      'kustomization-monitoring-controllers.yaml',
      'kustomization-monitoring-configs.yaml',
    ]);
  });

  it('never writes a Secret', () => {
    expect(Object.values(files).join('\n')).not.toMatch(/kind: Secret/);
  });
});
