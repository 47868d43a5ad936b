/**
 * Builds src/flux/distribution/flux-<version>.json from the Go modules of Flux: the
 * CRDs and manager manifests in each controller module's config/ folder, and the
 * install layer `flux install` puts on top (manifests/ of github.com/fluxcd/flux2/v2).
 * The files are parsed, never edited: the transformations `flux install` performs are
 * code in src/flux/, tested there.
 *
 *   node plugins/hub-node/scripts/generate-flux-distribution.mts          writes the file
 *   node plugins/hub-node/scripts/generate-flux-distribution.mts --check  fails if it is stale
 *
 * Needs Go (modules come from GOPROXY, with testbed/go-env.sh's shared proxy in front).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  goModuleDir,
  readDocuments,
  readKustomization,
  readResources,
  writeOrCheck,
} from '../../../scripts/lib/goModules.mts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Flux v2.9.5's install layer with the controller releases the Go proxy serves. v2.9.5
 * pins source-controller v1.9.5 and notification-controller v1.9.4; the proxy refuses
 * notification-controller v1.9.4, and the testbed runs source-controller v1.9.4 (its
 * dependency fluxcd/pkg/artifact v0.18.2 is the one the shared proxy holds), so these
 * are the releases that are installed and tested together. The image automation
 * controllers and source-watcher are refused by the proxy and are not offered.
 */
const FLUX_VERSION = 'v2.9.5';
const CONTROLLERS: Record<string, string> = {
  'source-controller': 'v1.9.4',
  'kustomize-controller': 'v1.9.5',
  'helm-controller': 'v1.6.4',
  'notification-controller': 'v1.9.3',
};

function managerImageTag(managerDir: string, controller: string): string {
  const images = (readKustomization(managerDir).images ?? []) as Array<{
    name: string;
    newTag?: string;
  }>;
  const tag = images.find(i => i.name === `fluxcd/${controller}`)?.newTag;
  if (!tag) {
    throw new Error(`${managerDir}: no image tag for fluxcd/${controller}`);
  }
  return tag;
}

function readController(flux2: string, controller: string, version: string) {
  const module = goModuleDir(`github.com/fluxcd/${controller}@${version}`);
  const base = join(flux2, 'manifests', 'bases', controller);
  const [labels] = readDocuments(join(base, 'labels.yaml'));
  return {
    version,
    module: `github.com/fluxcd/${controller}@${version}`,
    imageTag: managerImageTag(join(module, 'config', 'manager'), controller),
    crds: readResources(join(module, 'config', 'crd')),
    manager: readResources(join(module, 'config', 'manager')),
    account: readDocuments(join(base, 'account.yaml')),
    componentLabels: labels.labels,
    patch: readDocuments(join(base, 'patch.yaml'))[0],
  };
}

function generate(): string {
  const flux2 = goModuleDir(`github.com/fluxcd/flux2/v2@${FLUX_VERSION}`);
  const manifests = join(flux2, 'manifests');
  const distribution = {
    version: FLUX_VERSION,
    module: `github.com/fluxcd/flux2/v2@${FLUX_VERSION}`,
    namespace: readDocuments(join(manifests, 'install', 'namespace.yaml'))[0],
    rbac: readResources(join(manifests, 'rbac')),
    policies: readResources(join(manifests, 'policies')),
    components: Object.fromEntries(
      Object.entries(CONTROLLERS).map(([controller, version]) => [
        controller,
        readController(flux2, controller, version),
      ]),
    ),
  };
  return `${JSON.stringify(distribution, null, 1)}\n`;
}

const target = join(
  packageRoot,
  'src',
  'flux',
  'distribution',
  `flux-${FLUX_VERSION}.json`,
);
writeOrCheck({
  generator: import.meta.url,
  target,
  content: generate(),
  source: 'the Flux modules',
});
