import { parseTenantInput, TenantInput } from './tenantInput';

/** A tenant with two environments, used across the manifest tests. */
export function paymentsTenant(overrides: object = {}): TenantInput {
  return parseTenantInput({
    name: 'payments',
    ownerGroup: 'team-payments',
    environments: ['dev', 'prod'],
    quotaTier: 'medium',
    networkExposure: 'none',
    source: {
      url: 'https://github.com/acme/payments-deploy.git',
      path: './deploy',
      secretName: 'payments-git',
    },
    ...overrides,
  });
}

/** The same tenant on the spoke `eu-1`. */
export function paymentsOnSpoke(overrides: object = {}): TenantInput {
  return paymentsTenant({ cluster: 'eu-1', ...overrides });
}
