import { connectToTestbed } from '@hubspoke/testbed';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  exampleInput,
  expectExamplesUseKnownInputs,
  runExample,
} from '../__testUtils__/examples';
import { runAction } from '../__testUtils__/runAction';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createFluxInstallAction } from './fluxInstall';
import { examples } from './fluxInstall.examples';

const { state } = connectToTestbed();
const action = createFluxInstallAction({
  clusters: adminConnector(state.kubeconfig),
});

describe('hub:flux:install examples', () => {
  it('every example uses hub:flux:install with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });

  it('dry-runs the apply-mode example against the testbed', async () => {
    // The shared testbed's CRDs carry the labels of the installs other tests made.
    const { outputs } = await runAction(
      action,
      { ...exampleInput(examples, 0), force: true },
      { isDryRun: true },
    );
    expect(outputs.objects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'Deployment',
          name: 'kustomize-controller',
        }),
        expect.objectContaining({ kind: 'GitRepository', name: 'flux-system' }),
        expect.objectContaining({ kind: 'Kustomization', name: 'flux-system' }),
      ]),
    );
    expect(outputs.summary).toMatch(/\(dry run\)$/);
  });

  it('writes the gitops-mode example in flux bootstrap layout, with the chosen components and tolerations', async () => {
    const { workspacePath } = await runExample(action, examples, 1);
    const root = join(workspacePath, 'fleet/clusters/hub/flux-system');
    expect((await readdir(root)).sort()).toEqual([
      'gotk-components.yaml',
      'gotk-sync.yaml',
      'kustomization.yaml',
    ]);
    const components = await readFile(
      join(root, 'gotk-components.yaml'),
      'utf8',
    );
    expect(components).toContain(
      'image: ghcr.io/fluxcd/helm-controller:v1.6.4',
    );
    expect(components).not.toContain(
      'image: ghcr.io/fluxcd/notification-controller',
    );
    expect(components).toContain('key: node-role.kubernetes.io/control-plane');
    expect(await readFile(join(root, 'gotk-sync.yaml'), 'utf8')).toContain(
      'url: ssh://git@git.example.com/platform/fleet.git',
    );
  });
});
