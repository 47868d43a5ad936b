#!/usr/bin/env bash
# What `make test` runs: lint, type check, unit and integration tests, browser tests and
# the production-config test on PostgreSQL, with the wall time of each phase.
# One testbed serves every phase that talks to Kubernetes.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
export CI="${CI:-true}"
run_dir="$repo_root/.hubspoke/test"
mkdir -p "$run_dir"

passed=0
phase() {
  local name="$1"
  shift
  local started=$SECONDS
  echo "==> $name"
  "$@"
  passed=$((passed + 1))
  echo "<== $name: $((SECONDS - started)) s"
}

toolchain=scripts/toolchain.sh
phase lint $toolchain yarn backstage-cli repo lint
phase typecheck $toolchain yarn tsc
# The upstream manifests the actions ship (Flux, Prometheus Operator, Kyverno CRDs) must be
# what the pinned Go modules hold.
for generator in plugins/hub-node/scripts/generate-flux-distribution.mts \
  plugins/hub-node/scripts/generate-monitoring-crds.mts \
  plugins/hub-node/scripts/generate-velero-crds.mts \
  plugins/hub-node/scripts/generate-cluster-api-crds.mts \
  plugins/scaffolder-backend-module-hub/scripts/generate-kyverno-crds.mts; do
  phase "fresh $(basename "$generator" .mts)" bash -c "source testbed/go-env.sh && $toolchain node $generator --check"
done

# shellcheck source=scripts/lib/testbed.sh
source scripts/lib/testbed.sh
phase testbed start_testbed "$run_dir/testbed-$(date +%Y%m%d-%H%M%S)" --flux

phase unit-and-integration-tests $toolchain yarn backstage-cli repo test
phase browser-tests $toolchain yarn playwright test
phase postgres-test $toolchain node --test packages/backend/e2e-tests/production-postgres.test.mjs

echo "make test: $passed passed, 0 failed"
