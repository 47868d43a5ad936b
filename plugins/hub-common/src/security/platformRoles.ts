import { PolicyRule } from './types';

// The rules of the baseline's ClusterRoles. Resources are enumerated wherever a `*`
// would take in Secrets (or, for writers, RBAC and admission objects, which change
// through Git so that every change is reviewed).

const READ = ['get', 'list', 'watch'];
const WRITE = [
  ...READ,
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
];

/** The Flux API groups; none of them holds Secrets, so their `*` is safe to grant. */
export const FLUX_API_GROUPS = [
  'source.toolkit.fluxcd.io',
  'kustomize.toolkit.fluxcd.io',
  'helm.toolkit.fluxcd.io',
  'notification.toolkit.fluxcd.io',
  'image.toolkit.fluxcd.io',
];

const CORE_WORKLOAD_RESOURCES = [
  'pods',
  'services',
  'endpoints',
  'configmaps',
  'persistentvolumeclaims',
  'serviceaccounts',
  'replicationcontrollers',
];

const CORE_READ_ONLY_RESOURCES = [
  'pods/log',
  'events',
  'resourcequotas',
  'limitranges',
];

const WORKLOAD_GROUPS: PolicyRule[] = [
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'],
    verbs: [],
  },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: [] },
  {
    apiGroups: ['autoscaling'],
    resources: ['horizontalpodautoscalers'],
    verbs: [],
  },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: [] },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: [] },
];

const withVerbs = (rules: PolicyRule[], verbs: string[]): PolicyRule[] =>
  rules.map(rule => ({ ...rule, verbs }));

const CLUSTER_READ: PolicyRule[] = [
  {
    apiGroups: [''],
    resources: ['namespaces', 'nodes', 'persistentvolumes'],
    verbs: READ,
  },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['networkpolicies', 'ingressclasses'],
    verbs: READ,
  },
  {
    apiGroups: ['discovery.k8s.io'],
    resources: ['endpointslices'],
    verbs: READ,
  },
  {
    apiGroups: ['storage.k8s.io'],
    resources: ['storageclasses', 'csidrivers', 'volumeattachments'],
    verbs: READ,
  },
  {
    apiGroups: ['apiextensions.k8s.io'],
    resources: ['customresourcedefinitions'],
    verbs: READ,
  },
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'],
    verbs: READ,
  },
  {
    apiGroups: ['admissionregistration.k8s.io'],
    resources: [
      'validatingadmissionpolicies',
      'validatingadmissionpolicybindings',
      'validatingwebhookconfigurations',
      'mutatingwebhookconfigurations',
    ],
    verbs: READ,
  },
  { apiGroups: ['monitoring.coreos.com'], resources: ['*'], verbs: READ },
  { apiGroups: ['kyverno.io'], resources: ['*'], verbs: READ },
  { apiGroups: ['velero.io'], resources: ['*'], verbs: READ },
];

/**
 * Platform viewers: read-only, everywhere, without Secrets (and without anything that
 * embeds them, such as pods/exec or serviceaccounts/token).
 */
export function platformViewerRules(): PolicyRule[] {
  return [
    {
      apiGroups: [''],
      resources: [...CORE_WORKLOAD_RESOURCES, ...CORE_READ_ONLY_RESOURCES],
      verbs: READ,
    },
    ...withVerbs(WORKLOAD_GROUPS, READ),
    ...CLUSTER_READ,
    { apiGroups: FLUX_API_GROUPS, resources: ['*'], verbs: READ },
  ];
}

/**
 * Platform admins: run the hub's workloads and Flux in every namespace, manage
 * namespaces, Secrets and node scheduling; read RBAC, CRDs and admission policies,
 * which change only through Git. Not cluster-admin: no `*`, no RBAC writes, no
 * impersonation.
 */
export function platformAdminRules(): PolicyRule[] {
  return [
    {
      apiGroups: [''],
      resources: [...CORE_WORKLOAD_RESOURCES, 'secrets'],
      verbs: WRITE,
    },
    { apiGroups: [''], resources: CORE_READ_ONLY_RESOURCES, verbs: READ },
    {
      apiGroups: [''],
      resources: ['pods/exec', 'pods/portforward'],
      verbs: ['create'],
    },
    { apiGroups: [''], resources: ['namespaces'], verbs: WRITE },
    { apiGroups: [''], resources: ['nodes'], verbs: [...READ, 'patch'] },
    ...withVerbs(WORKLOAD_GROUPS, WRITE),
    {
      apiGroups: ['networking.k8s.io'],
      resources: ['networkpolicies'],
      verbs: WRITE,
    },
    ...CLUSTER_READ,
    { apiGroups: FLUX_API_GROUPS, resources: ['*'], verbs: WRITE },
    { apiGroups: ['monitoring.coreos.com'], resources: ['*'], verbs: WRITE },
  ];
}

/**
 * Tenant reconcilers, bound per tenant namespace: manage a tenant's workloads, Secrets
 * and Flux objects there; read its quota, limits and network policies, which the
 * platform sets.
 */
export function tenantReconcilerRules(): PolicyRule[] {
  return [
    {
      apiGroups: [''],
      resources: [...CORE_WORKLOAD_RESOURCES, 'secrets'],
      verbs: WRITE,
    },
    { apiGroups: [''], resources: CORE_READ_ONLY_RESOURCES, verbs: READ },
    ...withVerbs(WORKLOAD_GROUPS, WRITE),
    {
      apiGroups: ['networking.k8s.io'],
      resources: ['networkpolicies'],
      verbs: READ,
    },
    { apiGroups: FLUX_API_GROUPS, resources: ['*'], verbs: WRITE },
  ];
}
