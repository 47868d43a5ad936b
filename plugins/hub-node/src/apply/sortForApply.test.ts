import { KubernetesObject } from '@kubernetes/client-node';
import { sortForApply } from './sortForApply';

function object(
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
): KubernetesObject {
  return { apiVersion, kind, metadata: { name, namespace } };
}

const names = (objects: KubernetesObject[]) =>
  objects.map(o => `${o.kind}/${o.metadata!.name}`);

describe('sortForApply', () => {
  it('puts CRDs, then Namespaces, then cluster-scoped, then namespaced objects', () => {
    const sorted = sortForApply([
      object('v1', 'ConfigMap', 'settings', 'team-a'),
      object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'reader'),
      object('v1', 'Namespace', 'team-a'),
      object(
        'apiextensions.k8s.io/v1',
        'CustomResourceDefinition',
        'widgets.example.io',
      ),
    ]);

    expect(names(sorted)).toEqual([
      'CustomResourceDefinition/widgets.example.io',
      'Namespace/team-a',
      'ClusterRole/reader',
      'ConfigMap/settings',
    ]);
  });

  it('keeps the given order within a group', () => {
    const sorted = sortForApply([
      object('v1', 'ServiceAccount', 'b', 'team-a'),
      object('v1', 'Namespace', 'team-b'),
      object('v1', 'ConfigMap', 'a', 'team-a'),
      object('v1', 'Namespace', 'team-a'),
      object('rbac.authorization.k8s.io/v1', 'RoleBinding', 'c', 'team-b'),
    ]);

    expect(names(sorted)).toEqual([
      'Namespace/team-b',
      'Namespace/team-a',
      'ServiceAccount/b',
      'ConfigMap/a',
      'RoleBinding/c',
    ]);
  });

  it('recognises kinds by API group, not by kind alone', () => {
    const sorted = sortForApply([
      object('example.io/v1', 'Namespace', 'not-core'),
      object('example.io/v1', 'CustomResourceDefinition', 'not-a-crd'),
      object('v1', 'Namespace', 'core'),
    ]);

    expect(names(sorted)).toEqual([
      'Namespace/core',
      'Namespace/not-core',
      'CustomResourceDefinition/not-a-crd',
    ]);
  });

  it('returns a new array and leaves the input alone', () => {
    const input = [
      object('v1', 'ConfigMap', 'a', 'team-a'),
      object('v1', 'Namespace', 'team-a'),
    ];
    const sorted = sortForApply(input);

    expect(sorted).not.toBe(input);
    expect(names(input)).toEqual(['ConfigMap/a', 'Namespace/team-a']);
  });
});
