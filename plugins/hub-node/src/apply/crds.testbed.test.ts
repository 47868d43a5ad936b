import {
  ApiextensionsV1Api,
  KubernetesObject,
  V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
  uniqueName,
} from '@hubspoke/testbed';
import { mockServices } from '@backstage/backend-test-utils';
import { readLive, summarise } from './__testUtils__/testObjects';
import { createApplyEngine } from './createApplyEngine';

const { kubeConfig } = connectToTestbed();
const logger = mockServices.logger.mock();
const engine = createApplyEngine({ kubeConfig, logger });
const crdNames: string[] = [];
let namespace: TestNamespace;

beforeAll(async () => {
  namespace = await createTestNamespace(kubeConfig, 'apply-crd');
});

afterAll(async () => {
  const extensions = kubeConfig.makeApiClient(ApiextensionsV1Api);
  await Promise.all(
    crdNames.map(name =>
      extensions.deleteCustomResourceDefinition({ name }).catch(() => {}),
    ),
  );
  await namespace?.delete();
});

/** A namespaced Widget kind in a group of its own, so test runs do not meet. */
function widgetCrd(): V1CustomResourceDefinition {
  const group = `${uniqueName('t')}.hubspoke-test.io`;
  crdNames.push(`widgets.${group}`);
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { kind: 'Widget', plural: 'widgets', singular: 'widget' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  properties: {
                    size: { type: 'integer' },
                    // Written as in a manifest: client-node's model calls it `_default`.
                    color: { type: 'string', default: 'blue' },
                  },
                } as object,
              },
            },
          },
        },
      ],
    },
  };
}

function widget(crd: V1CustomResourceDefinition, name: string) {
  return {
    apiVersion: `${crd.spec.group}/v1`,
    kind: 'Widget',
    metadata: { name, namespace: namespace.name },
    spec: { size: 3 },
  } as KubernetesObject & { spec: { size: number; color?: string } };
}

describe('ApplyEngine.apply with CustomResourceDefinitions', () => {
  it('applies a CRD and objects of its kind in one batch', async () => {
    const crd = widgetCrd();
    const gizmo = widget(crd, 'gizmo');

    const report = await engine.apply([gizmo, crd]);

    expect(summarise(report.objects)).toEqual([
      `create CustomResourceDefinition ${crd.metadata!.name}`,
      `create Widget ${namespace.name}/gizmo`,
    ]);
    expect(logger.info).toHaveBeenCalledWith(
      'Waiting for 1 CustomResourceDefinition(s) to be established',
    );
    const live = await readLive<typeof gizmo>(kubeConfig, gizmo);
    expect(live?.spec).toEqual({ size: 3, color: 'blue' });

    const again = await engine.apply([gizmo, crd]);
    expect(again.objects.map(o => o.action)).toEqual([
      'unchanged',
      'unchanged',
    ]);
  });

  it('predicts create for objects of a kind the batch defines in a dry run', async () => {
    const crd = widgetCrd();

    const report = await engine.apply([widget(crd, 'gizmo'), crd], {
      dryRun: true,
    });

    expect(report.objects).toEqual([
      expect.objectContaining({
        kind: 'CustomResourceDefinition',
        action: 'create',
      }),
      expect.objectContaining({
        kind: 'Widget',
        action: 'create',
        predicted: true,
      }),
    ]);
    expect(await readLive(kubeConfig, crd)).toBeUndefined();
  });
});
