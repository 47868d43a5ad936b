/** A Helm chart at a pinned version, and the repository it is published in. */
export interface AddonChart {
  /** The HelmRepository's name, and the HelmRelease's unless it names its own. */
  repositoryName: string;
  url: string;
  chart: string;
  version: string;
  /** Where the chart's workloads run on the new cluster. */
  targetNamespace: string;
}

/** The pod networks hub:controlplane:plan installs. */
export const CNI_PLUGINS = ['cilium', 'calico'] as const;
export type CniPlugin = (typeof CNI_PLUGINS)[number];

/** The storage drivers hub:controlplane:plan can add. */
export const CSI_DRIVERS = ['aws-ebs', 'nfs'] as const;
export type CsiDriver = (typeof CSI_DRIVERS)[number];

/**
 * The pinned charts. Cilium 1.20.2: install/kubernetes/cilium/Chart.yaml of the Go module
 * github.com/cilium/cilium@v1.20.2. Calico: the tigera-operator chart v3.31.3, which
 * carries the operator's CRDs itself (v3.32's guides install them from a chart of their
 * own first). aws-ebs-csi-driver 2.66.0 and csi-driver-nfs 4.13.4: releases of the
 * kubernetes-sigs and kubernetes-csi chart repositories.
 */
export const CNI_CHARTS: Record<CniPlugin, AddonChart> = {
  cilium: {
    repositoryName: 'cilium',
    url: 'https://helm.cilium.io',
    chart: 'cilium',
    version: '1.20.2',
    targetNamespace: 'kube-system',
  },
  calico: {
    repositoryName: 'projectcalico',
    url: 'https://docs.tigera.io/calico/charts',
    chart: 'tigera-operator',
    version: 'v3.31.3',
    targetNamespace: 'tigera-operator',
  },
};

export const CSI_CHARTS: Record<CsiDriver, AddonChart> = {
  'aws-ebs': {
    repositoryName: 'aws-ebs-csi-driver',
    url: 'https://kubernetes-sigs.github.io/aws-ebs-csi-driver',
    chart: 'aws-ebs-csi-driver',
    version: '2.66.0',
    targetNamespace: 'kube-system',
  },
  nfs: {
    repositoryName: 'csi-driver-nfs',
    url: 'https://raw.githubusercontent.com/kubernetes-csi/csi-driver-nfs/master/charts',
    chart: 'csi-driver-nfs',
    version: '4.13.4',
    targetNamespace: 'kube-system',
  },
};
