/**
 * What the generators of upstream manifests share (plugins/hub-node/scripts and
 * plugins/scaffolder-backend-module-hub/scripts): the folder of a pinned Go module, its
 * YAML files read as plain objects, never edited, and the step that writes the generated
 * file or, with --check, fails when the committed one no longer matches the module.
 *
 * Needs Go: modules come from GOPROXY, with the shared file proxy beside the repository
 * in front, as testbed/go-env.sh sets it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export type Json = Record<string, unknown>;

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** GOPROXY with the shared proxy in front, once, when the proxy is there. */
function goProxyEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env, GOFLAGS: '-mod=mod' };
  const proxy = join(repoRoot, '..', 'shared', 'goproxy');
  if (existsSync(proxy)) {
    const upstream = execFileSync('go', ['env', 'GOPROXY'], { env })
      .toString()
      .trim();
    if (!upstream.startsWith(`file://${proxy}`)) {
      env.GOPROXY = `file://${proxy},${upstream}`;
    }
  }
  return env;
}

/** The module cache folder of `module` (`path@version`), downloaded if needed. */
export function goModuleDir(module: string): string {
  const out = execFileSync('go', ['mod', 'download', '-json', module], {
    env: goProxyEnv(),
    cwd: repoRoot,
  }).toString();
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) {
    throw new Error(`go mod download ${module}: ${info.Error ?? 'no Dir'}`);
  }
  return info.Dir;
}

/** The documents of a YAML file in order, empty ones left out. */
export function readDocuments(file: string): Json[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(document => {
      if (document.errors.length > 0) {
        throw new Error(`${file}: ${document.errors[0].message}`);
      }
      return document.toJS() as Json | null;
    })
    .filter((value): value is Json => value !== null);
}

export function readKustomization(dir: string): Json {
  const [kustomization] = readDocuments(join(dir, 'kustomization.yaml'));
  return kustomization;
}

/** The resources a kustomization.yaml lists, read in its order. */
export function readResources(dir: string): Json[] {
  const resources = (readKustomization(dir).resources ?? []) as string[];
  return resources.flatMap(resource => readDocuments(join(dir, resource)));
}

/** The CustomResourceDefinitions among a YAML file's documents. */
export function readCustomResourceDefinitions(file: string): Json[] {
  return readDocuments(file).filter(
    document => document.kind === 'CustomResourceDefinition',
  );
}

/** The one CustomResourceDefinition a YAML file holds. */
export function readCustomResourceDefinition(file: string): Json {
  const crds = readCustomResourceDefinitions(file);
  if (crds.length !== 1) {
    throw new Error(
      `${file}: expected one CustomResourceDefinition, found ${crds.length}`,
    );
  }
  return crds[0];
}

/**
 * Writes `content` to `target`, or with --check on the command line exits 1 when the
 * file differs. `generator` is the calling script's import.meta.url, named in the
 * message that says how to regenerate; `source` says what the file must match.
 */
export function writeOrCheck(options: {
  generator: string;
  target: string;
  content: string;
  source: string;
}): void {
  const { generator, target, content, source } = options;
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== content) {
      const script = relative(repoRoot, fileURLToPath(generator));
      console.error(`${target} does not match ${source}; run node ${script}`);
      process.exit(1);
    }
    console.log(`${target} matches ${source}`);
  } else {
    writeFileSync(target, content);
    console.log(`wrote ${target} (${content.length} bytes)`);
  }
}
