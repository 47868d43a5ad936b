import { buildTenantManifests } from './buildTenantManifests';
import { quotaTiers } from './quotaTiers';
import { paymentsTenant } from './testInputs';
import {
  FluxKustomizationManifest,
  KubernetesManifest,
  LimitRangeManifest,
  NamespaceManifest,
  ResourceQuotaManifest,
} from './types';

const namespaceOf = (object: KubernetesManifest) =>
  'namespace' in object.metadata ? object.metadata.namespace : undefined;

function objectsIn(objects: KubernetesManifest[], namespace: string) {
  return objects
    .filter(object => namespaceOf(object) === namespace)
    .map(object => `${object.kind}/${object.metadata.name}`);
}

function find<T extends KubernetesManifest>(
  objects: KubernetesManifest[],
  kind: T['kind'],
  namespace?: string,
): T[] {
  return objects.filter(
    (object): object is T =>
      object.kind === kind &&
      (namespace === undefined || namespaceOf(object) === namespace),
  );
}

describe('buildTenantManifests', () => {
  const objects = buildTenantManifests(paymentsTenant());

  it('emits the namespaces first, then the same objects in every namespace', () => {
    expect(
      objects.slice(0, 2).map(o => `${o.kind}/${o.metadata.name}`),
    ).toEqual(['Namespace/payments-dev', 'Namespace/payments-prod']);
    const expected = [
      'ServiceAccount/flux',
      'RoleBinding/payments-reconciler',
      'ResourceQuota/tenant-quota',
      'LimitRange/tenant-limits',
      'NetworkPolicy/default-deny',
      'NetworkPolicy/allow-same-namespace',
      'NetworkPolicy/allow-dns',
      'NetworkPolicy/allow-monitoring-scrape',
      'GitRepository/payments',
      'Kustomization/payments',
    ];
    expect(objectsIn(objects, 'payments-dev')).toEqual(expected);
    expect(objectsIn(objects, 'payments-prod')).toEqual(expected);
    expect(objects).toHaveLength(2 + 2 * expected.length);
  });

  it('uses one namespace named after the tenant without environments', () => {
    const single = buildTenantManifests(paymentsTenant({ environments: [] }));
    expect(find<NamespaceManifest>(single, 'Namespace')).toHaveLength(1);
    expect(
      single.every(o => (namespaceOf(o) ?? o.metadata.name) === 'payments'),
    ).toBe(true);
    expect(
      find<FluxKustomizationManifest>(single, 'Kustomization')[0].spec.path,
    ).toBe('./deploy');
  });

  it('labels every object with its tenant and manager', () => {
    for (const object of objects) {
      expect(object.metadata.labels).toMatchObject({
        'hubspoke.io/tenant': 'payments',
        'app.kubernetes.io/managed-by': 'hubspoke',
      });
    }
  });

  it('labels namespaces for Flux, ownership, environment and Pod Security', () => {
    expect(
      find<NamespaceManifest>(objects, 'Namespace')[1].metadata.labels,
    ).toEqual({
      'hubspoke.io/tenant': 'payments',
      'app.kubernetes.io/managed-by': 'hubspoke',
      'toolkit.fluxcd.io/tenant': 'payments',
      'hubspoke.io/owner': 'team-payments',
      'hubspoke.io/environment': 'prod',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
  });

  it('emits namespaced RBAC only', () => {
    const kinds = new Set(objects.map(o => o.kind));
    expect(kinds).not.toContain('ClusterRoleBinding');
    expect(kinds).not.toContain('ClusterRole');
    expect(kinds).not.toContain('Role');
    const bindings = objects.filter(o => o.kind === 'RoleBinding');
    expect(bindings[0]).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: expect.objectContaining({
        name: 'payments-reconciler',
        namespace: 'payments-dev',
      }),
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'User',
          name: 'gotk:payments-dev:reconciler',
        },
        { kind: 'ServiceAccount', name: 'flux', namespace: 'payments-dev' },
      ],
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'admin',
      },
    });
  });

  it('denies all traffic by default in every namespace', () => {
    for (const namespace of ['payments-dev', 'payments-prod']) {
      const [denyAll] = objects.filter(
        o =>
          o.kind === 'NetworkPolicy' &&
          o.metadata.name === 'default-deny' &&
          namespaceOf(o) === namespace,
      );
      expect(denyAll).toMatchObject({
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      });
      expect(denyAll).not.toHaveProperty('spec.ingress');
      expect(denyAll).not.toHaveProperty('spec.egress');
    }
  });

  it('lets the ingress controller in only with ingress exposure', () => {
    const isIngressPolicy = (o: KubernetesManifest) =>
      o.metadata.name === 'allow-ingress-controller';
    expect(objects.some(isIngressPolicy)).toBe(false);

    const exposed = buildTenantManifests(
      paymentsTenant({ networkExposure: 'ingress' }),
    ).filter(isIngressPolicy);
    expect(exposed.map(namespaceOf)).toEqual(['payments-dev', 'payments-prod']);
    expect(exposed[0]).toMatchObject({
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'hubspoke.io/role': 'ingress' },
                },
              },
            ],
          },
        ],
      },
    });
  });

  it.each(['small', 'medium', 'large'] as const)(
    'sizes quota and container defaults for the %s tier',
    quotaTier => {
      const sized = buildTenantManifests(paymentsTenant({ quotaTier }));
      for (const quota of find<ResourceQuotaManifest>(sized, 'ResourceQuota')) {
        expect(quota.spec.hard).toEqual(quotaTiers[quotaTier].quota);
      }
      for (const limits of find<LimitRangeManifest>(sized, 'LimitRange')) {
        expect(limits.spec.limits).toEqual([
          { type: 'Container', ...quotaTiers[quotaTier].containerDefaults },
        ]);
      }
    },
  );

  it('reconciles as the flux service account from a source in the same namespace', () => {
    const [dev] = find<FluxKustomizationManifest>(
      objects,
      'Kustomization',
      'payments-dev',
    );
    expect(dev.spec).toEqual({
      interval: '5m',
      retryInterval: '1m',
      timeout: '3m',
      serviceAccountName: 'flux',
      sourceRef: { kind: 'GitRepository', name: 'payments' },
      path: './deploy/dev',
      prune: true,
      targetNamespace: 'payments-dev',
    });
    const sources = objects.filter(
      o => o.kind === 'GitRepository' && namespaceOf(o) === 'payments-dev',
    );
    expect(sources.map(o => o.metadata.name)).toEqual([
      dev.spec.sourceRef.name,
    ]);
  });

  it('adds the Git secret only when one is named', () => {
    const withSecret = find(objects, 'GitRepository')[0];
    expect(withSecret).toMatchObject({
      spec: {
        interval: '1m',
        url: 'https://github.com/acme/payments-deploy.git',
        ref: { branch: 'main' },
        secretRef: { name: 'payments-git' },
      },
    });
    const anonymous = buildTenantManifests(
      paymentsTenant({ source: { url: 'https://github.com/acme/public.git' } }),
    );
    expect(find(anonymous, 'GitRepository')[0]).not.toHaveProperty(
      'spec.secretRef',
    );
  });
});
