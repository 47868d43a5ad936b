import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { AppsV1Api } from '@kubernetes/client-node';
import { listCustomObjects, objectName } from './listCustomObjects';
import { VerifyContext } from './types';

const REQUIRED_CONTROLLERS = ['source-controller', 'kustomize-controller'];
const EVIDENCE_LIMIT = 20;

/** The Flux controllers' Deployments in the Flux namespace are Available. */
export async function checkFluxControllers({
  kubeConfig,
  fluxNamespace,
}: VerifyContext): Promise<HubCheck> {
  const deployments = await kubeConfig
    .makeApiClient(AppsV1Api)
    .listNamespacedDeployment({
      namespace: fluxNamespace,
      labelSelector: 'app.kubernetes.io/part-of=flux',
    });
  const states = deployments.items.map(d => ({
    name: d.metadata?.name ?? '',
    available:
      d.status?.conditions?.some(
        c => c.type === 'Available' && c.status === 'True',
      ) ?? false,
    replicas: `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1} ready`,
  }));
  const missing = REQUIRED_CONTROLLERS.filter(
    name => !states.some(s => s.name === name),
  );
  const unavailable = states.filter(s => !s.available);
  const base = {
    id: 'flux.controllers',
    area: 'flux' as const,
    title: 'Flux controllers available',
  };
  const evidence = states.map(
    s =>
      `${fluxNamespace}/${s.name}: ${
        s.available ? 'Available' : 'not Available'
      }, ${s.replicas}`,
  );
  if (missing.length > 0) {
    return {
      ...base,
      status: 'fail',
      reason: `${missing.join(
        ' and ',
      )} not installed in ${fluxNamespace}; run hub:flux:install`,
      evidence,
    };
  }
  if (unavailable.length > 0) {
    return {
      ...base,
      status: 'fail',
      reason: `${unavailable.map(s => s.name).join(', ')} not Available`,
      evidence,
    };
  }
  return {
    ...base,
    status: 'pass',
    reason: `${states.length} controllers Available in ${fluxNamespace}`,
    evidence,
  };
}

const RECONCILED_KINDS = [
  {
    kind: 'Kustomization',
    group: 'kustomize.toolkit.fluxcd.io',
    version: 'v1',
    plural: 'kustomizations',
  },
  {
    kind: 'HelmRelease',
    group: 'helm.toolkit.fluxcd.io',
    version: 'v2',
    plural: 'helmreleases',
  },
];

/** Every Kustomization and HelmRelease is Ready and none is suspended. */
export async function checkFluxReconciliation({
  kubeConfig,
}: VerifyContext): Promise<HubCheck> {
  const problems: string[] = [];
  const counted: string[] = [];
  for (const { kind, group, version, plural } of RECONCILED_KINDS) {
    const items = await listCustomObjects(kubeConfig, group, version, plural);
    if (!items) {
      problems.push(`${kind}: CRD not installed`);
      continue;
    }
    counted.push(`${items.length} ${kind}s`);
    for (const item of items) {
      const ready = item.status?.conditions?.find(c => c.type === 'Ready');
      if (item.spec?.suspend) {
        problems.push(`${kind} ${objectName(item)}: suspended`);
      } else if (ready?.status !== 'True') {
        problems.push(
          `${kind} ${objectName(item)}: ${
            ready ? `${ready.reason}: ${ready.message}` : 'not reconciled yet'
          }`,
        );
      }
    }
  }
  const base = {
    id: 'flux.reconciliation',
    area: 'flux' as const,
    title: 'Flux objects Ready',
  };
  if (problems.length > 0) {
    return {
      ...base,
      status: 'fail',
      reason: `${problems.length} not Ready or suspended (of ${
        counted.join(' and ') || 'none listed'
      })`,
      evidence: problems.slice(0, EVIDENCE_LIMIT),
    };
  }
  return {
    ...base,
    status: 'pass',
    reason: `${counted.join(' and ')} all Ready`,
    evidence: counted,
  };
}
