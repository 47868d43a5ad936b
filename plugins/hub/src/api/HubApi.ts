import { createApiRef } from '@backstage/core-plugin-api';
import { HubClusterList } from '@hubspoke/backstage-plugin-hub-common';

/** Reads the Hubspoke backend. */
export interface HubApi {
  getClusters(): Promise<HubClusterList>;
}

export const hubApiRef = createApiRef<HubApi>({ id: 'plugin.hub.api' });
