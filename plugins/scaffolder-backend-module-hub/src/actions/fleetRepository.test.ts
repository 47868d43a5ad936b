import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { kustomizeBuild } from '../__testUtils__/kustomizeBuild';
import { listFiles } from '../__testUtils__/listFiles';
import { runAction } from '../__testUtils__/runAction';
import { connectorForHub } from '../__testUtils__/testbedClusters';
import { createFluxInstallAction } from './fluxInstall';
import { createGitopsSourceAction } from './gitopsSource';
import { createSpokeRegisterAction } from './spokeRegister';
import { createTenantCreateAction } from './tenantCreate';

// Gitops mode never connects, so the clusters only need to be configured.
const unreachable = (name: string) => ({
  name,
  url: `https://${name}.example.invalid:6443`,
  auth: { type: 'serviceAccountToken' as const, token: 'unused' },
  caData: 'unused',
});
const clusters = connectorForHub(unreachable('hub'), [
  unreachable('eu-1'),
  unreachable('us-1'),
]);
const FLEET = 'https://git.example.com/platform/fleet.git';

/**
 * One hub, two spokes and three tenants (one on the hub, one per spoke), written by
 * the actions in gitops mode into one fleet repository, as the templates do.
 */
async function writeFleet(workspacePath: string) {
  const run = (action: Parameters<typeof runAction>[0], input: object) =>
    runAction(
      action,
      { ...input, mode: 'gitops', gitopsDir: 'fleet' },
      { workspacePath },
    );
  await run(createFluxInstallAction({ clusters }), {
    sync: { url: FLEET, branch: 'main' },
  });
  await run(createGitopsSourceAction({ clusters }), {
    name: 'infra-controllers',
    url: 'https://git.example.com/platform/infrastructure.git',
    tag: 'v1.4.0',
    path: './controllers',
    wait: true,
  });
  for (const [name, region] of [
    ['eu-1', 'eu-west-1'],
    ['us-1', 'us-east-1'],
  ]) {
    await run(createSpokeRegisterAction({ clusters }), {
      name,
      region,
      sourceUrl: FLEET,
      sourceBranch: 'main',
    });
  }
  const tenant = createTenantCreateAction({ clusters });
  await run(tenant, {
    name: 'payments',
    ownerGroup: 'team-payments',
    quotaTier: 'medium',
    environments: ['staging', 'production'],
    source: {
      url: 'https://git.example.com/payments/deploy.git',
      path: './k8s',
    },
  });
  await run(tenant, {
    name: 'search',
    ownerGroup: 'team-search',
    quotaTier: 'large',
    networkExposure: 'ingress',
    cluster: 'eu-1',
    source: { url: 'https://git.example.com/search/deploy.git' },
  });
  await run(tenant, {
    name: 'analytics',
    ownerGroup: 'team-search',
    quotaTier: 'small',
    cluster: 'us-1',
    source: {
      url: 'ssh://git@git.example.com/analytics/deploy.git',
      secretName: 'analytics-git',
    },
  });
  return join(workspacePath, 'fleet');
}

/** gotk-components.yaml is 300 KB of upstream CRDs: its object list stands for it. */
function describeFile(path: string, content: string): string {
  if (!path.endsWith('gotk-components.yaml')) return content;
  return parseAllDocuments(content)
    .map(document => document.toJS())
    .filter(Boolean)
    .map(
      ({ kind, metadata }) =>
        `${kind} ${metadata.namespace ?? ''}/${metadata.name}`,
    )
    .join('\n');
}

describe('a fleet repository written by the actions in gitops mode', () => {
  let fleet: string;

  beforeAll(async () => {
    fleet = await writeFleet(await mkdtemp(join(tmpdir(), 'fleet-')));
  });

  it('has the layout and content of one hub, two spokes and three tenants', async () => {
    const files = await listFiles(fleet);
    const tree: Record<string, string> = {};
    for (const file of files) {
      tree[file] = describeFile(
        file,
        await readFile(join(fleet, file), 'utf8'),
      );
    }
    expect(files).toMatchSnapshot('files');
    expect(tree).toMatchSnapshot('content');
  });

  it.each(['hub', 'eu-1', 'us-1'])(
    'builds each folder of clusters/%s with the real kustomize, as Flux will',
    async cluster => {
      // Flux generates the root kustomization of a path that has none; it lists the
      // folders that have one, which kustomize then builds.
      const root = join(fleet, 'clusters', cluster);
      const folders = (await listFiles(root))
        .filter(file => file.endsWith('/kustomization.yaml'))
        .map(file => file.slice(0, -'/kustomization.yaml'.length))
        .filter(folder => !folder.includes('/'));
      const built: Record<string, string[]> = {};
      for (const folder of folders) {
        built[folder] = await kustomizeBuild(join(root, folder));
      }
      expect(Object.keys(built).length).toBeGreaterThan(0);
      expect(built).toMatchSnapshot();
    },
  );
});
