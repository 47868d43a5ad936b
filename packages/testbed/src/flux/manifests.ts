import { dumpYaml } from '@kubernetes/client-node';

/** A ConfigMap manifest as YAML, for committing to a test repository. */
export function configMapYaml(
  name: string,
  data: Record<string, string>,
  namespace?: string,
): string {
  return dumpYaml({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: namespace ? { name, namespace } : { name },
    data,
  });
}
