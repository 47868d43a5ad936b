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
  /** Present when the testbed runs the Flux controllers (`testbed up --flux`). */
  flux?: TestbedFluxState;
  nodes: string[];
  processes: TestbedProcess[];
  startTime: string;
  readyMs: number;
}

/** One Flux controller that `testbed up --flux` runs out of cluster. */
export interface TestbedFluxController {
  /** `source-controller`, `kustomize-controller`, `helm-controller`, `notification-controller`. */
  name: string;
  /** `127.0.0.1:PORT` of its Prometheus metrics. */
  metricsAddr: string;
  /** `127.0.0.1:PORT` of its `/healthz` and `/readyz`. */
  healthAddr: string;
  /** Its command-line flags, including the multi-tenancy lockdown. */
  args: string[];
}

/** The `flux` object of testbed.json. */
export interface TestbedFluxState {
  /** The controllers' RUNTIME_NAMESPACE: `flux-system`. */
  namespace: string;
  /** source-controller's artifact folder. */
  storagePath: string;
  /** `127.0.0.1:PORT` where source-controller serves (and advertises) artifacts. */
  storageAddr: string;
  /** notification-controller's event endpoint (`http://127.0.0.1:PORT`); absent without it. */
  eventsAddr?: string;
  /** notification-controller's webhook receiver (`http://127.0.0.1:PORT`); absent without it. */
  receiverAddr?: string;
  controllers: TestbedFluxController[];
}
