import {
  CNI_PLUGINS,
  CONTROL_PLANE_PROVIDERS,
  CSI_DRIVERS,
} from '@hubspoke/backstage-plugin-hub-common';
import { z as zodV3 } from 'zod/v3';

type Zod = typeof zodV3;

const text = (zod: Zod, description: string) =>
  zod.string({ description }).optional();

const providerObject = (zod: Zod, description: string) =>
  zod
    .object(
      {
        kind: zod.string(),
        spec: zod.record(zod.unknown()).optional(),
      },
      { description },
    )
    .optional();

/**
 * The fields of `hub:controlplane:plan` as the scaffolder shows them; the rules live in
 * hub-common's parseControlPlaneInput, which the action runs first.
 */
export const controlPlanePlanFields = {
  name: (zod: Zod) =>
    zod.string({
      description:
        'Cluster name: a DNS-1123 label of at most 40 characters; names the folder clusters/<name>/control-plane and, on the hub, the namespace of its objects',
    }),
  provider: (zod: Zod) =>
    zod.enum(CONTROL_PLANE_PROVIDERS, {
      description:
        'kubeadm: configuration files for the control-plane hosts; cluster-api: a Cluster and a KubeadmControlPlane for the hub',
    }),
  kubernetesVersion: (zod: Zod) =>
    zod.string({ description: 'Kubernetes release, v1.35.x or v1.36.x' }),
  controlPlaneEndpoint: (zod: Zod) =>
    zod.string({
      description:
        'The TCP load balancer in front of the API servers, as host:port (e.g. api.spoke-eu-1.example.com:6443)',
    }),
  replicas: (zod: Zod) =>
    zod
      .number({
        description: 'Control-plane nodes: odd, 3 to 7 (default 3)',
      })
      .optional(),
  etcd: (zod: Zod) =>
    zod
      .object(
        {
          type: zod.enum(['stacked', 'external']),
          endpoints: zod.array(zod.string()).optional(),
          caFile: zod.string().optional(),
          certFile: zod.string().optional(),
          keyFile: zod.string().optional(),
        },
        {
          description:
            'stacked (default): an etcd member on each control-plane node; external: at least 3 https:// endpoints and the client certificate files on the hosts',
        },
      )
      .optional(),
  networking: (zod: Zod) =>
    zod
      .object(
        {
          podSubnet: zod.string().optional(),
          serviceSubnet: zod.string().optional(),
          dnsDomain: zod.string().optional(),
        },
        {
          description:
            'IPv4 pod subnet (default 10.244.0.0/16) and Service subnet (default 10.96.0.0/12), which must not overlap, and the DNS domain',
        },
      )
      .optional(),
  audit: (zod: Zod) =>
    zod
      .object(
        {
          policyFile: zod.string().optional(),
          logPath: zod.string().optional(),
          maxAgeDays: zod.number().optional(),
          maxBackups: zod.number().optional(),
          maxSizeMegabytes: zod.number().optional(),
          tenantNamespaces: zod.array(zod.string()).optional(),
        },
        {
          description:
            "Audit logging as hub:audit:configure writes it (its defaults); the policy file is that action's, tenantNamespaces only shapes the policy Cluster API machines get",
        },
      )
      .optional(),
  encryption: (zod: Zod) =>
    zod
      .object(
        {
          configFile: zod.string().optional(),
          secretName: zod.string().optional(),
          secretKey: zod.string().optional(),
        },
        {
          description:
            'Encryption at rest: where the EncryptionConfiguration lives on the hosts (default /etc/kubernetes/encryption/config.yaml); with cluster-api, the Secret and key it comes from (default <name>-encryption-config, encryption-config.yaml). It holds the key, so it is never written to git',
        },
      )
      .optional(),
  joinDiscoveryFile: (zod: Zod) =>
    text(
      zod,
      'kubeadm: the discovery kubeconfig (with a bootstrap token) that joining control-plane nodes read, placed out of band (default /etc/kubernetes/discovery/bootstrap-kubeconfig.conf)',
    ),
  infrastructure: (zod: Zod) =>
    zod
      .object(
        {
          apiVersion: zod.string(),
          cluster: providerObject(
            zod,
            "The provider's cluster, e.g. AWSCluster",
          ),
          machineTemplate: providerObject(
            zod,
            "The provider's machine template for the control plane, e.g. AWSMachineTemplate with spec.template.spec",
          ),
        },
        {
          description:
            "cluster-api: the infrastructure provider (group/version, cluster and machine template); checked for shape only, its CRDs are the provider's",
        },
      )
      .optional(),
  cni: (zod: Zod) =>
    zod
      .enum(CNI_PLUGINS, { description: 'Pod network (default cilium)' })
      .optional(),
  csi: (zod: Zod) =>
    zod
      .object(
        {
          driver: zod.enum(CSI_DRIVERS),
          server: zod.string().optional(),
          share: zod.string().optional(),
        },
        {
          description:
            'Optional storage driver with a default StorageClass: aws-ebs, or nfs with server and share',
        },
      )
      .optional(),
  dryRun: (zod: Zod) =>
    zod
      .boolean({ description: 'Report the files without writing them' })
      .optional(),
  gitopsDir: (zod: Zod) =>
    text(
      zod,
      'Folder of the fleet repository inside the workspace (default .)',
    ),
};
