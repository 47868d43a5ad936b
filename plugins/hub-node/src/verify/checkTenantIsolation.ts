import { HubCheck } from '@hubspoke/backstage-plugin-hub-common';
import { AuthorizationV1Api, KubeConfig } from '@kubernetes/client-node';
import { TenantNamespace } from './tenantNamespaces';
import { VerifyContext } from './types';

interface Access {
  verb: string;
  resource: string;
  group?: string;
  namespace?: string;
}

function describe(access: Access) {
  const where = access.namespace ? `in ${access.namespace}` : 'cluster-wide';
  return `${access.verb} ${
    access.group ? `${access.resource}.${access.group}` : access.resource
  } ${where}`;
}

async function isAllowed(
  kubeConfig: KubeConfig,
  account: { name: string; namespace: string },
  access: Access,
) {
  const review = await kubeConfig
    .makeApiClient(AuthorizationV1Api)
    .createSubjectAccessReview({
      body: {
        spec: {
          user: `system:serviceaccount:${account.namespace}:${account.name}`,
          groups: [
            'system:serviceaccounts',
            `system:serviceaccounts:${account.namespace}`,
            'system:authenticated',
          ],
          resourceAttributes: {
            verb: access.verb,
            resource: access.resource,
            group: access.group ?? '',
            namespace: access.namespace,
          },
        },
      },
    });
  return review.status?.allowed ?? false;
}

/** What a tenant's reconciler may do (its own namespace) and must not (others', cluster-wide). */
function expectations(tenant: TenantNamespace, all: TenantNamespace[]) {
  const others = all.filter(other => other.tenant !== tenant.tenant);
  return {
    allowed: [
      {
        verb: 'create',
        resource: 'deployments',
        group: 'apps',
        namespace: tenant.namespace,
      },
    ],
    denied: [
      ...others.flatMap(other => [
        { verb: 'get', resource: 'secrets', namespace: other.namespace },
        {
          verb: 'create',
          resource: 'deployments',
          group: 'apps',
          namespace: other.namespace,
        },
      ]),
      { verb: 'list', resource: 'secrets' },
      { verb: 'list', resource: 'nodes' },
      { verb: 'create', resource: 'namespaces' },
      {
        verb: 'create',
        resource: 'clusterrolebindings',
        group: 'rbac.authorization.k8s.io',
      },
    ] as Access[],
  };
}

/**
 * Tenant isolation by SubjectAccessReview for every pair of tenants: each tenant's
 * Flux identity manages its own namespace and nothing of any other tenant or of the
 * cluster.
 */
export async function checkTenantIsolation(
  context: VerifyContext,
): Promise<HubCheck> {
  const { kubeConfig } = context;
  const tenants = await context.tenants();
  const base = {
    id: 'tenants.isolation',
    area: 'tenants' as const,
    title: 'Tenants isolated from each other',
  };
  if (tenants.length === 0) {
    return {
      ...base,
      status: 'warn',
      reason:
        'no namespace is labelled hubspoke.io/tenant: nothing to check yet',
      evidence: [],
    };
  }
  const violations: string[] = [];
  let reviews = 0;
  for (const tenant of tenants) {
    if (tenant.reconcilers.length === 0) {
      violations.push(
        `${tenant.namespace}: no reconciler RoleBinding labelled for tenant ${tenant.tenant}`,
      );
      continue;
    }
    const { allowed, denied } = expectations(tenant, tenants);
    for (const account of tenant.reconcilers) {
      const who = `${account.namespace}/${account.name}`;
      for (const access of allowed) {
        reviews += 1;
        if (!(await isAllowed(kubeConfig, account, access)))
          violations.push(`${who} cannot ${describe(access)}`);
      }
      for (const access of denied) {
        reviews += 1;
        if (await isAllowed(kubeConfig, account, access))
          violations.push(`${who} can ${describe(access)}`);
      }
    }
  }
  const summary = `${tenants.length} tenant namespaces, ${reviews} SubjectAccessReviews`;
  return violations.length > 0
    ? {
        ...base,
        status: 'fail',
        reason: `${violations.length} isolation breach(es) in ${summary}`,
        evidence: violations,
      }
    : {
        ...base,
        status: 'pass',
        reason: `every reconciler confined to its namespace (${summary})`,
        evidence: tenants.map(
          t => `${t.namespace}: ${t.reconcilers.map(r => r.name).join(', ')}`,
        ),
      };
}
