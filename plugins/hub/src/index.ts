/**
 * The Hubspoke frontend plugin: the hub cluster, its spokes and tenants.
 * The new frontend system's plugin is the default export of `/alpha`.
 *
 * @packageDocumentation
 */

export { hubPlugin, HubPage } from './plugin';
export { hubApiRef, HubClient } from './api';
export type { HubApi } from './api';
