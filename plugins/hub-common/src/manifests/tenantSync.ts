import { TENANT_SERVICE_ACCOUNT } from './tenantAccess';
import { TenantInput } from './tenantInput';
import { namespacedMeta, TenantNamespace } from './tenantNamespaces';
import { FluxKustomizationManifest, GitRepositoryManifest } from './types';

/** Each namespace gets its own source: tenants may not reference objects across namespaces. */
export function tenantGitRepository(
  input: TenantInput,
  target: TenantNamespace,
): GitRepositoryManifest {
  const { url, branch, secretName } = input.source;
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: namespacedMeta(target, target.tenant),
    spec: {
      interval: '1m',
      url,
      ref: { branch },
      ...(secretName && { secretRef: { name: secretName } }),
    },
  };
}

/** The tenant repository folder a namespace reconciles: `<path>/<environment>` with environments. */
export function tenantSyncPath(basePath: string, environment?: string): string {
  if (!environment) {
    return basePath;
  }
  const base = basePath.replace(/\/+$/, '') || '.';
  return `${base}/${environment}`;
}

export function tenantKustomization(
  input: TenantInput,
  target: TenantNamespace,
): FluxKustomizationManifest {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: namespacedMeta(target, target.tenant),
    spec: {
      interval: '5m',
      retryInterval: '1m',
      timeout: '3m',
      serviceAccountName: TENANT_SERVICE_ACCOUNT,
      sourceRef: { kind: 'GitRepository', name: target.tenant },
      path: tenantSyncPath(input.source.path, target.environment),
      prune: true,
      targetNamespace: target.namespace,
    },
  };
}
