import { quotaTiers } from './quotaTiers';
import { TenantInput } from './tenantInput';
import { namespacedMeta, TenantNamespace } from './tenantNamespaces';
import { LimitRangeManifest, ResourceQuotaManifest } from './types';

export function tenantResourceQuota(
  input: TenantInput,
  target: TenantNamespace,
): ResourceQuotaManifest {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: namespacedMeta(target, 'tenant-quota'),
    spec: { hard: { ...quotaTiers[input.quotaTier].quota } },
  };
}

export function tenantLimitRange(
  input: TenantInput,
  target: TenantNamespace,
): LimitRangeManifest {
  const defaults = quotaTiers[input.quotaTier].containerDefaults;
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: namespacedMeta(target, 'tenant-limits'),
    spec: {
      limits: [
        {
          type: 'Container',
          default: { ...defaults.default },
          defaultRequest: { ...defaults.defaultRequest },
        },
      ],
    },
  };
}
