import { apiErrorFrom } from '@hubspoke/testbed';
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  V1Container,
  V1Pod,
} from '@kubernetes/client-node';

// Test-only: the requests the baseline's admission policies must refuse or admit, each
// a server-side dry run so that nothing is left behind.

export const OWNER_LABEL = 'hubspoke.io/owner';

/** A container the restricted Pod Security level admits, from an allowed registry, with limits. */
function restrictedContainer(extra: Partial<V1Container> = {}): V1Container {
  return {
    name: 'app',
    image: 'registry.example.com/acme/app:1.0',
    resources: { limits: { cpu: '100m', memory: '64Mi' } },
    securityContext: {
      allowPrivilegeEscalation: false,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    ...extra,
  };
}

/** A pod every policy and the restricted level admit; `change` breaks one rule. */
export function compliantPod(change: (pod: V1Pod) => void = () => {}): V1Pod {
  const pod: V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'probe', labels: { [OWNER_LABEL]: 'team-acme' } },
    spec: { containers: [restrictedContainer()] },
  };
  change(pod);
  return pod;
}

/** The API server's message for a refused request (fails if it was admitted). */
export async function deniedBy(request: Promise<unknown>): Promise<string> {
  const error = await apiErrorFrom(request);
  return error.message.replace(/^[a-z.]+ "[^"]+" is forbidden: /, '');
}

export function admissionProbes(
  kubeConfig: KubeConfig,
  namespaces: { tenant: string; lateTenant: string },
) {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const dryRunPod = (namespace: string, pod: V1Pod) =>
    core.createNamespacedPod({ namespace, body: pod, dryRun: 'All' });

  return {
    compliantPod: () => dryRunPod(namespaces.tenant, compliantPod()),
    privilegedPod: (namespace = namespaces.lateTenant) =>
      dryRunPod(
        namespace,
        compliantPod(pod => {
          pod.spec!.containers[0].securityContext = { privileged: true };
        }),
      ),
    hostNetworkPod: () =>
      dryRunPod(
        namespaces.lateTenant,
        compliantPod(pod => {
          pod.spec!.hostNetwork = true;
        }),
      ),
    podFromOtherRegistry: () =>
      dryRunPod(
        namespaces.tenant,
        compliantPod(pod => {
          pod.spec!.containers[0].image = 'docker.io/library/nginx:1.27';
        }),
      ),
    podWithoutLimits: () =>
      dryRunPod(
        namespaces.tenant,
        compliantPod(pod => {
          delete pod.spec!.containers[0].resources;
        }),
      ),
    podInDefault: () =>
      dryRunPod(
        'default',
        compliantPod(pod => {
          pod.spec!.containers[0].image = 'ghcr.io/acme/app:1.0';
        }),
      ),
    deploymentWithoutOwner: () =>
      apps.createNamespacedDeployment({
        namespace: namespaces.tenant,
        dryRun: 'All',
        body: {
          metadata: { name: 'probe' },
          spec: {
            selector: { matchLabels: { app: 'probe' } },
            template: {
              metadata: { labels: { app: 'probe' } },
              spec: { containers: [restrictedContainer()] },
            },
          },
        },
      }),
  };
}
