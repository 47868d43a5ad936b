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
  GitServerRepository,
  kustomizationRef,
  readFluxObject,
  requestReconcile,
  startGitServer,
  uniqueName,
  waitForAppliedRevision,
  waitForFlux,
} from '@hubspoke/testbed';
import {
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
} from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { runAction } from '../__testUtils__/runAction';
import { useSpokeTestbed } from '../__testUtils__/spokeTestbed';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createSpokeRegisterAction } from './spokeRegister';
import { createTenantCreateAction } from './tenantCreate';
import { createTenantDeleteAction } from './tenantDelete';

jest.setTimeout(180_000);

// A tenant on a spoke: its namespace on the spoke, its GitRepository and Kustomization
// on the hub in the spoke's namespace, reconciled by the hub's real kustomize-controller
// into the spoke as the tenant's own account there.
describe('hub:tenant:create for a tenant on a spoke', () => {
  const spoke = useSpokeTestbed();
  const spokeName = uniqueName('spoke-ten');
  const tenant = uniqueName('team');
  const identity = `system:serviceaccount:${spokeName}:tenant-${tenant}`;
  let hub: FluxTestbed;
  let git: GitServer;
  let repo: GitServerRepository;
  let clusters: ClusterConnector;

  beforeAll(async () => {
    hub = await connectToFluxTestbed();
    git = await startGitServer();
    clusters = connectorForHub(
      {
        name: 'hub',
        auth: { type: 'kubeconfig', kubeconfigPath: hub.state.kubeconfig },
      },
      [
        {
          name: spokeName,
          auth: {
            type: 'kubeconfig',
            kubeconfigPath: spoke.testbed.state.kubeconfig,
          },
        },
      ],
    );
    const fleet = await git.createRepository('fleet');
    await commitFiles(fleet, {
      files: {
        [`clusters/${spokeName}/tenants/kustomization.yaml`]: stringify({
          apiVersion: 'kustomize.config.k8s.io/v1beta1',
          kind: 'Kustomization',
          resources: [],
        }),
      },
    });
    await runAction(
      createSpokeRegisterAction({ clusters }),
      {
        name: spokeName,
        sourceUrl: fleet.url,
        sourceBranch: 'main',
        sourceSecretName: 'git-auth',
        region: 'eu-west-1',
        layers: ['tenants'],
        mode: 'apply',
      },
      { secrets: { spokeKubeconfig: spoke.kubeconfig } },
    );
    // Out of band, in the spoke's hub namespace: the credentials of the local git
    // server, which the fleet source and the tenant's source both read.
    await applyObject(
      hub.kubeConfig,
      gitCredentialsSecret(spokeName, 'git-auth', fleet),
    );
    repo = await git.createRepository('tenant');
  }, 300_000);

  afterAll(async () => {
    await hub?.kubeConfig
      .makeApiClient(CoreV1Api)
      .deleteNamespace({ name: spokeName })
      .catch(() => undefined);
    await git?.stop();
    await hub?.release();
  }, 120_000);

  function spokeCore() {
    return spoke.testbed.kubeConfig().makeApiClient(CoreV1Api);
  }

  async function allowed(
    kubeConfig: KubeConfig,
    attributes: {
      verb: string;
      resource: string;
      group?: string;
      namespace?: string;
    },
  ): Promise<boolean> {
    const review = await kubeConfig
      .makeApiClient(AuthorizationV1Api)
      .createSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user: identity,
            groups: [
              'system:serviceaccounts',
              `system:serviceaccounts:${spokeName}`,
              'system:authenticated',
            ],
            resourceAttributes: attributes,
          },
        },
      });
    return review.status?.allowed ?? false;
  }

  it("reconciles the tenant's repository into its namespace on the spoke, from the hub", async () => {
    const sha = await commitFiles(repo, {
      files: {
        'apps/settings.yaml': stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'settings' },
          data: { team: tenant },
        }),
      },
    });

    const { outputs } = await runAction(
      createTenantCreateAction({ clusters }),
      {
        name: tenant,
        ownerGroup: 'team-payments',
        quotaTier: 'small',
        source: { url: repo.url, path: './apps', secretName: 'git-auth' },
        cluster: spokeName,
        mode: 'apply',
      },
    );
    expect(
      outputs.objects.map(
        (o: { cluster: string; kind: string }) => `${o.cluster} ${o.kind}`,
      ),
    ).toEqual([
      `${spokeName} Namespace`,
      `${spokeName} ServiceAccount`,
      `${spokeName} RoleBinding`,
      `${spokeName} ResourceQuota`,
      `${spokeName} LimitRange`,
      `${spokeName} NetworkPolicy`,
      `${spokeName} NetworkPolicy`,
      `${spokeName} NetworkPolicy`,
      `${spokeName} NetworkPolicy`,
      'hub GitRepository',
      'hub Kustomization',
    ]);

    const synced = await waitForAppliedRevision(
      hub.kubeConfig,
      kustomizationRef(spokeName, tenant),
      sha,
      { timeoutMs: 120_000 },
    );
    expect(synced.spec).toMatchObject({
      serviceAccountName: `tenant-${tenant}`,
      targetNamespace: tenant,
      kubeConfig: { secretRef: { name: `${spokeName}-kubeconfig` } },
    });
    const onSpoke = await eventually(() =>
      spokeCore().readNamespacedConfigMap({
        name: 'settings',
        namespace: tenant,
      }),
    );
    expect(onSpoke.data).toEqual({ team: tenant });
    const onHub = await apiErrorFrom(
      hub.kubeConfig.makeApiClient(CoreV1Api).readNamespace({ name: tenant }),
    );
    expect(onHub.code).toBe(404);
  });

  it("denies the tenant's Flux identity everything outside its namespace on the spoke", async () => {
    const spokeConfig = spoke.testbed.kubeConfig();
    expect(
      await allowed(spokeConfig, {
        verb: 'create',
        resource: 'deployments',
        group: 'apps',
        namespace: tenant,
      }),
    ).toBe(true);
    for (const outside of [
      { verb: 'create', resource: 'configmaps', namespace: 'default' },
      // The spoke's own namespace holds flux-cluster-admin.
      {
        verb: 'create',
        resource: 'serviceaccounts/token',
        namespace: spokeName,
      },
      { verb: 'get', resource: 'secrets', namespace: spokeName },
      { verb: 'create', resource: 'namespaces' },
      {
        verb: 'create',
        resource: 'clusterroles',
        group: 'rbac.authorization.k8s.io',
      },
    ]) {
      expect([outside, await allowed(spokeConfig, outside)]).toEqual([
        outside,
        false,
      ]);
    }

    // And Flux itself, applying as that identity, is refused a cluster-scoped object.
    const sha = await commitFiles(repo, {
      files: {
        'apps/clusterrole.yaml': stringify({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRole',
          metadata: { name: `${tenant}-escalate` },
          rules: [],
        }),
      },
    });
    await requestReconcile(hub.kubeConfig, gitRepositoryRef(spokeName, tenant));
    const refused = await waitForFlux(
      hub.kubeConfig,
      kustomizationRef(spokeName, tenant),
      {
        status: 'False',
        and: o => o.status?.lastAttemptedRevision?.includes(sha) ?? false,
        description: `lastAttemptedRevision containing ${sha}`,
        timeoutMs: 120_000,
      },
    );
    expect(condition(refused, 'Ready')?.message).toContain(identity);
    expect(condition(refused, 'Ready')?.message).toMatch(/forbidden/i);
  });

  it('hub:tenant:delete removes what create made on both clusters', async () => {
    const { outputs } = await runAction(
      createTenantDeleteAction({ clusters }),
      {
        name: tenant,
        confirmName: tenant,
        cluster: spokeName,
        mode: 'apply',
      },
    );

    expect(outputs.removed).toEqual([tenant]);
    expect(
      outputs.objects
        .map(
          (o: { cluster: string; kind: string; name: string }) =>
            `${o.cluster} ${o.kind}/${o.name}`,
        )
        .sort(),
    ).toEqual(
      [
        `hub GitRepository/${tenant}`,
        `hub Kustomization/${tenant}`,
        `${spokeName} Namespace/${tenant}`,
        `${spokeName} ServiceAccount/tenant-${tenant}`,
      ].sort(),
    );
    await eventually(
      async () => {
        const gone = await apiErrorFrom(
          readFluxObject(hub.kubeConfig, kustomizationRef(spokeName, tenant)),
        );
        expect(gone.code).toBe(404);
      },
      { timeoutMs: 60_000 },
    );
    const namespace = await spokeCore()
      .readNamespace({ name: tenant })
      .then(
        ns => ns.status?.phase,
        () => 'gone',
      );
    expect(['Terminating', 'gone']).toContain(namespace);
    expect(
      (
        await apiErrorFrom(
          spokeCore().readNamespacedServiceAccount({
            name: `tenant-${tenant}`,
            namespace: spokeName,
          }),
        )
      ).code,
    ).toBe(404);
    // The spoke's own accounts stay.
    await spokeCore().readNamespacedServiceAccount({
      name: 'flux-cluster-admin',
      namespace: spokeName,
    });
  });
});
