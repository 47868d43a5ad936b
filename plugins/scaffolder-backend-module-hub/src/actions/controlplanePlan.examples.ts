import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Plan a three-node kubeadm control plane with stacked etcd behind a load balancer, Cilium and NFS storage, into the fleet repository',
    example: stringify({
      steps: [
        {
          id: 'control-plane',
          action: 'hub:controlplane:plan',
          name: 'Plan the control plane',
          input: {
            name: 'spoke-eu-1',
            provider: 'kubeadm',
            kubernetesVersion: 'v1.36.3',
            controlPlaneEndpoint: 'api.spoke-eu-1.example.com:6443',
            replicas: 3,
            etcd: { type: 'stacked' },
            networking: {
              podSubnet: '10.244.0.0/16',
              serviceSubnet: '10.96.0.0/12',
            },
            cni: 'cilium',
            csi: {
              driver: 'nfs',
              server: 'nfs.example.com',
              share: '/exports/spoke-eu-1',
            },
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
  {
    description:
      'Plan a Cluster API control plane on AWS with external etcd and Calico: a Cluster, a KubeadmControlPlane with 3 replicas and the AWS machine template',
    example: stringify({
      steps: [
        {
          id: 'control-plane',
          action: 'hub:controlplane:plan',
          name: 'Plan the control plane',
          input: {
            name: 'spoke-us-1',
            provider: 'cluster-api',
            kubernetesVersion: 'v1.36.3',
            controlPlaneEndpoint: 'api.spoke-us-1.example.com:6443',
            etcd: {
              type: 'external',
              endpoints: [
                'https://etcd-0.spoke-us-1.example.com:2379',
                'https://etcd-1.spoke-us-1.example.com:2379',
                'https://etcd-2.spoke-us-1.example.com:2379',
              ],
            },
            infrastructure: {
              apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
              cluster: {
                kind: 'AWSCluster',
                spec: { region: 'us-east-1', sshKeyName: 'platform' },
              },
              machineTemplate: {
                kind: 'AWSMachineTemplate',
                spec: {
                  template: {
                    spec: {
                      instanceType: 'm6i.large',
                      iamInstanceProfile:
                        'control-plane.cluster-api-provider-aws.sigs.k8s.io',
                    },
                  },
                },
              },
            },
            cni: 'calico',
            csi: { driver: 'aws-ebs' },
            gitopsDir: 'fleet',
          },
        },
      ],
    }),
  },
];
