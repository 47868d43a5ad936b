import {
  ClusterConnector,
  ConnectedCluster,
} from '../clusters/ClusterConnector';
import { checkCrds } from './checkCrds';
import { checkIdentity } from './checkIdentity';
import { checkNodes, NodeMinimums } from './checkNodes';
import { checkPermissions } from './checkPermissions';
import { checkStorageClass } from './checkStorageClass';
import { checkVersion } from './checkVersion';
import { CheckResult } from './types';

export interface PreflightOptions {
  cluster: string;
  requireCrds: string[];
  minimums: NodeMinimums;
  requireDefaultStorageClass: boolean;
}

/**
 * Runs every check against one cluster. Throws only when the cluster is not configured;
 * an unreachable API server is a failed check, and the checks that need it are skipped.
 */
export async function runPreflight(
  clusters: ClusterConnector,
  options: PreflightOptions,
): Promise<CheckResult[]> {
  clusters.find(options.cluster);
  let connected: ConnectedCluster;
  try {
    connected = await clusters.connect(options.cluster);
  } catch (error) {
    return [
      {
        id: 'reachability',
        title: 'API server reachable',
        status: 'fail',
        message: (error as Error).message,
      },
    ];
  }
  const { kubeConfig, version } = connected;
  const server = kubeConfig.getCurrentCluster()?.server;
  return [
    {
      id: 'reachability',
      title: 'API server reachable',
      status: 'pass',
      message: `${server} answered with ${version.gitVersion}`,
      evidence: { server },
    },
    checkVersion(version),
    ...(await Promise.all([
      checkIdentity(kubeConfig),
      checkPermissions(kubeConfig),
      checkNodes(kubeConfig, options.minimums),
      checkStorageClass(kubeConfig, options.requireDefaultStorageClass),
      checkCrds(kubeConfig, options.requireCrds),
    ])),
  ];
}

/** For example '6 passed, 1 warning, 0 failed'. */
export function summarize(report: CheckResult[]): string {
  const count = (status: CheckResult['status']) =>
    report.filter(r => r.status === status).length;
  const warnings = count('warn');
  return `${count('pass')} passed, ${warnings} ${
    warnings === 1 ? 'warning' : 'warnings'
  }, ${count('fail')} failed`;
}
