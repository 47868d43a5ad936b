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
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  goModuleDir,
  readCustomResourceDefinition,
  writeOrCheck,
} from '../../../scripts/lib/goModules.mts';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

const CLUSTER_API_VERSION = 'v1.14.2';
const MODULE = `sigs.k8s.io/cluster-api@${CLUSTER_API_VERSION}`;
const CRD_FILES = [
  'core/config/crd/bases/cluster.x-k8s.io_clusters.yaml',
  'controlplane/kubeadm/config/crd/bases/controlplane.cluster.x-k8s.io_kubeadmcontrolplanes.yaml',
];

function generate(): string {
  const dir = goModuleDir(MODULE);
  const crds = CRD_FILES.map(file =>
    readCustomResourceDefinition(join(dir, file)),
  );
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
writeOrCheck({
  generator: import.meta.url,
  target,
  content: generate(),
  source: 'the Cluster API module',
});
