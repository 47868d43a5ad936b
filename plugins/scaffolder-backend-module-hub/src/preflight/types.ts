/** The outcome of one preflight check. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** One line of the preflight report. */
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  evidence?: Record<string, unknown>;
}
