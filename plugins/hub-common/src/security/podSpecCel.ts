import { AdmissionResourceRule, CelVariable } from './types';

// CEL shared by the admission rules: where the pod spec sits in each kind the rules
// match, and which containers it runs.

const OPERATIONS: AdmissionResourceRule['operations'] = ['CREATE', 'UPDATE'];

/** Pods, including ephemeral containers added to a running pod (kubectl debug). */
export const POD_RESOURCES: AdmissionResourceRule = {
  apiGroups: [''],
  apiVersions: ['v1'],
  operations: OPERATIONS,
  resources: ['pods', 'pods/ephemeralcontainers'],
};

/** The workload kinds whose pod templates are checked when they are written. */
export const WORKLOAD_RESOURCES: AdmissionResourceRule[] = [
  {
    apiGroups: ['apps'],
    apiVersions: ['v1'],
    operations: OPERATIONS,
    resources: ['deployments', 'statefulsets', 'daemonsets'],
  },
  {
    apiGroups: ['batch'],
    apiVersions: ['v1'],
    operations: OPERATIONS,
    resources: ['jobs', 'cronjobs'],
  },
];

export const POD_SPEC: CelVariable = {
  name: 'podSpec',
  expression:
    "object.kind == 'Pod' ? object.spec : object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec",
};

/** Regular and init containers: those that can carry resources. */
export const RESOURCED_CONTAINERS: CelVariable = {
  name: 'resourcedContainers',
  expression:
    'variables.podSpec.containers + (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers : [])',
};

/** Every container the pod runs, ephemeral ones included. */
export const ALL_CONTAINERS: CelVariable = {
  name: 'containers',
  expression:
    'variables.resourcedContainers + (has(variables.podSpec.ephemeralContainers) ? variables.podSpec.ephemeralContainers : [])',
};

export const CONTAINER_VARIABLES = [
  POD_SPEC,
  RESOURCED_CONTAINERS,
  ALL_CONTAINERS,
];

/** A CEL string literal; label keys and registries are validated, so no escapes are needed. */
export function celString(value: string): string {
  if (/['\\\n]/.test(value)) {
    throw new Error(`cannot quote ${JSON.stringify(value)} as a CEL string`);
  }
  return `'${value}'`;
}
