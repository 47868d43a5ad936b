export { hubApiRef } from './HubApi';
export type { HubApi } from './HubApi';
export { HubClient } from './HubClient';
