import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { CoordinationV1Api, CoreV1Api } from '@kubernetes/client-node';
import { VerifyContext } from './types';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
const IDENTITY_LABEL = 'apiserver.kubernetes.io/identity=kube-apiserver';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';
/** API servers renew their identity lease every 10 s; one not renewed for a minute is gone. */
const LIVE_WITHIN_MS = 60_000;

/**
 * Control-plane redundancy as the cluster shows it: the live API servers by their
 * identity leases (each API server keeps one, with its host) and the control-plane
 * nodes, which carry the etcd members in a stacked kubeadm topology.
 */
export async function checkHighAvailability({
  kubeConfig,
  now,
}: VerifyContext): Promise<HubCheck> {
  const leases = await kubeConfig
    .makeApiClient(CoordinationV1Api)
    .listNamespacedLease({
      namespace: 'kube-system',
      labelSelector: IDENTITY_LABEL,
    });
  const at = now().getTime();
  const live = leases.items.filter(lease => {
    const renewed = lease.spec?.renewTime
      ? new Date(lease.spec.renewTime).getTime()
      : 0;
    return at - renewed < LIVE_WITHIN_MS;
  });
  const hosts = new Set(
    live.map(
      lease => lease.metadata?.labels?.[HOSTNAME_LABEL] ?? lease.metadata?.name,
    ),
  );
  const controlPlaneNodes = await kubeConfig
    .makeApiClient(CoreV1Api)
    .listNode({ labelSelector: CONTROL_PLANE_LABEL });
  const nodeCount = controlPlaneNodes.items.length;
  const evidence = [
    `live API servers: ${
      live
        .map(
          l =>
            `${l.metadata?.name} on ${
              l.metadata?.labels?.[HOSTNAME_LABEL] ?? 'unknown host'
            }`,
        )
        .join(', ') || 'none'
    }`,
    `control-plane nodes: ${
      controlPlaneNodes.items.map(n => n.metadata?.name).join(', ') ||
      'none visible'
    }`,
  ];
  const base = {
    id: 'controlPlane.ha',
    area: 'controlPlane' as const,
    title: 'Highly available control plane',
    evidence,
  };
  if (live.length < 2 || hosts.size < 2) {
    return {
      ...base,
      status: 'fail',
      reason: `${live.length} live API server(s) on ${hosts.size} host(s): losing one host stops the hub; run 3 control-plane nodes behind a load balancer`,
    };
  }
  if (nodeCount > 0 && (nodeCount < 3 || nodeCount % 2 === 0)) {
    return {
      ...base,
      status: 'fail',
      reason: `${nodeCount} control-plane nodes: stacked etcd needs an odd number, at least 3, to keep quorum through a failure`,
    };
  }
  if (nodeCount === 0) {
    return {
      ...base,
      status: 'warn',
      reason: `${live.length} API servers on ${hosts.size} hosts; no node is labelled ${CONTROL_PLANE_LABEL} (managed or external control plane), so etcd placement is not visible here`,
    };
  }
  return {
    ...base,
    status: 'pass',
    reason: `${live.length} API servers on ${hosts.size} hosts and ${nodeCount} control-plane nodes`,
  };
}
