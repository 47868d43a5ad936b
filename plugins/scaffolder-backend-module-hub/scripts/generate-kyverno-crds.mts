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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  goModuleDir,
  readCustomResourceDefinitions,
  writeOrCheck,
} from '../../../scripts/lib/goModules.mts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

const KYVERNO_VERSION = 'v1.19.1';
const MODULE = `github.com/kyverno/kyverno@${KYVERNO_VERSION}`;
const CRD_FILES = ['config/crds/kyverno/kyverno.io_clusterpolicies.yaml'];

function generate(): string {
  const dir = goModuleDir(MODULE);
  const crds = CRD_FILES.flatMap(file =>
    readCustomResourceDefinitions(join(dir, file)),
  );
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
writeOrCheck({
  generator: import.meta.url,
  target,
  content: generate(),
  source: 'the Kyverno module',
});
