import { parse } from 'yaml';
import { renderYamlDocument } from './renderYaml';
import { spokeClusterEntry, spokeGitopsFiles } from './spokeGitops';
import { parseSpokeInput } from './spokeInput';
import {
  buildSpokeKubeconfigManifests,
  buildSpokeManifests,
} from './spokeManifests';
import { FluxKustomizationManifest, SecretManifest } from './types';

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
    (o): o is FluxKustomizationManifest => o.kind === 'Kustomization',
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
    const data = (secret as SecretManifest).data;
    expect(Buffer.from(data.value, 'base64').toString('utf8')).toBe(kubeconfig);
  });

  it('leaves the Secret out without a kubeconfig', () => {
    expect(buildSpokeManifests(spoke).map(o => o.kind)).not.toContain('Secret');
  });

  it('gives the credential-bound objects alone: the namespace and the Secret', () => {
    const objects = buildSpokeKubeconfigManifests(spoke, kubeconfig);
    expect(objects).toEqual(
      buildSpokeManifests(spoke, { kubeconfig }).slice(0, 2),
    );
  });

  it('runs the apps layer as flux-restricted and the others as flux-cluster-admin', () => {
    expect(kustomizations().map(k => k.spec.serviceAccountName)).toEqual([
      'flux-cluster-admin',
      'flux-cluster-admin',
      'flux-cluster-admin',
      'flux-restricted',
    ]);
  });

  it('takes the account of a layer from the input', () => {
    const custom = parseSpokeInput({
      name: 'eu-2',
      sourceUrl: 'https://git.example.com/fleet.git',
      sourceBranch: 'main',
      region: 'eu-west-2',
      layers: ['infra', 'apps', 'extras'],
      serviceAccounts: { infra: 'flux-restricted', apps: 'flux-cluster-admin' },
    });
    expect(
      kustomizations(buildSpokeManifests(custom)).map(k => [
        k.metadata.name,
        k.spec.serviceAccountName,
      ]),
    ).toEqual([
      ['eu-2-infra', 'flux-restricted'],
      ['eu-2-apps', 'flux-cluster-admin'],
      ['eu-2-extras', 'flux-cluster-admin'],
    ]);
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
      sourceSecretName: 'fleet-auth',
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
        secretRef: { name: 'fleet-auth' },
      },
    });
    expect(kustomizations(objects)[0].spec).toMatchObject({
      path: 'spokes/us-2/apps',
      sourceRef: { name: 'fleet' },
    });
  });
});

describe('spokeGitopsFiles', () => {
  it("writes one file per object under the hub's folder and never the kubeconfig", () => {
    const files = spokeGitopsFiles(spoke, 'central');
    expect(Object.keys(files)).toEqual([
      'clusters/central/spokes/eu-1/namespace-eu-1.yaml',
      'clusters/central/spokes/eu-1/gitrepository-flux-system.yaml',
      'clusters/central/spokes/eu-1/kustomization-eu-1-tenants.yaml',
      'clusters/central/spokes/eu-1/kustomization-eu-1-infra-controllers.yaml',
      'clusters/central/spokes/eu-1/kustomization-eu-1-infra-configs.yaml',
      'clusters/central/spokes/eu-1/kustomization-eu-1-apps.yaml',
      'clusters/central/spokes/eu-1/kustomization.yaml',
    ]);
    expect(Object.values(files).join('\n')).not.toMatch(/kind: Secret/);
    expect(spokeClusterEntry(spoke)).toBe('eu-1');
  });

  it("lists every object file and the tenants folder in the spoke's kustomization.yaml", () => {
    const files = spokeGitopsFiles(spoke, 'central');
    const root = 'clusters/central/spokes/eu-1';
    const objectFiles = Object.keys(files)
      .filter(path => path !== `${root}/kustomization.yaml`)
      .map(path => path.slice(root.length + 1));
    expect(parse(files[`${root}/kustomization.yaml`]).resources).toEqual([
      ...objectFiles,
      'tenants',
    ]);
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
        serviceAccountName: flux-cluster-admin
        sourceRef:
          kind: GitRepository
          name: flux-system
        timeout: 5m
        wait: true
      "
    `);
  });
});
