import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubClusterConfig } from '../config/types';
import { kubeConfigForCluster } from './kubeConfigForCluster';

function writeKubeconfig(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'hub-node-')), 'kubeconfig');
  writeFileSync(
    path,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'a',
          cluster: {
            server: 'https://a.example:6443',
            'certificate-authority-data': 'QUE=',
          },
        },
        { name: 'b', cluster: { server: 'https://b.example:6443' } },
      ],
      users: [{ name: 'admin', user: { token: 'file-token' } }],
      contexts: [
        { name: 'ctx-a', context: { cluster: 'a', user: 'admin' } },
        { name: 'ctx-b', context: { cluster: 'b', user: 'admin' } },
      ],
      'current-context': 'ctx-a',
    }),
  );
  return path;
}

function cluster(overrides: Partial<HubClusterConfig>): HubClusterConfig {
  return {
    name: 'hub',
    role: 'hub',
    auth: { type: 'kubeconfig', kubeconfigPath: writeKubeconfig() },
    skipTLSVerify: false,
    ...overrides,
  };
}

describe('kubeConfigForCluster', () => {
  it("uses the kubeconfig file's current context", () => {
    const kubeConfig = kubeConfigForCluster(cluster({}));
    expect(kubeConfig.getCurrentCluster()).toMatchObject({
      server: 'https://a.example:6443',
      caData: 'QUE=',
    });
    expect(kubeConfig.getCurrentUser()?.token).toBe('file-token');
  });

  it('selects the configured context', () => {
    const kubeConfig = kubeConfigForCluster(
      cluster({
        auth: {
          type: 'kubeconfig',
          kubeconfigPath: writeKubeconfig(),
          context: 'ctx-b',
        },
      }),
    );
    expect(kubeConfig.getCurrentCluster()?.server).toBe(
      'https://b.example:6443',
    );
  });

  it('names the missing context and the ones the file has', () => {
    expect(() =>
      kubeConfigForCluster(
        cluster({
          auth: {
            type: 'kubeconfig',
            kubeconfigPath: writeKubeconfig(),
            context: 'nope',
          },
        }),
      ),
    ).toThrow(
      'cluster "hub": context "nope" is not in its kubeconfig (it has: ctx-a, ctx-b)',
    );
  });

  it('lets config override the server and CA of the file', () => {
    const kubeConfig = kubeConfigForCluster(
      cluster({ url: 'https://override.example:6443', caFile: '/etc/ca.pem' }),
    );
    expect(kubeConfig.getCurrentCluster()).toMatchObject({
      server: 'https://override.example:6443',
      caFile: '/etc/ca.pem',
      caData: undefined,
    });
  });

  it('builds a token config for a service account', () => {
    const kubeConfig = kubeConfigForCluster(
      cluster({
        name: 'spoke',
        url: 'https://spoke.example:6443',
        caData: 'Q0E=',
        auth: { type: 'serviceAccountToken', token: 'sa-token' },
      }),
    );
    expect(kubeConfig.getCurrentCluster()).toMatchObject({
      name: 'spoke',
      server: 'https://spoke.example:6443',
      caData: 'Q0E=',
    });
    expect(kubeConfig.getCurrentUser()?.token).toBe('sa-token');
  });
});
