import { InputError } from '@backstage/errors';
import { MonitoringInput } from '@hubspoke/backstage-plugin-hub-common';
import { prometheusOperatorCrds } from '@hubspoke/backstage-plugin-hub-node';
import {
  ApiextensionsV1Api,
  CoreV1Api,
  KubeConfig,
} from '@kubernetes/client-node';

async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 404) {
      return false;
    }
    throw error;
  }
}

async function missingCrds(kubeConfig: KubeConfig): Promise<string[]> {
  const api = kubeConfig.makeApiClient(ApiextensionsV1Api);
  const names = prometheusOperatorCrds().crds.map(crd => crd.metadata.name);
  const present = await Promise.all(
    names.map(name => exists(() => api.readCustomResourceDefinition({ name }))),
  );
  return names.filter((_, index) => !present[index]);
}

/**
 * Apply mode needs Flux's namespace (the HelmReleases live there) and, unless the
 * action applies them itself, the Prometheus Operator CRDs of the kinds it creates.
 * Fails naming the inputs that fix each problem, before anything is applied.
 */
export async function checkApplyPrerequisites(
  kubeConfig: KubeConfig,
  input: MonitoringInput,
): Promise<void> {
  const problems: string[] = [];
  const core = kubeConfig.makeApiClient(CoreV1Api);
  if (
    !(await exists(() => core.readNamespace({ name: input.fluxNamespace })))
  ) {
    problems.push(
      `fluxNamespace: namespace "${input.fluxNamespace}" does not exist on cluster ${input.cluster}; install Flux first (hub:flux:install) or name the namespace Flux runs in`,
    );
  }
  const missing = input.installCrds ? [] : await missingCrds(kubeConfig);
  if (missing.length > 0) {
    problems.push(
      `installCrds: the cluster has no ${missing.join(
        ', ',
      )}; set installCrds: true to apply the Prometheus Operator ${
        prometheusOperatorCrds().version
      } CRDs first, or use gitops mode, where kube-prometheus-stack installs them before Flux applies the rules`,
    );
  }
  if (problems.length > 0) {
    throw new InputError(problems.join('; '));
  }
}

/** The CRDs to apply first when the user asks for them. */
export function monitoringCrdManifests() {
  return prometheusOperatorCrds().crds;
}
