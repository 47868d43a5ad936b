import {
  etcdSnapshotSaveArgs,
  localSnapshotSteps,
  renderShellScript,
} from '@hubspoke/backstage-plugin-hub-common';
import { connectToTestbed, testbedBinDir } from '@hubspoke/testbed';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { etcdSnapshotStatus } from './etcdSnapshot';

jest.setTimeout(120_000);

const { state } = connectToTestbed();
const binDir = testbedBinDir();
const KEEP = 2;

/**
 * One run of the CronJob's pod as its containers run it, against the testbed's etcd:
 * the same etcdctl and etcdutl arguments (endpoint and certificates are the testbed's),
 * then the same shell steps in bash. Only the upload steps are left out.
 */
async function runSnapshotJob(work: string, snapshots: string) {
  const snapshotFile = join(work, 'snapshot.db');
  execFileSync(
    join(binDir, 'etcdctl'),
    etcdSnapshotSaveArgs({ endpoint: state.etcdClientURLs[0] }, snapshotFile),
    { stdio: 'pipe' },
  );
  const status = await etcdSnapshotStatus(snapshotFile, { binDir });
  const script = renderShellScript(
    localSnapshotSteps({ snapshotFile, snapshotDir: snapshots, keep: KEEP }),
  );
  execFileSync('bash', ['-c', script], {
    env: { ...process.env, NODE_NAME: 'control-plane-1' },
    stdio: 'pipe',
  });
  return status;
}

describe('the etcd snapshot job script', () => {
  it(`saves verified snapshots and keeps the newest ${KEEP} on the host`, async () => {
    const work = await mkdtemp(join(tmpdir(), 'etcd-job-work-'));
    const snapshots = await mkdtemp(join(tmpdir(), 'etcd-job-snapshots-'));
    const revisions: number[] = [];
    for (let run = 0; run < KEEP + 2; run++) {
      revisions.push((await runSnapshotJob(work, snapshots)).revision);
      // The names carry the time to the second.
      await sleep(1100);
    }
    const kept = (await readdir(snapshots)).sort();
    expect(kept).toHaveLength(KEEP);
    kept.forEach(name =>
      expect(name).toMatch(/^etcd-snapshot-control-plane-1-\d{8}T\d{6}Z\.db$/),
    );
    expect(await readdir(work)).toEqual([]);
    // The survivors are the last two runs, intact.
    const keptRevisions = await Promise.all(
      kept.map(
        async name =>
          (
            await etcdSnapshotStatus(join(snapshots, name), { binDir })
          ).revision,
      ),
    );
    expect(keptRevisions).toEqual(revisions.slice(-KEEP));
  });
});
