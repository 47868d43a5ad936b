import {
  clusterApiCrds,
  createApplyEngine,
} from '@hubspoke/backstage-plugin-hub-node';
import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
} from '@hubspoke/testbed';
import { KubernetesObject } from '@kubernetes/client-node';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runAction } from '../__testUtils__/runAction';
import { createControlPlanePlanAction } from './controlplanePlan';

jest.setTimeout(120_000);

const { kubeConfig } = connectToTestbed();
const engine = createApplyEngine({
  kubeConfig,
  fieldManager: 'hubspoke-tests',
});
const action = createControlPlanePlanAction();

/**
 * Cluster API's CRDs as its module holds them. `clusterctl init` installs them with
 * conversion through the webhook of capi-controller-manager, which does not run on the
 * testbed: the API server would call a Service that is not there. The objects under test
 * are v1beta2, the storage version, so no conversion happens and `None` validates them
 * against the same schema.
 */
function crdsWithoutConversionWebhook(): KubernetesObject[] {
  return clusterApiCrds().crds.map(crd => ({
    ...crd,
    spec: {
      ...(crd as { spec: object }).spec,
      conversion: { strategy: 'None' },
    },
  }));
}

let namespace: TestNamespace;
let objects: Record<string, any>[];

async function planObjects(name: string): Promise<Record<string, any>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-capi-'));
  await runAction(
    action,
    {
      name,
      provider: 'cluster-api',
      kubernetesVersion: 'v1.36.3',
      controlPlaneEndpoint: `api.${name}.example.com:6443`,
      etcd: {
        type: 'external',
        endpoints: [0, 1, 2].map(i => `https://etcd-${i}.example.com:2379`),
      },
      audit: { tenantNamespaces: ['team-payments', 'team-search'] },
      cni: 'calico',
      csi: { driver: 'aws-ebs' },
      infrastructure: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
        cluster: { kind: 'AWSCluster', spec: { region: 'eu-west-1' } },
        machineTemplate: {
          kind: 'AWSMachineTemplate',
          spec: { template: { spec: { instanceType: 'm6i.large' } } },
        },
      },
    },
    { workspacePath: dir },
  );
  const root = join(dir, `clusters/${name}/control-plane`);
  const { resources } = parse(
    await readFile(join(root, 'kustomization.yaml'), 'utf8'),
  );
  return Promise.all(
    (resources as string[]).map(async file =>
      parse(await readFile(join(root, file), 'utf8')),
    ),
  );
}

function byKind(...kinds: string[]) {
  return objects.filter(o => kinds.includes(o.kind)) as KubernetesObject[];
}

beforeAll(async () => {
  await engine.apply(crdsWithoutConversionWebhook(), { force: true });
  // The plan's objects live in the namespace named after the cluster.
  namespace = await createTestNamespace(kubeConfig, 'cp');
  objects = await planObjects(namespace.name);
});

afterAll(async () => {
  await namespace?.delete();
});

describe('hub:controlplane:plan Cluster API objects', () => {
  it("pass the API server's validation against Cluster API v1.14.2's CRDs (v1beta2)", async () => {
    const report = await engine.apply(
      byKind('Cluster', 'KubeadmControlPlane'),
      {
        dryRun: true,
      },
    );

    expect(
      report.objects.map(o => [o.apiVersion, o.kind, o.name, o.action]),
    ).toEqual([
      ['cluster.x-k8s.io/v1beta2', 'Cluster', namespace.name, 'create'],
      [
        'controlplane.cluster.x-k8s.io/v1beta2',
        'KubeadmControlPlane',
        `${namespace.name}-control-plane`,
        'create',
      ],
    ]);
  });

  it("pass the API server's validation against Flux's CRDs: the CNI and CSI releases", async () => {
    const report = await engine.apply(byKind('HelmRepository', 'HelmRelease'), {
      dryRun: true,
    });

    expect(
      report.objects.map(o => `${o.kind}/${o.name} ${o.action}`).sort(),
    ).toEqual([
      'HelmRelease/aws-ebs-csi-driver create',
      'HelmRelease/tigera-operator create',
      'HelmRepository/aws-ebs-csi-driver create',
      'HelmRepository/projectcalico create',
    ]);
  });

  it.each([
    [
      'its OpenAPI schema',
      (spec: any) => {
        delete spec.version;
        spec.kubeadmConfigSpec.files[1].content = 'x'.repeat(10241);
      },
      /files\[1\]\.content: Too long: may not be more than 10240 bytes, spec\.version: Required value/,
    ],
    [
      'its CEL rules',
      (spec: any) => {
        const { extraArgs } =
          spec.kubeadmConfigSpec.clusterConfiguration.apiServer;
        extraArgs.push({
          name: extraArgs[0].name,
          value: '/etc/kubernetes/other.yaml',
        });
      },
      /spec\.kubeadmConfigSpec\.clusterConfiguration\.apiServer\.extraArgs: Invalid value/,
    ],
  ])(
    'are checked by those CRDs: a KubeadmControlPlane that breaks %s is refused',
    async (_, breakSpec, problem) => {
      const [controlPlane] = byKind('KubeadmControlPlane') as Record<
        string,
        any
      >[];
      const broken = structuredClone(controlPlane);
      breakSpec(broken.spec);

      await expect(engine.apply([broken], { dryRun: true })).rejects.toThrow(
        problem,
      );
    },
  );

  it("leave the provider's kinds unchecked: their CRDs are not on the testbed", async () => {
    expect(objects.map(o => o.kind)).toEqual(
      expect.arrayContaining(['AWSCluster', 'AWSMachineTemplate']),
    );
    await expect(
      engine.apply(byKind('AWSMachineTemplate'), { dryRun: true }),
    ).rejects.toThrow(/AWSMachineTemplate/);
  });
});
