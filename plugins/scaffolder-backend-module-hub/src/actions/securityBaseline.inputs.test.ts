import {
  apiErrorFrom,
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
  uniqueName,
} from '@hubspoke/testbed';
import { CoreV1Api } from '@kubernetes/client-node';
import { runAction } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createSecurityBaselineAction } from './securityBaseline';

// Inputs the action refuses before it applies anything, so these tests share no state
// with the ones that apply the baseline.

const testbed = connectToTestbed();
const core = testbed.kubeConfig.makeApiClient(CoreV1Api);
const action = createSecurityBaselineAction({
  clusters: connectorForHub({
    name: 'hub',
    auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
  }),
});
const tenantLabel = `test.hubspoke.io/tenant-${uniqueName('run').slice(-6)}`;
const valid = {
  allowedRegistries: ['ghcr.io/acme'],
  tenantLabel,
  systemNamespaces: [],
  mode: 'apply',
};
const namespaces: TestNamespace[] = [];

afterAll(() => Promise.all(namespaces.map(namespace => namespace.delete())));

function baselineInput(extra: object) {
  return { ...valid, monitoringNamespace: uniqueName('sec-never'), ...extra };
}

describe('hub:security:baseline with named tenant namespaces', () => {
  it('refuses tenant namespaces that do not exist or lack the tenant label, before applying', async () => {
    const unlabelled = await createTestNamespace(
      testbed.kubeConfig,
      'sec-unlabelled',
    );
    namespaces.push(unlabelled);
    const missing = uniqueName('sec-missing');

    await expect(
      runAction(
        action,
        baselineInput({ tenantNamespaces: [missing, unlabelled.name] }),
      ),
    ).rejects.toThrow(
      `tenantNamespaces.0: namespace "${missing}" does not exist on cluster "hub"; onboard the tenant first (hub:tenant:create); ` +
        `tenantNamespaces.1: namespace "${unlabelled.name}" does not carry the label ${tenantLabel}, so the admission policies would not cover it`,
    );
  });
});

describe('hub:security:baseline input errors', () => {
  it.each([
    [
      'a Kubernetes system group',
      { adminGroups: ['system:masters'] },
      'adminGroups.0: must not be a Kubernetes system group ("system:masters")',
    ],
    [
      'a group name with surrounding spaces',
      { viewerGroups: [' platform-viewers'] },
      'viewerGroups.0: must be a group name without leading or trailing spaces or control characters',
    ],
    [
      'an empty registry list',
      { allowedRegistries: [] },
      'allowedRegistries: must list at least one registry',
    ],
    [
      'a registry given as a URL',
      { allowedRegistries: ['https://ghcr.io'] },
      'allowedRegistries.0: must be a registry host with an optional path prefix',
    ],
    [
      'an unknown Pod Security level',
      { podSecurity: { tenants: 'strict' } },
      'podSecurity.tenants: must be one of privileged, baseline, restricted',
    ],
  ])(
    'rejects %s, naming the field, before applying anything',
    async (_, change, message) => {
      const neverCreated = uniqueName('sec-never');
      await expect(
        runAction(action, {
          ...valid,
          ...change,
          monitoringNamespace: neverCreated,
        }),
      ).rejects.toThrow(message);
      expect(
        (await apiErrorFrom(core.readNamespace({ name: neverCreated }))).code,
      ).toBe(404);
    },
  );
});
