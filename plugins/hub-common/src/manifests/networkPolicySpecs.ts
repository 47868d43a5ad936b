import {
  NetworkPolicyManifest,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from './types';

/** Namespaces carrying this label with the value `monitoring` or `ingress` are let in. */
export const HUB_ROLE_LABEL = 'hubspoke.io/role';

export type NetworkPolicySpec = NetworkPolicyManifest['spec'];

/** The namespaces whose HUB_ROLE_LABEL is `role`. */
export const fromRole = (role: string): NetworkPolicyPeer => ({
  namespaceSelector: { matchLabels: { [HUB_ROLE_LABEL]: role } },
});

/** Every pod of the namespace lets `peer` in, on `ports` only when given. */
export function ingressFrom(
  peer: NetworkPolicyPeer,
  ports?: NetworkPolicyPort[],
): NetworkPolicySpec {
  return {
    podSelector: {},
    policyTypes: ['Ingress'],
    ingress: [{ from: [peer], ...(ports && { ports }) }],
  };
}

/**
 * The policies, by name, that every namespace the hub locks down starts with: deny
 * all, then let the namespace's pods talk to each other and to cluster DNS.
 */
export function namespaceIsolationSpecs(): Array<[string, NetworkPolicySpec]> {
  return [
    ['default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }],
    [
      'allow-same-namespace',
      {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      },
    ],
    [
      'allow-dns',
      {
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
      },
    ],
  ];
}
