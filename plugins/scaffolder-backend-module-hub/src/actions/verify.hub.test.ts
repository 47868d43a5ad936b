import { mockServices } from '@backstage/backend-test-utils';
import {
  HubCheckReport,
  HubCheckStatus,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  createApplyEngine,
  veleroCrds,
} from '@hubspoke/backstage-plugin-hub-node';
import {
  commitFiles,
  eventually,
  GitServer,
  kustomizationRef,
  startGitServer,
  startTestbed,
  Testbed,
  waitForFlux,
} from '@hubspoke/testbed';
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  NetworkingV1Api,
  PatchStrategy,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import { runAction } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { ClusterConnector } from '../clusters/ClusterConnector';
import { createAuditConfigureAction } from './auditConfigure';
import { createFluxInstallAction } from './fluxInstall';
import { createSecurityBaselineAction } from './securityBaseline';
import { createTenantCreateAction } from './tenantCreate';
import { createVerifyAction } from './verify';

jest.setTimeout(240_000);

const HOUR = 3_600_000;
const FLUX_TENANT_LABEL_PATH = '/metadata/labels/toolkit.fluxcd.io~1tenant';
const TENANTS = ['alpha', 'beta'];

let testbed: Testbed;
let git: GitServer;
let kubeConfig: KubeConfig;
let clusters: ClusterConnector;
let auditFlags: string[];

function apply(objects: object[], force = false) {
  return createApplyEngine({
    kubeConfig,
    logger: mockServices.logger.mock(),
  }).apply(objects as KubernetesObject[], { force });
}

/** What kubeadm mirrors into kube-system for each API server: its flags are readable there. */
function apiServerMirrorPod(name: string, flags: string[]) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      labels: { component: 'kube-apiserver', tier: 'control-plane' },
    },
    spec: {
      containers: [
        {
          name: 'kube-apiserver',
          image: 'registry.k8s.io/kube-apiserver:v1.36.3',
          command: ['kube-apiserver', ...flags],
        },
      ],
    },
  };
}

async function onboardTenant(name: string) {
  const repo = await git.createRepository(name);
  await commitFiles(repo, {
    files: {
      'app/settings.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  tenant: ${name}\n`,
    },
  });
  await runAction(createTenantCreateAction({ clusters }), {
    name,
    ownerGroup: `team-${name}`,
    quotaTier: 'small',
    source: { url: repo.url, path: './app', secretName: 'git-auth' },
    mode: 'apply',
  });
  await apply([
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'git-auth', namespace: name },
      type: 'Opaque',
      stringData: { username: repo.username, password: repo.password },
    },
  ]);
  await waitForFlux(kubeConfig, kustomizationRef(name, name), {
    timeoutMs: 90_000,
  });
}

/** Velero as the backup check reads it: a Schedule and its last Backup, completed an hour ago. */
async function recordBackup() {
  await apply(veleroCrds());
  await kubeConfig
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name: 'velero' } } });
  const completed = new Date(Date.now() - HOUR).toISOString();
  await eventually(() =>
    apply([
      {
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        metadata: { name: 'cluster-state', namespace: 'velero' },
        spec: { schedule: '0 */6 * * *', template: { ttl: '720h0m0s' } },
      },
      {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        metadata: {
          name: 'cluster-state-20261124',
          namespace: 'velero',
          labels: { 'velero.io/schedule-name': 'cluster-state' },
        },
        spec: { ttl: '720h0m0s' },
        // Backup has no status subresource: Velero writes status with the object.
        status: { phase: 'Completed', completionTimestamp: completed },
      },
    ]),
  );
}

beforeAll(async () => {
  testbed = await startTestbed({
    etcdMembers: 3,
    apiservers: 2,
    nodes: 3,
    flux: true,
  });
  kubeConfig = testbed.kubeConfig();
  git = await startGitServer();
  clusters = connectorForHub({
    name: 'hub',
    auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
  });
  // The testbed made flux-system and the controllers' accounts itself: take them over.
  await installFlux();
  const core = kubeConfig.makeApiClient(CoreV1Api);
  for (const node of testbed.state.nodes) {
    await core.patchNode({
      name: node,
      body: [
        {
          op: 'add',
          path: '/metadata/labels/node-role.kubernetes.io~1control-plane',
          value: '',
        },
      ],
    });
  }
  // kubeadm runs each API server with the flags hub:audit:configure returns.
  const audit = await runAction(createAuditConfigureAction({ clusters }), {
    mode: 'outputs',
  });
  auditFlags = audit.outputs.flags;
  await apply(
    testbed.state.nodes.map((node, index) =>
      apiServerMirrorPod(`kube-apiserver-${node}-${index}`, auditFlags),
    ),
  );
  for (const tenant of TENANTS) await onboardTenant(tenant);
  await runAction(createSecurityBaselineAction({ clusters }), {
    adminGroups: ['platform-team'],
    viewerGroups: ['platform-viewers'],
    allowedRegistries: ['registry.example.com'],
    mode: 'apply',
  });
  await recordBackup();
}, 300_000);

function installFlux() {
  return runAction(createFluxInstallAction({ clusters }), {
    mode: 'apply',
    force: true,
  });
}

afterAll(async () => {
  await git?.stop();
  await testbed?.stop();
}, 120_000);

async function verify(): Promise<HubCheckReport> {
  const action = createVerifyAction({
    clusters,
    hubEtcd: { endpoints: testbed.state.etcdClientURLs },
  });
  const { outputs } = await runAction(action, {
    recoveryPointObjective: '24h',
    failOn: 'never',
  });
  return outputs.report;
}

function statuses(report: HubCheckReport): Record<string, HubCheckStatus> {
  return Object.fromEntries(report.checks.map(c => [c.id, c.status]));
}

function check(report: HubCheckReport, id: string) {
  const found = report.checks.find(c => c.id === id);
  if (!found)
    throw new Error(
      `no check ${id} in ${report.checks.map(c => c.id).join(', ')}`,
    );
  return found;
}

/** Runs verify until the Flux controllers' Deployments are Available on KWOK. */
async function healthyReport() {
  return eventually(
    async () => {
      const report = await verify();
      if (report.status !== 'pass') {
        throw new Error(
          report.checks
            .filter(c => c.status !== 'pass')
            .map(c => `${c.id}: ${c.reason} ${c.evidence.join('; ')}`)
            .join('\n'),
        );
      }
      return report;
    },
    { timeoutMs: 60_000 },
  );
}

describe('hub:verify on a hub configured by the actions', () => {
  let healthy: Record<string, HubCheckStatus>;

  it('passes every check, with evidence', async () => {
    const report = await healthyReport();
    healthy = statuses(report);
    expect(Object.keys(healthy).sort()).toEqual([
      'audit.logging',
      'backups.recency',
      'controlPlane.ha',
      'controlPlane.readyz',
      'etcd.members',
      'etcd.readiness',
      'flux.controllers',
      'flux.reconciliation',
      'security.defaultDeny',
      'security.podAdmission',
      'tenants.isolation',
    ]);
    expect(check(report, 'etcd.members').reason).toMatch(/^3 voting members/);
    expect(check(report, 'tenants.isolation').reason).toMatch(
      /2 tenant namespaces, \d+ SubjectAccessReviews/,
    );
    expect(check(report, 'security.podAdmission').evidence.join('\n')).toMatch(
      /alpha: refused \(403\).*privileged/,
    );
  });

  // Each test below breaks one thing and mends it; the hub must be whole again after.
  let mendable = true;
  afterEach(() => (mendable ? healthyReport() : undefined));

  /** Expects exactly the check `id` to fail, with evidence. */
  async function expectOnlyFailure(id: string, evidence: RegExp) {
    // Retried until stable: a change can take a moment to show everywhere.
    const report = await eventually(async () => {
      const current = await verify();
      expect(statuses(current)).toEqual({ ...healthy, [id]: 'fail' });
      return current;
    });
    expect(check(report, id).evidence.join('\n')).toMatch(evidence);
  }

  it('fails tenant isolation when a RoleBinding lets one tenant into another', async () => {
    const rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRoleBinding({
      namespace: 'alpha',
      body: {
        metadata: { name: 'beta-helps-alpha' },
        subjects: [{ kind: 'ServiceAccount', name: 'flux', namespace: 'beta' }],
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'admin',
        },
      },
    });
    await expectOnlyFailure(
      'tenants.isolation',
      /beta\/flux can get secrets in alpha/,
    );
    await rbac.deleteNamespacedRoleBinding({
      namespace: 'alpha',
      name: 'beta-helps-alpha',
    });
  });

  it('fails default deny for a tenant namespace without its policy', async () => {
    const networking = kubeConfig.makeApiClient(NetworkingV1Api);
    const policy = await networking.readNamespacedNetworkPolicy({
      namespace: 'beta',
      name: 'default-deny',
    });
    await networking.deleteNamespacedNetworkPolicy({
      namespace: 'beta',
      name: 'default-deny',
    });
    await expectOnlyFailure(
      'security.defaultDeny',
      /^beta: no NetworkPolicy selects every pod/m,
    );
    await networking.createNamespacedNetworkPolicy({
      namespace: 'beta',
      body: {
        metadata: { name: 'default-deny', labels: policy.metadata?.labels },
        spec: policy.spec,
      },
    });
  });

  it('fails pod admission for a tenant namespace that Pod Security and the admission policies both let through', async () => {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    // The baseline's admission policies select namespaces by the Flux tenant label, so
    // refusing privileged pods takes both that label and the Pod Security level.
    const relabel = (level: string, fluxTenant?: string) =>
      core.patchNamespace({
        name: 'beta',
        body: [
          {
            op: 'replace',
            path: '/metadata/labels/pod-security.kubernetes.io~1enforce',
            value: level,
          },
          fluxTenant
            ? { op: 'add', path: FLUX_TENANT_LABEL_PATH, value: fluxTenant }
            : { op: 'remove', path: FLUX_TENANT_LABEL_PATH },
        ],
      });
    await relabel('privileged');
    await expectOnlyFailure(
      'security.podAdmission',
      /beta: a privileged host-network Pod was admitted/,
    );
    await relabel('restricted', 'beta');
  });

  it('fails backups when the last one is older than the recovery point objective', async () => {
    const backupAt = (completionTimestamp: string) =>
      KubernetesObjectApi.makeApiClient(kubeConfig).patch(
        {
          apiVersion: 'velero.io/v1',
          kind: 'Backup',
          metadata: { name: 'cluster-state-20261124', namespace: 'velero' },
          status: { completionTimestamp },
        },
        undefined,
        undefined,
        undefined,
        undefined,
        PatchStrategy.MergePatch,
      );
    await backupAt(new Date(Date.now() - 30 * HOUR).toISOString());
    await expectOnlyFailure(
      'backups.recency',
      /Schedule velero\/cluster-state: last success 30\.0 h ago/,
    );
    await backupAt(new Date(Date.now() - HOUR).toISOString());
  });

  it('fails audit logging when an API server runs without an audit policy', async () => {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const name = `kube-apiserver-${testbed.state.nodes[0]}-0`;
    await core.deleteNamespacedPod({
      namespace: 'kube-system',
      name,
      gracePeriodSeconds: 0,
    });
    await eventually(async () => {
      const pods = await core.listNamespacedPod({
        namespace: 'kube-system',
        fieldSelector: `metadata.name=${name}`,
      });
      if (pods.items.length > 0) throw new Error(`${name} still exists`);
    });
    await apply([apiServerMirrorPod(name, ['--authorization-mode=Node,RBAC'])]);
    await expectOnlyFailure(
      'audit.logging',
      new RegExp(`${name}: policy none, backend none`),
    );
    await core.deleteNamespacedPod({
      namespace: 'kube-system',
      name,
      gracePeriodSeconds: 0,
    });
  });

  it('fails Flux reconciliation for a suspended Kustomization and names it', async () => {
    const apps = kubeConfig.makeApiClient(AppsV1Api);
    expect(
      (await apps.listNamespacedDeployment({ namespace: 'flux-system' })).items
        .length,
    ).toBe(4);
    // A merge patch, as `flux suspend` does: an apply by the same field manager would drop the rest of the spec.
    const suspend = (value: boolean) =>
      KubernetesObjectApi.makeApiClient(kubeConfig).patch(
        {
          apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
          kind: 'Kustomization',
          metadata: { name: 'alpha', namespace: 'alpha' },
          spec: { suspend: value },
        },
        undefined,
        undefined,
        undefined,
        undefined,
        PatchStrategy.MergePatch,
      );
    await suspend(true);
    await expectOnlyFailure(
      'flux.reconciliation',
      /Kustomization alpha\/alpha: suspended/,
    );
    await suspend(false);
  });

  it('fails high availability with an even number of control-plane nodes', async () => {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const node = testbed.state.nodes[0];
    const labelPath = '/metadata/labels/node-role.kubernetes.io~1control-plane';
    await core.patchNode({
      name: node,
      body: [{ op: 'remove', path: labelPath }],
    });
    await expectOnlyFailure(
      'controlPlane.ha',
      /control-plane nodes: kwok-node-1, kwok-node-2$/m,
    );
    await core.patchNode({
      name: node,
      body: [{ op: 'add', path: labelPath, value: '' }],
    });
  });

  it('fails the Flux controllers check when kustomize-controller is gone', async () => {
    await kubeConfig.makeApiClient(AppsV1Api).deleteNamespacedDeployment({
      namespace: 'flux-system',
      name: 'kustomize-controller',
    });
    await expectOnlyFailure(
      'flux.controllers',
      /flux-system\/source-controller: Available/,
    );
    await installFlux();
  });

  // Last, because a removed member cannot simply rejoin: nothing is mended after it.
  it('fails etcd quorum when a member is removed and two remain', async () => {
    mendable = false;
    const [endpoint] = testbed.state.etcdClientURLs;
    const etcdApi = async (path: string, body: object) => {
      const response = await fetch(new URL(path, endpoint), {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return response.json();
    };
    const { members } = await etcdApi('/v3/cluster/member/list', {});
    const other = members.find(
      (m: { clientURLs: string[] }) => !m.clientURLs.includes(endpoint),
    );
    await etcdApi('/v3/cluster/member/remove', { ID: other.ID });
    await expectOnlyFailure('etcd.members', /^asked http/m);
    const report = await verify();
    expect(check(report, 'etcd.members').reason).toMatch(/^2 voting member/);
  });
});
