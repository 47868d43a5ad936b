import {
  KubeConfig,
  StorageV1Api,
  V1StorageClass,
} from '@kubernetes/client-node';
import { apiErrorMessage } from './apiErrorMessage';
import { CheckResult } from './types';

const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

export function isDefaultStorageClass(storageClass: V1StorageClass): boolean {
  const annotations = storageClass.metadata?.annotations ?? {};
  return DEFAULT_ANNOTATIONS.some(key => annotations[key] === 'true');
}

/** A default StorageClass lets tenants' PersistentVolumeClaims bind without naming one. */
export async function checkStorageClass(
  kubeConfig: KubeConfig,
  required: boolean,
): Promise<CheckResult> {
  const base = { id: 'storageClass', title: 'Default StorageClass' };
  let classes: V1StorageClass[];
  try {
    classes = (await kubeConfig.makeApiClient(StorageV1Api).listStorageClass())
      .items;
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      message: `cannot list StorageClasses: ${apiErrorMessage(error)}`,
    };
  }
  const names = classes.map(c => c.metadata?.name ?? '');
  const defaults = classes
    .filter(isDefaultStorageClass)
    .map(c => c.metadata?.name ?? '');
  if (defaults.length > 0) {
    return {
      ...base,
      status: 'pass',
      message: `default StorageClass: ${defaults.join(', ')}`,
      evidence: { defaults, storageClasses: names },
    };
  }
  return {
    ...base,
    status: required ? 'fail' : 'warn',
    message: `no StorageClass is annotated storageclass.kubernetes.io/is-default-class: "true" (StorageClasses: ${
      names.join(', ') || 'none'
    }); PersistentVolumeClaims without storageClassName will stay Pending`,
    evidence: { defaults, storageClasses: names },
  };
}
