import { buildSpokeAccountManifests } from './spokeAccounts';
import { ClusterRoleBindingManifest } from './types';

describe('buildSpokeAccountManifests', () => {
  const objects = buildSpokeAccountManifests(
    { name: 'eu-1' },
    { hub: 'central' },
  );

  it('builds the spoke namespace, both accounts in it and one cluster-admin binding', () => {
    expect(
      objects.map(
        o =>
          `${o.kind}/${
            'namespace' in o.metadata ? `${o.metadata.namespace}/` : ''
          }${o.metadata.name}`,
      ),
    ).toEqual([
      'Namespace/eu-1',
      'ServiceAccount/eu-1/flux-cluster-admin',
      'ServiceAccount/eu-1/flux-restricted',
      'ClusterRoleBinding/hubspoke:central:eu-1:flux-cluster-admin',
    ]);
    for (const object of objects) {
      expect(object.metadata.labels).toEqual({
        'hubspoke.io/spoke': 'eu-1',
        'hubspoke.io/hub': 'central',
        'app.kubernetes.io/managed-by': 'hubspoke',
      });
    }
  });

  it('binds cluster-admin to flux-cluster-admin only', () => {
    const bindings = objects.filter(
      (o): o is ClusterRoleBindingManifest => o.kind === 'ClusterRoleBinding',
    );
    expect(bindings).toHaveLength(1);
    expect(bindings[0].subjects).toEqual([
      { kind: 'ServiceAccount', name: 'flux-cluster-admin', namespace: 'eu-1' },
    ]);
    expect(bindings[0].roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'cluster-admin',
    });
  });

  it('names the binding after hub and spoke, so registrations do not share one', () => {
    const names = [
      ['central', 'eu-1'],
      ['central', 'eu-2'],
      ['backup', 'eu-1'],
    ].map(
      ([hub, spoke]) =>
        buildSpokeAccountManifests({ name: spoke }, { hub }).find(
          o => o.kind === 'ClusterRoleBinding',
        )!.metadata.name,
    );
    expect(new Set(names).size).toBe(3);
  });
});
