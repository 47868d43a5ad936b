import {
  ApiextensionsV1Api,
  KubeConfig,
  V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { apiErrorMessage, isNotFound } from './apiErrorMessage';
import { CheckResult } from './types';

type CrdState = 'established' | 'missing' | 'not established';

function isEstablished(crd: V1CustomResourceDefinition): boolean {
  return !!crd.status?.conditions?.some(
    c => c.type === 'Established' && c.status === 'True',
  );
}

/** Every CRD in `names` exists and is Established (its API is served). */
export async function checkCrds(
  kubeConfig: KubeConfig,
  names: string[],
): Promise<CheckResult> {
  const base = { id: 'crds', title: 'Required CRDs' };
  if (names.length === 0) {
    return { ...base, status: 'pass', message: 'no CRDs required' };
  }
  const api = kubeConfig.makeApiClient(ApiextensionsV1Api);
  let states: [string, CrdState][];
  try {
    states = await Promise.all(
      names.map(async (name): Promise<[string, CrdState]> => {
        try {
          const crd = await api.readCustomResourceDefinition({ name });
          return [name, isEstablished(crd) ? 'established' : 'not established'];
        } catch (error) {
          if (isNotFound(error)) {
            return [name, 'missing'];
          }
          throw error;
        }
      }),
    );
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      message: `cannot read CRDs: ${apiErrorMessage(error)}`,
    };
  }
  const named = (state: CrdState) =>
    states.filter(([, s]) => s === state).map(([name]) => name);
  const missing = named('missing');
  const notEstablished = named('not established');
  const evidence = {
    established: named('established'),
    missing,
    notEstablished,
  };
  if (missing.length === 0 && notEstablished.length === 0) {
    return {
      ...base,
      status: 'pass',
      message: `all ${names.length} required CRDs are Established: ${names.join(
        ', ',
      )}`,
      evidence,
    };
  }
  const problems = [
    ...(missing.length ? [`missing: ${missing.join(', ')}`] : []),
    ...(notEstablished.length
      ? [`not Established: ${notEstablished.join(', ')}`]
      : []),
  ];
  return {
    ...base,
    status: 'fail',
    message: `${problems.join(
      '; ',
    )}; install them (e.g. Flux's CRDs) before running this template`,
    evidence,
  };
}
