import {
  AuthorizationV1Api,
  CoreV1Api,
  KubernetesObject,
} from '@kubernetes/client-node';
import { apiErrorFrom, connectToTestbed, uniqueName } from '@hubspoke/testbed';
import {
  buildTenantManifests,
  parseTenantInput,
  TenantInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { deleteNamespaces } from './__testUtils__/testObjects';
import { createApplyEngine } from './createApplyEngine';

// The tenant builder's output, applied by the engine to a real API server with the
// real Flux CRDs: it must be accepted as is, converge, and keep tenants apart.
const { kubeConfig } = connectToTestbed();
const engine = createApplyEngine({ kubeConfig });
const core = kubeConfig.makeApiClient(CoreV1Api);
const authorization = kubeConfig.makeApiClient(AuthorizationV1Api);

function tenant(name: string): TenantInput {
  return parseTenantInput({
    name,
    ownerGroup: 'team-payments',
    quotaTier: 'small',
    networkExposure: 'none',
    source: { url: 'https://git.example.com/tenants.git', path: './apps' },
  });
}

const tenantA = tenant(uniqueName('ta'));
const tenantB = tenant(uniqueName('tb'));
const manifestsA = buildTenantManifests(tenantA) as KubernetesObject[];
const manifestsB = buildTenantManifests(tenantB) as KubernetesObject[];

afterAll(async () => {
  await deleteNamespaces(kubeConfig, [tenantA.name, tenantB.name]);
});

async function canI(
  serviceAccountNamespace: string,
  attributes: {
    verb: string;
    resource: string;
    group?: string;
    namespace?: string;
  },
): Promise<boolean> {
  const review = await authorization.createSubjectAccessReview({
    body: {
      spec: {
        user: `system:serviceaccount:${serviceAccountNamespace}:flux`,
        groups: [
          'system:serviceaccounts',
          `system:serviceaccounts:${serviceAccountNamespace}`,
        ],
        resourceAttributes: attributes,
      },
    },
  });
  return review.status?.allowed ?? false;
}

describe('tenant manifests on the testbed', () => {
  it('are accepted by the API server and the Flux CRD schemas, and re-apply unchanged', async () => {
    const dryRun = await engine.apply(manifestsA, { dryRun: true });
    expect(dryRun.objects.every(o => o.action === 'create')).toBe(true);

    const first = await engine.apply([...manifestsA, ...manifestsB]);
    expect(first.objects.map(o => o.action)).toEqual(
      first.objects.map(() => 'create'),
    );
    expect(first.objects.map(o => o.kind)).toEqual(
      expect.arrayContaining(['GitRepository', 'Kustomization']),
    );

    const second = await engine.apply([...manifestsA, ...manifestsB]);
    expect(second.objects.filter(o => o.action !== 'unchanged')).toEqual([]);
  });

  it("lets a tenant's Flux identity manage its own namespace only", async () => {
    expect(
      await canI(tenantA.name, {
        verb: 'create',
        group: 'apps',
        resource: 'deployments',
        namespace: tenantA.name,
      }),
    ).toBe(true);
    expect(
      await canI(tenantA.name, {
        verb: 'get',
        resource: 'secrets',
        namespace: tenantB.name,
      }),
    ).toBe(false);
    expect(await canI(tenantA.name, { verb: 'list', resource: 'nodes' })).toBe(
      false,
    );
    expect(
      await canI(tenantA.name, { verb: 'create', resource: 'namespaces' }),
    ).toBe(false);
  });

  it('rejects a privileged pod in the tenant namespace (Pod Security restricted)', async () => {
    const error = await apiErrorFrom(
      core.createNamespacedPod({
        namespace: tenantA.name,
        body: {
          metadata: { name: 'privileged' },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'registry.example.com/app:1',
                securityContext: { privileged: true },
              },
            ],
          },
        },
      }),
    );
    expect(error.code).toBe(403);
    expect(error.message).toMatch(
      /violates PodSecurity "restricted:latest".*privileged/,
    );
  });

  it('enforces the quota tier', async () => {
    const quota = await core.readNamespacedResourceQuota({
      name: 'tenant-quota',
      namespace: tenantA.name,
    });
    const maxConfigMaps = Number(quota.spec?.hard?.configmaps);
    expect(maxConfigMaps).toBeGreaterThan(0);

    const error = await apiErrorFrom(
      Promise.all(
        Array.from({ length: maxConfigMaps + 1 }, (_, i) =>
          core.createNamespacedConfigMap({
            namespace: tenantA.name,
            body: { metadata: { name: `fill-${i}` } },
          }),
        ),
      ),
    );
    expect(error.message).toMatch(/exceeded quota: tenant-quota/);
  });
});
