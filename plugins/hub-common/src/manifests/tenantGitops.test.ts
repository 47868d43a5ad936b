import { parse } from 'yaml';
import { tenantClusterEntry, tenantGitopsFiles } from './tenantGitops';
import { paymentsTenant } from './testInputs';

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

describe('tenantGitopsFiles', () => {
  const files = tenantGitopsFiles(paymentsTenant());

  it('lays out the tenant folder', () => {
    expect(files).toMatchSnapshot();
  });

  it('keeps every file under tenants/<tenant>', () => {
    expect(
      Object.keys(files).every(path => path.startsWith('tenants/payments/')),
    ).toBe(true);
  });

  it('gives every folder a kustomization.yaml listing exactly its entries', () => {
    const entriesByFolder = new Map<string, Set<string>>();
    const addEntry = (folder: string, entry: string) => {
      const entries = entriesByFolder.get(folder) ?? new Set<string>();
      entries.add(entry);
      entriesByFolder.set(folder, entries);
    };
    for (const path of Object.keys(files)) {
      const folder = folderOf(path);
      if (!path.endsWith('/kustomization.yaml')) {
        addEntry(folder, path.slice(folder.length + 1));
      }
      if (folder !== 'tenants/payments') {
        addEntry(folderOf(folder), folder.slice(folderOf(folder).length + 1));
      }
    }
    expect([...entriesByFolder.keys()].sort()).toEqual([
      'tenants/payments',
      'tenants/payments/payments-dev',
      'tenants/payments/payments-prod',
    ]);
    for (const [folder, entries] of entriesByFolder) {
      const kustomization = parse(files[`${folder}/kustomization.yaml`]);
      expect(kustomization).toMatchObject({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
      });
      expect([...kustomization.resources].sort()).toEqual([...entries].sort());
    }
  });

  it('puts one object in each file, in the namespace of its folder', () => {
    for (const [path, content] of Object.entries(files)) {
      if (path.endsWith('/kustomization.yaml')) {
        continue;
      }
      const object = parse(content);
      const namespace = folderOf(path).split('/').pop();
      expect(object.metadata.namespace ?? object.metadata.name).toBe(namespace);
      expect(
        path.endsWith(
          `/${object.kind.toLowerCase()}-${object.metadata.name}.yaml`,
        ),
      ).toBe(true);
    }
  });
});

describe('tenantClusterEntry', () => {
  it('points from clusters/<cluster>/tenants to the tenant folder', () => {
    expect(tenantClusterEntry(paymentsTenant())).toBe(
      '../../../tenants/payments',
    );
  });
});
