import { AuditInput } from './auditInput';
import {
  AuditGroupResources,
  AuditPolicy,
  AuditPolicyRule,
} from './auditPolicyTypes';

const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];

/** The Flux API groups whose objects tenants reconcile from. */
export const FLUX_API_GROUPS = [
  'source.toolkit.fluxcd.io',
  'kustomize.toolkit.fluxcd.io',
  'helm.toolkit.fluxcd.io',
  'notification.toolkit.fluxcd.io',
  'image.toolkit.fluxcd.io',
] as const;

/** Read-only endpoints that probes and scrapers call every few seconds. */
export const HEALTH_ENDPOINTS = [
  '/healthz*',
  '/readyz*',
  '/livez*',
  '/metrics',
];

/**
 * Objects whose bodies hold credentials or may: never logged above Metadata. A
 * TokenReview carries a bearer token, a TokenRequest's response a new one.
 */
export const CONFIDENTIAL_RESOURCES: AuditGroupResources[] = [
  { group: '', resources: ['secrets', 'configmaps', 'serviceaccounts/token'] },
  { group: 'authentication.k8s.io', resources: ['tokenreviews'] },
];

function noisyReads(): AuditPolicyRule[] {
  return [
    // Discovery: every client reads it on start and on every cache refresh.
    {
      level: 'None',
      verbs: ['get'],
      nonResourceURLs: [
        '/api',
        '/api/*',
        '/apis',
        '/apis/*',
        '/openapi/*',
        '/version',
      ],
    },
    // kube-proxy watches Services and endpoints on every node.
    {
      level: 'None',
      users: ['system:kube-proxy'],
      verbs: ['watch'],
      resources: [
        { group: '', resources: ['endpoints', 'services', 'services/status'] },
        { group: 'discovery.k8s.io', resources: ['endpointslices'] },
      ],
    },
    // Kubelets read their Node and renew their Lease every few seconds.
    {
      level: 'None',
      userGroups: ['system:nodes'],
      verbs: ['get', 'update', 'patch'],
      resources: [
        { group: '', resources: ['nodes', 'nodes/status'] },
        { group: 'coordination.k8s.io', resources: ['leases'] },
      ],
    },
    // Leader election of the control-plane components.
    {
      level: 'None',
      users: [
        'system:kube-controller-manager',
        'system:kube-scheduler',
        'system:serviceaccount:kube-system:endpoint-controller',
      ],
      verbs: ['get', 'update'],
      namespaces: ['kube-system'],
      resources: [
        { group: '', resources: ['endpoints'] },
        { group: 'coordination.k8s.io', resources: ['leases'] },
      ],
    },
    // The API server's own namespace lifecycle checks.
    {
      level: 'None',
      users: ['system:apiserver'],
      verbs: ['get'],
      resources: [
        {
          group: '',
          resources: ['namespaces', 'namespaces/status', 'namespaces/finalize'],
        },
      ],
    },
    // Events are written for every state change; their objects are audited already.
    {
      level: 'None',
      resources: [
        { group: '', resources: ['events'] },
        { group: 'events.k8s.io', resources: ['events'] },
      ],
    },
  ];
}

/** Writes to the Flux kinds in tenant namespaces: status is the controllers' bookkeeping. */
function fluxRules(tenantNamespaces: string[]): AuditPolicyRule[] {
  const namespaces =
    tenantNamespaces.length > 0 ? { namespaces: tenantNamespaces } : {};
  return [
    {
      level: 'Metadata',
      verbs: WRITE_VERBS,
      resources: FLUX_API_GROUPS.map(group => ({
        group,
        resources: ['*/status'],
      })),
      ...namespaces,
    },
    {
      level: 'Request',
      verbs: WRITE_VERBS,
      resources: FLUX_API_GROUPS.map(group => ({ group, resources: ['*'] })),
      ...namespaces,
    },
  ];
}

/**
 * The audit policy of a hub: metadata for every request by default; request and
 * response bodies for RBAC and namespace changes, request bodies for the Flux kinds
 * tenants reconcile; nothing for health endpoints and the control plane's own chatter.
 * Secrets, ConfigMaps and token reviews stay at Metadata whatever follows, because the
 * first matching rule decides.
 */
export function buildAuditPolicy(input: AuditInput): AuditPolicy {
  return {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    // The RequestReceived stage repeats what ResponseComplete says.
    omitStages: ['RequestReceived'],
    rules: [
      { level: 'None', nonResourceURLs: HEALTH_ENDPOINTS },
      ...noisyReads(),
      { level: 'Metadata', resources: CONFIDENTIAL_RESOURCES },
      {
        level: 'RequestResponse',
        verbs: WRITE_VERBS,
        resources: [{ group: 'rbac.authorization.k8s.io', resources: ['*'] }],
      },
      // An audit rule cannot select by label, and a namespace becomes a tenant's by
      // its labels: every namespace write is recorded with its body.
      {
        level: 'RequestResponse',
        verbs: WRITE_VERBS,
        resources: [{ group: '', resources: ['namespaces'] }],
      },
      ...fluxRules(input.tenantNamespaces),
      { level: 'Metadata' },
    ],
  };
}
