import {
  ApiextensionsV1Api,
  CustomObjectsApi,
  V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { apiErrorFrom } from './apiErrorFrom';
import { connectToTestbed } from './connectToTestbed';
import { createTestNamespace, TestNamespace } from './createTestNamespace';

jest.setTimeout(60_000);

const { state, kubeConfig } = connectToTestbed();
const apiextensions = kubeConfig.makeApiClient(ApiextensionsV1Api);
const customObjects = kubeConfig.makeApiClient(CustomObjectsApi);

const kustomizations = {
  group: 'kustomize.toolkit.fluxcd.io',
  version: 'v1',
  plural: 'kustomizations',
};

function kustomization(name: string, spec: Record<string, unknown>) {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name },
    spec,
  };
}

function isEstablished(crd: V1CustomResourceDefinition) {
  return crd.status?.conditions?.some(
    c => c.type === 'Established' && c.status === 'True',
  );
}

describe('Flux CRDs', () => {
  let namespace: TestNamespace;

  beforeAll(async () => {
    namespace = await createTestNamespace(kubeConfig, 'flux');
  });

  afterAll(() => namespace?.delete());

  it('are installed and Established', async () => {
    expect(state.fluxCRDsApplied).toBe(true);
    const crd = await apiextensions.readCustomResourceDefinition({
      name: 'kustomizations.kustomize.toolkit.fluxcd.io',
    });
    expect(isEstablished(crd)).toBe(true);
    expect(crd.spec.versions.find(v => v.storage)?.name).toBe('v1');

    const all = await apiextensions.listCustomResourceDefinition();
    const flux = all.items.filter(c =>
      c.spec.group.endsWith('.toolkit.fluxcd.io'),
    );
    expect(
      flux.filter(c => !isEstablished(c)).map(c => c.metadata?.name),
    ).toEqual([]);
    expect(flux.map(c => c.metadata?.name).sort()).toEqual(
      expect.arrayContaining([
        'buckets.source.toolkit.fluxcd.io',
        'gitrepositories.source.toolkit.fluxcd.io',
        'helmreleases.helm.toolkit.fluxcd.io',
        'kustomizations.kustomize.toolkit.fluxcd.io',
      ]),
    );
  });

  it('reject a Kustomization whose interval is a number, naming the field', async () => {
    const error = await apiErrorFrom(
      customObjects.createNamespacedCustomObject({
        ...kustomizations,
        namespace: namespace.name,
        body: kustomization('bad-interval', {
          interval: 5,
          prune: true,
          sourceRef: { kind: 'GitRepository', name: 'app' },
        }),
      }),
    );
    expect(error.code).toBe(422);
    expect(error.reason).toBe('Invalid');
    expect(error.message).toContain(
      'Kustomization.kustomize.toolkit.fluxcd.io "bad-interval" is invalid: ' +
        '[spec.interval: Invalid value: "integer": spec.interval in body must be of type string: "integer"',
    );
  });

  it('reject a Kustomization without sourceRef and prune', async () => {
    const error = await apiErrorFrom(
      customObjects.createNamespacedCustomObject({
        ...kustomizations,
        namespace: namespace.name,
        body: kustomization('no-source', { interval: '10m' }),
      }),
    );
    expect(error.code).toBe(422);
    expect(error.message).toContain(
      'Kustomization.kustomize.toolkit.fluxcd.io "no-source" is invalid: ' +
        '[spec.prune: Required value, spec.sourceRef: Required value',
    );
  });

  it('accept a valid Kustomization', async () => {
    await customObjects.createNamespacedCustomObject({
      ...kustomizations,
      namespace: namespace.name,
      body: kustomization('app', {
        interval: '10m',
        path: './deploy',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'app' },
      }),
    });

    const stored = await customObjects.getNamespacedCustomObject({
      ...kustomizations,
      namespace: namespace.name,
      name: 'app',
    });
    // `force` comes from the CRD's structural schema default.
    expect(stored.spec).toEqual({
      force: false,
      interval: '10m',
      path: './deploy',
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'app' },
    });
  });
});
