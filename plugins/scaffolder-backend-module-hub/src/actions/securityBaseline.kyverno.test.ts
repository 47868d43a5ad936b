import {
  buildKyvernoClusterPolicies,
  KYVERNO_VERSION,
  parseSecurityBaselineInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { createApplyEngine } from '@hubspoke/backstage-plugin-hub-node';
import {
  apiErrorFrom,
  connectToTestbed,
  eventually,
  uniqueName,
} from '@hubspoke/testbed';
import {
  ApiextensionsV1Api,
  CustomObjectsApi,
  KubernetesObject,
} from '@kubernetes/client-node';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runAction } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createSecurityBaselineAction } from './securityBaseline';

jest.setTimeout(180_000);

// The testbed runs no Kyverno: these tests install Kyverno's own ClusterPolicy CRD
// (generated from its Go module by scripts/generate-kyverno-crds.mts) and check the
// policies against its schema. Whether Kyverno enforces them is not exercised here.

const CRD_NAME = 'clusterpolicies.kyverno.io';
const testbed = connectToTestbed();
const extensions = testbed.kubeConfig.makeApiClient(ApiextensionsV1Api);
const custom = testbed.kubeConfig.makeApiClient(CustomObjectsApi);
const engine = createApplyEngine({ kubeConfig: testbed.kubeConfig });
const action = createSecurityBaselineAction({
  clusters: connectorForHub({
    name: 'hub',
    auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
  }),
});

const suffix = uniqueName('run').slice(-6);
const fields = {
  allowedRegistries: ['ghcr.io/acme', 'registry.example.com:5000'],
  tenantLabel: `test.hubspoke.io/tenant-${suffix}`,
  systemNamespaces: [],
  fluxNamespace: uniqueName('kyv-flux'),
  monitoringNamespace: uniqueName('kyv-monitoring'),
  admissionEngine: 'Kyverno',
};
const policies = buildKyvernoClusterPolicies(
  parseSecurityBaselineInput(fields),
) as unknown as KubernetesObject[];

async function kyvernoCrd(): Promise<KubernetesObject> {
  const generated = JSON.parse(
    await readFile(
      join(
        __dirname,
        '..',
        '__fixtures__',
        `kyverno-crds-${KYVERNO_VERSION}.json`,
      ),
      'utf8',
    ),
  );
  return generated.crds.find(
    (crd: KubernetesObject) => crd.metadata?.name === CRD_NAME,
  );
}

async function removeKyvernoCrd() {
  await extensions
    .deleteCustomResourceDefinition({ name: CRD_NAME })
    .catch(() => undefined);
  await eventually(
    async () =>
      expect(
        (
          await apiErrorFrom(
            extensions.readCustomResourceDefinition({ name: CRD_NAME }),
          )
        ).code,
      ).toBe(404),
    { timeoutMs: 60_000 },
  );
}

function readPolicy(name: string) {
  return custom.getClusterCustomObject({
    group: 'kyverno.io',
    version: 'v1',
    plural: 'clusterpolicies',
    name,
  });
}

beforeAll(removeKyvernoCrd);
afterAll(removeKyvernoCrd);

describe('hub:security:baseline with Kyverno', () => {
  it('refuses Kyverno on a cluster without Kyverno, naming admissionEngine', async () => {
    await expect(
      runAction(action, { ...fields, mode: 'apply' }, { isDryRun: true }),
    ).rejects.toThrow(
      'admissionEngine: Kyverno is not installed on cluster "hub" (no CustomResourceDefinition clusterpolicies.kyverno.io); install Kyverno first or choose ValidatingAdmissionPolicy',
    );
  });

  it(`writes ClusterPolicies that Kyverno ${KYVERNO_VERSION}'s CRD schema accepts as they are`, async () => {
    await engine.apply([await kyvernoCrd()]);

    const { outputs } = await runAction(
      action,
      { ...fields, mode: 'apply' },
      { isDryRun: true },
    );
    expect(
      outputs.objects.filter(
        (o: { kind: string }) => o.kind === 'ClusterPolicy',
      ),
    ).toEqual(
      policies.map(policy => ({
        kind: 'ClusterPolicy',
        name: policy.metadata?.name,
        action: 'create',
      })),
    );
    expect(outputs.objects.map((o: { kind: string }) => o.kind)).not.toContain(
      'ValidatingAdmissionPolicy',
    );

    // Stored and read back: the structural schema would have pruned unknown fields.
    await engine.apply(policies);
    for (const policy of policies) {
      const stored = await readPolicy(policy.metadata!.name!);
      expect(stored.spec).toMatchObject(
        (policy as unknown as { spec: object }).spec,
      );
    }
    const again = await engine.apply(policies);
    expect(again.objects.map(o => o.action)).toEqual(
      policies.map(() => 'unchanged'),
    );
  });

  it('is held to the schema: a ClusterPolicy with an unknown failure action is refused', async () => {
    const [policy] = policies as unknown as Array<{
      spec: { rules: Array<{ validate: { failureAction: string } }> };
    }>;
    const broken = structuredClone(policy);
    broken.spec.rules[0].validate.failureAction = 'Deny';

    await expect(
      engine.apply([broken as unknown as KubernetesObject], { dryRun: true }),
    ).rejects.toThrow(/failureAction: Unsupported value: "Deny"/);
  });
});
