import { AuditInput, parentFolder } from './auditInput';

/** A kube-apiserver command-line flag. */
export interface ApiServerFlag {
  name: string;
  value: string;
}

/** A host folder kubeadm mounts into the API server's static Pod. */
export interface KubeadmHostPathMount {
  name: string;
  hostPath: string;
  mountPath: string;
  readOnly: boolean;
  pathType: 'DirectoryOrCreate';
}

/** The part of a kubeadm v1beta4 ClusterConfiguration that turns audit logging on. */
export interface KubeadmAuditPatch {
  apiVersion: 'kubeadm.k8s.io/v1beta4';
  kind: 'ClusterConfiguration';
  apiServer: {
    extraArgs: ApiServerFlag[];
    extraVolumes: KubeadmHostPathMount[];
  };
}

/** The kube-apiserver flags that load the policy and rotate the log file. */
export function apiServerAuditFlags(input: AuditInput): ApiServerFlag[] {
  return [
    { name: 'audit-policy-file', value: input.policyFile },
    { name: 'audit-log-path', value: input.logPath },
    { name: 'audit-log-maxage', value: String(input.maxAgeDays) },
    { name: 'audit-log-maxbackup', value: String(input.maxBackups) },
    { name: 'audit-log-maxsize', value: String(input.maxSizeMegabytes) },
  ];
}

/** The flags as they go on a command line: `--name=value`. */
export function apiServerAuditArgs(input: AuditInput): string[] {
  return apiServerAuditFlags(input).map(
    ({ name, value }) => `--${name}=${value}`,
  );
}

/**
 * kubeadm runs the API server as a static Pod: the flags go to `apiServer.extraArgs`
 * (v1beta4 lists name/value pairs) and the policy and log folders must be mounted
 * from the host, the policy read-only.
 */
export function kubeadmAuditPatch(input: AuditInput): KubeadmAuditPatch {
  const policyFolder = parentFolder(input.policyFile);
  const logFolder = parentFolder(input.logPath);
  return {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'ClusterConfiguration',
    apiServer: {
      extraArgs: apiServerAuditFlags(input),
      extraVolumes: [
        {
          name: 'audit-policy',
          hostPath: policyFolder,
          mountPath: policyFolder,
          readOnly: true,
          pathType: 'DirectoryOrCreate',
        },
        {
          name: 'audit-log',
          hostPath: logFolder,
          mountPath: logFolder,
          readOnly: false,
          pathType: 'DirectoryOrCreate',
        },
      ],
    },
  };
}
