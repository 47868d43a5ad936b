import { renderYamlDocument } from '../manifests/renderYaml';
import { FluxKustomizationManifest } from '../manifests/types';
import {
  buildMonitoringConfigs,
  buildMonitoringControllers,
} from './monitoringManifests';
import { MonitoringInput } from './monitoringInput';

/** The cluster's monitoring folder in the fleet repository. */
export function monitoringGitopsRoot(
  input: Pick<MonitoringInput, 'cluster'>,
): string {
  return `clusters/${input.cluster}/monitoring`;
}

export const MONITORING_CONTROLLERS = 'monitoring-controllers';
export const MONITORING_CONFIGS = 'monitoring-configs';

/**
 * The two Flux Kustomizations of flux2-monitoring-example: the configs (PodMonitor,
 * rules, dashboards) wait until the controllers (kube-prometheus-stack, which brings
 * the CRDs) are ready. They read the fleet repository through the sync source
 * `flux bootstrap` names after Flux's namespace, and run as kustomize-controller,
 * which the multi-tenancy lockdown requires of cluster-wide Kustomizations.
 */
function fluxKustomization(
  input: MonitoringInput,
  name: string,
  path: string,
  dependsOn?: string,
): FluxKustomizationManifest {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: {
      name,
      namespace: input.fluxNamespace,
      labels: { 'app.kubernetes.io/managed-by': 'hubspoke' },
    },
    spec: {
      interval: '1h',
      retryInterval: '2m',
      timeout: '10m',
      serviceAccountName: 'kustomize-controller',
      sourceRef: { kind: 'GitRepository', name: input.fluxNamespace },
      path: `./${path}`,
      prune: true,
      wait: true,
      ...(dependsOn && { dependsOn: [{ name: dependsOn }] }),
    },
  };
}

function kustomizeFile(resources: string[]): string {
  return renderYamlDocument({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  });
}

/** One file per object and a kustomization.yaml listing them, under `dir`. */
function folderFiles(
  dir: string,
  objects: Array<{ kind: string; metadata: { name: string } }>,
): Record<string, string> {
  const files: Record<string, string> = {};
  const names = objects.map(
    object => `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`,
  );
  objects.forEach((object, index) => {
    files[`${dir}/${names[index]}`] = renderYamlDocument(object);
  });
  files[`${dir}/kustomization.yaml`] = kustomizeFile(names);
  return files;
}

/**
 * The fleet repository files of the monitoring stack, keyed by path relative to the
 * repository root: `clusters/<cluster>/monitoring/` with the two Flux Kustomizations,
 * and their `controllers/` and `configs/` folders. Flux finds the folder on its own
 * (it has a kustomization.yaml inside the cluster's path). Secrets never go into it.
 */
export function monitoringGitopsFiles(
  input: MonitoringInput,
): Record<string, string> {
  const root = monitoringGitopsRoot(input);
  const controllers = `${root}/controllers`;
  const configs = `${root}/configs`;
  return {
    ...folderFiles(root, [
      fluxKustomization(input, MONITORING_CONTROLLERS, controllers),
      fluxKustomization(
        input,
        MONITORING_CONFIGS,
        configs,
        MONITORING_CONTROLLERS,
      ),
    ]),
    ...folderFiles(controllers, buildMonitoringControllers(input)),
    ...folderFiles(configs, buildMonitoringConfigs(input)),
  };
}
