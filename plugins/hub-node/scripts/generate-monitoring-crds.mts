/**
 * Builds src/monitoring/crds/prometheus-operator-<version>.json from the Go module of
 * the Prometheus Operator: the CustomResourceDefinitions of the kinds hub:monitoring:install
 * creates (PodMonitor, PrometheusRule), read from the module's
 * example/prometheus-operator-crd folder, the files the operator's releases and
 * kube-prometheus-stack's crds subchart are made from. The files are parsed, never edited.
 *
 *   node plugins/hub-node/scripts/generate-monitoring-crds.mts          writes the file
 *   node plugins/hub-node/scripts/generate-monitoring-crds.mts --check  fails if it is stale
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

/**
 * The operator release whose CRDs kube-prometheus-stack 77.6.0 (the chart version the
 * action pins) ships, so the CRDs applied with `installCrds` are the ones the chart's
 * `upgrade.crds: CreateReplace` would write.
 */
const OPERATOR_VERSION = 'v0.85.0';
const MODULE = `github.com/prometheus-operator/prometheus-operator@${OPERATOR_VERSION}`;
const CRD_FILES = [
  'monitoring.coreos.com_podmonitors.yaml',
  'monitoring.coreos.com_prometheusrules.yaml',
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
  const documents = parseAllDocuments(readFileSync(file, 'utf8'))
    .map(document => {
      if (document.errors.length > 0) {
        throw new Error(`${file}: ${document.errors[0].message}`);
      }
      return document.toJS() as Record<string, unknown> | null;
    })
    .filter((value): value is Record<string, unknown> => value !== null);
  if (
    documents.length !== 1 ||
    documents[0].kind !== 'CustomResourceDefinition'
  ) {
    throw new Error(`${file}: expected exactly one CustomResourceDefinition`);
  }
  return documents[0];
}

function generate(): string {
  const dir = join(goModuleDir(MODULE), 'example', 'prometheus-operator-crd');
  const bundle = {
    version: OPERATOR_VERSION,
    module: MODULE,
    crds: CRD_FILES.map(file => readCrd(join(dir, file))),
  };
  return `${JSON.stringify(bundle, null, 1)}\n`;
}

const target = join(
  packageRoot,
  'src',
  'monitoring',
  'crds',
  `prometheus-operator-${OPERATOR_VERSION}.json`,
);
const content = generate();
if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(
      `${target} does not match ${MODULE}; run node plugins/hub-node/scripts/generate-monitoring-crds.mts`,
    );
    process.exit(1);
  }
  console.log(`${target} matches ${MODULE}`);
} else {
  writeFileSync(target, content);
  console.log(`wrote ${target} (${content.length} bytes)`);
}
