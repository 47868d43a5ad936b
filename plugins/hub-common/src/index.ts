/**
 * Types and pure helpers shared by the Hubspoke frontend, backend and scaffolder actions.
 *
 * @packageDocumentation
 */

export type {
  HubClusterRole,
  HubClusterAuthType,
  HubClusterSummary,
  HubClusterList,
  HubHealth,
} from './clusters';
export { dns1123LabelProblem } from './names';
