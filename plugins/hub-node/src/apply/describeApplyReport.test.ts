import { describeApplyReport } from './describeApplyReport';
import { ApplyReport } from './types';

const report: ApplyReport = {
  dryRun: false,
  objects: [
    { apiVersion: 'v1', kind: 'Namespace', name: 'team-a', action: 'create' },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'team-a',
      name: 'settings',
      action: 'unchanged',
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      namespace: 'team-a',
      name: 'deployer',
      action: 'update',
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'team-a',
      name: 'other',
      action: 'unchanged',
    },
  ],
};

describe('describeApplyReport', () => {
  it('gives one line per object and the counts', () => {
    expect(describeApplyReport(report)).toEqual({
      lines: [
        'create Namespace team-a',
        'unchanged ConfigMap team-a/settings',
        'update ServiceAccount team-a/deployer',
        'unchanged ConfigMap team-a/other',
      ],
      counts: { create: 1, update: 1, unchanged: 2 },
      summary: '1 created, 1 updated, 2 unchanged',
    });
  });

  it('says what a dry run would do and marks predictions', () => {
    const description = describeApplyReport({
      dryRun: true,
      objects: [
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          name: 'team-b',
          action: 'create',
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          namespace: 'team-b',
          name: 'settings',
          action: 'create',
          predicted: true,
        },
      ],
    });

    expect(description.lines).toEqual([
      'create Namespace team-b',
      'create ConfigMap team-b/settings (predicted)',
    ]);
    expect(description.summary).toBe(
      '2 to create, 0 to update, 0 unchanged (dry run)',
    );
  });

  it('describes an empty report', () => {
    expect(describeApplyReport({ dryRun: false, objects: [] })).toEqual({
      lines: [],
      counts: { create: 0, update: 0, unchanged: 0 },
      summary: '0 created, 0 updated, 0 unchanged',
    });
  });
});
