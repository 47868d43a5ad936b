import { buildPlatformNetworkPolicies } from './platformNetworkPolicies';
import { buildPodSecurityNamespaces } from './podSecurityNamespaces';
import { parseSecurityBaselineInput } from './securityBaselineInput';

const input = parseSecurityBaselineInput({
  allowedRegistries: ['ghcr.io'],
  monitoringNamespace: 'observability',
});

describe('buildPlatformNetworkPolicies', () => {
  const policies = buildPlatformNetworkPolicies(input);
  const find = (namespace: string, name: string) =>
    policies.find(
      p => p.metadata.namespace === namespace && p.metadata.name === name,
    );

  it('denies everything in both platform namespaces, then allows per need', () => {
    expect(
      policies.map(p => `${p.metadata.namespace}/${p.metadata.name}`),
    ).toEqual([
      'flux-system/hubspoke-default-deny',
      'flux-system/hubspoke-allow-same-namespace',
      'flux-system/hubspoke-allow-dns',
      'flux-system/hubspoke-allow-flux-egress',
      'flux-system/hubspoke-allow-monitoring-scrape',
      'flux-system/hubspoke-allow-webhook-receiver',
      'observability/hubspoke-default-deny',
      'observability/hubspoke-allow-same-namespace',
      'observability/hubspoke-allow-dns',
      'observability/hubspoke-allow-monitoring-egress',
      'observability/hubspoke-allow-ingress-controller',
    ]);
    expect(find('flux-system', 'hubspoke-default-deny')?.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('lets Flux reach the API server and its sources, and be scraped from the monitoring namespace', () => {
    expect(
      find('flux-system', 'hubspoke-allow-flux-egress')?.spec.egress,
    ).toEqual([
      {
        ports: [
          { protocol: 'TCP', port: 443 },
          { protocol: 'TCP', port: 6443 },
          { protocol: 'TCP', port: 22 },
        ],
      },
    ]);
    expect(
      find('flux-system', 'hubspoke-allow-monitoring-scrape')?.spec.ingress,
    ).toEqual([
      {
        from: [
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

  it('labels the monitoring namespace with the role the scrape allowances select', () => {
    const monitoring = buildPodSecurityNamespaces(input, []).find(
      n => n.metadata.name === 'observability',
    );
    expect(monitoring?.metadata.labels?.['hubspoke.io/role']).toBe(
      'monitoring',
    );
  });
});

describe('buildPodSecurityNamespaces', () => {
  it('enforces each kind of namespace at its level; platform namespaces warn at restricted', () => {
    const namespaces = buildPodSecurityNamespaces(input, ['team-a']);
    const labels = (name: string) =>
      namespaces.find(n => n.metadata.name === name)?.metadata.labels;

    expect(namespaces.map(n => n.metadata.name)).toEqual([
      'kube-system',
      'kube-public',
      'kube-node-lease',
      'flux-system',
      'observability',
      'team-a',
    ]);
    expect(labels('kube-system')).toEqual({
      'pod-security.kubernetes.io/enforce': 'privileged',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/audit': 'privileged',
      'pod-security.kubernetes.io/warn': 'privileged',
    });
    expect(labels('flux-system')).toEqual({
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/audit': 'baseline',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'latest',
    });
    expect(labels('team-a')).toEqual({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'latest',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
  });
});
