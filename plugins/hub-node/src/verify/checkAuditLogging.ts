import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { CoreV1Api, V1Pod } from '@kubernetes/client-node';
import { VerifyContext } from './types';

function flagsOf(pod: V1Pod): string[] {
  const container =
    pod.spec?.containers.find(c => c.name === 'kube-apiserver') ??
    pod.spec?.containers[0];
  return [...(container?.command ?? []), ...(container?.args ?? [])];
}

function flagValue(flags: string[], name: string): string | undefined {
  return flags
    .find(flag => flag.startsWith(`--${name}=`))
    ?.slice(name.length + 3);
}

/**
 * Audit logging configured on every API server, read from the kube-apiserver static
 * pods kubeadm mirrors into kube-system: a policy file and a log or webhook backend.
 */
export async function checkAuditLogging({
  kubeConfig,
}: VerifyContext): Promise<HubCheck> {
  const pods = await kubeConfig.makeApiClient(CoreV1Api).listNamespacedPod({
    namespace: 'kube-system',
    labelSelector: 'component=kube-apiserver',
  });
  const base = {
    id: 'audit.logging',
    area: 'audit' as const,
    title: 'API server audit logging',
  };
  if (pods.items.length === 0) {
    return {
      ...base,
      status: 'warn',
      reason:
        'no kube-apiserver pod is visible in kube-system (managed or external control plane): check the audit configuration with the provider',
      evidence: [],
    };
  }
  const findings = pods.items.map(pod => {
    const flags = flagsOf(pod);
    const policy = flagValue(flags, 'audit-policy-file');
    const backend =
      flagValue(flags, 'audit-log-path') ??
      flagValue(flags, 'audit-webhook-config-file');
    return {
      pod: pod.metadata?.name ?? '',
      policy,
      backend,
      ok: Boolean(policy && backend),
    };
  });
  const evidence = findings.map(
    f =>
      `${f.pod}: policy ${f.policy ?? 'none'}, backend ${f.backend ?? 'none'}`,
  );
  const missing = findings.filter(f => !f.ok);
  return missing.length > 0
    ? {
        ...base,
        status: 'fail',
        reason: `${missing
          .map(f => f.pod)
          .join(
            ', ',
          )} without an audit policy and backend; apply hub:audit:configure's kubeadm patch`,
        evidence,
      }
    : {
        ...base,
        status: 'pass',
        reason: `${findings.length} API server(s) log audit events`,
        evidence,
      };
}
