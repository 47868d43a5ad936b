import { createApplyEngine } from '@hubspoke/backstage-plugin-hub-node';
import { connectToTestbed } from '@hubspoke/testbed';
import { KubernetesObject } from '@kubernetes/client-node';
import { promises as fs } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { kustomizeBuild } from '../__testUtils__/kustomizeBuild';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createSecurityBaselineAction } from './securityBaseline';

jest.setTimeout(120_000);

const testbed = connectToTestbed();
const action = createSecurityBaselineAction({
  clusters: connectorForHub({
    name: 'hub',
    auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
  }),
});
const ROOT = 'fleet/clusters/hub/security-baseline';

const baseline = {
  adminGroups: ['platform-team'],
  viewerGroups: ['platform-observers'],
  allowedRegistries: ['ghcr.io/acme'],
  mode: 'gitops',
  gitopsDir: 'fleet',
};

async function workspace(files: Record<string, string> = {}) {
  const path = await mkdtemp(join(tmpdir(), 'hub-security-'));
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(dirname(join(path, file)), { recursive: true });
    await fs.writeFile(join(path, file), content);
  }
  return path;
}

async function run(
  workspacePath: string,
  input: object = {},
  options: RunActionOptions = {},
) {
  return runAction(
    action,
    { ...baseline, ...input },
    {
      workspacePath,
      ...options,
    },
  );
}

async function readObjects(dir: string): Promise<KubernetesObject[]> {
  const files = (await listFiles(dir)).filter(f => f !== 'kustomization.yaml');
  const texts = await Promise.all(
    files.map(file => fs.readFile(join(dir, file), 'utf8')),
  );
  return texts.flatMap(text =>
    parseAllDocuments(text).map(d => d.toJS() as KubernetesObject),
  );
}

describe('hub:security:baseline in gitops mode', () => {
  it('writes one file per object into the cluster folder, which kustomize builds and the API server accepts', async () => {
    const workspacePath = await workspace();
    const { outputs } = await run(workspacePath);

    expect(outputs.summary).toBe(`${outputs.files.length} files written`);
    expect(outputs.tenantNamespaces).toEqual([]);
    const built = await kustomizeBuild(join(workspacePath, ROOT));
    expect(built).toEqual(
      expect.arrayContaining([
        'Namespace kube-system',
        'Namespace flux-system',
        'Namespace monitoring',
        'ClusterRole hubspoke-platform-admin',
        'ClusterRoleBinding hubspoke-platform-viewers',
        'ValidatingAdmissionPolicy hubspoke-tenant-allowed-registries',
        'ValidatingAdmissionPolicyBinding hubspoke-no-default-namespace',
        'NetworkPolicy flux-system/hubspoke-default-deny',
        'NetworkPolicy monitoring/hubspoke-allow-monitoring-egress',
      ]),
    );
    expect(built).toHaveLength(outputs.files.length - 1);
    expect(built.filter(entry => entry.startsWith('RoleBinding '))).toEqual([]);

    const objects = await readObjects(join(workspacePath, ROOT));
    const roleRefs = objects.flatMap(o =>
      'roleRef' in o ? [(o as { roleRef: { name: string } }).roleRef.name] : [],
    );
    expect(roleRefs).toEqual([
      'hubspoke-platform-admin',
      'hubspoke-platform-viewer',
    ]);
    const kubeSystem = objects.find(o => o.metadata?.name === 'kube-system');
    expect(kubeSystem?.metadata?.annotations).toEqual({
      'kustomize.toolkit.fluxcd.io/prune': 'disabled',
    });
    // A server-side dry run: every object passes the API server's validation.
    const report = await createApplyEngine({
      kubeConfig: testbed.kubeConfig,
    }).apply(objects, { dryRun: true });
    expect(report.objects).toHaveLength(objects.length);
  });

  it('writes the same files again on a second run', async () => {
    const workspacePath = await workspace();
    await run(workspacePath);
    const files = await listFiles(workspacePath);
    const first = await Promise.all(
      files.map(f => fs.readFile(join(workspacePath, f), 'utf8')),
    );
    await run(workspacePath);

    expect(await listFiles(workspacePath)).toEqual(files);
    expect(
      await Promise.all(
        files.map(f => fs.readFile(join(workspacePath, f), 'utf8')),
      ),
    ).toEqual(first);
  });

  it('leaves a namespace the fleet already declares to its folder, and says which labels to add there', async () => {
    const workspacePath = await workspace({
      'fleet/clusters/hub/flux-system/gotk-components.yaml':
        '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: source-controller\n  namespace: flux-system\n',
    });
    const { outputs, logger } = await run(workspacePath);

    expect(outputs.files).not.toContain(
      'clusters/hub/security-baseline/namespace-flux-system.yaml',
    );
    expect(outputs.files).toContain(
      'clusters/hub/security-baseline/namespace-monitoring.yaml',
    );
    expect(outputs.files).toContain(
      'clusters/hub/security-baseline/networkpolicy-flux-system-hubspoke-default-deny.yaml',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'namespace flux-system is declared in clusters/hub/flux-system/gotk-components.yaml, so clusters/hub/security-baseline does not declare it again (Flux would refuse the duplicate): add pod-security.kubernetes.io/enforce: baseline to its labels there',
    );
    // The fleet's cluster folder still builds: no Namespace is declared twice.
    await fs.writeFile(
      join(workspacePath, 'fleet/clusters/hub/kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - flux-system/gotk-components.yaml\n  - security-baseline\n',
    );
    expect(
      await kustomizeBuild(join(workspacePath, 'fleet/clusters/hub')),
    ).toContain('Namespace flux-system');
  });

  it('binds the reconcilers in the named tenant namespaces without declaring them, and warns when none are named', async () => {
    const named = await workspace();
    const { outputs } = await run(named, {
      tenantReconcilerGroups: ['release-bots'],
      tenantNamespaces: ['team-a', 'team-b'],
    });
    expect(outputs.tenantNamespaces).toEqual(['team-a', 'team-b']);
    expect(outputs.files).toEqual(
      expect.arrayContaining([
        'clusters/hub/security-baseline/rolebinding-team-a-hubspoke-tenant-reconcilers.yaml',
        'clusters/hub/security-baseline/rolebinding-team-b-hubspoke-tenant-reconcilers.yaml',
      ]),
    );
    expect(outputs.files).not.toContain(
      'clusters/hub/security-baseline/namespace-team-a.yaml',
    );

    const unnamed = await workspace();
    const { logger } = await run(unnamed, {
      tenantReconcilerGroups: ['release-bots'],
    });
    expect(logger.warn).toHaveBeenCalledWith(
      'tenantReconcilerGroups: gitops mode binds them only in the namespaces named in tenantNamespaces; none are named, so no tenant namespace binds them',
    );
  });

  it('writes Kyverno ClusterPolicies instead of ValidatingAdmissionPolicies when asked', async () => {
    const workspacePath = await workspace();
    const { outputs } = await run(workspacePath, {
      admissionEngine: 'Kyverno',
    });

    const kinds = (await kustomizeBuild(join(workspacePath, ROOT))).map(
      entry => entry.split(' ')[0],
    );
    expect(kinds.filter(kind => kind === 'ClusterPolicy')).toHaveLength(5);
    expect(kinds).not.toContain('ValidatingAdmissionPolicy');
    expect(outputs.files).toContain(
      'clusters/hub/security-baseline/clusterpolicy-hubspoke-tenant-allowed-registries.yaml',
    );
  });

  it('writes nothing in a dry run, or when the input is bad', async () => {
    const workspacePath = await workspace();
    const { outputs } = await run(workspacePath, {}, { isDryRun: true });
    expect(outputs.summary).toBe(
      `${outputs.files.length} files to write (dry run)`,
    );

    await expect(
      run(workspacePath, {
        allowedRegistries: [],
        adminGroups: ['system:masters'],
      }),
    ).rejects.toThrow(
      'Invalid security baseline input: adminGroups.0: must not be a Kubernetes system group ("system:masters"): the system: prefix is reserved and would grant the role to built-in identities; allowedRegistries: must list at least one registry: with none, no tenant pod could start',
    );
    expect(await listFiles(workspacePath)).toEqual([]);
  });
});
