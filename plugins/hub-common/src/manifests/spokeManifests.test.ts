import { renderYamlDocument } from './renderYaml';
import { spokeClusterEntry, spokeGitopsFiles } from './spokeGitops';
import { parseSpokeInput } from './spokeInput';
import {
  buildSpokeManifests,
  SpokeKustomizationManifest,
} from './spokeManifests';

const spoke = parseSpokeInput({
  name: 'eu-1',
  sourceUrl: 'https://git.example.com/fleet.git',
  sourceBranch: 'main',
  region: 'eu-west-1',
  labels: { 'example.com/tier': 'gold' },
});
const kubeconfig = 'apiVersion: v1\nkind: Config\n# café\n';

function kustomizations(objects = buildSpokeManifests(spoke)) {
  return objects.filter(
    (o): o is SpokeKustomizationManifest => o.kind === 'Kustomization',
  );
}

describe('buildSpokeManifests', () => {
  it('builds the namespace, the kubeconfig Secret, the source and the layer chain in order', () => {
    const objects = buildSpokeManifests(spoke, { kubeconfig });
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/eu-1',
      'Secret/eu-1-kubeconfig',
      'GitRepository/flux-system',
      'Kustomization/eu-1-tenants',
      'Kustomization/eu-1-infra-controllers',
      'Kustomization/eu-1-infra-configs',
      'Kustomization/eu-1-apps',
    ]);
    expect(objects[0].metadata.labels).toEqual({
      'example.com/tier': 'gold',
      'hubspoke.io/spoke': 'eu-1',
      'hubspoke.io/region': 'eu-west-1',
      'app.kubernetes.io/managed-by': 'hubspoke',
    });
    objects
      .slice(1)
      .forEach(o => expect(o).toHaveProperty('metadata.namespace', 'eu-1'));
  });

  it('stores the kubeconfig base64-encoded under the key value', () => {
    const [, secret] = buildSpokeManifests(spoke, { kubeconfig });
    expect(secret).toMatchObject({ kind: 'Secret', type: 'Opaque' });
    const data = (secret as { data: { value: string } }).data;
    expect(Buffer.from(data.value, 'base64').toString('utf8')).toBe(kubeconfig);
  });

  it('leaves the Secret out without a kubeconfig', () => {
    expect(buildSpokeManifests(spoke).map(o => o.kind)).not.toContain('Secret');
  });

  it('chains the layers with dependsOn and points each at the spoke', () => {
    const chain = kustomizations();
    expect(chain.map(k => k.spec.dependsOn)).toEqual([
      undefined,
      [{ name: 'eu-1-tenants' }],
      [{ name: 'eu-1-infra-controllers' }],
      [{ name: 'eu-1-infra-configs' }],
    ]);
    expect(chain.map(k => [k.spec.path, k.spec.wait])).toEqual([
      ['./clusters/eu-1/tenants', false],
      ['./clusters/eu-1/infra-controllers', true],
      ['./clusters/eu-1/infra-configs', true],
      ['./clusters/eu-1/apps', false],
    ]);
    for (const k of chain) {
      expect(k.spec).toMatchObject({
        kubeConfig: { secretRef: { name: 'eu-1-kubeconfig' } },
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
        prune: true,
        interval: '10m',
        retryInterval: '1m',
        timeout: '5m',
        postBuild: {
          substitute: { CLUSTER_NAME: 'eu-1', CLUSTER_REGION: 'eu-west-1' },
        },
      });
    }
  });

  it('copies the source into the spoke namespace under sourceName', () => {
    const custom = parseSpokeInput({
      name: 'us-2',
      sourceName: 'fleet',
      sourceUrl: 'ssh://git@git.example.com/fleet.git',
      sourceBranch: 'release',
      region: 'us-east-2',
      layers: ['apps'],
      path: 'spokes/us-2/',
    });
    const objects = buildSpokeManifests(custom);
    expect(objects[1]).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: {
        name: 'fleet',
        namespace: 'us-2',
        labels: {
          'hubspoke.io/spoke': 'us-2',
          'app.kubernetes.io/managed-by': 'hubspoke',
        },
      },
      spec: {
        interval: '1m',
        url: 'ssh://git@git.example.com/fleet.git',
        ref: { branch: 'release' },
      },
    });
    expect(kustomizations(objects)[0].spec).toMatchObject({
      path: 'spokes/us-2/apps',
      sourceRef: { name: 'fleet' },
    });
  });
});

describe('spokeGitopsFiles', () => {
  it('writes one file per object and never the kubeconfig', () => {
    const files = spokeGitopsFiles(spoke);
    expect(Object.keys(files)).toEqual([
      'clusters/hub/spokes/eu-1/namespace-eu-1.yaml',
      'clusters/hub/spokes/eu-1/gitrepository-flux-system.yaml',
      'clusters/hub/spokes/eu-1/kustomization-eu-1-tenants.yaml',
      'clusters/hub/spokes/eu-1/kustomization-eu-1-infra-controllers.yaml',
      'clusters/hub/spokes/eu-1/kustomization-eu-1-infra-configs.yaml',
      'clusters/hub/spokes/eu-1/kustomization-eu-1-apps.yaml',
      'clusters/hub/spokes/eu-1/kustomization.yaml',
    ]);
    expect(Object.values(files).join('\n')).not.toMatch(/kind: Secret/);
    expect(files['clusters/hub/spokes/eu-1/kustomization.yaml']).toMatch(
      /resources:\n {2}- namespace-eu-1.yaml\n/,
    );
    expect(spokeClusterEntry(spoke)).toBe('eu-1');
  });

  it('renders the chain as Flux reads it', () => {
    expect(renderYamlDocument(kustomizations()[1])).toMatchInlineSnapshot(`
      "apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata:
        name: eu-1-infra-controllers
        namespace: eu-1
        labels:
          app.kubernetes.io/managed-by: hubspoke
          hubspoke.io/spoke: eu-1
      spec:
        dependsOn:
          - name: eu-1-tenants
        interval: 10m
        kubeConfig:
          secretRef:
            name: eu-1-kubeconfig
        path: ./clusters/eu-1/infra-controllers
        postBuild:
          substitute:
            CLUSTER_NAME: eu-1
            CLUSTER_REGION: eu-west-1
        prune: true
        retryInterval: 1m
        sourceRef:
          kind: GitRepository
          name: flux-system
        timeout: 5m
        wait: true
      "
    `);
  });
});
