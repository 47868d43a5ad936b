import { ComputeResources } from './types';

export const quotaTierNames = ['small', 'medium', 'large'] as const;

/** Size class of a tenant namespace's ResourceQuota and container defaults. */
export type QuotaTierName = (typeof quotaTierNames)[number];

/** The numbers behind one quota tier, as Kubernetes quantity strings. */
export interface QuotaTier {
  /** `spec.hard` of the namespace's ResourceQuota. */
  quota: {
    'requests.cpu': string;
    'requests.memory': string;
    'limits.cpu': string;
    'limits.memory': string;
    pods: string;
    services: string;
    persistentvolumeclaims: string;
    configmaps: string;
    secrets: string;
  };
  /**
   * Container defaults of the namespace's LimitRange. A quota on requests and limits
   * rejects pods that state neither, so every container needs these defaults.
   */
  containerDefaults: {
    default: ComputeResources;
    defaultRequest: ComputeResources;
  };
}

/** Quota and container defaults per tier, per tenant namespace. */
export const quotaTiers: Readonly<Record<QuotaTierName, QuotaTier>> = {
  small: {
    quota: {
      'requests.cpu': '2',
      'requests.memory': '4Gi',
      'limits.cpu': '4',
      'limits.memory': '8Gi',
      pods: '20',
      services: '10',
      persistentvolumeclaims: '5',
      configmaps: '20',
      secrets: '20',
    },
    containerDefaults: {
      default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '100m', memory: '128Mi' },
    },
  },
  medium: {
    quota: {
      'requests.cpu': '8',
      'requests.memory': '16Gi',
      'limits.cpu': '16',
      'limits.memory': '32Gi',
      pods: '50',
      services: '20',
      persistentvolumeclaims: '10',
      configmaps: '50',
      secrets: '50',
    },
    containerDefaults: {
      default: { cpu: '1', memory: '1Gi' },
      defaultRequest: { cpu: '250m', memory: '256Mi' },
    },
  },
  large: {
    quota: {
      'requests.cpu': '16',
      'requests.memory': '32Gi',
      'limits.cpu': '32',
      'limits.memory': '64Gi',
      pods: '100',
      services: '40',
      persistentvolumeclaims: '20',
      configmaps: '100',
      secrets: '100',
    },
    containerDefaults: {
      default: { cpu: '2', memory: '2Gi' },
      defaultRequest: { cpu: '500m', memory: '512Mi' },
    },
  },
};
