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
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  goModuleDir,
  readCustomResourceDefinitions,
  writeOrCheck,
} from '../../../scripts/lib/goModules.mts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** The Velero release whose server image the HelmRelease runs. */
const VELERO_VERSION = 'v1.18.3';
const MODULE = `github.com/vmware-tanzu/velero@${VELERO_VERSION}`;
const CRD_FOLDERS = ['config/crd/v1/bases', 'config/crd/v2alpha1/bases'];

/** The CustomResourceDefinitions of a folder's YAML files, in file name order. */
function readCrds(folder: string) {
  return readdirSync(folder)
    .filter(name => name.endsWith('.yaml'))
    .sort()
    .flatMap(name => readCustomResourceDefinitions(join(folder, name)));
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
writeOrCheck({
  generator: import.meta.url,
  target,
  content: generate(),
  source: 'the Velero module',
});
