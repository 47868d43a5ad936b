import { buildTenantManifests } from './buildTenantManifests';
import { buildSpokeTenantManifests } from './spokeTenantManifests';
import { paymentsOnSpoke } from './testInputs';
import {
  FluxKustomizationManifest,
  GitRepositoryManifest,
  KubernetesManifest,
  RoleBindingManifest,
} from './types';

function ids(objects: KubernetesManifest[]) {
  return objects.map(
    o =>
      `${o.kind}/${
        'namespace' in o.metadata ? `${o.metadata.namespace}/` : ''
      }${o.metadata.name}`,
  );
}

describe('buildSpokeTenantManifests', () => {
  const tenant = paymentsOnSpoke();
  const { spoke, hub } = buildSpokeTenantManifests(tenant);

  it('puts the namespaces and everything in them on the spoke, and the accounts in the spoke namespace there', () => {
    const perNamespace = (ns: string) => [
      `ServiceAccount/eu-1/tenant-${ns}`,
      `RoleBinding/${ns}/payments-reconciler`,
      `ResourceQuota/${ns}/tenant-quota`,
      `LimitRange/${ns}/tenant-limits`,
      `NetworkPolicy/${ns}/default-deny`,
      `NetworkPolicy/${ns}/allow-same-namespace`,
      `NetworkPolicy/${ns}/allow-dns`,
      `NetworkPolicy/${ns}/allow-monitoring-scrape`,
    ];
    expect(ids(spoke)).toEqual([
      'Namespace/payments-dev',
      'Namespace/payments-prod',
      ...perNamespace('payments-dev'),
      ...perNamespace('payments-prod'),
    ]);
  });

  it('puts only the sync objects on the hub, in the spoke hub namespace, named after the tenant namespace', () => {
    expect(ids(hub)).toEqual([
      'GitRepository/eu-1/payments-dev',
      'Kustomization/eu-1/payments-dev',
      'GitRepository/eu-1/payments-prod',
      'Kustomization/eu-1/payments-prod',
    ]);
  });

  it('applies into the tenant namespace on the spoke as the tenant account', () => {
    const kustomization = hub.find(
      (o): o is FluxKustomizationManifest =>
        o.kind === 'Kustomization' && o.metadata.name === 'payments-prod',
    )!;
    expect(kustomization.spec).toEqual({
      interval: '5m',
      retryInterval: '1m',
      timeout: '3m',
      serviceAccountName: 'tenant-payments-prod',
      sourceRef: { kind: 'GitRepository', name: 'payments-prod' },
      path: './deploy/prod',
      prune: true,
      targetNamespace: 'payments-prod',
      kubeConfig: { secretRef: { name: 'eu-1-kubeconfig' } },
    });
    const source = hub.find(
      (o): o is GitRepositoryManifest =>
        o.kind === 'GitRepository' && o.metadata.name === 'payments-prod',
    )!;
    expect(source.spec).toEqual({
      interval: '1m',
      url: 'https://github.com/acme/payments-deploy.git',
      ref: { branch: 'main' },
      secretRef: { name: 'payments-git' },
    });
  });

  it('binds admin in each namespace to the identity Flux impersonates, and to nothing else', () => {
    const bindings = spoke.filter(
      (o): o is RoleBindingManifest => o.kind === 'RoleBinding',
    );
    expect(
      bindings.map(b => [b.metadata.namespace, b.subjects, b.roleRef.name]),
    ).toEqual([
      [
        'payments-dev',
        [
          {
            kind: 'ServiceAccount',
            name: 'tenant-payments-dev',
            namespace: 'eu-1',
          },
        ],
        'admin',
      ],
      [
        'payments-prod',
        [
          {
            kind: 'ServiceAccount',
            name: 'tenant-payments-prod',
            namespace: 'eu-1',
          },
        ],
        'admin',
      ],
    ]);
  });

  it('keeps a tenant named like a spoke account apart from that account', () => {
    const { hub: sync } = buildSpokeTenantManifests(
      paymentsOnSpoke({ name: 'flux-cluster-admin', environments: [] }),
    );
    const kustomization = sync.find(
      (o): o is FluxKustomizationManifest => o.kind === 'Kustomization',
    )!;
    expect(kustomization.spec.serviceAccountName).toBe(
      'tenant-flux-cluster-admin',
    );
  });

  it('labels every object with the tenant and emits the same guardrails as on the hub', () => {
    for (const object of [...spoke, ...hub]) {
      expect(object.metadata.labels).toMatchObject({
        'hubspoke.io/tenant': 'payments',
        'app.kubernetes.io/managed-by': 'hubspoke',
      });
    }
    const guardrails = (objects: KubernetesManifest[]) =>
      objects.filter(o =>
        ['Namespace', 'ResourceQuota', 'LimitRange', 'NetworkPolicy'].includes(
          o.kind,
        ),
      );
    expect(guardrails(spoke)).toEqual(guardrails(buildTenantManifests(tenant)));
  });
});
