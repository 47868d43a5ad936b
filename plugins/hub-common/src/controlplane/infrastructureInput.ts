import { z } from 'zod';
import { requiredString } from '../manifests/inputRules';

// The infrastructure provider's kinds (AWSCluster, AWSMachineTemplate, ...) come from
// the user: their CRDs belong to each provider, so only their shape is checked here.

const API_VERSION =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+\/v\d+((alpha|beta)\d+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]{0,62}$/;

function providerKind(suffix: string, example: string) {
  return requiredString().refine(
    value => KIND.test(value) && value.endsWith(suffix) && value !== suffix,
    `must be the provider's ${suffix} kind, e.g. ${example}`,
  );
}

const specObject = z.record(z.string(), z.unknown(), {
  error: 'must be an object',
});

/** The Cluster API contract: a machine template's machines are `spec.template.spec`. */
const machineTemplateSpec = z.looseObject(
  {
    template: z.looseObject(
      { spec: specObject },
      { error: 'must be an object with spec' },
    ),
  },
  {
    error:
      'must be an object with template.spec, the Cluster API contract for machine templates',
  },
);

export const infrastructureSchema = z.strictObject(
  {
    apiVersion: requiredString().regex(
      API_VERSION,
      "must be the provider's group/version, e.g. infrastructure.cluster.x-k8s.io/v1beta2",
    ),
    cluster: z.strictObject(
      {
        kind: providerKind('Cluster', 'AWSCluster'),
        spec: specObject.default({}),
      },
      { error: 'must be an object with kind and spec' },
    ),
    machineTemplate: z.strictObject(
      {
        kind: providerKind('MachineTemplate', 'AWSMachineTemplate'),
        spec: machineTemplateSpec,
      },
      { error: 'must be an object with kind and spec' },
    ),
  },
  {
    error:
      'must be an object with apiVersion, cluster { kind, spec } and machineTemplate { kind, spec }',
  },
);

export type InfrastructureInput = z.output<typeof infrastructureSchema>;
