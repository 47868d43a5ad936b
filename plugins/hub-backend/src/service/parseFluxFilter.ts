import { InputError } from '@backstage/errors';
import {
  HUB_FLUX_KINDS,
  HubCheckStatus,
  HubFluxFilter,
  isHubFluxKind,
} from '@hubspoke/backstage-plugin-hub-common';
import { Request } from 'express';

const STATUSES: HubCheckStatus[] = ['pass', 'warn', 'fail'];

function single(req: Request, key: string): string | undefined {
  const value = req.query[key];
  if (value === undefined || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`${key}: must be given once, as a single value`);
  }
  return value;
}

/** The query of `GET /flux`; unknown kinds and statuses are refused by name. */
export function parseFluxFilter(req: Request): HubFluxFilter {
  const kind = single(req, 'kind');
  if (kind !== undefined && !isHubFluxKind(kind)) {
    throw new InputError(
      `kind: must be one of ${Object.keys(HUB_FLUX_KINDS).join(', ')}`,
    );
  }
  const status = single(req, 'status');
  if (status !== undefined && !STATUSES.includes(status as HubCheckStatus)) {
    throw new InputError(`status: must be one of ${STATUSES.join(', ')}`);
  }
  return {
    cluster: single(req, 'cluster'),
    kind,
    tenant: single(req, 'tenant'),
    status: status as HubCheckStatus | undefined,
    q: single(req, 'q'),
  };
}
