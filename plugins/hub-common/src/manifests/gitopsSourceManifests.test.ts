import { parseGitopsSourceInput } from './gitopsSourceInput';
import {
  buildGitopsSourceManifests,
  gitopsSourceClusterEntry,
  gitopsSourceFiles,
  GitopsSourceManifest,
} from './gitopsSourceManifests';

function specOf(manifest: GitopsSourceManifest) {
  return 'spec' in manifest ? manifest.spec : undefined;
}

const labels = { 'app.kubernetes.io/managed-by': 'hubspoke' };
const credentials = { username: 'flux-bot', password: 's3cr3t-token' };

const minimal = parseGitopsSourceInput({
  name: 'infra',
  url: 'https://git.example.com/fleet/infra.git',
});

const full = parseGitopsSourceInput({
  name: 'apps',
  url: 'ssh://git@git.example.com/fleet/apps.git',
  tag: 'v1.4.0',
  path: './apps/production',
  interval: '5m',
  wait: true,
  healthChecks: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }],
  dependsOn: ['infra', 'policies'],
  targetNamespace: 'shop',
  serviceAccountName: 'flux-restricted',
  timeout: '3m',
});

describe('buildGitopsSourceManifests', () => {
  it('builds a GitRepository and a Kustomization with the defaults', () => {
    expect(buildGitopsSourceManifests(minimal)).toEqual([
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: 'infra', namespace: 'flux-system', labels },
        spec: {
          interval: '10m',
          url: 'https://git.example.com/fleet/infra.git',
          ref: { branch: 'main' },
        },
      },
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'infra', namespace: 'flux-system', labels },
        spec: {
          interval: '10m',
          sourceRef: { kind: 'GitRepository', name: 'infra' },
          path: './',
          prune: true,
          wait: false,
        },
      },
    ]);
  });

  it('carries every Kustomization option', () => {
    const [gitRepository, kustomization] = buildGitopsSourceManifests(full);
    expect(specOf(gitRepository)).toEqual({
      interval: '5m',
      url: 'ssh://git@git.example.com/fleet/apps.git',
      ref: { tag: 'v1.4.0' },
    });
    expect(specOf(kustomization)).toEqual({
      interval: '5m',
      sourceRef: { kind: 'GitRepository', name: 'apps' },
      path: './apps/production',
      prune: true,
      wait: true,
      healthChecks: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      ],
      dependsOn: [{ name: 'infra' }, { name: 'policies' }],
      targetNamespace: 'shop',
      serviceAccountName: 'flux-restricted',
      timeout: '3m',
    });
  });

  it('adds the credentials Secret first and references it, only with credentials', () => {
    const manifests = buildGitopsSourceManifests(minimal, {
      withCredentials: credentials,
    });
    expect(manifests.map(m => m.kind)).toEqual([
      'Secret',
      'GitRepository',
      'Kustomization',
    ]);
    expect(manifests[0]).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'infra-git-auth', namespace: 'flux-system', labels },
      type: 'Opaque',
      data: {
        username: Buffer.from(credentials.username).toString('base64'),
        password: Buffer.from(credentials.password).toString('base64'),
      },
    });
    expect(specOf(manifests[1])).toMatchObject({
      secretRef: { name: 'infra-git-auth' },
    });
    expect(
      buildGitopsSourceManifests(minimal).some(m => m.kind === 'Secret'),
    ).toBe(false);
  });
});

describe('gitopsSourceFiles', () => {
  it('writes one file per object and a kustomization.yaml listing them', () => {
    const files = gitopsSourceFiles(full);
    expect(Object.keys(files)).toEqual([
      'infrastructure/apps/gitrepository-apps.yaml',
      'infrastructure/apps/kustomization-apps.yaml',
      'infrastructure/apps/kustomization.yaml',
    ]);
    expect(files['infrastructure/apps/kustomization.yaml']).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  - gitrepository-apps.yaml',
        '  - kustomization-apps.yaml',
        '',
      ].join('\n'),
    );
    expect(
      files['infrastructure/apps/kustomization-apps.yaml'],
    ).toMatchSnapshot();
  });

  it('references the Secret but never holds it or its values', () => {
    const files = gitopsSourceFiles(minimal, { referencesSecret: true });
    const text = Object.values(files).join('\n');
    expect(files['infrastructure/infra/gitrepository-infra.yaml']).toContain(
      'secretRef:\n    name: infra-git-auth\n',
    );
    expect(text).not.toMatch(/kind: Secret|^data:|password|username/m);
    for (const value of Object.values(credentials)) {
      expect(text).not.toContain(value);
      expect(text).not.toContain(Buffer.from(value).toString('base64'));
    }
    expect(text).not.toContain(credentials.password);
    expect(
      gitopsSourceFiles(minimal)[
        'infrastructure/infra/gitrepository-infra.yaml'
      ],
    ).not.toContain('secretRef');
  });

  it('registers the folder relative to clusters/<cluster>/infrastructure', () => {
    expect(gitopsSourceClusterEntry(minimal)).toBe(
      '../../../infrastructure/infra',
    );
  });
});
