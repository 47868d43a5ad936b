import { LoggerService } from '@backstage/backend-plugin-api';
import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';

/** Which object a report line is about. */
export interface KubernetesObjectReference {
  apiVersion: string;
  kind: string;
  /** Absent for cluster-scoped objects. */
  namespace?: string;
  name: string;
}

/** What applying did to one object, or would do in a dry run. */
export type ApplyAction = 'create' | 'update' | 'unchanged';

export interface AppliedObject extends KubernetesObjectReference {
  action: ApplyAction;
  /**
   * Dry run only: the API server was not asked because the object's Namespace or
   * CustomResourceDefinition is created earlier in the same batch.
   */
  predicted?: boolean;
}

/** The objects of one apply, in the order they were applied. */
export interface ApplyReport {
  dryRun: boolean;
  objects: AppliedObject[];
}

export type DeleteAction = 'deleted' | 'absent';

export interface DeletedObject extends KubernetesObjectReference {
  action: DeleteAction;
}

/** The objects of one delete, in the order they were deleted. */
export interface DeleteReport {
  dryRun: boolean;
  objects: DeletedObject[];
}

export interface ApplyOptions {
  /** Ask the API server what would change (`dryRun=All`) and write nothing. */
  dryRun?: boolean;
  /** Take over fields owned by other field managers instead of failing. */
  force?: boolean;
  /**
   * Wait for the batch's CustomResourceDefinitions to be Established before
   * applying the rest. Defaults to true.
   */
  waitForCrds?: boolean;
}

export interface DeleteOptions {
  dryRun?: boolean;
}

/**
 * Creates, updates and deletes sets of Kubernetes objects on one cluster with
 * server-side apply. Objects are plain Kubernetes JSON, as written in a manifest;
 * the API server rejects fields their kind does not have.
 */
export interface ApplyEngine {
  /**
   * Validates every object against the cluster's discovery, then applies them
   * CRDs first, then Namespaces, then cluster-scoped, then namespaced objects.
   */
  apply(
    objects: KubernetesObject[],
    options?: ApplyOptions,
  ): Promise<ApplyReport>;
  /** Deletes the objects in the reverse of the apply order; gone ones are `absent`. */
  delete(
    objects: KubernetesObject[],
    options?: DeleteOptions,
  ): Promise<DeleteReport>;
}

export interface CreateApplyEngineOptions {
  kubeConfig: KubeConfig;
  /** The server-side apply field manager that owns what the engine writes. Defaults to `hubspoke`. */
  fieldManager?: string;
  logger?: LoggerService;
}
