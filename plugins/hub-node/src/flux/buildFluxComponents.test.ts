import { parseFluxInstallInput } from '@hubspoke/backstage-plugin-hub-common';
import { buildFluxComponents } from './buildFluxComponents';
import { fluxDistribution } from './fluxDistribution';
import { UpstreamManifest } from './types';

type Container = { image: string; args: string[] };

function deployment(objects: UpstreamManifest[], name: string) {
  const found = objects.find(
    o => o.kind === 'Deployment' && o.metadata.name === name,
  );
  if (!found) throw new Error(`no Deployment ${name}`);
  const spec = (found.spec as { template: { spec: Record<string, unknown> } })
    .template.spec;
  return {
    object: found,
    spec,
    container: (spec.containers as Container[])[0],
  };
}

const defaults = parseFluxInstallInput({});
const distribution = fluxDistribution(defaults.version);

describe('buildFluxComponents', () => {
  const objects = buildFluxComponents(defaults);

  it("carries every CRD of the controllers' modules unchanged apart from Flux's labels", () => {
    const crds = objects.filter(o => o.kind === 'CustomResourceDefinition');
    const upstream = Object.values(distribution.components).flatMap(
      c => c.crds,
    );
    expect(crds.map(c => c.metadata.name).sort()).toEqual(
      upstream.map(c => c.metadata.name).sort(),
    );
    for (const crd of crds) {
      const original = upstream.find(
        c => c.metadata.name === crd.metadata.name,
      )!;
      expect(crd.spec).toEqual(original.spec);
      expect(crd.metadata.labels).toMatchObject({
        'app.kubernetes.io/part-of': 'flux',
        'app.kubernetes.io/instance': 'flux-system',
        'app.kubernetes.io/version': 'v2.9.5',
      });
    }
  });

  it('builds the Deployments as flux install does: images, args, account, placement', () => {
    const source = deployment(objects, 'source-controller');
    expect(source.container.image).toBe(
      'ghcr.io/fluxcd/source-controller:v1.9.4',
    );
    expect(source.container.args).toEqual([
      '--events-addr=http://notification-controller.$(RUNTIME_NAMESPACE).svc.cluster.local./',
      '--watch-all-namespaces=true',
      '--log-level=info',
      '--log-encoding=json',
      '--enable-leader-election',
      '--storage-path=/data',
      '--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.cluster.local.',
    ]);
    expect(source.spec).toMatchObject({
      serviceAccountName: 'source-controller',
      priorityClassName: 'system-cluster-critical',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
    });
    expect(source.object.metadata).toMatchObject({
      namespace: 'flux-system',
      labels: {
        'app.kubernetes.io/component': 'source-controller',
        'control-plane': 'controller',
      },
    });
    const notification = deployment(objects, 'notification-controller');
    expect(notification.container.args.slice(0, 2)).toEqual([
      '--watch-all-namespaces=true',
      '--log-level=info',
    ]);
    // No lockdown here: that is lockdownPatches' job.
    expect(
      objects.flatMap(
        o => JSON.stringify(o).match(/no-cross-namespace-refs/g) ?? [],
      ),
    ).toEqual([]);
  });

  it('names the cluster-wide RBAC after the namespace and binds the controllers there', () => {
    const input = parseFluxInstallInput({ namespace: 'gitops' });
    const built = buildFluxComponents(input);
    const byName = (kind: string, name: string) =>
      built.find(o => o.kind === kind && o.metadata.name === name);
    expect(byName('ClusterRole', 'crd-controller-gitops')).toBeDefined();
    expect(byName('ClusterRole', 'flux-view-gitops')).toBeDefined();
    const binding = byName(
      'ClusterRoleBinding',
      'crd-controller-gitops',
    ) as any;
    expect(binding.roleRef.name).toBe('crd-controller-gitops');
    expect(
      new Set(binding.subjects.map((s: { namespace: string }) => s.namespace)),
    ).toEqual(new Set(['gitops']));
    const reconciler = byName(
      'ClusterRoleBinding',
      'cluster-reconciler-gitops',
    ) as any;
    expect(reconciler.roleRef.name).toBe('cluster-admin');
    expect(
      byName('ResourceQuota', 'critical-pods-gitops')?.metadata.namespace,
    ).toBe('gitops');
    expect(byName('Namespace', 'gitops')).toBeDefined();
    expect(built.some(o => o.metadata.namespace === 'flux-system')).toBe(false);
  });

  it('follows the options: components, registry, log level, domain, pull secret, tolerations, no policies', () => {
    const input = parseFluxInstallInput({
      components: ['source-controller', 'kustomize-controller'],
      registry: 'registry.internal:5000/mirror/fluxcd',
      logLevel: 'debug',
      clusterDomain: 'hub.internal',
      imagePullSecret: 'mirror-pull',
      tolerationKeys: ['node-role.kubernetes.io/control-plane'],
      networkPolicy: false,
      watchAllNamespaces: false,
    });
    const built = buildFluxComponents(input);
    expect(
      built.filter(o => o.kind === 'Deployment').map(o => o.metadata.name),
    ).toEqual(['source-controller', 'kustomize-controller']);
    expect(built.some(o => o.kind === 'NetworkPolicy')).toBe(false);
    expect(built.some(o => o.metadata.name.includes('helmreleases'))).toBe(
      false,
    );
    const kustomize = deployment(built, 'kustomize-controller');
    expect(kustomize.container.image).toBe(
      'registry.internal:5000/mirror/fluxcd/kustomize-controller:v1.9.5',
    );
    // Without notification-controller there is nowhere to send events.
    expect(kustomize.container.args.slice(0, 3)).toEqual([
      '--events-addr=',
      '--watch-all-namespaces=false',
      '--log-level=debug',
    ]);
    expect(deployment(built, 'source-controller').container.args[6]).toBe(
      '--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.hub.internal.',
    );
    expect(kustomize.spec).toMatchObject({
      imagePullSecrets: [{ name: 'mirror-pull' }],
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
      ],
    });
  });
});
