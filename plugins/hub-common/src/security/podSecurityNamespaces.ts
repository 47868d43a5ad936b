import { HUB_ROLE_LABEL } from '../manifests/networkPolicySpecs';
import {
  PodSecurityLevel,
  SecurityBaselineInput,
} from './securityBaselineInput';
import { NamespaceLabelsManifest } from './types';

const PSA = 'pod-security.kubernetes.io';

/** The labels `hub:tenant:create` sets, so that both owners agree on a tenant namespace. */
function enforced(level: PodSecurityLevel): Record<string, string> {
  return {
    [`${PSA}/enforce`]: level,
    [`${PSA}/enforce-version`]: 'latest',
    [`${PSA}/audit`]: level,
    [`${PSA}/warn`]: level,
  };
}

/**
 * Platform namespaces enforce their level and warn at restricted, as Flux labels its
 * own namespace: deployers see what the stricter level would refuse.
 */
function enforcedWarningRestricted(
  level: PodSecurityLevel,
): Record<string, string> {
  return {
    ...enforced(level),
    [`${PSA}/warn`]: 'restricted',
    [`${PSA}/warn-version`]: 'latest',
  };
}

function namespace(
  name: string,
  labels: Record<string, string>,
): NamespaceLabelsManifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/**
 * The Pod Security labels of the system, platform and tenant namespaces. The monitoring
 * namespace runs host agents (node-exporter, the log collector), so it takes the system
 * level, as hub:monitoring:install labels it, and carries the role label tenant network
 * policies admit scrapes from.
 */
export function buildPodSecurityNamespaces(
  input: SecurityBaselineInput,
  tenantNamespaces: string[],
): NamespaceLabelsManifest[] {
  const { system, platform, tenants } = input.podSecurity;
  return [
    ...input.systemNamespaces.map(name => namespace(name, enforced(system))),
    namespace(input.fluxNamespace, enforcedWarningRestricted(platform)),
    namespace(input.monitoringNamespace, {
      ...enforcedWarningRestricted(system),
      [HUB_ROLE_LABEL]: 'monitoring',
    }),
    ...tenantNamespaces.map(name => namespace(name, enforced(tenants))),
  ];
}
