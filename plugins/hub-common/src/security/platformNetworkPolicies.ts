import {
  fromRole,
  ingressFrom,
  namespaceIsolationSpecs,
} from '../manifests/networkPolicySpecs';
import { baselineName, baselineNamespacedMeta } from './baselineMeta';
import { SecurityBaselineInput } from './securityBaselineInput';
import { NetworkPolicyPortRule, PlatformNetworkPolicyManifest } from './types';

type PolicySpec = PlatformNetworkPolicyManifest['spec'];

const tcp = (...ports: number[]): NetworkPolicyPortRule[] =>
  ports.map(port => ({ protocol: 'TCP', port }));

/** The Flux controllers' metrics port (`http-prom`) and notification-controller's receiver. */
const FLUX_METRICS_PORT = 8080;
const FLUX_RECEIVER_PORT = 9292;

/** The API server (443 behind a Service, 6443 on the nodes) and the kubelet's metrics. */
const API_SERVER_PORTS = [443, 6443];
const KUBELET_PORT = 10250;
const SSH_PORT = 22;

function policy(
  namespace: string,
  name: string,
  spec: PolicySpec,
): PlatformNetworkPolicyManifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: baselineNamespacedMeta(baselineName(name), namespace),
    spec,
  };
}

/** Deny all, then let the namespace's pods talk to each other and to cluster DNS. */
function commonPolicies(namespace: string): PlatformNetworkPolicyManifest[] {
  return namespaceIsolationSpecs().map(([name, spec]) =>
    policy(namespace, name, spec),
  );
}

/**
 * Flux: the API server and sources out (HTTPS, and SSH for Git); scrapes in from the
 * monitoring namespace and webhooks in to notification-controller's receiver. The
 * controllers reach source-controller's artifacts inside the namespace.
 */
function fluxPolicies(namespace: string): PlatformNetworkPolicyManifest[] {
  return [
    ...commonPolicies(namespace),
    policy(namespace, 'allow-flux-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ ports: tcp(...API_SERVER_PORTS, SSH_PORT) }],
    }),
    policy(
      namespace,
      'allow-monitoring-scrape',
      ingressFrom(fromRole('monitoring'), tcp(FLUX_METRICS_PORT)),
    ),
    policy(namespace, 'allow-webhook-receiver', {
      podSelector: { matchLabels: { app: 'notification-controller' } },
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ namespaceSelector: {} }], ports: tcp(FLUX_RECEIVER_PORT) },
      ],
    }),
  ];
}

/**
 * Monitoring: scrapes out to pods in every namespace, the API server for service
 * discovery and the kubelets; the UIs in through the ingress controller.
 */
function monitoringPolicies(
  namespace: string,
): PlatformNetworkPolicyManifest[] {
  return [
    ...commonPolicies(namespace),
    policy(namespace, 'allow-monitoring-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        { to: [{ namespaceSelector: {} }] },
        { ports: tcp(...API_SERVER_PORTS, KUBELET_PORT) },
      ],
    }),
    policy(
      namespace,
      'allow-ingress-controller',
      ingressFrom(fromRole('ingress')),
    ),
  ];
}

/** Default-deny NetworkPolicies with their allowances for the Flux and monitoring namespaces. */
export function buildPlatformNetworkPolicies(
  input: SecurityBaselineInput,
): PlatformNetworkPolicyManifest[] {
  return [
    ...fluxPolicies(input.fluxNamespace),
    ...monitoringPolicies(input.monitoringNamespace),
  ];
}
