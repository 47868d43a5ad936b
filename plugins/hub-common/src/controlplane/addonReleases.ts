import { SPOKE_CLUSTER_ADMIN_ACCOUNT } from '../manifests/spokeInput';
import {
  HelmReleaseManifest,
  HelmRepositoryManifest,
} from '../manifests/types';
import { AddonChart, CNI_CHARTS, CSI_CHARTS } from './addonCharts';
import { ControlPlaneInput } from './controlPlaneInput';
import { clusterKubeconfigSecret, controlPlaneMeta } from './controlPlaneMeta';

const DEFAULT_STORAGE_CLASS = {
  'storageclass.kubernetes.io/is-default-class': 'true',
};

/**
 * Cilium on the pod network kubeadm hands out per node (`ipam.mode: kubernetes`), next
 * to kube-proxy, reaching the API servers through the load balancer rather than the
 * Service network it has yet to program.
 */
function ciliumValues(input: ControlPlaneInput): Record<string, unknown> {
  return {
    cluster: { name: input.name },
    ipam: { mode: 'kubernetes' },
    k8sServiceHost: input.controlPlaneEndpoint.host,
    k8sServicePort: input.controlPlaneEndpoint.port,
    kubeProxyReplacement: false,
  };
}

/** The Tigera operator's Installation, with one IP pool covering the pod subnet. */
function calicoValues(input: ControlPlaneInput): Record<string, unknown> {
  return {
    installation: {
      cni: { type: 'Calico' },
      calicoNetwork: {
        ipPools: [
          {
            name: 'default-ipv4-ippool',
            cidr: input.networking.podSubnet,
            blockSize: 26,
            encapsulation: 'VXLAN',
            natOutgoing: 'Enabled',
            nodeSelector: 'all()',
          },
        ],
      },
    },
  };
}

/** One default StorageClass per driver: encrypted gp3 volumes, or the NFS export. */
function csiValues(
  csi: NonNullable<ControlPlaneInput['csi']>,
): Record<string, unknown> {
  if (csi.driver === 'aws-ebs') {
    return {
      storageClasses: [
        {
          name: 'ebs-gp3',
          annotations: DEFAULT_STORAGE_CLASS,
          volumeBindingMode: 'WaitForFirstConsumer',
          reclaimPolicy: 'Delete',
          parameters: { type: 'gp3', encrypted: 'true' },
        },
      ],
    };
  }
  return {
    storageClasses: [
      {
        name: 'nfs-csi',
        annotations: DEFAULT_STORAGE_CLASS,
        volumeBindingMode: 'Immediate',
        reclaimPolicy: 'Delete',
        parameters: { server: csi.server, share: csi.share },
        mountOptions: ['nfsvers=4.1'],
      },
    ],
  };
}

function helmRepository(
  input: ControlPlaneInput,
  chart: AddonChart,
): HelmRepositoryManifest {
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'HelmRepository',
    metadata: controlPlaneMeta(input, chart.repositoryName),
    spec: { url: chart.url, interval: '1h' },
  };
}

/**
 * A release on the new cluster, reconciled by the hub's helm-controller through the
 * cluster's kubeconfig Secret, as the account hub:spoke:register puts on the cluster.
 */
function helmRelease(
  input: ControlPlaneInput,
  chart: AddonChart,
  values: Record<string, unknown>,
  dependsOn?: string,
): HelmReleaseManifest {
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: controlPlaneMeta(input, chart.chart),
    spec: {
      interval: '30m',
      releaseName: chart.chart,
      targetNamespace: chart.targetNamespace,
      storageNamespace: chart.targetNamespace,
      kubeConfig: {
        secretRef: { name: clusterKubeconfigSecret(input), key: 'value' },
      },
      serviceAccountName: SPOKE_CLUSTER_ADMIN_ACCOUNT,
      ...(dependsOn ? { dependsOn: [{ name: dependsOn }] } : {}),
      chart: {
        spec: {
          chart: chart.chart,
          version: chart.version,
          sourceRef: { kind: 'HelmRepository', name: chart.repositoryName },
        },
      },
      install: {
        createNamespace: true,
        crds: 'CreateReplace',
        remediation: { retries: 3 },
      },
      upgrade: { crds: 'CreateReplace', remediation: { retries: 3 } },
      values,
    },
  };
}

/** The CNI's repository and release, then the CSI driver's, which waits for the CNI. */
export function addonObjects(
  input: ControlPlaneInput,
): Array<HelmRepositoryManifest | HelmReleaseManifest> {
  const cni = CNI_CHARTS[input.cni];
  const objects: Array<HelmRepositoryManifest | HelmReleaseManifest> = [
    helmRepository(input, cni),
    helmRelease(
      input,
      cni,
      input.cni === 'cilium' ? ciliumValues(input) : calicoValues(input),
    ),
  ];
  if (input.csi) {
    const csi = CSI_CHARTS[input.csi.driver];
    objects.push(
      helmRepository(input, csi),
      helmRelease(input, csi, csiValues(input.csi), cni.chart),
    );
  }
  return objects;
}
