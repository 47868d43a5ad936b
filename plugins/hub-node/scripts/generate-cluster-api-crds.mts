/**
 * Builds src/controlplane/cluster-api-crds-<version>.json from the Go module of Cluster
 * API: the CustomResourceDefinitions of the kinds hub:controlplane:plan declares,
 * Cluster (core/config/crd/bases) and KubeadmControlPlane
 * (controlplane/kubeadm/config/crd/bases), the files `clusterctl init` installs once
 * kustomize has added the conversion webhook. They are parsed, never edited; the tests
 * check the objects the action writes against them.
 *
 *   node plugins/hub-node/scripts/generate-cluster-api-crds.mts          writes the file
 *   node plugins/hub-node/scripts/generate-cluster-api-crds.mts --check  fails if it is stale
 *
 * Needs Go (the module comes from GOPROXY, with testbed/go-env.sh's shared proxy in front).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..');
const repoRoot = join(packageRoot, '..', '..');

const CLUSTER_API_VERSION = 'v1.14.2';
const MODULE = `sigs.k8s.io/cluster-api@${CLUSTER_API_VERSION}`;
const CRD_FILES = [
  'core/config/crd/bases/cluster.x-k8s.io_clusters.yaml',
  'controlplane/kubeadm/config/crd/bases/controlplane.cluster.x-k8s.io_kubeadmcontrolplanes.yaml',
];

function goModuleDir(module: string): string {
  const env = { ...process.env };
  const proxy = join(repoRoot, '..', 'shared', 'goproxy');
  if (existsSync(proxy)) {
    const upstream = execFileSync('go', ['env', 'GOPROXY'], { env })
      .toString()
      .trim();
    if (!upstream.startsWith(`file://${proxy}`)) {
      env.GOPROXY = `file://${proxy},${upstream}`;
    }
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

function readCrd(file: string): Record<string, unknown> {
  const crds = parseAllDocuments(readFileSync(file, 'utf8'))
    .map(document => {
      if (document.errors.length > 0) {
        throw new Error(`${file}: ${document.errors[0].message}`);
      }
      return document.toJS() as Record<string, unknown>;
    })
    .filter(object => object?.kind === 'CustomResourceDefinition');
  if (crds.length !== 1) {
    throw new Error(
      `${file}: expected one CustomResourceDefinition, found ${crds.length}`,
    );
  }
  return crds[0];
}

function generate(): string {
  const dir = goModuleDir(MODULE);
  const crds = CRD_FILES.map(file => readCrd(join(dir, file)));
  return `${JSON.stringify(
    { version: CLUSTER_API_VERSION, module: MODULE, files: CRD_FILES, crds },
    null,
    1,
  )}\n`;
}

const target = join(
  packageRoot,
  'src',
  'controlplane',
  `cluster-api-crds-${CLUSTER_API_VERSION}.json`,
);
const content = generate();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(
      `${target} does not match the Cluster API module; run node plugins/hub-node/scripts/generate-cluster-api-crds.mts`,
    );
    process.exit(1);
  }
  console.log(`${target} matches the Cluster API module`);
} else {
  writeFileSync(target, content);
  console.log(`wrote ${target} (${content.length} bytes)`);
}
