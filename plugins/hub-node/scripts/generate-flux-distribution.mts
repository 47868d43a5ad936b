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
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..');
const repoRoot = join(packageRoot, '..', '..');

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

type Json = Record<string, unknown>;

function goModuleDir(module: string): string {
  const env = { ...process.env };
  const proxy = join(repoRoot, '..', 'shared', 'goproxy');
  if (existsSync(proxy)) {
    const upstream = execFileSync('go', ['env', 'GOPROXY'], { env })
      .toString()
      .trim();
    env.GOPROXY = `file://${proxy},${upstream}`;
  }
  env.GOFLAGS = '-mod=mod';
  const out = execFileSync('go', ['mod', 'download', '-json', module], {
    env,
    cwd: packageRoot,
  }).toString();
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) {
    throw new Error(`go mod download ${module}: ${info.Error ?? 'no Dir'}`);
  }
  return info.Dir;
}

function readDocuments(file: string): Json[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(document => {
      if (document.errors.length > 0) {
        throw new Error(`${file}: ${document.errors[0].message}`);
      }
      return document.toJS() as Json | null;
    })
    .filter((value): value is Json => value !== null);
}

function readKustomization(dir: string): Json {
  const [kustomization] = readDocuments(join(dir, 'kustomization.yaml'));
  return kustomization;
}

/** The resources a kustomization.yaml lists, read in its order. */
function readResources(dir: string): Json[] {
  const resources = (readKustomization(dir).resources ?? []) as string[];
  return resources.flatMap(resource => readDocuments(join(dir, resource)));
}

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
const content = generate();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(
      `${target} does not match the Flux modules; run node plugins/hub-node/scripts/generate-flux-distribution.mts`,
    );
    process.exit(1);
  }
  console.log(`${target} matches the Flux modules`);
} else {
  writeFileSync(target, content);
  console.log(`wrote ${target} (${content.length} bytes)`);
}
