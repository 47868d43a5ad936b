/**
 * An object as the Flux release manifests spell it: only the fields every object has
 * are typed, the rest is carried as is.
 */
export interface UpstreamManifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** One RFC 6902 operation, the form of flux2's patch.yaml files and kustomize patches. */
export type JsonPatchOperation =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** A JSON 6902 patch and the Deployment it targets, as in a kustomization's `patches`. */
export interface DeploymentPatch {
  target: { kind: 'Deployment'; name: string };
  patch: JsonPatchOperation[];
}

/** One controller as its Go module and flux2's install layer describe it. */
export interface FluxComponentSource {
  version: string;
  module: string;
  imageTag: string;
  /** config/crd of the controller's module, in its kustomization's order. */
  crds: UpstreamManifest[];
  /** config/manager: the Deployment and Services. */
  manager: UpstreamManifest[];
  /** flux2 manifests/bases/<controller>: the ServiceAccount, labels and patch. */
  account: UpstreamManifest[];
  componentLabels: Record<string, string>;
  patch: JsonPatchOperation[];
}

/** Everything `flux install` builds a release from, read from the Go modules. */
export interface FluxDistribution {
  version: string;
  module: string;
  namespace: UpstreamManifest;
  rbac: UpstreamManifest[];
  policies: UpstreamManifest[];
  components: Record<string, FluxComponentSource>;
}
