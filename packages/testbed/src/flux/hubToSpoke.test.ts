import { readFile } from 'node:fs/promises';
import {
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import { apiErrorFrom } from '../apiErrorFrom';
import { createTestNamespace, TestNamespace } from '../createTestNamespace';
import { eventually } from '../eventually';
import { commitFiles } from '../git/commitFiles';
import { GitServer, startGitServer } from '../git/gitServer';
import { startTestbed, Testbed } from '../startTestbed';
import { uniqueName } from '../uniqueName';
import { connectToFluxTestbed, FluxTestbed } from './fluxTestbed';
import {
  applyGitSource,
  applyObject,
  deleteFluxObject,
  kustomization,
  kustomizationRef,
  waitForAppliedRevision,
} from './fluxObjects';
import { configMapYaml } from './manifests';
import { reportTiming } from './reportTiming';

jest.setTimeout(120_000);

/**
 * What a cluster bootstrap (or Cluster API) does on a new spoke, as in
 * flux2-hub-spoke-example's deploy/tenants/flux.yaml: a namespace named after the
 * cluster with a ServiceAccount `flux-cluster-admin` bound to cluster-admin. The hub's
 * kustomize-controller impersonates it on the spoke.
 */
async function bootstrapSpoke(spoke: KubeConfig, clusterName: string) {
  const core = spoke.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: clusterName } } });
  await core.createNamespacedServiceAccount({
    namespace: clusterName,
    body: { metadata: { name: 'flux-cluster-admin' } },
  });
  await spoke.makeApiClient(RbacAuthorizationV1Api).createClusterRoleBinding({
    body: {
      metadata: { name: `flux-cluster-admin-${clusterName}` },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'cluster-admin',
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: 'flux-cluster-admin',
          namespace: clusterName,
        },
      ],
    },
  });
}

describe('the hub reconciling into a spoke cluster', () => {
  let hub: FluxTestbed;
  let spoke: Testbed;
  let git: GitServer;
  let hubNamespace: TestNamespace;

  beforeAll(async () => {
    hub = await connectToFluxTestbed();
    // A second control plane, the spoke: no nodes, no Flux of its own.
    spoke = await startTestbed({ nodes: 0 });
    git = await startGitServer();
    // One hub namespace per spoke, named after the spoke.
    hubNamespace = await createTestNamespace(hub.kubeConfig, 'spoke');
  }, 300_000);

  afterAll(async () => {
    if (hubNamespace) {
      // While the spoke still runs: the finalizer deletes what it applied there.
      await deleteFluxObject(
        hub.kubeConfig,
        kustomizationRef(hubNamespace.name, 'apps'),
      );
      await hubNamespace.delete();
    }
    await git?.stop();
    await spoke?.stop();
    await hub?.release();
  }, 120_000);

  it('applies into the spoke through spec.kubeConfig.secretRef, not into the hub', async () => {
    const { kubeConfig } = hub;
    const clusterName = hubNamespace.name;
    const spokeConfig = spoke.kubeConfig();
    await bootstrapSpoke(spokeConfig, clusterName);

    const appNamespace = uniqueName('spoke-app');
    const repo = await git.createRepository('fleet');
    const sha = await commitFiles(repo, {
      files: {
        [`clusters/${clusterName}/namespace.yaml`]: `apiVersion: v1
kind: Namespace
metadata:
  name: ${appNamespace}
`,
        [`clusters/${clusterName}/settings.yaml`]: configMapYaml(
          'settings',
          { cluster: clusterName },
          appNamespace,
        ),
      },
    });
    // The spoke's admin kubeconfig under the key `value`, as Cluster API writes
    // `<cluster>-kubeconfig`.
    await applyObject(kubeConfig, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'cluster-kubeconfig', namespace: clusterName },
      stringData: { value: await readFile(spoke.state.kubeconfig, 'utf8') },
    });
    // In the spoke's hub namespace: a cross-namespace sourceRef to flux-system, as in
    // the upstream example, is blocked by --no-cross-namespace-refs.
    await applyGitSource(kubeConfig, clusterName, 'fleet', repo);
    const started = Date.now();
    await applyObject(
      kubeConfig,
      kustomization(clusterName, 'apps', {
        path: `./clusters/${clusterName}`,
        source: 'fleet',
        serviceAccountName: 'flux-cluster-admin',
        kubeConfig: { secretRef: { name: 'cluster-kubeconfig' } },
      }),
    );
    const ready = await waitForAppliedRevision(
      kubeConfig,
      kustomizationRef(clusterName, 'apps'),
      sha,
    );
    reportTiming(
      'spoke Kustomization applied after apply',
      Date.now() - started,
    );
    expect(ready.status?.inventory?.entries?.map(e => e.id).sort()).toEqual([
      `_${appNamespace}__Namespace`,
      `${appNamespace}_settings__ConfigMap`,
    ]);

    const onSpoke = await eventually(() =>
      spokeConfig
        .makeApiClient(CoreV1Api)
        .readNamespacedConfigMap({ name: 'settings', namespace: appNamespace }),
    );
    expect(onSpoke.data).toEqual({ cluster: clusterName });
    const onHub = await apiErrorFrom(
      kubeConfig.makeApiClient(CoreV1Api).readNamespace({ name: appNamespace }),
    );
    expect(onHub.code).toBe(404);
  });
});
