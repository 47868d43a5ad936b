import {
  apiErrorFrom,
  applyObject,
  commitFiles,
  condition,
  connectToFluxTestbed,
  eventually,
  FluxTestbed,
  gitCredentialsSecret,
  gitRepositoryRef,
  GitServer,
  kustomizationRef,
  requestReconcile,
  startGitServer,
  uniqueName,
  waitForAppliedRevision,
  waitForFlux,
} from '@hubspoke/testbed';
import { CoreV1Api } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { runAction } from '../__testUtils__/runAction';
import {
  expectNoKubeconfigIn,
  useSpokeTestbed,
} from '../__testUtils__/spokeTestbed';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createSpokeRegisterAction } from './spokeRegister';

jest.setTimeout(180_000);

// The hub's real kustomize-controller, locked down (--default-service-account), applies
// a registered spoke's layers into a second API server as the accounts the action put
// there: the tenants layer as flux-cluster-admin, the apps layer as flux-restricted.
describe('a spoke registered in apply mode, reconciled by the hub', () => {
  const spoke = useSpokeTestbed();
  const name = uniqueName('spoke-flux');
  const workloads = uniqueName('workloads');
  let hub: FluxTestbed;
  let git: GitServer;

  beforeAll(async () => {
    hub = await connectToFluxTestbed();
    git = await startGitServer();
  }, 300_000);

  afterAll(async () => {
    await hub?.kubeConfig
      .makeApiClient(CoreV1Api)
      .deleteNamespace({ name })
      .catch(() => undefined);
    await git?.stop();
    await hub?.release();
  }, 120_000);

  it("applies the tenants layer into the spoke, and the apps layer only within flux-restricted's rights", async () => {
    const repo = await git.createRepository('fleet');
    const sha = await commitFiles(repo, {
      files: {
        [`clusters/${name}/tenants/workloads.yaml`]: [
          {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: workloads },
          },
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'settings', namespace: workloads },
            data: { cluster: '${CLUSTER_NAME}' },
          },
        ]
          .map(object => stringify(object))
          .join('---\n'),
        // A cluster-scoped object: flux-restricted may not create it.
        [`clusters/${name}/apps/namespace.yaml`]: stringify({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: `${workloads}-apps` },
        }),
      },
    });
    const action = createSpokeRegisterAction({
      clusters: connectorForHub({
        name: 'hub',
        auth: { type: 'kubeconfig', kubeconfigPath: hub.state.kubeconfig },
      }),
    });

    await runAction(
      action,
      {
        name,
        sourceUrl: repo.url,
        sourceBranch: 'main',
        sourceSecretName: 'fleet-auth',
        region: 'eu-west-1',
        layers: ['tenants', 'apps'],
        mode: 'apply',
      },
      {
        secrets: { spokeKubeconfig: spoke.kubeconfig },
        afterRun: (logger, output) =>
          expectNoKubeconfigIn(spoke, logger, output),
      },
    );
    // The fleet repository's credentials, created out of band in the spoke's hub namespace.
    await applyObject(
      hub.kubeConfig,
      gitCredentialsSecret(name, 'fleet-auth', repo),
    );
    await requestReconcile(
      hub.kubeConfig,
      gitRepositoryRef(name, 'flux-system'),
    );

    const tenants = await waitForAppliedRevision(
      hub.kubeConfig,
      kustomizationRef(name, `${name}-tenants`),
      sha,
      { timeoutMs: 120_000 },
    );
    expect(tenants.spec).toMatchObject({
      serviceAccountName: 'flux-cluster-admin',
    });
    const onSpoke = await eventually(() =>
      spoke.testbed
        .kubeConfig()
        .makeApiClient(CoreV1Api)
        .readNamespacedConfigMap({ name: 'settings', namespace: workloads }),
    );
    expect(onSpoke.data).toEqual({ cluster: name });
    const onHub = await apiErrorFrom(
      hub.kubeConfig
        .makeApiClient(CoreV1Api)
        .readNamespace({ name: workloads }),
    );
    expect(onHub.code).toBe(404);

    const apps = await waitForFlux(
      hub.kubeConfig,
      kustomizationRef(name, `${name}-apps`),
      {
        status: 'False',
        and: o =>
          condition(o, 'Ready')?.message?.includes(
            `system:serviceaccount:${name}:flux-restricted`,
          ) ?? false,
        description: `a Ready message naming system:serviceaccount:${name}:flux-restricted`,
        timeoutMs: 120_000,
      },
    );
    expect(condition(apps, 'Ready')?.message).toMatch(/forbidden/i);
  });
});
