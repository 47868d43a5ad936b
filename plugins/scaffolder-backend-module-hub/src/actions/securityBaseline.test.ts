import {
  buildSecurityBaselineManifests,
  parseSecurityBaselineInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { createApplyEngine } from '@hubspoke/backstage-plugin-hub-node';
import {
  apiErrorFrom,
  connectToTestbed,
  createTestNamespace,
  eventually,
  TestNamespace,
  uniqueName,
} from '@hubspoke/testbed';
import {
  AdmissionregistrationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubernetesObject,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
  V1ResourceAttributes,
} from '@kubernetes/client-node';
import { runAction } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createSecurityBaselineAction } from './securityBaseline';
import {
  admissionProbes,
  compliantPod,
  deniedBy,
  OWNER_LABEL,
} from '../__testUtils__/securityBaselineProbes';

jest.setTimeout(180_000);

const testbed = connectToTestbed();
const core = testbed.kubeConfig.makeApiClient(CoreV1Api);
const rbac = testbed.kubeConfig.makeApiClient(RbacAuthorizationV1Api);
const admission = testbed.kubeConfig.makeApiClient(AdmissionregistrationV1Api);
const networking = testbed.kubeConfig.makeApiClient(NetworkingV1Api);
const authorization = testbed.kubeConfig.makeApiClient(AuthorizationV1Api);
const action = createSecurityBaselineAction({
  clusters: connectorForHub({
    name: 'hub',
    auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
  }),
});

// A label of this run's own marks its tenant namespaces, so the policies select only
// them (the Flux tests' tenants carry toolkit.fluxcd.io/tenant); removed in afterAll.
const suffix = uniqueName('run').slice(-6);
const tenantLabel = `test.hubspoke.io/tenant-${suffix}`;
const groups = {
  admin: `platform-admins-${suffix}`,
  viewer: `platform-viewers-${suffix}`,
  reconciler: `tenant-reconcilers-${suffix}`,
};
const monitoringNamespace = uniqueName('sec-monitoring');

let system: TestNamespace;
let flux: TestNamespace;
let tenant: TestNamespace;
let lateTenant: TestNamespace;
const moreNamespaces: TestNamespace[] = [];
let clusterAdminBindingsBefore: string[];

/** The baseline's own fields, without the delivery ones. */
function baselineFields() {
  return {
    adminGroups: [groups.admin],
    viewerGroups: [groups.viewer],
    tenantReconcilerGroups: [groups.reconciler],
    allowedRegistries: ['registry.example.com/acme', 'ghcr.io'],
    ownerLabel: OWNER_LABEL,
    tenantLabel,
    systemNamespaces: [system.name],
    fluxNamespace: flux.name,
    monitoringNamespace,
  };
}

function baselineInput(extra: object = {}) {
  return { ...baselineFields(), mode: 'apply', ...extra };
}

async function clusterAdminBindings(): Promise<string[]> {
  const { items } = await rbac.listClusterRoleBinding();
  return items
    .filter(binding => binding.roleRef.name === 'cluster-admin')
    .map(binding => binding.metadata?.name ?? '')
    .sort();
}

async function namespaceLabels(name: string) {
  return (await core.readNamespace({ name })).metadata?.labels ?? {};
}

async function allowed(group: string, attributes: V1ResourceAttributes) {
  const review = await authorization.createSubjectAccessReview({
    body: {
      spec: {
        user: `someone-${suffix}`,
        groups: [group],
        resourceAttributes: attributes,
      },
    },
  });
  return review.status?.allowed ?? false;
}

beforeAll(async () => {
  system = await createTestNamespace(testbed.kubeConfig, 'sec-system');
  flux = await createTestNamespace(testbed.kubeConfig, 'sec-flux');
  tenant = await createTestNamespace(testbed.kubeConfig, 'sec-tenant', {
    [tenantLabel]: 'acme',
  });
  clusterAdminBindingsBefore = await clusterAdminBindings();
});

afterAll(async () => {
  // The baseline's own objects, then the namespaces: the policies must not outlive the run.
  const objects = buildSecurityBaselineManifests(
    parseSecurityBaselineInput(baselineFields()),
    { tenantNamespaces: [tenant.name] },
  ).filter(object => object.kind !== 'Namespace');
  await createApplyEngine({ kubeConfig: testbed.kubeConfig }).delete(
    objects as KubernetesObject[],
  );
  await Promise.all(
    [system, flux, tenant, lateTenant, ...moreNamespaces].map(namespace =>
      namespace?.delete(),
    ),
  );
  await core.deleteNamespace({ name: monitoringNamespace }).catch(() => {});
});

describe('hub:security:baseline in apply mode', () => {
  it('writes nothing in a dry run and reports what it would create', async () => {
    const { outputs } = await runAction(action, baselineInput(), {
      isDryRun: true,
    });

    expect(outputs.tenantNamespaces).toEqual([tenant.name]);
    expect(outputs.summary).toMatch(/to create, .* \(dry run\)$/);
    expect(outputs.objects).toEqual(
      expect.arrayContaining([
        { kind: 'Namespace', name: monitoringNamespace, action: 'create' },
        {
          kind: 'NetworkPolicy',
          namespace: flux.name,
          name: 'hubspoke-default-deny',
          action: 'create',
        },
      ]),
    );
    expect(
      (await apiErrorFrom(core.readNamespace({ name: monitoringNamespace })))
        .code,
    ).toBe(404);
    expect(
      (
        await apiErrorFrom(
          networking.readNamespacedNetworkPolicy({
            name: 'hubspoke-default-deny',
            namespace: flux.name,
          }),
        )
      ).code,
    ).toBe(404);
    expect(await namespaceLabels(tenant.name)).not.toHaveProperty(
      'pod-security.kubernetes.io/enforce',
    );
  });

  it('applies the baseline beside the labels others own, and a second run changes nothing', async () => {
    const { outputs: first, logger } = await runAction(action, baselineInput());

    expect(first.tenantNamespaces).toEqual([tenant.name]);
    expect(first.summary).toMatch(/^\d+ created, \d+ updated, 0 unchanged$/);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        `security baseline for cluster hub: admins ${groups.admin}; viewers ${groups.viewer}; tenant reconcilers ${groups.reconciler}; tenant namespaces ${tenant.name}`,
      ),
    );
    expect(await namespaceLabels(tenant.name)).toEqual({
      'kubernetes.io/metadata.name': tenant.name,
      [tenantLabel]: 'acme',
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    expect(await namespaceLabels(flux.name)).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
    // Host agents (node-exporter, the log collector) run there: the system level.
    expect(await namespaceLabels(monitoringNamespace)).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
      'hubspoke.io/role': 'monitoring',
    });
    expect(await namespaceLabels(system.name)).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
    });

    const { outputs: second } = await runAction(action, baselineInput());
    expect(
      second.objects.filter(
        (o: { action: string }) => o.action !== 'unchanged',
      ),
    ).toEqual([]);
    expect(second.summary).toBe(
      `0 created, 0 updated, ${first.objects.length} unchanged`,
    );
  });

  it('creates no binding to cluster-admin, and gives each group only its role', async () => {
    expect(await clusterAdminBindings()).toEqual(clusterAdminBindingsBefore);

    const secrets = {
      resource: 'secrets',
      verb: 'get',
      namespace: tenant.name,
    };
    expect(await allowed(groups.viewer, secrets)).toBe(false);
    expect(
      await allowed(groups.viewer, { resource: 'secrets', verb: 'list' }),
    ).toBe(false);
    expect(
      await allowed(groups.viewer, {
        group: 'apps',
        resource: 'deployments',
        verb: 'list',
      }),
    ).toBe(true);
    expect(
      await allowed(groups.viewer, {
        group: 'apps',
        resource: 'deployments',
        verb: 'create',
        namespace: tenant.name,
      }),
    ).toBe(false);

    expect(await allowed(groups.admin, secrets)).toBe(true);
    expect(
      await allowed(groups.admin, {
        group: 'rbac.authorization.k8s.io',
        resource: 'clusterrolebindings',
        verb: 'create',
      }),
    ).toBe(false);

    const deploy = (namespace: string) => ({
      group: 'apps',
      resource: 'deployments',
      verb: 'create',
      namespace,
    });
    expect(await allowed(groups.reconciler, deploy(tenant.name))).toBe(true);
    expect(await allowed(groups.reconciler, deploy(flux.name))).toBe(false);
  });

  it('denies what the admission policies forbid, with their messages, and admits a compliant pod', async () => {
    // A tenant onboarded after the baseline: the bindings select it by label at once,
    // and it has no Pod Security labels, so only the policies stand in the way.
    lateTenant = await createTestNamespace(testbed.kubeConfig, 'sec-late', {
      [tenantLabel]: 'late',
    });
    const probes = admissionProbes(testbed.kubeConfig, {
      tenant: tenant.name,
      lateTenant: lateTenant.name,
    });
    // The API server loads new policies and bindings asynchronously, each on its own.
    await eventually(
      async () => {
        expect((await apiErrorFrom(probes.privilegedPod())).code).toBe(422);
        expect(await deniedBy(probes.podFromOtherRegistry())).toContain(
          'must come from an allowed registry',
        );
      },
      { timeoutMs: 60_000, intervalMs: 1000 },
    );

    expect(await deniedBy(probes.privilegedPod())).toBe(
      "ValidatingAdmissionPolicy 'hubspoke-tenant-no-privileged' with binding 'hubspoke-tenant-no-privileged' denied request: containers in tenant namespaces must not be privileged: app",
    );
    expect(await deniedBy(probes.hostNetworkPod())).toBe(
      "ValidatingAdmissionPolicy 'hubspoke-tenant-no-privileged' with binding 'hubspoke-tenant-no-privileged' denied request: pods in tenant namespaces must not use the host's network, PID or IPC namespace",
    );
    expect(await deniedBy(probes.podFromOtherRegistry())).toBe(
      "ValidatingAdmissionPolicy 'hubspoke-tenant-allowed-registries' with binding 'hubspoke-tenant-allowed-registries' denied request: images in tenant namespaces must come from an allowed registry (registry.example.com/acme, ghcr.io); not allowed: docker.io/library/nginx:1.27",
    );
    expect(await deniedBy(probes.podWithoutLimits())).toBe(
      "ValidatingAdmissionPolicy 'hubspoke-tenant-resource-limits' with binding 'hubspoke-tenant-resource-limits' denied request: containers in tenant namespaces must set CPU and memory limits: app",
    );
    expect(await deniedBy(probes.deploymentWithoutOwner())).toBe(
      `ValidatingAdmissionPolicy 'hubspoke-tenant-owner-label' with binding 'hubspoke-tenant-owner-label' denied request: workloads in tenant namespaces must carry the label ${OWNER_LABEL} naming their owner`,
    );
    expect(await deniedBy(probes.podInDefault())).toBe(
      "ValidatingAdmissionPolicy 'hubspoke-no-default-namespace' with binding 'hubspoke-no-default-namespace' denied request: workloads must not run in the default namespace: deploy them to a tenant or platform namespace",
    );
    // In the labelled tenant, Pod Security (restricted) refuses first.
    expect(await deniedBy(probes.privilegedPod(tenant.name))).toMatch(
      /violates PodSecurity "restricted:latest"/,
    );

    await expect(probes.compliantPod()).resolves.toMatchObject({
      metadata: { name: compliantPod().metadata?.name },
    });
  });

  it('writes policies whose CEL type-checks against every kind they match', async () => {
    const { items } = await admission.listValidatingAdmissionPolicy({
      labelSelector: 'app.kubernetes.io/component=security-baseline',
    });
    expect(items.map(policy => policy.metadata?.name).sort()).toEqual([
      'hubspoke-no-default-namespace',
      'hubspoke-tenant-allowed-registries',
      'hubspoke-tenant-no-privileged',
      'hubspoke-tenant-owner-label',
      'hubspoke-tenant-resource-limits',
    ]);
    await eventually(async () => {
      const { items: checked } = await admission.listValidatingAdmissionPolicy({
        labelSelector: 'app.kubernetes.io/component=security-baseline',
      });
      for (const policy of checked) {
        expect(policy.status?.observedGeneration).toBe(
          policy.metadata?.generation,
        );
        expect(policy.status?.typeChecking?.expressionWarnings ?? []).toEqual(
          [],
        );
      }
    });
  });

  // KWOK runs no CNI, so nothing enforces NetworkPolicies here: this checks their shape
  // and that the API server accepts them, not the traffic they allow.
  it('applies default-deny NetworkPolicies with the allowances Flux and monitoring need', async () => {
    const names = async (namespace: string) =>
      (await networking.listNamespacedNetworkPolicy({ namespace })).items
        .map(policy => policy.metadata?.name)
        .sort();
    expect(await names(flux.name)).toEqual([
      'hubspoke-allow-dns',
      'hubspoke-allow-flux-egress',
      'hubspoke-allow-monitoring-scrape',
      'hubspoke-allow-same-namespace',
      'hubspoke-allow-webhook-receiver',
      'hubspoke-default-deny',
    ]);
    expect(await names(monitoringNamespace)).toEqual([
      'hubspoke-allow-dns',
      'hubspoke-allow-ingress-controller',
      'hubspoke-allow-monitoring-egress',
      'hubspoke-allow-same-namespace',
      'hubspoke-default-deny',
    ]);
    const deny = await networking.readNamespacedNetworkPolicy({
      name: 'hubspoke-default-deny',
      namespace: flux.name,
    });
    expect(deny.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    const scrape = await networking.readNamespacedNetworkPolicy({
      name: 'hubspoke-allow-monitoring-scrape',
      namespace: flux.name,
    });
    expect(scrape.spec?.ingress).toEqual([
      {
        _from: [
          {
            namespaceSelector: {
              matchLabels: { 'hubspoke.io/role': 'monitoring' },
            },
          },
        ],
        ports: [{ protocol: 'TCP', port: 8080 }],
      },
    ]);
  });
});

describe('hub:security:baseline in apply mode with a contested tenant namespace', () => {
  it('reports a Pod Security label another owner set differently as a conflict, and takes it over with force', async () => {
    const contested = await createTestNamespace(
      testbed.kubeConfig,
      'sec-contested',
      { [tenantLabel]: 'contested' },
    );
    moreNamespaces.push(contested);
    // As hub:tenant:create leaves a tenant onboarded at the baseline level.
    await createApplyEngine({
      kubeConfig: testbed.kubeConfig,
      fieldManager: 'hubspoke',
    }).apply([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: contested.name,
          labels: { 'pod-security.kubernetes.io/enforce': 'baseline' },
        },
      },
    ]);
    const input = baselineInput({
      tenantNamespaces: [tenant.name, contested.name],
    });

    await expect(runAction(action, input)).rejects.toThrow(
      `Namespace ${contested.name}: field .metadata.labels.pod-security.kubernetes.io/enforce is owned by manager "hubspoke"; re-run with force to take it over`,
    );
    const { outputs } = await runAction(action, { ...input, force: true });
    expect(outputs.tenantNamespaces).toEqual([tenant.name, contested.name]);
    expect(await namespaceLabels(contested.name)).toMatchObject({
      [tenantLabel]: 'contested',
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
  });
});
