import { AuthorizationV1Api, KubeConfig } from '@kubernetes/client-node';
import { apiErrorMessage } from './apiErrorMessage';
import { CheckResult } from './types';

/** Namespaced rights are reviewed in this namespace. */
const NAMESPACE = 'default';

export interface RequiredPermission {
  group: string;
  resource: string;
  verbs: string[];
  namespaced: boolean;
}

const namespaced = (group: string, resource: string): RequiredPermission => ({
  group,
  resource,
  verbs: ['create', 'patch'],
  namespaced: true,
});

const clusterScoped = (
  group: string,
  resource: string,
): RequiredPermission => ({
  group,
  resource,
  verbs: ['create', 'patch'],
  namespaced: false,
});

/** What the other hub:* actions do on a cluster. */
export const REQUIRED_PERMISSIONS: RequiredPermission[] = [
  {
    group: '',
    resource: 'namespaces',
    verbs: ['create', 'patch', 'get', 'list', 'delete'],
    namespaced: false,
  },
  namespaced('', 'serviceaccounts'),
  namespaced('rbac.authorization.k8s.io', 'rolebindings'),
  namespaced('', 'resourcequotas'),
  namespaced('', 'limitranges'),
  namespaced('networking.k8s.io', 'networkpolicies'),
  namespaced('', 'secrets'),
  namespaced('', 'configmaps'),
  clusterScoped('apiextensions.k8s.io', 'customresourcedefinitions'),
  clusterScoped('rbac.authorization.k8s.io', 'clusterroles'),
  clusterScoped('rbac.authorization.k8s.io', 'clusterrolebindings'),
  clusterScoped('admissionregistration.k8s.io', 'validatingadmissionpolicies'),
  clusterScoped(
    'admissionregistration.k8s.io',
    'validatingadmissionpolicybindings',
  ),
  namespaced('source.toolkit.fluxcd.io', 'gitrepositories'),
  namespaced('kustomize.toolkit.fluxcd.io', 'kustomizations'),
];

interface Review {
  permission: RequiredPermission;
  verb: string;
  allowed: boolean;
}

/** Asks the API server (SelfSubjectAccessReview) for every verb in REQUIRED_PERMISSIONS. */
export async function checkPermissions(
  kubeConfig: KubeConfig,
): Promise<CheckResult> {
  const base = { id: 'permissions', title: 'Permissions' };
  const api = kubeConfig.makeApiClient(AuthorizationV1Api);
  let reviews: Review[];
  try {
    reviews = await Promise.all(
      REQUIRED_PERMISSIONS.flatMap(permission =>
        permission.verbs.map(async verb => {
          const review = await api.createSelfSubjectAccessReview({
            body: {
              spec: {
                resourceAttributes: {
                  group: permission.group,
                  resource: permission.resource,
                  verb,
                  namespace: permission.namespaced ? NAMESPACE : undefined,
                },
              },
            },
          });
          return { permission, verb, allowed: !!review.status?.allowed };
        }),
      ),
    );
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      message: `cannot review permissions: ${apiErrorMessage(error)}`,
    };
  }
  const denied = describeDenied(reviews.filter(r => !r.allowed));
  if (denied.length > 0) {
    return {
      ...base,
      status: 'fail',
      message: `${denied.length} of ${
        REQUIRED_PERMISSIONS.length
      } resources lack verbs the hub actions need; grant: ${denied.join('; ')}`,
      evidence: { denied },
    };
  }
  return {
    ...base,
    status: 'pass',
    message: `all ${reviews.length} required verbs on ${REQUIRED_PERMISSIONS.length} resources are allowed`,
  };
}

/** One entry per resource, e.g. `secrets in default: create, patch`. */
function describeDenied(denied: Review[]): string[] {
  const byResource = new Map<RequiredPermission, string[]>();
  for (const { permission, verb } of denied) {
    byResource.set(permission, [...(byResource.get(permission) ?? []), verb]);
  }
  return [...byResource].map(([permission, verbs]) => {
    const resource = permission.group
      ? `${permission.resource}.${permission.group}`
      : permission.resource;
    const scope = permission.namespaced ? ` in ${NAMESPACE}` : '';
    return `${resource}${scope}: ${verbs.join(', ')}`;
  });
}
