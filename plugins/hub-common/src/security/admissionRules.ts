import { baselineName } from './baselineMeta';
import {
  celString,
  CONTAINER_VARIABLES,
  POD_RESOURCES,
  POD_SPEC,
  RESOURCED_CONTAINERS,
  WORKLOAD_RESOURCES,
} from './podSpecCel';
import { SecurityBaselineInput } from './securityBaselineInput';
import { AdmissionResourceRule, CelValidation, CelVariable } from './types';

/** Where a rule applies: namespaces carrying the tenant label, or `default`. */
export type AdmissionScope = 'tenants' | 'default';

/**
 * One admission rule, independent of the engine that enforces it: the kinds it
 * matches and its CEL. ValidatingAdmissionPolicy and Kyverno render the same rules.
 */
export interface AdmissionRule {
  name: string;
  description: string;
  scope: AdmissionScope;
  resources: AdmissionResourceRule[];
  variables: CelVariable[];
  validations: CelValidation[];
}

const POD_AND_WORKLOADS = [POD_RESOURCES, ...WORKLOAD_RESOURCES];

function noPrivilegedPods(): AdmissionRule {
  const privileged =
    'has(c.securityContext) && has(c.securityContext.privileged) && c.securityContext.privileged';
  const hostFlag = (field: string) =>
    `!(has(variables.podSpec.${field}) && variables.podSpec.${field})`;
  return {
    name: baselineName('tenant-no-privileged'),
    description:
      'No privileged containers and no host network, PID or IPC namespace in tenant namespaces',
    scope: 'tenants',
    resources: POD_AND_WORKLOADS,
    variables: [
      ...CONTAINER_VARIABLES,
      {
        name: 'privilegedContainers',
        expression: `variables.containers.filter(c, ${privileged}).map(c, c.name)`,
      },
    ],
    validations: [
      {
        expression: ['hostNetwork', 'hostPID', 'hostIPC']
          .map(hostFlag)
          .join(' && '),
        message:
          "pods in tenant namespaces must not use the host's network, PID or IPC namespace",
      },
      {
        expression: 'size(variables.privilegedContainers) == 0',
        message: 'containers in tenant namespaces must not be privileged',
        messageExpression:
          "'containers in tenant namespaces must not be privileged: ' + variables.privilegedContainers.join(', ')",
      },
    ],
  };
}

/**
 * The registries are compiled into the policy as a CEL list rather than read from a
 * ConfigMap through paramKind: the API server stops the shared ConfigMap informer for
 * good once no binding uses a ConfigMap paramKind (kubernetes/kubernetes#130887), after
 * which it either denies every pod or validates against a stale list until restarted.
 * A new list is a new policy, applied or committed like any other change.
 */
function allowedRegistries(registries: string[]): AdmissionRule {
  return {
    name: baselineName('tenant-allowed-registries'),
    description: `Images in tenant namespaces only from ${registries.join(
      ', ',
    )}`,
    scope: 'tenants',
    resources: POD_AND_WORKLOADS,
    variables: [
      ...CONTAINER_VARIABLES,
      {
        name: 'registries',
        expression: `[${registries.map(celString).join(', ')}]`,
      },
      {
        // The '/' keeps ghcr.io from admitting ghcr.io.evil.example.
        name: 'disallowedImages',
        expression:
          "variables.containers.map(c, c.image).filter(image, !variables.registries.exists(r, image.startsWith(r + '/')))",
      },
    ],
    validations: [
      {
        expression: 'size(variables.disallowedImages) == 0',
        message:
          'images in tenant namespaces must come from an allowed registry',
        messageExpression:
          "'images in tenant namespaces must come from an allowed registry (' + variables.registries.join(', ') + '); not allowed: ' + variables.disallowedImages.join(', ')",
      },
    ],
  };
}

function ownerLabel(key: string): AdmissionRule {
  const label = celString(key);
  return {
    name: baselineName('tenant-owner-label'),
    description: `Workloads in tenant namespaces carry the owner label ${key}`,
    scope: 'tenants',
    resources: POD_AND_WORKLOADS,
    variables: [
      {
        // Pods of a Deployment, Jobs of a CronJob: their controller was checked.
        name: 'ownedByController',
        expression:
          'has(object.metadata.ownerReferences) && object.metadata.ownerReferences.exists(r, has(r.controller) && r.controller)',
      },
    ],
    validations: [
      {
        expression: `variables.ownedByController || (has(object.metadata.labels) && ${label} in object.metadata.labels && object.metadata.labels[${label}] != '')`,
        message: `workloads in tenant namespaces must carry the label ${key} naming their owner`,
      },
    ],
  };
}

/**
 * Checked on Pods only: the LimitRange of a tenant namespace fills in default limits
 * when a pod is admitted, after its Deployment was written, so a template without
 * limits is legitimate there.
 */
function resourceLimits(): AdmissionRule {
  return {
    name: baselineName('tenant-resource-limits'),
    description:
      'Containers in tenant namespaces have CPU and memory limits (LimitRange defaults count)',
    scope: 'tenants',
    resources: [POD_RESOURCES],
    variables: [
      POD_SPEC,
      RESOURCED_CONTAINERS,
      {
        name: 'unlimitedContainers',
        expression:
          "variables.resourcedContainers.filter(c, !(has(c.resources) && has(c.resources.limits) && 'cpu' in c.resources.limits && 'memory' in c.resources.limits)).map(c, c.name)",
      },
    ],
    validations: [
      {
        expression: 'size(variables.unlimitedContainers) == 0',
        message:
          'containers in tenant namespaces must set CPU and memory limits',
        messageExpression:
          "'containers in tenant namespaces must set CPU and memory limits: ' + variables.unlimitedContainers.join(', ')",
      },
    ],
  };
}

function noDefaultNamespace(): AdmissionRule {
  return {
    name: baselineName('no-default-namespace'),
    description: 'No workloads in the default namespace',
    scope: 'default',
    resources: POD_AND_WORKLOADS,
    variables: [],
    validations: [
      {
        expression: "namespaceObject.metadata.name != 'default'",
        message:
          'workloads must not run in the default namespace: deploy them to a tenant or platform namespace',
      },
    ],
  };
}

/** The baseline's admission rules, in the order they are documented. */
export function admissionRules(input: SecurityBaselineInput): AdmissionRule[] {
  return [
    noPrivilegedPods(),
    allowedRegistries(input.allowedRegistries),
    ownerLabel(input.ownerLabel),
    resourceLimits(),
    noDefaultNamespace(),
  ];
}
