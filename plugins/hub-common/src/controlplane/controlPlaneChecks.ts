import { z } from 'zod';
import { AuditInput } from '../audit/auditInput';
import { buildAuditPolicy } from '../audit/auditPolicy';
import { renderYamlDocument } from '../manifests/renderYaml';
import {
  containsAddress,
  networksOverlap,
  parseIpv4,
  parseIpv4Cidr,
} from './ipv4';
import { ControlPlaneEndpoint, folderOf } from './controlPlaneRules';

/** The most a KubeadmControlPlane `files[].content` holds (its CRD's maxLength). */
const KUBEADM_FILE_CONTENT_LIMIT = 10240;

/** Host folders kubeadm itself mounts into the API server's static Pod. */
const KUBEADM_API_SERVER_MOUNTS = [
  '/etc/kubernetes/pki',
  '/etc/ssl/certs',
  '/etc/ca-certificates',
  '/etc/pki',
  '/usr/share/ca-certificates',
  '/usr/local/share/ca-certificates',
];

/** The fields the cross-field rules read. */
const CHECKED_FIELDS = [
  'provider',
  'controlPlaneEndpoint',
  'etcd',
  'networking',
  'audit',
  'encryption',
];

interface CheckedInput {
  provider: 'kubeadm' | 'cluster-api';
  controlPlaneEndpoint: ControlPlaneEndpoint;
  etcd: { type: 'stacked' } | { type: 'external'; endpoints: string[] };
  networking: { podSubnet: string; serviceSubnet: string };
  audit: AuditInput;
  encryption: { configFile: string };
}

type Issues = z.core.$RefinementCtx;

function checkSubnets(input: CheckedInput, ctx: Issues) {
  const { podSubnet, serviceSubnet } = input.networking;
  const pods = parseIpv4Cidr(podSubnet);
  const services = parseIpv4Cidr(serviceSubnet);
  if (pods && services && networksOverlap(pods, services)) {
    ctx.addIssue({
      code: 'custom',
      path: ['networking', 'serviceSubnet'],
      message: `must not overlap podSubnet ${podSubnet}`,
    });
  }
  const endpoint = parseIpv4(input.controlPlaneEndpoint.host);
  if (endpoint === undefined) {
    return;
  }
  for (const [field, network] of [
    ['podSubnet', pods],
    ['serviceSubnet', services],
  ] as const) {
    if (network && containsAddress(network, endpoint)) {
      ctx.addIssue({
        code: 'custom',
        path: ['controlPlaneEndpoint'],
        message: `must not be an address in networking.${field} ${input.networking[field]}: it is the load balancer in front of the API servers`,
      });
    }
  }
}

function checkEtcdEndpoints(input: CheckedInput, ctx: Issues) {
  if (input.etcd.type !== 'external') {
    return;
  }
  input.etcd.endpoints.forEach((endpoint, index, all) => {
    if (all.indexOf(endpoint) !== index) {
      ctx.addIssue({
        code: 'custom',
        path: ['etcd', 'endpoints', index],
        message: `must not repeat ${endpoint}`,
      });
    }
  });
}

/** kubeadm mounts each folder once; a second mount of the same path makes the static Pod invalid. */
function checkEncryptionFolder(input: CheckedInput, ctx: Issues) {
  const folder = folderOf(input.encryption.configFile);
  const taken = [
    ['audit.policyFile', folderOf(input.audit.policyFile)],
    ['audit.logPath', folderOf(input.audit.logPath)],
    ...KUBEADM_API_SERVER_MOUNTS.map(mount => ['kubeadm', mount]),
  ];
  const clash = taken.find(([, other]) => other === folder);
  if (clash) {
    ctx.addIssue({
      code: 'custom',
      path: ['encryption', 'configFile'],
      message: `must be in a folder of its own: ${folder} is already mounted into the API server (${clash[0]})`,
    });
  }
}

function checkAuditPolicySize(input: CheckedInput, ctx: Issues) {
  if (input.provider !== 'cluster-api') {
    return;
  }
  const size = renderYamlDocument(buildAuditPolicy(input.audit)).length;
  if (size > KUBEADM_FILE_CONTENT_LIMIT) {
    ctx.addIssue({
      code: 'custom',
      path: ['audit', 'tenantNamespaces'],
      message: `must be short enough for the audit policy to fit in a KubeadmControlPlane file (${KUBEADM_FILE_CONTENT_LIMIT} characters, the policy has ${size}); name fewer namespaces`,
    });
  }
}

/** The rules that relate fields to each other. */
export function checkControlPlaneInput(input: CheckedInput, ctx: Issues) {
  checkSubnets(input, ctx);
  checkEtcdEndpoints(input, ctx);
  checkEncryptionFolder(input, ctx);
  checkAuditPolicySize(input, ctx);
}

/**
 * Runs the cross-field rules once the fields they read have passed their own rules;
 * problems in other fields do not hold them back, so every problem is listed at once.
 */
export const whenCheckedFieldsAreValid = {
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some(
      ({ path = [] }) =>
        path.length === 0 || CHECKED_FIELDS.includes(String(path[0])),
    ),
};
