/**
 * Builds src/backup/velero/velero-crds-<version>.json from Velero's Go module: the
 * CustomResourceDefinitions `velero install` installs (config/crd/v1/bases and
 * config/crd/v2alpha1/bases), parsed and never edited. hub:backup:configure applies
 * them itself, so the Velero chart is told to leave CRDs alone and the objects it
 * builds are checked against exactly these schemas.
 *
 *   node plugins/hub-node/scripts/generate-velero-crds.mts          writes the file
 *   node plugins/hub-node/scripts/generate-velero-crds.mts --check  fails if it is stale
 *
 * Needs Go (modules come from GOPROXY, with testbed/go-env.sh's shared proxy in front).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..');
const repoRoot = join(packageRoot, '..', '..');

/** The Velero release whose server image the HelmRelease runs. */
const VELERO_VERSION = 'v1.18.3';
const MODULE = `github.com/vmware-tanzu/velero@${VELERO_VERSION}`;
const CRD_FOLDERS = ['config/crd/v1/bases', 'config/crd/v2alpha1/bases'];

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

function readCrds(folder: string): Json[] {
  return readdirSync(folder)
    .filter(name => name.endsWith('.yaml'))
    .sort()
    .flatMap(name =>
      parseAllDocuments(readFileSync(join(folder, name), 'utf8')).map(
        document => {
          if (document.errors.length > 0) {
            throw new Error(`${name}: ${document.errors[0].message}`);
          }
          return document.toJS() as Json;
        },
      ),
    )
    .filter(crd => crd?.kind === 'CustomResourceDefinition');
}

function generate(): string {
  const dir = goModuleDir(MODULE);
  const crds = CRD_FOLDERS.flatMap(folder => readCrds(join(dir, folder)));
  return `${JSON.stringify(
    { version: VELERO_VERSION, module: MODULE, crds },
    null,
    1,
  )}\n`;
}

const target = join(
  packageRoot,
  'src',
  'backup',
  'velero',
  `velero-crds-${VELERO_VERSION}.json`,
);
const content = generate();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(
      `${target} does not match the Velero module; run node plugins/hub-node/scripts/generate-velero-crds.mts`,
    );
    process.exit(1);
  }
  console.log(`${target} matches the Velero module`);
} else {
  writeFileSync(target, content);
  console.log(`wrote ${target} (${content.length} bytes)`);
}
