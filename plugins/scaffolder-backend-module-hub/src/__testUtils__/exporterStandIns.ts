/**
 * Series that kube-state-metrics, Velero and the kubelet's cAdvisor would expose on a
 * real hub. The testbed runs none of them (their Go modules are not on the proxy and
 * KWOK nodes have no kubelet), so a loopback endpoint serves these in their place, with
 * the names and labels those exporters use. Everything else a test Prometheus scrapes
 * comes from the testbed's real API server, etcd and Flux controllers.
 */

/** When the last Velero backup and etcd snapshot succeeded: two hours ago. */
function twoHoursAgo(): number {
  return Math.floor(Date.now() / 1000) - 2 * 3600;
}

const started = Date.now() / 1000;

function series(name: string, labels: Record<string, string>, value: number) {
  const text = Object.entries(labels)
    .map(([key, v]) => `${key}="${v}"`)
    .join(',');
  return `${name}{${text}} ${value}`;
}

function fluxObject(
  kind: string,
  namespace: string,
  name: string,
  ready: string,
  suspended: string,
) {
  return series(
    'gotk_resource_info',
    {
      customresource_group: 'toolkit.fluxcd.io',
      customresource_kind: kind,
      exported_namespace: namespace,
      name,
      ready,
      suspended,
    },
    1,
  );
}

/**
 * The tenant payments has a failing Kustomization and a suspended GitRepository; the
 * platform's kube-prometheus-stack HelmRelease fails (no chart to pull); node
 * kwok-node-0 is under memory pressure; the last backup and etcd snapshot are two hours
 * old; the tenant's pod uses CPU and memory within its quota.
 */
export function exporterStandIns(): string {
  const old = twoHoursAgo();
  return [
    series(
      'kube_namespace_labels',
      { namespace: 'payments', label_toolkit_fluxcd_io_tenant: 'payments' },
      1,
    ),
    series('kube_namespace_labels', { namespace: 'flux-system' }, 1),
    fluxObject('Kustomization', 'payments', 'apps', 'False', 'false'),
    fluxObject('GitRepository', 'payments', 'apps', 'True', 'true'),
    fluxObject(
      'HelmRelease',
      'flux-system',
      'kube-prometheus-stack',
      'False',
      'false',
    ),
    fluxObject('Kustomization', 'flux-system', 'flux-system', 'True', 'false'),
    series(
      'kube_node_status_condition',
      { node: 'kwok-node-0', condition: 'MemoryPressure', status: 'true' },
      1,
    ),
    series(
      'kube_node_status_condition',
      { node: 'kwok-node-0', condition: 'Ready', status: 'true' },
      1,
    ),
    series(
      'kube_cronjob_status_last_successful_time',
      { namespace: 'velero', cronjob: 'etcd-snapshot' },
      old,
    ),
    series(
      'kube_resourcequota',
      {
        namespace: 'payments',
        resourcequota: 'tenant-quota',
        resource: 'limits.cpu',
        type: 'hard',
      },
      4,
    ),
    series(
      'kube_resourcequota',
      {
        namespace: 'payments',
        resourcequota: 'tenant-quota',
        resource: 'limits.cpu',
        type: 'used',
      },
      1,
    ),
    series(
      'kube_pod_status_phase',
      { namespace: 'payments', pod: 'web-0', phase: 'Running' },
      1,
    ),
    series(
      'velero_backup_last_successful_timestamp',
      { schedule: 'hub-daily' },
      old,
    ),
    series(
      'container_cpu_usage_seconds_total',
      { namespace: 'payments', pod: 'web-0', container: 'web' },
      (Date.now() / 1000 - started) * 0.25,
    ),
    series(
      'container_memory_working_set_bytes',
      { namespace: 'payments', pod: 'web-0', container: 'web' },
      52428800,
    ),
    '',
  ].join('\n');
}

/** An etcd member that has lost its leader. */
export function etcdWithoutLeader(): string {
  return 'etcd_server_has_leader 0\n';
}
