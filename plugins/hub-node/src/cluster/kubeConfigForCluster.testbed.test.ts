import {
  AuthenticationV1Api,
  CoreV1Api,
  VersionApi,
} from '@kubernetes/client-node';
import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
} from '@hubspoke/testbed';
import { kubeConfigForCluster } from './kubeConfigForCluster';

const testbed = connectToTestbed();
let namespace: TestNamespace;

beforeAll(async () => {
  namespace = await createTestNamespace(testbed.kubeConfig, 'hub-node');
});

afterAll(async () => {
  await namespace?.delete();
});

async function serviceAccountToken(name: string): Promise<string> {
  const core = testbed.kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespacedServiceAccount({
    namespace: namespace.name,
    body: { metadata: { name } },
  });
  const tokenRequest = await core.createNamespacedServiceAccountToken({
    name,
    namespace: namespace.name,
    body: { spec: { audiences: [], expirationSeconds: 600 } },
  });
  return tokenRequest.status!.token;
}

describe('kubeConfigForCluster against the testbed', () => {
  it('reaches the API server through a kubeconfig file', async () => {
    const kubeConfig = kubeConfigForCluster({
      name: 'hub',
      role: 'hub',
      auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
      skipTLSVerify: false,
    });

    const version = await kubeConfig.makeApiClient(VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.36.3');
  });

  it('authenticates as the service account whose token config names', async () => {
    const token = await serviceAccountToken('hubspoke-reader');
    const kubeConfig = kubeConfigForCluster({
      name: 'spoke',
      role: 'spoke',
      url: testbed.state.apiserverURLs[0],
      caFile: testbed.state.caFile,
      auth: { type: 'serviceAccountToken', token },
      skipTLSVerify: false,
    });

    const review = await kubeConfig
      .makeApiClient(AuthenticationV1Api)
      .createSelfSubjectReview({ body: {} });
    expect(review.status?.userInfo?.username).toBe(
      `system:serviceaccount:${namespace.name}:hubspoke-reader`,
    );
  });

  it('fails TLS verification without the cluster CA', async () => {
    const token = await serviceAccountToken('hubspoke-no-ca');
    const kubeConfig = kubeConfigForCluster({
      name: 'spoke',
      role: 'spoke',
      url: testbed.state.apiserverURLs[0],
      auth: { type: 'serviceAccountToken', token },
      skipTLSVerify: false,
    });

    await expect(
      kubeConfig.makeApiClient(VersionApi).getCode(),
    ).rejects.toThrow(/certificate/i);
  });
});
