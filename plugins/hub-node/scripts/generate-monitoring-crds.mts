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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  goModuleDir,
  readCustomResourceDefinition,
  writeOrCheck,
} from '../../../scripts/lib/goModules.mts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

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

function generate(): string {
  const dir = join(goModuleDir(MODULE), 'example', 'prometheus-operator-crd');
  const bundle = {
    version: OPERATOR_VERSION,
    module: MODULE,
    crds: CRD_FILES.map(file => readCustomResourceDefinition(join(dir, file))),
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
writeOrCheck({
  generator: import.meta.url,
  target,
  content: generate(),
  source: MODULE,
});
