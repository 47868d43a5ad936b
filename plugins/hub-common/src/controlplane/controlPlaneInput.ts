import { z } from 'zod';
import { auditInputSchema } from '../audit/auditInput';
import {
  dnsLabel,
  InputProblemsError,
  oneOf,
  parseOrThrow,
  requiredString,
} from '../manifests/inputRules';
import { CNI_PLUGINS } from './addonCharts';
import {
  checkControlPlaneInput,
  whenCheckedFieldsAreValid,
} from './controlPlaneChecks';
import {
  absoluteFile,
  controlPlaneEndpoint,
  controlPlaneReplicas,
  dnsSubdomain,
  etcdEndpoint,
  kubernetesVersion,
  podSubnet,
  serviceSubnet,
} from './controlPlaneRules';
import { infrastructureSchema } from './infrastructureInput';

/** How a control plane is declared: kubeadm configuration files, or Cluster API objects. */
export const CONTROL_PLANE_PROVIDERS = ['kubeadm', 'cluster-api'] as const;

const stackedEtcdSchema = z.strictObject({ type: z.literal('stacked') });

const externalEtcdSchema = z.strictObject({
  type: z.literal('external'),
  endpoints: z
    .array(etcdEndpoint(), { error: 'must be a list of https:// URLs' })
    .min(
      3,
      'must list at least 3 etcd members: fewer cannot lose one and keep a majority',
    ),
  caFile: absoluteFile().default('/etc/kubernetes/pki/etcd/ca.crt'),
  certFile: absoluteFile().default(
    '/etc/kubernetes/pki/apiserver-etcd-client.crt',
  ),
  keyFile: absoluteFile().default(
    '/etc/kubernetes/pki/apiserver-etcd-client.key',
  ),
});

const etcdSchema = z.discriminatedUnion(
  'type',
  [stackedEtcdSchema, externalEtcdSchema],
  {
    error:
      'must be { type: stacked } or { type: external, endpoints, caFile, certFile, keyFile }',
  },
);

const networkingSchema = z.strictObject(
  {
    podSubnet: podSubnet().default('10.244.0.0/16'),
    serviceSubnet: serviceSubnet().default('10.96.0.0/12'),
    dnsDomain: dnsSubdomain().default('cluster.local'),
  },
  { error: 'must be an object with podSubnet, serviceSubnet and dnsDomain' },
);

const csiSchema = z.discriminatedUnion(
  'driver',
  [
    z.strictObject({ driver: z.literal('aws-ebs') }),
    z.strictObject({
      driver: z.literal('nfs'),
      server: dnsSubdomain(),
      share: requiredString().regex(
        /^(\/[A-Za-z0-9._-]+)+$|^\/$/,
        'must be the absolute path the NFS server exports, e.g. /exports/k8s',
      ),
    }),
  ],
  {
    error: 'must be { driver: aws-ebs } or { driver: nfs, server, share }',
  },
);

const encryptionFile = absoluteFile().default(
  '/etc/kubernetes/encryption/config.yaml',
);

const commonFields = {
  name: dnsLabel({
    length: 40,
    why: 'so that <name>-control-plane and <name>-kubeconfig fit',
  }),
  kubernetesVersion: kubernetesVersion(),
  controlPlaneEndpoint: controlPlaneEndpoint(),
  replicas: controlPlaneReplicas().default(3),
  etcd: etcdSchema.default({ type: 'stacked' }),
  networking: networkingSchema.prefault({}),
  audit: auditInputSchema.prefault({}),
  cni: oneOf(CNI_PLUGINS).default('cilium'),
  csi: csiSchema.optional(),
};

const kubeadmPlanSchema = z.strictObject({
  ...commonFields,
  provider: z.literal('kubeadm'),
  encryption: z
    .strictObject(
      { configFile: encryptionFile },
      { error: 'must be an object with configFile' },
    )
    .prefault({}),
  joinDiscoveryFile: absoluteFile().default(
    '/etc/kubernetes/discovery/bootstrap-kubeconfig.conf',
  ),
});

const clusterApiPlanSchema = z.strictObject({
  ...commonFields,
  provider: z.literal('cluster-api'),
  encryption: z
    .strictObject(
      {
        configFile: encryptionFile,
        secretName: dnsSubdomain().optional(),
        secretKey: requiredString()
          .regex(
            /^[-._a-zA-Z0-9]+$/,
            'must be a Secret data key: letters, digits, "-", "_" and "."',
          )
          .default('encryption-config.yaml'),
      },
      { error: 'must be an object with configFile, secretName and secretKey' },
    )
    .prefault({}),
  infrastructure: infrastructureSchema,
});

/** What `hub:controlplane:plan` needs: the cluster, its control plane and its add-ons. */
export const controlPlaneInputSchema = z
  .discriminatedUnion('provider', [kubeadmPlanSchema, clusterApiPlanSchema], {
    error: issue =>
      issue.input !== null && typeof issue.input === 'object'
        ? `must be one of ${CONTROL_PLANE_PROVIDERS.join(', ')}`
        : 'must be an object with provider, name, kubernetesVersion and controlPlaneEndpoint',
  })
  .superRefine(checkControlPlaneInput, whenCheckedFieldsAreValid)
  .transform(input => {
    if (input.provider === 'kubeadm') {
      return input;
    }
    return {
      ...input,
      encryption: {
        ...input.encryption,
        secretName:
          input.encryption.secretName ?? `${input.name}-encryption-config`,
      },
    };
  });

/** A validated control plane plan, with defaults filled in. */
export type ControlPlaneInput = z.output<typeof controlPlaneInputSchema>;

/** A plan of the kubeadm provider. */
export type KubeadmPlanInput = Extract<
  ControlPlaneInput,
  { provider: 'kubeadm' }
>;

/** A plan of the Cluster API provider. */
export type ClusterApiPlanInput = Extract<
  ControlPlaneInput,
  { provider: 'cluster-api' }
>;

/** A control plane plan as a caller may write it. */
export type ControlPlaneInputDraft = z.input<typeof controlPlaneInputSchema>;

/** Raised by {@link parseControlPlaneInput}; named `InputError` for Backstage's error handling. */
export class ControlPlaneInputError extends InputProblemsError {
  constructor(problems: string[]) {
    super('control plane', problems);
  }
}

/** Validates raw input and fills defaults; throws a {@link ControlPlaneInputError} listing every problem. */
export function parseControlPlaneInput(raw: unknown): ControlPlaneInput {
  return parseOrThrow(
    controlPlaneInputSchema,
    raw,
    problems => new ControlPlaneInputError(problems),
  );
}
