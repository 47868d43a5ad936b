import {
  FluxComponent,
  FluxInstallInput,
} from '@hubspoke/backstage-plugin-hub-common';
import { fluxDistribution } from './fluxDistribution';
import { applyJsonPatch } from './jsonPatch';
import {
  FluxComponentSource,
  JsonPatchOperation,
  UpstreamManifest,
} from './types';

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
]);

/** The namespace the release manifests are written for; `flux install` rewrites it. */
const RELEASE_NAMESPACE = 'flux-system';

type Deployment = UpstreamManifest & {
  spec: {
    template: {
      metadata: { labels?: Record<string, string> };
      spec: {
        containers: Array<{ image: string; args: string[] }>;
        [field: string]: unknown;
      };
    };
  };
};

function isDeployment(object: UpstreamManifest): object is Deployment {
  return object.kind === 'Deployment';
}

/** kustomize's LabelTransformer with flux2's fieldSpecs: metadata and Deployment pod labels. */
function withLabels(object: UpstreamManifest, labels: Record<string, string>) {
  const labelled = {
    ...object,
    metadata: {
      ...object.metadata,
      labels: { ...object.metadata.labels, ...labels },
    },
  };
  if (!isDeployment(labelled)) return labelled;
  const template = labelled.spec.template;
  return {
    ...labelled,
    spec: {
      ...labelled.spec,
      template: {
        ...template,
        metadata: {
          ...template.metadata,
          labels: { ...template.metadata.labels, ...labels },
        },
      },
    },
  };
}

function inNamespace(
  object: UpstreamManifest,
  namespace: string,
): UpstreamManifest {
  return CLUSTER_SCOPED.has(object.kind)
    ? object
    : { ...object, metadata: { ...object.metadata, namespace } };
}

/** config/manager's kustomization pins the tag; flux install points the name at the registry. */
function withImage(
  object: UpstreamManifest,
  component: string,
  source: FluxComponentSource,
  registry: string,
) {
  if (!isDeployment(object)) return object;
  const [container, ...rest] = object.spec.template.spec.containers;
  const image = `${registry}/${component}:${source.imageTag}`;
  return applyJsonPatch(object, [
    {
      op: 'replace',
      path: '/spec/template/spec/containers',
      value: [{ ...container, image }, ...rest],
    },
  ]);
}

/** flux install's args patch: replaces args by position, after checking each is the flag it expects. */
function argsPatch(
  deployment: Deployment,
  replacements: Array<[index: number, flag: string, value: string]>,
  release: string,
): JsonPatchOperation[] {
  const args = deployment.spec.template.spec.containers[0].args;
  return replacements.map(([index, flag, value]) => {
    if (!args[index]?.startsWith(flag)) {
      throw new Error(
        `Flux ${release}: ${deployment.metadata.name} args[${index}] is "${args[index]}", expected ${flag}; regenerate the distribution and update buildFluxComponents`,
      );
    }
    return {
      op: 'replace',
      path: `/spec/template/spec/containers/0/args/${index}`,
      value: `${flag}=${value}`,
    };
  });
}

function installArgs(
  component: FluxComponent,
  deployment: Deployment,
  input: FluxInstallInput,
  release: string,
): JsonPatchOperation[] {
  const watch = String(input.watchAllNamespaces);
  const eventsAddr = input.components.includes('notification-controller')
    ? `http://notification-controller.$(RUNTIME_NAMESPACE).svc.${input.clusterDomain}./`
    : '';
  if (component === 'notification-controller') {
    return argsPatch(
      deployment,
      [
        [0, '--watch-all-namespaces', watch],
        [1, '--log-level', input.logLevel],
      ],
      release,
    );
  }
  const common: Array<[number, string, string]> = [
    [0, '--events-addr', eventsAddr],
    [1, '--watch-all-namespaces', watch],
    [2, '--log-level', input.logLevel],
  ];
  if (component === 'source-controller') {
    common.push([
      6,
      '--storage-adv-addr',
      `${component}.$(RUNTIME_NAMESPACE).svc.${input.clusterDomain}.`,
    ]);
  }
  return argsPatch(deployment, common, release);
}

/** flux install's node-selector.yaml, a strategic merge patch on every Deployment. */
function podPlacement(input: FluxInstallInput): JsonPatchOperation[] {
  const spec = '/spec/template/spec';
  return [
    {
      op: 'add',
      path: `${spec}/nodeSelector`,
      value: { 'kubernetes.io/os': 'linux' },
    },
    ...(input.imagePullSecret
      ? [
          {
            op: 'add' as const,
            path: `${spec}/imagePullSecrets`,
            value: [{ name: input.imagePullSecret }],
          },
        ]
      : []),
    ...(input.tolerationKeys.length > 0
      ? [
          {
            op: 'add' as const,
            path: `${spec}/tolerations`,
            value: input.tolerationKeys.map(key => ({
              key,
              operator: 'Exists',
            })),
          },
        ]
      : []),
  ];
}

function componentObjects(
  component: FluxComponent,
  input: FluxInstallInput,
  release: string,
) {
  const source = fluxDistribution(input.version).components[component];
  return [...source.crds, ...source.manager, ...source.account]
    .map(object => withLabels(object, source.componentLabels))
    .map(object => {
      if (!isDeployment(object)) return object;
      const patched = applyJsonPatch(object, source.patch) as Deployment;
      return applyJsonPatch(patched, [
        ...podPlacement(input),
        ...installArgs(component, patched, input, release),
      ]);
    })
    .map(object => withImage(object, component, source, input.registry));
}

/** flux install's roles/: rbac.yaml with the namespace in names, subjects and the quota. */
function roles(input: FluxInstallInput): UpstreamManifest[] {
  const { rbac } = fluxDistribution(input.version);
  const suffix = `-${input.namespace}`;
  const suffixed = new Set(rbac.map(object => object.metadata.name));
  const text = JSON.stringify(rbac)
    .split(`"${RELEASE_NAMESPACE}"`)
    .join(`"${input.namespace}"`);
  return (JSON.parse(text) as UpstreamManifest[]).map(object => {
    const roleRef = object.roleRef as { name: string } | undefined;
    return {
      ...object,
      metadata: {
        ...object.metadata,
        name: `${object.metadata.name}${suffix}`,
      },
      ...(roleRef &&
        suffixed.has(roleRef.name) && {
          roleRef: { ...roleRef, name: `${roleRef.name}${suffix}` },
        }),
    };
  });
}

/**
 * What `flux install` builds for `input`, without the multi-tenancy lockdown: the
 * namespace, network policies, RBAC and each component's CRDs, Deployment, Services
 * and ServiceAccount, from the release manifests of the Flux Go modules, transformed
 * the way flux2's pkg/manifestgen/install does.
 */
export function buildFluxComponents(
  input: FluxInstallInput,
): UpstreamManifest[] {
  const distribution = fluxDistribution(input.version);
  const release = distribution.version;
  const labels = {
    'app.kubernetes.io/instance': input.namespace,
    'app.kubernetes.io/version': release,
    'app.kubernetes.io/part-of': 'flux',
  };
  const namespace: UpstreamManifest = {
    ...distribution.namespace,
    metadata: { ...distribution.namespace.metadata, name: input.namespace },
  };
  return [
    namespace,
    ...(input.networkPolicy ? distribution.policies : []),
    ...roles(input),
    ...input.components.flatMap(component =>
      componentObjects(component, input, release),
    ),
  ]
    .map(object => inNamespace(object, input.namespace))
    .map(object => withLabels(object, labels));
}
