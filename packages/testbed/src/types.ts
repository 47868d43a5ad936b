/** One server process of a running testbed, as listed in testbed.json. */
export interface TestbedProcess {
  /** For example `etcd-0`, `kube-apiserver-1`, `kube-controller-manager`, `kwok`. */
  name: string;
  pid: number;
  logFile: string;
  binary: string;
}

/** The content of testbed.json, written by `testbed up` once the control plane is ready. */
export interface TestbedState {
  dir: string;
  dataDir: string;
  kubeconfig: string;
  caFile: string;
  apiserverURLs: string[];
  etcdClientURLs: string[];
  auditPolicyFile: string;
  /** The audit log of the first apiserver, the one the admin kubeconfig points at. */
  auditLogPath: string;
  /** One audit log per apiserver, in the order of `apiserverURLs`. */
  auditLogPaths: string[];
  fluxCRDsDir: string;
  fluxCRDsApplied: boolean;
  nodes: string[];
  processes: TestbedProcess[];
  startTime: string;
  readyMs: number;
}
