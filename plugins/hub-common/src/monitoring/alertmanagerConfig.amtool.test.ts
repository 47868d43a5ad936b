import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderYamlDocument } from '../manifests/renderYaml';
import { buildAlertmanagerConfig } from './alertmanagerConfig';
import { parseMonitoringInput } from './monitoringInput';
import {
  MONITORING_TASK_SECRETS,
  monitoringDraft,
} from './monitoringTestInputs';

// Debian's amtool, from the prometheus-alertmanager package.
const AMTOOL = '/usr/bin/amtool';
const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-alertmanager-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function checkConfig(config: object) {
  const file = join(dir, 'alertmanager.yaml');
  await writeFile(file, renderYamlDocument(config));
  return run(AMTOOL, ['check-config', file]).then(
    ({ stdout }) => stdout,
    (error: { stdout: string; stderr: string }) =>
      `${error.stdout}${error.stderr}`,
  );
}

describe('the Alertmanager configuration in amtool', () => {
  it('passes check-config with PagerDuty, Slack and webhook receivers reading mounted credentials', async () => {
    const input = parseMonitoringInput(monitoringDraft());
    const credentials: Record<string, string> = {
      'platform-pager': MONITORING_TASK_SECRETS.pagerdutyKey,
      'platform-chat': MONITORING_TASK_SECRETS.slackPlatform,
      'payments-hook': MONITORING_TASK_SECRETS.paymentsToken,
    };
    for (const [receiver, value] of Object.entries(credentials)) {
      await writeFile(join(dir, receiver), value);
    }

    const output = await checkConfig(
      buildAlertmanagerConfig(input.alerting, { secretsDir: dir }),
    );

    expect(output).toContain('SUCCESS');
    expect(output).toContain(' - 4 receivers');
    expect(output).toContain(' - 2 inhibit rules');
  });

  it('fails check-config for a route to a receiver that does not exist, so the test above can fail', async () => {
    const input = parseMonitoringInput(monitoringDraft());
    const config = buildAlertmanagerConfig(input.alerting, { secretsDir: dir });

    const output = await checkConfig({
      ...config,
      route: { ...config.route, receiver: 'nobody' },
    });

    expect(output).toContain('FAILED');
  });
});
