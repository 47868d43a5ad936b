import { execFile } from 'node:child_process';
import { request } from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { createTestNamespace, TestNamespace } from './createTestNamespace';
import { ensureTestbedBuilt } from './ensureTestbedBuilt';
import { testbedBinDir } from './findRepoRoot';
import { kubeConfigForServer } from './kubeConfigs';
import { stopProcess } from './processes';
import { startTestbed, Testbed } from './startTestbed';
import { TestbedProcess, TestbedState } from './types';

// Not the shared testbed: this test breaks its control plane on purpose.
describe('testbed with 3 etcd members and 2 apiservers', () => {
  let testbed: Testbed;

  beforeAll(async () => {
    await ensureTestbedBuilt();
    testbed = await startTestbed({ etcdMembers: 3, apiservers: 2 });
  }, 300_000);

  afterAll(() => testbed?.stop(), 120_000);

  it('keeps serving through the second apiserver with one etcd member and the first apiserver stopped', async () => {
    const { state } = testbed;
    const survivor = kubeConfigForServer(
      testbed.kubeConfig(),
      state.apiserverURLs[1],
    );
    const core = survivor.makeApiClient(CoreV1Api);
    // Created while the controller manager, which only talks to the first apiserver,
    // can still fill in the namespace's default ServiceAccount.
    const namespace: TestNamespace = await createTestNamespace(survivor, 'ha');

    // A follower, so that no leader election races the requests below.
    const etcdIndex = await etcdFollowerIndex(state);
    const stoppedEtcd = processNamed(state, `etcd-${etcdIndex}`);
    const stoppedApiserver = processNamed(state, 'kube-apiserver-0');
    // etcd drains its clients' gRPC streams for about 7 s before it exits.
    await stopProcess(stoppedEtcd.pid, { binary: stoppedEtcd.binary });
    // On SIGTERM an apiserver drains for up to 60 s while the controllers still
    // hold watches on it; a crash is what this test is about anyway.
    await stopProcess(stoppedApiserver.pid, {
      binary: stoppedApiserver.binary,
      signal: 'SIGKILL',
    });

    await core.createNamespacedConfigMap({
      namespace: namespace.name,
      body: { metadata: { name: 'after-failure' }, data: { written: 'yes' } },
    });
    const read = await core.readNamespacedConfigMap({
      name: 'after-failure',
      namespace: namespace.name,
    });
    expect(read.data).toEqual({ written: 'yes' });

    const readyz = await getWithClientCert(survivor, '/readyz?verbose');
    expect(readyz.statusCode).toBe(200);
    expect(readyz.body).toContain('[+]etcd ok');
    expect(readyz.body).toContain('readyz check passed');

    const health = await etcdEndpointHealth(state.etcdClientURLs);
    const stoppedURL = state.etcdClientURLs[etcdIndex];
    expect(
      Object.fromEntries(
        health.map(endpoint => [endpoint.endpoint, endpoint.health]),
      ),
    ).toEqual(
      Object.fromEntries(
        state.etcdClientURLs.map(url => [url, url !== stoppedURL]),
      ),
    );
    expect(
      health.find(endpoint => endpoint.endpoint === stoppedURL)?.error,
    ).toMatch(/context deadline exceeded|connection refused/);
  }, 120_000);
});

function processNamed(state: TestbedState, name: string): TestbedProcess {
  const found = state.processes.find(p => p.name === name);
  if (!found) {
    throw new Error(
      `No process ${name} in ${state.processes.map(p => p.name).join(', ')}`,
    );
  }
  return found;
}

/** Index into etcdClientURLs (and etcd-N) of a member that is not the raft leader. */
async function etcdFollowerIndex(state: TestbedState): Promise<number> {
  const statuses = await Promise.all(
    state.etcdClientURLs.map(async url => {
      // etcd's gRPC gateway; member IDs are uint64, so JSON carries them as strings.
      const response = await fetch(`${url}/v3/maintenance/status`, {
        method: 'POST',
        body: '{}',
      });
      return (await response.json()) as {
        header: { member_id: string };
        leader: string;
      };
    }),
  );
  const index = statuses.findIndex(s => s.header.member_id !== s.leader);
  if (index < 0) {
    throw new Error(`No etcd follower found: ${JSON.stringify(statuses)}`);
  }
  return index;
}

interface EndpointHealth {
  endpoint: string;
  health: boolean;
  error?: string;
}

async function etcdEndpointHealth(urls: string[]): Promise<EndpointHealth[]> {
  const args = [
    'endpoint',
    'health',
    `--endpoints=${urls.join(',')}`,
    '--write-out=json',
    '--dial-timeout=2s',
    '--command-timeout=3s',
  ];
  try {
    const { stdout } = await promisify(execFile)(
      join(testbedBinDir(), 'etcdctl'),
      args,
    );
    return JSON.parse(stdout);
  } catch (error) {
    // etcdctl exits with 1 when an endpoint is unhealthy, and still prints them all.
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    if (!stdout) {
      throw new Error(`etcdctl ${args.join(' ')} printed nothing: ${stderr}`);
    }
    return JSON.parse(stdout);
  }
}

async function getWithClientCert(
  kubeConfig: KubeConfig,
  path: string,
): Promise<{ statusCode?: number; body: string }> {
  const url = new URL(path, kubeConfig.getCurrentCluster()!.server);
  const options = { method: 'GET' };
  await kubeConfig.applyToHTTPSOptions(options);
  return new Promise((resolve, reject) => {
    const req = request(url, options, response => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', chunk => (body += chunk));
      response.on('end', () =>
        resolve({ statusCode: response.statusCode, body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
