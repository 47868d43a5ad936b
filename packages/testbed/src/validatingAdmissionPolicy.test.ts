import {
  AdmissionregistrationV1Api,
  AppsV1Api,
  V1Deployment,
} from '@kubernetes/client-node';
import { apiErrorFrom } from './apiErrorFrom';
import { connectToTestbed } from './connectToTestbed';
import { createTestNamespace, TestNamespace } from './createTestNamespace';
import { eventually } from './eventually';
import { uniqueName } from './uniqueName';

jest.setTimeout(60_000);

const { kubeConfig } = connectToTestbed();
const admission = kubeConfig.makeApiClient(AdmissionregistrationV1Api);
const apps = kubeConfig.makeApiClient(AppsV1Api);

const policyMessage = 'replicas must be no greater than 3';

function deployment(name: string, replicas: number): V1Deployment {
  return {
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'busybox' }] },
      },
    },
  };
}

describe('ValidatingAdmissionPolicy', () => {
  const policyName = uniqueName('replica-limit');
  const bindingName = `${policyName}-binding`;
  let namespace: TestNamespace;

  beforeAll(async () => {
    namespace = await createTestNamespace(kubeConfig, 'admission-policy', {
      'hubspoke.test/replica-limit': policyName,
    });
    await admission.createValidatingAdmissionPolicy({
      body: {
        metadata: { name: policyName },
        spec: {
          failurePolicy: 'Fail',
          matchConstraints: {
            resourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['v1'],
                operations: ['CREATE', 'UPDATE'],
                // Without the scale subresource, scaling would bypass the policy.
                resources: ['deployments', 'deployments/scale'],
              },
            ],
          },
          validations: [
            { expression: 'object.spec.replicas <= 3', message: policyMessage },
          ],
        },
      },
    });
    await admission.createValidatingAdmissionPolicyBinding({
      body: {
        metadata: { name: bindingName },
        spec: {
          policyName,
          validationActions: ['Deny'],
          matchResources: {
            namespaceSelector: {
              matchLabels: { 'hubspoke.test/replica-limit': policyName },
            },
          },
        },
      },
    });
  });

  afterAll(async () => {
    await admission
      .deleteValidatingAdmissionPolicyBinding({ name: bindingName })
      .catch(() => {});
    await admission
      .deleteValidatingAdmissionPolicy({ name: policyName })
      .catch(() => {});
    await namespace?.delete();
  });

  it('denies a Deployment with more than 3 replicas with the policy message', async () => {
    // The apiserver loads new policies asynchronously; dry runs probe it without leftovers.
    await eventually(
      async () => {
        const error = await apiErrorFrom(
          apps.createNamespacedDeployment({
            namespace: namespace.name,
            body: deployment('too-many', 5),
            dryRun: 'All',
          }),
        );
        expect(error.code).toBe(422);
      },
      { timeoutMs: 30_000 },
    );

    const error = await apiErrorFrom(
      apps.createNamespacedDeployment({
        namespace: namespace.name,
        body: deployment('too-many', 5),
      }),
    );
    expect(error.code).toBe(422);
    expect(error.reason).toBe('Invalid');
    expect(error.message).toBe(
      `deployments.apps "too-many" is forbidden: ValidatingAdmissionPolicy '${policyName}' ` +
        `with binding '${bindingName}' denied request: ${policyMessage}`,
    );
  });

  it('admits a compliant Deployment and denies scaling it beyond the limit', async () => {
    const created = await apps.createNamespacedDeployment({
      namespace: namespace.name,
      body: deployment('within-limit', 3),
    });
    expect(created.spec?.replicas).toBe(3);

    const error = await apiErrorFrom(
      apps.patchNamespacedDeploymentScale({
        name: 'within-limit',
        namespace: namespace.name,
        // client-node sends patches as JSON Patch unless told otherwise.
        body: [{ op: 'replace', path: '/spec/replicas', value: 4 }],
      }),
    );
    expect(error.code).toBe(422);
    expect(error.message).toContain(`denied request: ${policyMessage}`);
  });
});
