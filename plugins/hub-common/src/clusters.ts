/** Whether a cluster is the hub that runs Flux for the fleet, or a spoke it manages. */
export type HubClusterRole = 'hub' | 'spoke';

/** How the backend authenticates to a cluster. The credential itself never leaves the backend. */
export type HubClusterAuthType = 'kubeconfig' | 'serviceAccountToken';

/** What the browser may know about a configured cluster. */
export interface HubClusterSummary {
  name: string;
  title?: string;
  role: HubClusterRole;
  /** The API server URL, when config states it; kubeconfig-based clusters may take it from the file. */
  apiUrl?: string;
  authType: HubClusterAuthType;
}

/** Response of `GET /api/hub/clusters`. */
export interface HubClusterList {
  clusters: HubClusterSummary[];
}

/** Response of `GET /api/hub/health`. */
export interface HubHealth {
  status: 'ok';
}
