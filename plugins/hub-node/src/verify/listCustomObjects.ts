import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';

export interface CustomObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    creationTimestamp?: string;
  };
  spec?: Record<string, unknown> & { suspend?: boolean };
  status?: Record<string, unknown> & {
    conditions?: Array<{
      type: string;
      status: string;
      reason?: string;
      message?: string;
    }>;
  };
}

/** Lists a custom resource in every namespace; undefined when its CRD is not installed. */
export async function listCustomObjects(
  kubeConfig: KubeConfig,
  group: string,
  version: string,
  plural: string,
): Promise<CustomObject[] | undefined> {
  try {
    const list = (await kubeConfig
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({ group, version, plural })) as {
      items: CustomObject[];
    };
    return list.items;
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  }
}

export function objectName(object: CustomObject): string {
  const { namespace, name } = object.metadata ?? {};
  return namespace ? `${namespace}/${name}` : `${name}`;
}
