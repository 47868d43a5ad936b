import { startTestbed, Testbed } from '@hubspoke/testbed';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  expectExamplesUseKnownInputs,
  runExample,
} from '../__testUtils__/examples';
import { adminConnector } from '../__testUtils__/testbedClusters';
import { createBackupConfigureAction } from './backupConfigure';
import { examples } from './backupConfigure.examples';

jest.setTimeout(120_000);

let testbed: Testbed;
let action: ReturnType<typeof createBackupConfigureAction>;

// Flux CRDs without the controllers: nothing may try to reach the chart repository.
beforeAll(async () => {
  testbed = await startTestbed({ nodes: 0, fluxCRDs: true });
  action = createBackupConfigureAction({
    clusters: adminConnector(testbed.state.kubeconfig),
  });
}, 300_000);

afterAll(async () => {
  await testbed?.stop();
}, 120_000);

describe('hub:backup:configure examples', () => {
  it('writes the gitops-mode example into the workspace', async () => {
    const { workspacePath } = await runExample(action, examples, 0);
    expect(
      await readdir(join(workspacePath, 'fleet/infrastructure/backup/hub')),
    ).toContain('schedule-tenant-team-search.yaml');
  });

  it('dry-runs the apply-mode example against the testbed', async () => {
    const { outputs } = await runExample(action, examples, 1, {
      isDryRun: true,
    });
    expect(outputs.summary).toMatch(/^\d+ to create.*\(dry run\)$/);
    expect(outputs.objects.map((o: { kind: string }) => o.kind)).not.toContain(
      'CronJob',
    );
  });

  it('every example uses hub:backup:configure with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});
