import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { apiServerGet } from './apiServerGet';
import { VerifyContext } from './types';

/** `[+]etcd ok` / `[-]etcd failed: reason withheld` lines of `/readyz?verbose`. */
function readyzLines(body: string) {
  return body
    .split('\n')
    .map(line => /^\[([+-])\](\S+)\s*(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, sign, name, rest]) => ({ ok: sign === '+', name, detail: rest }));
}

type ReadyzLine = ReturnType<typeof readyzLines>[number];

function etcdReason(etcd: ReadyzLine[], failing: ReadyzLine[]): string {
  if (etcd.length === 0) return '/readyz reports no etcd check';
  if (failing.length > 0)
    return `${failing.map(l => l.name).join(', ')} failing`;
  return `${etcd.map(l => l.name).join(', ')} ok`;
}

/** The API server's readiness checks, and within them etcd's. */
export async function checkApiServer({
  kubeConfig,
}: VerifyContext): Promise<HubCheck[]> {
  const { status, body } = await apiServerGet(kubeConfig, '/readyz?verbose');
  const lines = readyzLines(body);
  const failing = lines.filter(line => !line.ok);
  const etcd = lines.filter(
    line => line.name === 'etcd' || line.name.startsWith('etcd-'),
  );
  const etcdFailing = etcd.filter(line => !line.ok);
  return [
    {
      id: 'controlPlane.readyz',
      area: 'controlPlane',
      title: 'API server ready',
      status: status === 200 ? 'pass' : 'fail',
      reason:
        status === 200
          ? `/readyz answered 200 with ${lines.length} checks passing`
          : `/readyz answered ${status}; failing: ${
              failing.map(l => l.name).join(', ') || 'unknown'
            }`,
      evidence:
        failing.length > 0
          ? failing.map(l => `[-]${l.name} ${l.detail}`.trim())
          : [`HTTP ${status}`],
    },
    {
      id: 'etcd.readiness',
      area: 'etcd',
      title: 'etcd reachable from the API server',
      status: etcd.length > 0 && etcdFailing.length === 0 ? 'pass' : 'fail',
      reason: etcdReason(etcd, etcdFailing),
      evidence: etcd.map(l =>
        `[${l.ok ? '+' : '-'}]${l.name} ${l.detail}`.trim(),
      ),
    },
  ];
}
