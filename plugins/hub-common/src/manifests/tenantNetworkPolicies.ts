import {
  fromRole,
  ingressFrom,
  namespaceIsolationSpecs,
  NetworkPolicySpec,
} from './networkPolicySpecs';
import { TenantInput } from './tenantInput';
import { namespacedMeta, TenantNamespace } from './tenantNamespaces';
import { NetworkPolicyManifest } from './types';

function policy(
  target: TenantNamespace,
  name: string,
  spec: NetworkPolicySpec,
): NetworkPolicyManifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: namespacedMeta(target, name),
    spec,
  };
}

/** Deny everything, then open only what a tenant workload needs. */
export function tenantNetworkPolicies(
  input: TenantInput,
  target: TenantNamespace,
): NetworkPolicyManifest[] {
  const policies = [
    ...namespaceIsolationSpecs().map(([name, spec]) =>
      policy(target, name, spec),
    ),
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
