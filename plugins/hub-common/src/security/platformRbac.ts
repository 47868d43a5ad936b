import {
  baselineMeta,
  baselineNamespacedMeta,
  baselineName,
} from './baselineMeta';
import {
  platformAdminRules,
  platformViewerRules,
  tenantReconcilerRules,
} from './platformRoles';
import { SecurityBaselineInput } from './securityBaselineInput';
import {
  ClusterRoleManifest,
  GroupClusterRoleBindingManifest,
  GroupRoleBindingManifest,
  GroupSubject,
  PolicyRule,
} from './types';

export const PLATFORM_ADMIN_ROLE = baselineName('platform-admin');
export const PLATFORM_VIEWER_ROLE = baselineName('platform-viewer');
export const TENANT_RECONCILER_ROLE = baselineName('tenant-reconciler');

export type PlatformRbacManifest =
  | ClusterRoleManifest
  | GroupClusterRoleBindingManifest
  | GroupRoleBindingManifest;

function clusterRole(name: string, rules: PolicyRule[]): ClusterRoleManifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: baselineMeta(name),
    rules,
  };
}

function groups(names: string[]): GroupSubject[] {
  return names.map(name => ({
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'Group',
    name,
  }));
}

const roleRef = (name: string) =>
  ({
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'ClusterRole',
    name,
  } as const);

function clusterRoleBinding(
  role: string,
  groupNames: string[],
): GroupClusterRoleBindingManifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: baselineMeta(`${role}s`),
    subjects: groups(groupNames),
    roleRef: roleRef(role),
  };
}

/**
 * The three platform ClusterRoles, the admins' and viewers' ClusterRoleBindings to
 * their groups, and in each tenant namespace a RoleBinding of the reconciler role to
 * the reconciler groups, so that their rights stop at tenant namespaces. Never a
 * binding to cluster-admin. A binding without groups is left out.
 */
export function buildPlatformRbac(
  input: SecurityBaselineInput,
  tenantNamespaces: string[],
): PlatformRbacManifest[] {
  const objects: PlatformRbacManifest[] = [
    clusterRole(PLATFORM_ADMIN_ROLE, platformAdminRules()),
    clusterRole(PLATFORM_VIEWER_ROLE, platformViewerRules()),
    clusterRole(TENANT_RECONCILER_ROLE, tenantReconcilerRules()),
  ];
  if (input.adminGroups.length > 0) {
    objects.push(clusterRoleBinding(PLATFORM_ADMIN_ROLE, input.adminGroups));
  }
  if (input.viewerGroups.length > 0) {
    objects.push(clusterRoleBinding(PLATFORM_VIEWER_ROLE, input.viewerGroups));
  }
  if (input.tenantReconcilerGroups.length > 0) {
    for (const namespace of tenantNamespaces) {
      objects.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: baselineNamespacedMeta(
          `${TENANT_RECONCILER_ROLE}s`,
          namespace,
        ),
        subjects: groups(input.tenantReconcilerGroups),
        roleRef: roleRef(TENANT_RECONCILER_ROLE),
      });
    }
  }
  return objects;
}
