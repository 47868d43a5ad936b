import { AuthenticationV1Api, KubeConfig } from '@kubernetes/client-node';
import { apiErrorMessage } from './apiErrorMessage';
import { CheckResult } from './types';

/** Who the cluster's credentials authenticate as (SelfSubjectReview). */
export async function checkIdentity(
  kubeConfig: KubeConfig,
): Promise<CheckResult> {
  const base = { id: 'identity', title: 'Authenticated identity' };
  try {
    const review = await kubeConfig
      .makeApiClient(AuthenticationV1Api)
      .createSelfSubjectReview({ body: {} });
    const user = review.status?.userInfo;
    if (!user?.username) {
      return {
        ...base,
        status: 'fail',
        message:
          'the API server returned no username: the credentials are anonymous or not accepted',
      };
    }
    const groups = user.groups ?? [];
    return {
      ...base,
      status: 'pass',
      message: `authenticated as "${user.username}" (groups: ${
        groups.join(', ') || 'none'
      })`,
      evidence: { username: user.username, groups },
    };
  } catch (error) {
    return {
      ...base,
      status: 'fail',
      message: `cannot review the credentials' identity: ${apiErrorMessage(
        error,
      )}`,
    };
  }
}
