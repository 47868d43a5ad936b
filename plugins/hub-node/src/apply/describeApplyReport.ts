import { describeReference } from './objectReference';
import { ApplyAction, ApplyReport } from './types';

export interface ApplyReportDescription {
  /** One line per object, e.g. `create Namespace team-a`. */
  lines: string[];
  counts: Record<ApplyAction, number>;
  /** E.g. `2 created, 1 updated, 3 unchanged`, or `2 to create, ...` for a dry run. */
  summary: string;
}

/** Short human-readable lines for task logs. */
export function describeApplyReport(
  report: ApplyReport,
): ApplyReportDescription {
  const counts: Record<ApplyAction, number> = {
    create: 0,
    update: 0,
    unchanged: 0,
  };
  const lines = report.objects.map(object => {
    counts[object.action] += 1;
    const predicted = object.predicted ? ' (predicted)' : '';
    return `${object.action} ${describeReference(object)}${predicted}`;
  });
  const summary = report.dryRun
    ? `${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged (dry run)`
    : `${counts.create} created, ${counts.update} updated, ${counts.unchanged} unchanged`;
  return { lines, counts, summary };
}
