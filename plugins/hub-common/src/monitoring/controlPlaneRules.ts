import { PrometheusRuleGroup } from './monitoringTypes';
import { alert, APISERVER_JOB, ETCD_JOB } from './ruleHelpers';

const WEEK_SECONDS = 7 * 24 * 3600;
const DAY_SECONDS = 24 * 3600;

/** The API servers: reachable, answering without server errors. */
export function apiServerRules(): PrometheusRuleGroup {
  return {
    name: 'hubspoke-apiserver',
    rules: [
      alert('HubAPIServerDown', `absent(up{${APISERVER_JOB}} == 1)`, {
        severity: 'critical',
        area: 'controlPlane',
        for: '5m',
        summary: 'No API server of the hub can be scraped',
        description:
          'Prometheus has not reached any kube-apiserver for 5 minutes: the hub cannot be managed.',
      }),
      alert(
        'HubAPIServerErrorsHigh',
        `sum(rate(apiserver_request_total{${APISERVER_JOB},code=~"5.."}[5m])) / sum(rate(apiserver_request_total{${APISERVER_JOB}}[5m])) > 0.05`,
        {
          severity: 'warning',
          area: 'controlPlane',
          for: '10m',
          summary: 'The API servers answer more than 5% of requests with 5xx',
          description:
            '{{ $value | humanizePercentage }} of API requests failed with a server error over the last 5 minutes.',
        },
      ),
    ],
  };
}

/** Client certificates presented to the API servers (kubelets, controllers, admins). */
export function certificateRules(): PrometheusRuleGroup {
  const expiring = (seconds: number) =>
    `apiserver_client_certificate_expiration_seconds_count{${APISERVER_JOB}} > 0 and on (job) histogram_quantile(0.01, sum by (job, le) (rate(apiserver_client_certificate_expiration_seconds_bucket{${APISERVER_JOB}}[5m]))) < ${seconds}`;
  return {
    name: 'hubspoke-certificates',
    rules: [
      alert('HubClientCertificateExpiring', expiring(WEEK_SECONDS), {
        severity: 'warning',
        area: 'controlPlane',
        for: '5m',
        summary:
          'A client certificate used with the API server expires within 7 days',
        description:
          'Clients authenticate with certificates that expire in less than 7 days; renew them (kubeadm certs renew) before the control plane locks them out.',
      }),
      alert('HubClientCertificateExpiring', expiring(DAY_SECONDS), {
        severity: 'critical',
        area: 'controlPlane',
        for: '5m',
        summary:
          'A client certificate used with the API server expires within 24 hours',
        description:
          'Clients authenticate with certificates that expire in less than 24 hours; renew them now.',
      }),
    ],
  };
}

/** etcd: a leader, a quorum of members, a database within its quota. */
export function etcdRules(): PrometheusRuleGroup {
  return {
    name: 'hubspoke-etcd',
    rules: [
      alert('HubEtcdNoLeader', `etcd_server_has_leader{${ETCD_JOB}} == 0`, {
        severity: 'critical',
        area: 'etcd',
        for: '1m',
        summary: 'etcd member {{ $labels.instance }} has no leader',
        description:
          'etcd member {{ $labels.instance }} has seen no leader for a minute: writes to the hub fail.',
      }),
      alert(
        'HubEtcdMembersDown',
        `max without (endpoint) (sum without (instance) (up{${ETCD_JOB}} == bool 0) or count without (To) (sum without (instance) (rate(etcd_network_peer_sent_failures_total{${ETCD_JOB}}[2m])) > 0.01)) > 0`,
        {
          severity: 'critical',
          area: 'etcd',
          for: '10m',
          summary: '{{ $value }} etcd members of {{ $labels.job }} are down',
          description:
            'etcd members cannot be scraped or cannot reach their peers; one more failure may cost the quorum.',
        },
      ),
      alert(
        'HubEtcdInsufficientMembers',
        `sum without (instance, pod) (up{${ETCD_JOB}} == bool 1) < ((count without (instance, pod) (up{${ETCD_JOB}}) + 1) / 2)`,
        {
          severity: 'critical',
          area: 'etcd',
          for: '3m',
          summary: 'etcd of {{ $labels.job }} has lost its quorum',
          description:
            'Fewer than half of the etcd members are up: the hub cannot store changes.',
        },
      ),
      alert(
        'HubEtcdDatabaseNearQuota',
        `(last_over_time(etcd_mvcc_db_total_size_in_bytes{${ETCD_JOB}}[5m]) / last_over_time(etcd_server_quota_backend_bytes{${ETCD_JOB}}[5m])) > 0.9`,
        {
          severity: 'warning',
          area: 'etcd',
          for: '10m',
          summary:
            'etcd member {{ $labels.instance }} uses over 90% of its quota',
          description:
            'At the quota etcd refuses writes; compact and defragment, or raise --quota-backend-bytes.',
        },
      ),
    ],
  };
}

/** Nodes: ready, and not under memory, disk or PID pressure (kube-state-metrics). */
export function nodeRules(): PrometheusRuleGroup {
  return {
    name: 'hubspoke-nodes',
    rules: [
      alert(
        'HubNodeUnderPressure',
        'max by (node, condition) (kube_node_status_condition{condition=~"MemoryPressure|DiskPressure|PIDPressure",status="true"}) == 1',
        {
          severity: 'warning',
          area: 'controlPlane',
          for: '5m',
          summary: 'Node {{ $labels.node }} reports {{ $labels.condition }}',
          description:
            'The kubelet on {{ $labels.node }} reports {{ $labels.condition }} and may evict pods.',
        },
      ),
      alert(
        'HubNodeNotReady',
        'max by (node) (kube_node_status_condition{condition="Ready",status="true"}) == 0',
        {
          severity: 'warning',
          area: 'controlPlane',
          for: '15m',
          summary: 'Node {{ $labels.node }} is not ready',
          description:
            'Node {{ $labels.node }} has not been Ready for 15 minutes.',
        },
      ),
    ],
  };
}
