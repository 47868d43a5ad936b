import { connectToTestbed, uniqueName } from '@hubspoke/testbed';
import { CoreV1Api } from '@kubernetes/client-node';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, RunActionOptions } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createTenantCreateAction } from './tenantCreate';
import { createTenantDeleteAction } from './tenantDelete';

const testbed = connectToTestbed();
const clusters = connectorForHub({
  name: 'hub',
  auth: { type: 'kubeconfig', kubeconfigPath: testbed.state.kubeconfig },
});
const core = testbed.kubeConfig.makeApiClient(CoreV1Api);
const createAction = createTenantCreateAction({ clusters });
const deleteAction = createTenantDeleteAction({ clusters });

async function run(
  action: typeof createAction | typeof deleteAction,
  input: object,
  options: RunActionOptions = {},
) {
  return (await runAction(action, input, options)).outputs;
}

function tenant(name: string) {
  return {
    name,
    ownerGroup: 'team-search',
    environments: ['dev', 'prod'],
    quotaTier: 'small',
    source: { url: 'https://git.example.com/search.git' },
  };
}

async function namespacePhase(name: string): Promise<string | undefined> {
  return core.readNamespace({ name }).then(
    ns => ns.status?.phase,
    () => undefined,
  );
}

describe('hub:tenant:delete in apply mode', () => {
  it('deletes exactly the namespaces create made, after a dry run that deletes nothing', async () => {
    const name = uniqueName('off');
    const bystander = uniqueName('bystander');
    await core.createNamespace({
      body: {
        metadata: { name: bystander, labels: { 'hubspoke.io/tenant': name } },
      },
    });
    await run(createAction, { ...tenant(name), mode: 'apply' });

    const dryRun = await run(
      deleteAction,
      { name, confirmName: name, mode: 'apply' },
      { isDryRun: true },
    );
    expect(dryRun.removed.sort()).toEqual([`${name}-dev`, `${name}-prod`]);
    expect(await namespacePhase(`${name}-dev`)).toBe('Active');

    const outputs = await run(deleteAction, {
      name,
      confirmName: name,
      mode: 'apply',
    });
    expect(outputs.summary).toBe('2 namespaces deleted');
    expect(await namespacePhase(`${name}-dev`)).not.toBe('Active');
    expect(await namespacePhase(`${name}-prod`)).not.toBe('Active');
    // Labelled for the tenant but not made by Hubspoke: not ours to delete.
    expect(await namespacePhase(bystander)).toBe('Active');

    await core.deleteNamespace({ name: bystander });
  });

  it('refuses without the tenant name repeated', async () => {
    await expect(
      run(deleteAction, {
        name: 'search',
        confirmName: 'serch',
        mode: 'apply',
      }),
    ).rejects.toThrow(
      'confirmName: must repeat the tenant name "search" exactly',
    );
  });
});

describe('hub:tenant:delete in gitops mode', () => {
  it('removes the tenant folder and its cluster entry that create wrote', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-offboard-'));
    await run(
      createAction,
      { ...tenant('search'), mode: 'gitops' },
      { workspacePath },
    );
    await run(
      createAction,
      { ...tenant('payments'), mode: 'gitops' },
      { workspacePath },
    );

    const outputs = await run(
      deleteAction,
      { name: 'search', confirmName: 'search', mode: 'gitops' },
      { workspacePath },
    );

    expect(outputs.removed).toEqual([
      './tenants/search',
      './clusters/hub/tenants/kustomization.yaml',
    ]);
    expect(await readdir(join(workspacePath, 'tenants'))).toEqual(['payments']);
    expect(
      await readFile(
        join(workspacePath, 'clusters/hub/tenants/kustomization.yaml'),
        'utf8',
      ),
    ).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../../tenants/payments\n',
    );
  });

  it('removes both folders of a tenant on a spoke and their entries, leaving the other tenants', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-offboard-'));
    for (const name of ['search', 'payments']) {
      await run(
        createAction,
        { ...tenant(name), cluster: 'eu-1', mode: 'gitops' },
        { workspacePath },
      );
    }

    const outputs = await run(
      deleteAction,
      {
        name: 'search',
        confirmName: 'search',
        cluster: 'eu-1',
        mode: 'gitops',
      },
      { workspacePath },
    );

    expect(outputs.removed).toEqual([
      './tenants/search',
      './clusters/eu-1/tenants/kustomization.yaml',
      './clusters/hub/spokes/eu-1/tenants/search',
      './clusters/hub/spokes/eu-1/tenants/kustomization.yaml',
    ]);
    expect(await readdir(join(workspacePath, 'tenants'))).toEqual(['payments']);
    expect(
      await readdir(join(workspacePath, 'clusters/hub/spokes/eu-1/tenants')),
    ).toEqual(['kustomization.yaml', 'payments']);
    expect(
      await readFile(
        join(
          workspacePath,
          'clusters/hub/spokes/eu-1/tenants/kustomization.yaml',
        ),
        'utf8',
      ),
    ).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - payments\n',
    );
    expect(
      await readFile(
        join(workspacePath, 'clusters/eu-1/tenants/kustomization.yaml'),
        'utf8',
      ),
    ).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../../tenants/payments\n',
    );
  });

  it('names a tenant that is not in the fleet repository', async () => {
    const workspacePath = await mkdtemp(join(tmpdir(), 'hub-offboard-'));
    await expect(
      run(
        deleteAction,
        { name: 'ghost', confirmName: 'ghost', mode: 'gitops' },
        { workspacePath },
      ),
    ).rejects.toThrow(
      'name: tenant "ghost" has no folder ./tenants/ghost in the fleet repository',
    );
  });
});
