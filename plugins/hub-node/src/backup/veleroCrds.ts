import { renderYamlDocument } from '@hubspoke/backstage-plugin-hub-common';
import { KubernetesObject } from '@kubernetes/client-node';
import crds from './velero/velero-crds-v1.18.3.json';

/**
 * The CustomResourceDefinitions of the Velero release hub:backup:configure installs,
 * as generated from its Go module by scripts/generate-velero-crds.mts.
 */
export function veleroCrds(): KubernetesObject[] {
  return crds.crds as KubernetesObject[];
}

/** The CRDs as one multi-document YAML file, with a header naming their origin. */
export function veleroCrdsYaml(): string {
  const header = `# Velero ${crds.version} CustomResourceDefinitions, generated from ${crds.module} (config/crd/*/bases)\n`;
  return header + veleroCrds().map(renderYamlDocument).join('---\n');
}
