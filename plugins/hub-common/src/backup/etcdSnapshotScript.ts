/**
 * The etcd snapshot job as typed data: the etcdctl and etcdutl argument lists, and
 * the shell steps that stamp, prune and ship the snapshot. The CronJob renders them;
 * a test runs the same argument lists and local steps against a real etcd.
 */

/** How etcdctl reaches etcd; kubeadm serves it on loopback with client certificates. */
export interface EtcdConnection {
  endpoint: string;
  tls?: { caFile: string; certFile: string; keyFile: string };
}

/** kubeadm's stacked etcd, as seen from a control-plane host. */
export const KUBEADM_ETCD_PKI = '/etc/kubernetes/pki/etcd';
export const KUBEADM_ETCD: EtcdConnection = {
  endpoint: 'https://127.0.0.1:2379',
  tls: {
    caFile: `${KUBEADM_ETCD_PKI}/ca.crt`,
    certFile: `${KUBEADM_ETCD_PKI}/healthcheck-client.crt`,
    keyFile: `${KUBEADM_ETCD_PKI}/healthcheck-client.key`,
  },
};

/** The etcdctl flags that reach the member at `endpoint`, with its client certificate. */
export function etcdConnectionArgs(connection: EtcdConnection): string[] {
  const { tls } = connection;
  return [
    `--endpoints=${connection.endpoint}`,
    ...(tls
      ? [
          `--cacert=${tls.caFile}`,
          `--cert=${tls.certFile}`,
          `--key=${tls.keyFile}`,
        ]
      : []),
  ];
}

/** `etcdctl` arguments that write a snapshot of the member at `endpoint` to `file`. */
export function etcdSnapshotSaveArgs(
  connection: EtcdConnection,
  file: string,
): string[] {
  return [...etcdConnectionArgs(connection), 'snapshot', 'save', file];
}

/** `etcdutl` arguments that check a snapshot file's integrity and print its hash and revision. */
export function etcdSnapshotStatusArgs(file: string): string[] {
  return ['snapshot', 'status', file, '--write-out=json'];
}

/** One step of the shell part, with why it is there. */
export interface ShellStep {
  name: string;
  why: string;
  lines: string[];
}

/** Where the shell part finds the fresh snapshot and where it keeps and ships them. */
export interface SnapshotShipping {
  /** The file etcdctl wrote. */
  snapshotFile: string;
  /** The host folder that keeps the last `keep` snapshots. */
  snapshotDir: string;
  keep: number;
  /** Bucket and non-empty key prefix, e.g. s3://backups/hub/etcd, and an S3-compatible endpoint. */
  objectStore?: { url: string; endpointUrl?: string };
}

/** Quotes a value for bash: inside single quotes nothing is special but the quote itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Moves the snapshot under a sortable name and keeps the newest `keep` on the host. */
export function localSnapshotSteps(shipping: SnapshotShipping): ShellStep[] {
  const dir = shellQuote(shipping.snapshotDir);
  return [
    {
      name: 'stamp',
      why: 'UTC timestamps in the name sort in time order, per node',
      lines: [
        'name="etcd-snapshot-${NODE_NAME}-$(date -u +%Y%m%dT%H%M%SZ).db"',
        `mv ${shellQuote(shipping.snapshotFile)} ${dir}/"$name"`,
      ],
    },
    {
      name: 'prune-local',
      why: `keep the newest ${shipping.keep} snapshots of this node on the host`,
      lines: [
        'shopt -s nullglob',
        `snapshots=(${dir}/etcd-snapshot-"$NODE_NAME"-*.db)`,
        `for ((i = 0; i < \${#snapshots[@]} - ${shipping.keep}; i++)); do`,
        '  rm -f -- "${snapshots[i]}"',
        'done',
      ],
    },
  ];
}

function s3Location(url: string): { bucket: string; prefix: string } {
  const [bucket, ...rest] = url.replace(/^s3:\/\//, '').split('/');
  return { bucket, prefix: rest.join('/') };
}

/** Copies the snapshot to the object store and keeps the newest `keep` of this node there. */
export function uploadSnapshotSteps(
  shipping: SnapshotShipping & {
    objectStore: { url: string; endpointUrl?: string };
  },
): ShellStep[] {
  const { url, endpointUrl } = shipping.objectStore;
  const { bucket, prefix } = s3Location(url);
  const dir = shellQuote(shipping.snapshotDir);
  const aws = endpointUrl
    ? `aws --endpoint-url ${shellQuote(endpointUrl)}`
    : 'aws';
  return [
    {
      name: 'upload',
      why: 'a snapshot on the node it protects is lost with that node',
      lines: [`${aws} s3 cp ${dir}/"$name" ${shellQuote(`${url}/`)}"$name"`],
    },
    {
      name: 'prune-remote',
      why: `S3 lists keys in ascending order: all but the newest ${shipping.keep} go`,
      lines: [
        `listing=$(${aws} s3api list-objects-v2 --bucket ${shellQuote(
          bucket,
        )} --prefix ${shellQuote(
          `${prefix}/`,
        )}"etcd-snapshot-$NODE_NAME-" --query 'Contents[].Key' --output text)`,
        'read -r -a keys <<< "$listing"',
        'if [[ "${keys[0]:-None}" == None ]]; then keys=(); fi',
        `for ((i = 0; i < \${#keys[@]} - ${shipping.keep}; i++)); do`,
        `  ${aws} s3 rm ${shellQuote(`s3://${bucket}/`)}"\${keys[i]}"`,
        'done',
      ],
    },
  ];
}

/** The steps as one bash script that stops at the first failing command. */
export function renderShellScript(steps: ShellStep[]): string {
  return [
    'set -euo pipefail',
    ...steps.flatMap(step => [`# ${step.name}: ${step.why}`, ...step.lines]),
    '',
  ].join('\n');
}
