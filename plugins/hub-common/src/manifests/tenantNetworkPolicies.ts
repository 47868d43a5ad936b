import { TenantInput } from './tenantInput';
import { namespacedMeta, TenantNamespace } from './tenantNamespaces';
import { NetworkPolicyManifest, NetworkPolicyPeer } from './types';

/** Namespaces carrying this label with the value `monitoring` or `ingress` are let in. */
export const HUB_ROLE_LABEL = 'hubspoke.io/role';

type PolicySpec = NetworkPolicyManifest['spec'];

function policy(
  target: TenantNamespace,
  name: string,
  spec: PolicySpec,
): NetworkPolicyManifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: namespacedMeta(target, name),
    spec,
  };
}

function ingressFrom(peer: NetworkPolicyPeer): PolicySpec {
  return {
    podSelector: {},
    policyTypes: ['Ingress'],
    ingress: [{ from: [peer] }],
  };
}

const fromRole = (role: string): NetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { [HUB_ROLE_LABEL]: role } },
});

/** Deny everything, then open only what a tenant workload needs. */
export function tenantNetworkPolicies(
  input: TenantInput,
  target: TenantNamespace,
): NetworkPolicyManifest[] {
  const policies = [
    policy(target, 'default-deny', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    }),
    policy(target, 'allow-same-namespace', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    }),
    policy(target, 'allow-dns', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
              },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
    policy(
      target,
      'allow-monitoring-scrape',
      ingressFrom(fromRole('monitoring')),
    ),
  ];
  if (input.networkExposure === 'ingress') {
    policies.push(
      policy(
        target,
        'allow-ingress-controller',
        ingressFrom(fromRole('ingress')),
      ),
    );
  }
  return policies;
}
