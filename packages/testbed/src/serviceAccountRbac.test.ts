import {
  AuthorizationV1Api,
  CoreV1Api,
  RbacAuthorizationV1Api,
  V1SubjectAccessReviewStatus,
} from '@kubernetes/client-node';
import { apiErrorFrom } from './apiErrorFrom';
import { connectToTestbed } from './connectToTestbed';
import { createTestNamespace, TestNamespace } from './createTestNamespace';
import { eventually } from './eventually';
import { kubeConfigForToken } from './kubeConfigs';

jest.setTimeout(90_000);

const { state, kubeConfig } = connectToTestbed();
const core = kubeConfig.makeApiClient(CoreV1Api);
const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
const authorization = kubeConfig.makeApiClient(AuthorizationV1Api);

const serviceAccount = 'worker';

// The tests run in order: the first sees the ServiceAccount unbound, the second binds it.
describe('ServiceAccount authorization', () => {
  let home: TestNamespace;
  let other: TestNamespace;
  let saClient: CoreV1Api;
  let username: string;

  beforeAll(async () => {
    home = await createTestNamespace(kubeConfig, 'rbac-home');
    other = await createTestNamespace(kubeConfig, 'rbac-other');
    username = `system:serviceaccount:${home.name}:${serviceAccount}`;
    await core.createNamespacedServiceAccount({
      namespace: home.name,
      body: { metadata: { name: serviceAccount } },
    });
    const tokenRequest = await core.createNamespacedServiceAccountToken({
      name: serviceAccount,
      namespace: home.name,
      body: { spec: { audiences: [], expirationSeconds: 3600 } },
    });
    saClient = kubeConfigForToken(
      state,
      tokenRequest.status!.token,
    ).makeApiClient(CoreV1Api);
  });

  afterAll(() => Promise.all([home?.delete(), other?.delete()]));

  async function reviewListConfigMaps(
    namespace: string,
  ): Promise<V1SubjectAccessReviewStatus> {
    const review = await authorization.createSubjectAccessReview({
      body: {
        spec: {
          user: username,
          groups: [
            'system:serviceaccounts',
            `system:serviceaccounts:${home.name}`,
            'system:authenticated',
          ],
          resourceAttributes: {
            namespace,
            verb: 'list',
            resource: 'configmaps',
          },
        },
      },
    });
    return review.status!;
  }

  function forbiddenMessage(namespace: string) {
    return (
      `configmaps is forbidden: User "${username}" cannot list resource "configmaps" ` +
      `in API group "" in the namespace "${namespace}"`
    );
  }

  it('forbids a ServiceAccount without a binding', async () => {
    expect(await reviewListConfigMaps(home.name)).toEqual({ allowed: false });

    const error = await apiErrorFrom(
      saClient.listNamespacedConfigMap({ namespace: home.name }),
    );
    expect(error.code).toBe(403);
    expect(error.message).toBe(forbiddenMessage(home.name));
  });

  it('allows it in the bound namespace only after a RoleBinding to edit', async () => {
    await rbac.createNamespacedRoleBinding({
      namespace: home.name,
      body: {
        metadata: { name: 'worker-edit' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'edit',
        },
        subjects: [
          {
            kind: 'ServiceAccount',
            name: serviceAccount,
            namespace: home.name,
          },
        ],
      },
    });

    // The controller manager aggregates the edit ClusterRole's rules; RBAC then caches.
    const allowed = await eventually(
      async () => {
        const status = await reviewListConfigMaps(home.name);
        expect(status.allowed).toBe(true);
        return status;
      },
      { timeoutMs: 30_000 },
    );
    expect(allowed.reason).toBe(
      `RBAC: allowed by RoleBinding "worker-edit/${home.name}" of ClusterRole "edit" ` +
        `to ServiceAccount "${serviceAccount}/${home.name}"`,
    );
    expect(await reviewListConfigMaps(other.name)).toEqual({ allowed: false });

    const list = await saClient.listNamespacedConfigMap({
      namespace: home.name,
    });
    expect(list.items.map(item => item.metadata?.name)).toContain(
      'kube-root-ca.crt',
    );
    const error = await apiErrorFrom(
      saClient.listNamespacedConfigMap({ namespace: other.name }),
    );
    expect(error.code).toBe(403);
    expect(error.message).toBe(forbiddenMessage(other.name));
  });
});
