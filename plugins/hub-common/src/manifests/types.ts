/**
 * Minimal typed shapes of the Kubernetes objects the manifest builders emit.
 * Field names are those of the YAML/JSON manifests, so a value can be applied or
 * rendered as is.
 */

export interface ObjectMeta {
  name: string;
  labels: Record<string, string>;
}

export interface NamespacedObjectMeta extends ObjectMeta {
  namespace: string;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
}

export interface NamespaceManifest {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
}

export interface ServiceAccountManifest {
  apiVersion: 'v1';
  kind: 'ServiceAccount';
  metadata: NamespacedObjectMeta;
}

export type RoleBindingSubject =
  | { apiGroup: 'rbac.authorization.k8s.io'; kind: 'User'; name: string }
  | { kind: 'ServiceAccount'; name: string; namespace: string };

export interface RoleBindingManifest {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'RoleBinding';
  metadata: NamespacedObjectMeta;
  subjects: RoleBindingSubject[];
  roleRef: {
    apiGroup: 'rbac.authorization.k8s.io';
    kind: 'ClusterRole' | 'Role';
    name: string;
  };
}

export interface ClusterRoleBindingManifest {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'ClusterRoleBinding';
  metadata: ObjectMeta;
  subjects: RoleBindingSubject[];
  roleRef: {
    apiGroup: 'rbac.authorization.k8s.io';
    kind: 'ClusterRole';
    name: string;
  };
}

export interface ResourceQuotaManifest {
  apiVersion: 'v1';
  kind: 'ResourceQuota';
  metadata: NamespacedObjectMeta;
  spec: { hard: Record<string, string> };
}

export interface ComputeResources {
  cpu: string;
  memory: string;
}

export interface LimitRangeManifest {
  apiVersion: 'v1';
  kind: 'LimitRange';
  metadata: NamespacedObjectMeta;
  spec: {
    limits: Array<{
      type: 'Container';
      default: ComputeResources;
      defaultRequest: ComputeResources;
    }>;
  };
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
}

export interface NetworkPolicyPort {
  protocol: 'TCP' | 'UDP';
  port: number;
}

export interface NetworkPolicyManifest {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  metadata: NamespacedObjectMeta;
  spec: {
    podSelector: LabelSelector;
    policyTypes: Array<'Ingress' | 'Egress'>;
    ingress?: Array<{ from: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }>;
    egress?: Array<{ to: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }>;
  };
}

/** The one reference a GitRepository follows. */
export type GitRepositoryRef =
  | { branch: string }
  | { tag: string }
  | { semver: string };

export interface GitRepositoryManifest {
  apiVersion: 'source.toolkit.fluxcd.io/v1';
  kind: 'GitRepository';
  metadata: NamespacedObjectMeta;
  spec: {
    interval: string;
    url: string;
    ref: GitRepositoryRef;
    secretRef?: { name: string };
  };
}

/** The one reference an OCIRepository follows. */
export type OCIRepositoryRef =
  | { tag: string }
  | { semver: string }
  | { digest: string };

export interface OCIRepositoryManifest {
  apiVersion: 'source.toolkit.fluxcd.io/v1';
  kind: 'OCIRepository';
  metadata: NamespacedObjectMeta;
  spec: {
    interval: string;
    url: string;
    ref: OCIRepositoryRef;
    secretRef?: { name: string };
  };
}

/** An object whose readiness a Flux Kustomization reports. */
export interface KustomizationHealthCheck {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/**
 * A Flux Kustomization. Every builder fills what it needs; unset fields take Flux's
 * defaults and are left out of the rendered manifest.
 */
export interface FluxKustomizationManifest {
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1';
  kind: 'Kustomization';
  metadata: NamespacedObjectMeta;
  spec: {
    interval: string;
    retryInterval?: string;
    timeout?: string;
    /** The account Flux impersonates, in the Kustomization's namespace (on the remote cluster with kubeConfig). */
    serviceAccountName?: string;
    /** Without a namespace the source is looked up in the Kustomization's own namespace. */
    sourceRef: {
      kind: 'GitRepository' | 'OCIRepository';
      name: string;
      namespace?: string;
    };
    path: string;
    prune: boolean;
    wait?: boolean;
    dependsOn?: Array<{ name: string }>;
    /** Applies into the cluster of the kubeconfig in this Secret (key `value`) instead of the local one. */
    kubeConfig?: { secretRef: { name: string } };
    postBuild?: { substitute: Record<string, string> };
    healthChecks?: KustomizationHealthCheck[];
    targetNamespace?: string;
  };
}

/** A Flux HelmRepository: an HTTP(S) chart repository. */
export interface HelmRepositoryManifest {
  apiVersion: 'source.toolkit.fluxcd.io/v1';
  kind: 'HelmRepository';
  metadata: NamespacedObjectMeta;
  spec: { interval: string; url: string };
}

/** What helm-controller does with a chart's CRDs on install and upgrade. */
export type HelmCrdPolicy = 'Skip' | 'Create' | 'CreateReplace';

/**
 * A Flux HelmRelease of a chart from a HelmRepository in its own namespace. Every
 * builder fills what it needs; unset fields take Flux's defaults and are left out of
 * the rendered manifest.
 */
export interface HelmReleaseManifest {
  apiVersion: 'helm.toolkit.fluxcd.io/v2';
  kind: 'HelmRelease';
  metadata: NamespacedObjectMeta;
  spec: {
    interval: string;
    releaseName: string;
    targetNamespace: string;
    /** Where Helm keeps the release records; Flux's default is the HelmRelease's namespace. */
    storageNamespace?: string;
    /** Installs into the cluster of the kubeconfig in this Secret instead of the local one. */
    kubeConfig?: { secretRef: { name: string; key?: string } };
    /** The account helm-controller impersonates (on the remote cluster with kubeConfig). */
    serviceAccountName?: string;
    dependsOn?: Array<{ name: string }>;
    chart: {
      spec: {
        chart: string;
        version: string;
        sourceRef: { kind: 'HelmRepository'; name: string };
        interval?: string;
      };
    };
    install: {
      createNamespace?: boolean;
      crds?: HelmCrdPolicy;
      remediation?: { retries: number };
    };
    upgrade: { crds?: HelmCrdPolicy; remediation?: { retries: number } };
    values: Record<string, unknown>;
  };
}

/** A Secret as the API server stores it: values base64-encoded under `data`. */
export interface SecretManifest {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: NamespacedObjectMeta;
  type: 'Opaque' | 'kubernetes.io/dockerconfigjson';
  data: Record<string, string>;
}

/** Any object a Hubspoke manifest builder emits. */
export type KubernetesManifest =
  | NamespaceManifest
  | ServiceAccountManifest
  | RoleBindingManifest
  | ClusterRoleBindingManifest
  | ResourceQuotaManifest
  | LimitRangeManifest
  | NetworkPolicyManifest
  | SecretManifest
  | GitRepositoryManifest
  | OCIRepositoryManifest
  | FluxKustomizationManifest;
