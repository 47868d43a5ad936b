/**
 * Builds src/__fixtures__/kyverno-crds-<version>.json from Kyverno's Go module: the
 * ClusterPolicy CustomResourceDefinition in config/crds/kyverno, parsed and never
 * edited. The testbed does not run Kyverno; the hub:security:baseline tests install
 * this CRD there and check that the ClusterPolicies the action writes pass its schema.
 * The version is KYVERNO_VERSION in hub-common's security/kyvernoClusterPolicies.ts.
 *
 *   node plugins/scaffolder-backend-module-hub/scripts/generate-kyverno-crds.mts          writes the file
 *   node plugins/scaffolder-backend-module-hub/scripts/generate-kyverno-crds.mts --check  fails if it is stale
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

const KYVERNO_VERSION = 'v1.19.1';
const MODULE = `github.com/kyverno/kyverno@${KYVERNO_VERSION}`;
const CRD_FILES = ['config/crds/kyverno/kyverno.io_clusterpolicies.yaml'];

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

function readCrds(file: string): Json[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(document => {
      if (document.errors.length > 0) {
        throw new Error(`${file}: ${document.errors[0].message}`);
      }
      return document.toJS() as Json;
    })
    .filter(crd => crd?.kind === 'CustomResourceDefinition');
}

function generate(): string {
  const dir = goModuleDir(MODULE);
  const crds = CRD_FILES.flatMap(file => readCrds(join(dir, file)));
  return `${JSON.stringify({
    version: KYVERNO_VERSION,
    module: MODULE,
    crds,
  })}\n`;
}

const target = join(
  packageRoot,
  'src',
  '__fixtures__',
  `kyverno-crds-${KYVERNO_VERSION}.json`,
);
const content = generate();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(
      `${target} does not match the Kyverno module; run node plugins/scaffolder-backend-module-hub/scripts/generate-kyverno-crds.mts`,
    );
    process.exit(1);
  }
  console.log(`${target} matches the Kyverno module`);
} else {
  writeFileSync(target, content);
  console.log(`wrote ${target} (${content.length} bytes)`);
}
