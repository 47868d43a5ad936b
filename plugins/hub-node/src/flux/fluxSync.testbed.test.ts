import { mockServices } from '@backstage/backend-test-utils';
import {
  buildFluxSyncManifests,
  fluxSyncSecret,
  parseFluxInstallInput,
} from '@hubspoke/backstage-plugin-hub-common';
import {
  connectToTestbed,
  createTestNamespace,
  TestNamespace,
} from '@hubspoke/testbed';
import { KubernetesObject } from '@kubernetes/client-node';
import { createApplyEngine } from '../apply/createApplyEngine';

const { kubeConfig } = connectToTestbed();
const engine = createApplyEngine({
  kubeConfig,
  logger: mockServices.logger.mock(),
});
const namespaces: TestNamespace[] = [];

afterAll(() => Promise.all(namespaces.map(n => n.delete())));

describe('the sync objects of every source kind against the real Flux CRDs', () => {
  it.each([
    [
      'GitRepository over ssh',
      { url: 'ssh://git@git.example.com/acme/fleet.git', tag: 'v1.2.0' },
      {
        type: 'ssh' as const,
        identity: 'KEY',
        knownHosts: 'git.example.com ssh-ed25519 AAAA',
      },
    ],
    [
      'OCIRepository with registry credentials',
      {
        kind: 'OCIRepository',
        url: 'oci://ghcr.io/acme/fleet',
        semver: '>=1.0.0',
      },
      { type: 'basic' as const, username: 'bot', password: 'secret' },
    ],
  ])(
    '%s is accepted, and a second apply changes nothing',
    async (_, sync, credentials) => {
      // Its own namespace: a Secret's type cannot change, and Git and OCI Secrets differ.
      const namespace = await createTestNamespace(kubeConfig, 'flux-sync');
      namespaces.push(namespace);
      const input = parseFluxInstallInput({ namespace: namespace.name, sync });
      const objects = [
        fluxSyncSecret(input, input.sync!, credentials),
        ...buildFluxSyncManifests(input, input.sync!, {
          referencesSecret: true,
        }),
      ] as KubernetesObject[];
      const first = await engine.apply(objects);
      // The Secret and the Kustomization carry over between the cases; the source is new.
      expect(first.objects.find(o => o.kind === input.sync!.kind)?.action).toBe(
        'create',
      );
      const second = await engine.apply(objects);
      expect(second.objects.map(o => o.action)).toEqual([
        'unchanged',
        'unchanged',
        'unchanged',
      ]);
    },
  );
});
