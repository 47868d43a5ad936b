import {
  HttpMethod,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  V1APIResource,
} from '@kubernetes/client-node';
import { isApiException } from './apiErrors';
import { referenceOf } from './objectReference';
import { KubernetesObjectReference } from './types';

export interface ServerSideApplyRequest {
  fieldManager: string;
  force: boolean;
  dryRun: boolean;
}

/**
 * KubernetesObjectApi with a server-side apply that sends the object exactly as given,
 * and access to its discovery cache.
 *
 * `KubernetesObjectApi.patch` passes the body through client-node's typed serializer,
 * which silently drops every field it does not know by its TypeScript name: a
 * NetworkPolicy's `ingress[].from`, a LimitRange's `default`, a CRD schema's `default`,
 * `enum` and `x-kubernetes-*`. Sending plain JSON with `fieldValidation=Strict` lets the
 * API server reject unknown fields instead.
 */
export class ServerSideApplyClient extends KubernetesObjectApi {
  static forConfig(kubeConfig: KubeConfig): ServerSideApplyClient {
    return kubeConfig.makeApiClient(ServerSideApplyClient);
  }

  async serverSideApply<T extends KubernetesObject>(
    object: T,
    request: ServerSideApplyRequest,
  ): Promise<T> {
    const path = await this.specUriPath(headerOf(referenceOf(object)), 'patch');
    const context = this.configuration.baseServer.makeRequestContext(
      path,
      HttpMethod.PATCH,
    );
    context.setHeaderParam('Accept', 'application/json');
    context.setHeaderParam('Content-Type', PatchStrategy.ServerSideApply);
    context.setQueryParam('fieldManager', request.fieldManager);
    context.setQueryParam('fieldValidation', 'Strict');
    if (request.force) {
      context.setQueryParam('force', 'true');
    }
    if (request.dryRun) {
      context.setQueryParam('dryRun', 'All');
    }
    context.setBody(JSON.stringify(object));
    return this.requestPromise<T>(context);
  }

  /** The live object, or undefined when it does not exist. */
  async readIfExists(
    ref: KubernetesObjectReference,
  ): Promise<KubernetesObject | undefined> {
    try {
      return await this.read(headerOf(ref));
    } catch (error) {
      if (isApiException(error) && error.code === 404) {
        return undefined;
      }
      throw error;
    }
  }

  /** Deletes in the background; false when the object did not exist. */
  async deleteIfExists(
    ref: KubernetesObjectReference,
    options: { dryRun: boolean },
  ): Promise<boolean> {
    try {
      await this.delete(
        headerOf(ref),
        undefined,
        options.dryRun ? 'All' : undefined,
        undefined,
        undefined,
        'Background',
      );
      return true;
    } catch (error) {
      if (isApiException(error) && error.code === 404) {
        return false;
      }
      throw error;
    }
  }

  /** How the cluster serves a kind, or undefined when it does not serve it. */
  async resourceFor(
    apiVersion: string,
    kind: string,
  ): Promise<V1APIResource | undefined> {
    try {
      return await this.resource(apiVersion, kind);
    } catch (error) {
      // The whole group version is not served, e.g. its CRD is not installed.
      if (isApiException(error) && error.code === 404) {
        return undefined;
      }
      throw error;
    }
  }

  /** Drops cached discovery, so kinds of newly established CRDs are looked up again. */
  forgetDiscovery(): void {
    this.apiVersionResourceCache = {};
  }
}

/** What KubernetesObjectApi builds an object's URL from; a fresh one, as it fills in missing fields. */
function headerOf(ref: KubernetesObjectReference) {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, namespace: ref.namespace },
  };
}
