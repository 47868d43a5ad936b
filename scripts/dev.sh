#!/usr/bin/env bash
# Starts the portal: backend on :7007, app on :3000.
# The hub is the local testbed unless app-config.local.yaml configures hubspoke.hub;
# HUBSPOKE_TESTBED_STATE may name the testbed.json of a testbed that is already running.
# A testbed started here runs Flux, with a local git server serving testbed/fleet/ as
# the `fleet` repository that flux-system reconciles (testbed/seed-fleet.sh).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run_dir="$repo_root/.hubspoke/dev"
local_config="$repo_root/app-config.local.yaml"
mkdir -p "$run_dir"
cd "$repo_root"

configs=(--config "$repo_root/app-config.yaml")
if [ -f "$local_config" ]; then
  configs+=(--config "$local_config")
fi

local_config_sets_hub() {
  [ -f "$local_config" ] || return 1
  scripts/toolchain.sh node -e '
    const { parse } = require("yaml");
    const config = parse(require("fs").readFileSync(process.argv[1], "utf8")) ?? {};
    process.exit(config.hubspoke?.hub ? 0 : 1);
  ' "$local_config"
}

testbed_kubeconfig() {
  scripts/toolchain.sh node -p 'require(process.argv[1]).kubeconfig' "$HUBSPOKE_TESTBED_STATE"
}

write_testbed_hub_config() {
  local kubeconfig
  kubeconfig="$(testbed_kubeconfig)"
  cat >"$run_dir/app-config.testbed.yaml" <<YAML
# Written by scripts/dev.sh: the local testbed is the hub.
hubspoke:
  hub:
    name: hub
    title: Local testbed hub
    auth:
      type: kubeconfig
      kubeconfigPath: $kubeconfig
YAML
  configs+=(--config "$run_dir/app-config.testbed.yaml")
}

if local_config_sets_hub; then
  echo "dev: app-config.local.yaml configures hubspoke.hub; not starting the testbed" >&2
else
  if [ -z "${HUBSPOKE_TESTBED_STATE:-}" ]; then
    # shellcheck source=scripts/lib/testbed.sh
    source scripts/lib/testbed.sh
    stamp="$(date +%Y%m%d-%H%M%S)"
    start_testbed "$run_dir/testbed-$stamp" --flux
    start_git_server "$run_dir/gitserver-$stamp"
    testbed/seed-fleet.sh "$(testbed_kubeconfig)"
  fi
  write_testbed_hub_config
  echo "dev: hub = testbed ($HUBSPOKE_TESTBED_STATE)" >&2
fi

# The portal runs in a process group of its own so that stopping this script stops all of it.
setsid scripts/toolchain.sh yarn start "${configs[@]}" &
portal_pid=$!
stop_portal() {
  kill -TERM -- "-$portal_pid" 2>/dev/null || true
  wait "$portal_pid" 2>/dev/null || true
  if declare -F stop_testbed >/dev/null; then
    stop_testbed
  fi
}
trap stop_portal EXIT
trap 'exit 130' INT TERM
wait "$portal_pid"
