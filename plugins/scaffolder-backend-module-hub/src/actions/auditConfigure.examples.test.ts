import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  expectExamplesUseKnownInputs,
  runExample,
} from '../__testUtils__/examples';
import { createAuditConfigureAction } from './auditConfigure';
import { examples } from './auditConfigure.examples';

const action = createAuditConfigureAction({
  clusters: { defaultClusterName: () => 'hub' },
});

describe('hub:audit:configure examples', () => {
  it('writes the gitops-mode example into the workspace', async () => {
    const { workspacePath } = await runExample(action, examples, 0);
    expect(
      await readdir(
        join(workspacePath, 'fleet/infrastructure/control-plane/hub/audit'),
      ),
    ).toEqual(['kubeadm-cluster-configuration.yaml', 'policy.yaml']);
  });

  it('returns the flags of the outputs-mode example', async () => {
    const { outputs } = await runExample(action, examples, 1);
    expect(outputs.flags).toContain(
      '--audit-log-path=/var/log/apiserver/audit.log',
    );
    expect(outputs.flags).toContain('--audit-log-maxsize=200');
    expect(outputs.files).toBeUndefined();
  });

  it('every example uses hub:audit:configure with known inputs', () => {
    expectExamplesUseKnownInputs(action, examples);
  });
});
