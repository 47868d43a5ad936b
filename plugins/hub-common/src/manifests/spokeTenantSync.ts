import { spokeKubeconfigSecretName } from './spokeManifests';
import { spokeTenantServiceAccountName } from './spokeTenantAccess';
import { TenantInput } from './tenantInput';
import { TenantNamespace, tenantLabels } from './tenantNamespaces';
import { tenantSyncPath } from './tenantSync';
import {
  FluxKustomizationManifest,
  GitRepositoryManifest,
  NamespacedObjectMeta,
} from './types';

/**
 * A tenant namespace's sync objects live on the hub, where Flux runs, in the spoke's
 * hub namespace beside `<spoke>-kubeconfig` (a Kustomization reads its kubeConfig
 * Secret and, under --no-cross-namespace-refs, its source from its own namespace).
 * They are named after the tenant namespace, which is unique on the spoke.
 */
function hubMeta(
  input: TenantInput,
  target: TenantNamespace,
): NamespacedObjectMeta {
  return {
    name: target.namespace,
    namespace: input.cluster,
    labels: tenantLabels(target.tenant),
  };
}

export function spokeTenantGitRepository(
  input: TenantInput,
  target: TenantNamespace,
): GitRepositoryManifest {
  const { url, branch, secretName } = input.source;
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: hubMeta(input, target),
    spec: {
      interval: '1m',
      url,
      ref: { branch },
      ...(secretName && { secretRef: { name: secretName } }),
    },
  };
}

/** Applies into the tenant namespace on the spoke as the tenant's account there. */
export function spokeTenantKustomization(
  input: TenantInput,
  target: TenantNamespace,
): FluxKustomizationManifest {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: hubMeta(input, target),
    spec: {
      interval: '5m',
      retryInterval: '1m',
      timeout: '3m',
      serviceAccountName: spokeTenantServiceAccountName(target),
      sourceRef: { kind: 'GitRepository', name: target.namespace },
      path: tenantSyncPath(input.source.path, target.environment),
      prune: true,
      targetNamespace: target.namespace,
      kubeConfig: {
        secretRef: { name: spokeKubeconfigSecretName({ name: input.cluster }) },
      },
    },
  };
}
