import { parse } from 'yaml';
import { spokeTenantGitopsFiles } from './spokeTenantGitops';
import { tenantGitopsFiles } from './tenantGitops';
import { paymentsOnSpoke } from './testInputs';

describe('spokeTenantGitopsFiles', () => {
  const files = spokeTenantGitopsFiles(paymentsOnSpoke(), 'central');
  const syncRoot = 'clusters/central/spokes/eu-1/tenants/payments';

  it('lays out the tenant folder and its sync folder under the hub', () => {
    expect(files).toMatchSnapshot();
  });

  it('writes files only in the tenant folder and the spoke folder of the hub', () => {
    for (const path of Object.keys(files)) {
      expect(
        path.startsWith('tenants/payments/') || path.startsWith(`${syncRoot}/`),
      ).toBe(true);
    }
  });

  it('keeps the sync objects out of the tenant folder the spoke applies', () => {
    const kinds = Object.entries(files)
      .filter(([path]) => path.startsWith('tenants/'))
      .filter(([path]) => !path.endsWith('/kustomization.yaml'))
      .map(([, content]) => parse(content).kind);
    expect(kinds).not.toContain('GitRepository');
    expect(kinds).not.toContain('Kustomization');
  });

  it('lists exactly the sync files in the sync folder kustomization.yaml', () => {
    const syncFiles = Object.keys(files)
      .filter(path => path.startsWith(`${syncRoot}/`))
      .map(path => path.slice(syncRoot.length + 1))
      .filter(name => name !== 'kustomization.yaml');
    expect(parse(files[`${syncRoot}/kustomization.yaml`]).resources).toEqual(
      syncFiles,
    );
    expect(syncFiles).toEqual([
      'gitrepository-payments-dev.yaml',
      'kustomization-payments-dev.yaml',
      'gitrepository-payments-prod.yaml',
      'kustomization-payments-prod.yaml',
    ]);
  });

  it('has the folders of a tenant on the hub, with the account in place of the sync objects', () => {
    const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
    const hubTenantFolders = new Set(
      Object.keys(tenantGitopsFiles(paymentsOnSpoke())).map(folderOf),
    );
    const spokeTenantFolders = new Set(
      Object.keys(files)
        .filter(path => path.startsWith('tenants/'))
        .map(folderOf),
    );
    expect(spokeTenantFolders).toEqual(hubTenantFolders);
    expect(
      parse(
        files[
          'tenants/payments/payments-dev/serviceaccount-tenant-payments-dev.yaml'
        ],
      ).metadata,
    ).toMatchObject({ name: 'tenant-payments-dev', namespace: 'eu-1' });
  });
});
