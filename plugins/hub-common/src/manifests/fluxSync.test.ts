import { parseFluxInstallInput } from './fluxInstallInput';
import { buildFluxSyncManifests, fluxSyncSecret } from './fluxSync';

const decode = (value: string) => Buffer.from(value, 'base64').toString('utf8');

describe('the Flux sync objects', () => {
  it('follows a Git branch as kustomize-controller under the lockdown, naming the Secret only when asked', () => {
    const input = parseFluxInstallInput({
      cluster: 'hub-eu',
      sync: { url: 'https://git.example.com/fleet.git' },
    });
    const [source, kustomization] = buildFluxSyncManifests(input, input.sync!, {
      referencesSecret: false,
    });
    expect(source).toMatchObject({
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        ref: { branch: 'main' },
        url: 'https://git.example.com/fleet.git',
      },
    });
    expect(source.spec).not.toHaveProperty('secretRef');
    expect(kustomization.spec).toEqual({
      interval: '10m',
      path: './clusters/hub-eu',
      prune: true,
      sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      serviceAccountName: 'kustomize-controller',
    });
    const unlocked = parseFluxInstallInput({
      multiTenancy: false,
      sync: { url: 'https://git.example.com/fleet.git' },
    });
    expect(
      buildFluxSyncManifests(unlocked, unlocked.sync!, {
        referencesSecret: true,
      })[1].spec,
    ).not.toHaveProperty('serviceAccountName');
  });

  it('follows an OCI artifact by semver', () => {
    const input = parseFluxInstallInput({
      namespace: 'gitops',
      sync: {
        kind: 'OCIRepository',
        url: 'oci://ghcr.io/acme/fleet',
        semver: '>=1.0.0',
      },
    });
    const [source, kustomization] = buildFluxSyncManifests(input, input.sync!, {
      referencesSecret: true,
    });
    expect(source).toMatchObject({
      kind: 'OCIRepository',
      metadata: { name: 'gitops', namespace: 'gitops' },
      spec: { ref: { semver: '>=1.0.0' }, secretRef: { name: 'gitops' } },
    });
    expect(kustomization.spec.sourceRef).toEqual({
      kind: 'OCIRepository',
      name: 'gitops',
    });
  });

  it('builds each credential Secret in the form its source reads', () => {
    const git = parseFluxInstallInput({
      sync: { url: 'https://git.example.com/fleet.git' },
    });
    const basic = fluxSyncSecret(git, git.sync!, {
      type: 'basic',
      username: 'bot',
      password: 'pät',
    });
    expect(basic.type).toBe('Opaque');
    expect({
      username: decode(basic.data.username),
      password: decode(basic.data.password),
    }).toEqual({
      username: 'bot',
      password: 'pät',
    });

    const ssh = fluxSyncSecret(git, git.sync!, {
      type: 'ssh',
      identity: 'KEY',
      knownHosts: 'git.example.com ssh-ed25519 AAAA',
    });
    expect(Object.keys(ssh.data).sort()).toEqual(['identity', 'known_hosts']);
    expect(decode(ssh.data.known_hosts)).toBe(
      'git.example.com ssh-ed25519 AAAA',
    );

    const oci = parseFluxInstallInput({
      sync: {
        kind: 'OCIRepository',
        url: 'oci://registry.example.com:5000/acme/fleet',
      },
    });
    const docker = fluxSyncSecret(oci, oci.sync!, {
      type: 'basic',
      username: 'bot',
      password: 'secret',
    });
    expect(docker.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(decode(docker.data['.dockerconfigjson']))).toEqual({
      auths: {
        'registry.example.com:5000': {
          username: 'bot',
          password: 'secret',
          auth: Buffer.from('bot:secret').toString('base64'),
        },
      },
    });
  });
});
