import { parseAuditInput } from './auditInput';
import { apiServerAuditArgs, kubeadmAuditPatch } from './kubeadmAudit';

describe('kubeadm audit configuration', () => {
  const input = parseAuditInput({
    policyFile: '/etc/kubernetes/audit/hub-policy.yaml',
    logPath: '/var/log/apiserver/audit.log',
    maxAgeDays: 7,
  });

  it('passes the policy, the log and its rotation as flags', () => {
    expect(apiServerAuditArgs(input)).toEqual([
      '--audit-policy-file=/etc/kubernetes/audit/hub-policy.yaml',
      '--audit-log-path=/var/log/apiserver/audit.log',
      '--audit-log-maxage=7',
      '--audit-log-maxbackup=10',
      '--audit-log-maxsize=100',
    ]);
  });

  it('mounts the policy folder read-only and the log folder writable into the static Pod', () => {
    const patch = kubeadmAuditPatch(input);
    expect(patch.apiServer.extraVolumes).toEqual([
      expect.objectContaining({
        hostPath: '/etc/kubernetes/audit',
        mountPath: '/etc/kubernetes/audit',
        readOnly: true,
      }),
      expect.objectContaining({
        hostPath: '/var/log/apiserver',
        mountPath: '/var/log/apiserver',
        readOnly: false,
      }),
    ]);
    expect(patch.apiServer.extraArgs).toContainEqual({
      name: 'audit-log-maxage',
      value: '7',
    });
  });
});
