import { InputError } from '@backstage/errors';
import { SecurityBaselineInput } from '@hubspoke/backstage-plugin-hub-common';
import { CoreV1Api, KubeConfig, V1Namespace } from '@kubernetes/client-node';

async function readNamespace(
  core: CoreV1Api,
  name: string,
): Promise<V1Namespace | undefined> {
  try {
    return await core.readNamespace({ name });
  } catch (error) {
    if ((error as { code?: number }).code === 404) {
      return undefined;
    }
    throw error;
  }
}

/** Why a named tenant namespace cannot be covered, or undefined when it can. */
function namedNamespaceProblem(
  namespace: V1Namespace | undefined,
  name: string,
  input: SecurityBaselineInput,
): string | undefined {
  if (!namespace) {
    return `namespace "${name}" does not exist on cluster "${input.cluster}"; onboard the tenant first (hub:tenant:create)`;
  }
  if (namespace.metadata?.labels?.[input.tenantLabel] === undefined) {
    return `namespace "${name}" does not carry the label ${input.tenantLabel}, so the admission policies would not cover it; onboard it with hub:tenant:create or label it`;
  }
  return undefined;
}

/**
 * The tenant namespaces the baseline labels and binds the reconcilers in (apply mode):
 * those named in `tenantNamespaces`, which must exist and carry the tenant label, or
 * else every namespace carrying the tenant label, except the system and platform ones
 * and those being deleted.
 */
export async function tenantNamespacesOnCluster(
  kubeConfig: KubeConfig,
  input: SecurityBaselineInput,
): Promise<string[]> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  if (input.tenantNamespaces) {
    const named = input.tenantNamespaces;
    const found = await Promise.all(
      named.map(name => readNamespace(core, name)),
    );
    const problems = named.flatMap((name, index) => {
      const problem = namedNamespaceProblem(found[index], name, input);
      return problem ? [`tenantNamespaces.${index}: ${problem}`] : [];
    });
    if (problems.length > 0) {
      throw new InputError(problems.join('; '));
    }
    return named;
  }
  const platform = new Set([
    ...input.systemNamespaces,
    input.fluxNamespace,
    input.monitoringNamespace,
  ]);
  const labelled = await core.listNamespace({
    labelSelector: input.tenantLabel,
  });
  return labelled.items
    .filter(namespace => !namespace.metadata?.deletionTimestamp)
    .map(namespace => namespace.metadata?.name ?? '')
    .filter(name => name !== '' && name !== 'default' && !platform.has(name))
    .sort();
}
