/**
 * The pass/warn/fail model every Hubspoke check speaks: `hub:preflight`, `hub:verify`,
 * `hub:backup:verify`, the status backend and the Hub pages.
 */
export type HubCheckStatus = 'pass' | 'warn' | 'fail';

/** The areas of a hub that the overview summarises, in the order it shows them. */
export const HUB_AREAS = [
  'controlPlane',
  'etcd',
  'flux',
  'tenants',
  'spokes',
  'security',
  'monitoring',
  'audit',
  'backups',
] as const;
export type HubArea = (typeof HUB_AREAS)[number];

/** One check and why it came out as it did. */
export interface HubCheck {
  /** Stable identifier, e.g. `tenants.isolation`, for deep links and tests. */
  id: string;
  area: HubArea;
  title: string;
  status: HubCheckStatus;
  /** One sentence: what was found, or what to do about it. */
  reason: string;
  /** What the check looked at: objects, API answers, values, never credentials. */
  evidence: string[];
}

/** A run of checks against one cluster. */
export interface HubCheckReport {
  cluster: string;
  /** ISO 8601 time the checks started. */
  checkedAt: string;
  /** The worst status of any check. */
  status: HubCheckStatus;
  checks: HubCheck[];
}

const SEVERITY: Record<HubCheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

/** The worst of the statuses; `pass` for none. */
export function worstStatus(statuses: HubCheckStatus[]): HubCheckStatus {
  return statuses.reduce<HubCheckStatus>(
    (worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst),
    'pass',
  );
}
