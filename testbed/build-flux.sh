#!/usr/bin/env bash
# Builds the Flux controllers into testbed/.build/bin/ from their Go modules. Called by
# build.sh; each controller has its own stamp, so a controller is only rebuilt when its
# version, this script or the Go version changes.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

# shellcheck source=go-env.sh source-path=SCRIPTDIR
source "$here/go-env.sh"

# The versions Flux v2.9.5 pins, except notification-controller: the proxy refuses v1.9.4.
# v1.10.x needs Go 1.27.
flux_modules=(
  source-controller@v1.9.4
  kustomize-controller@v1.9.5
  helm-controller@v1.6.4
  notification-controller@v1.9.3
)
# The launcher runs without notification-controller (no events) when it could not be built.
optional=(notification-controller)

out="$here/.build"
stamps="$out/flux-stamps"

step_start=0
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
step() { step_start=$(now_ms); printf '==> %s\n' "$1"; }
done_step() {
  local ms=$(($(now_ms) - step_start))
  printf '    %d.%01ds\n' $((ms / 1000)) $((ms % 1000 / 100))
}

fingerprint() {
  { echo "$1"; sha256sum "$here/build-flux.sh" "$here/go-env.sh"; go version; } | sha256sum | cut -d' ' -f1
}

is_optional() {
  local o
  for o in "${optional[@]}"; do [ "$o" = "$1" ] && return 0; done
  return 1
}

# build_controller NAME@VERSION (called under `if`, where set -e is off: every step
# checks its status): copies the module (the proxy's zip leaves out the nested
# api module, so its `replace => ./api` is dropped and the published api module is used)
# and builds main.go at its root.
build_controller() {
  local module="$1" name="${1%@*}"
  local src="$tmp/src/$name" dir
  step "download $module"
  dir=$( (cd "$tmp" && go mod download -json "github.com/fluxcd/$module") | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [ -n "$dir" ] || { echo "go mod download github.com/fluxcd/$module gave no Dir" >&2; return 1; }
  cp -r "$dir" "$src" && chmod -R u+w "$src" || return 1
  # Adds go.sum lines for the api module, then fetches what the build imports. Neither
  # `go mod tidy` nor a bare `go mod download`: they want test-only dependencies that the
  # proxy refuses.
  (cd "$src" && go mod edit "-dropreplace=github.com/fluxcd/$name/api" &&
    go mod download "github.com/fluxcd/$name/api" && go list -deps . >/dev/null) || return 1
  done_step
  step "build $name"
  (cd "$src" && go build -trimpath -ldflags "-s -w" -o "$tmp/bin/$name" .) || return 1
  done_step
}

main() {
  mkdir -p "$out/bin" "$stamps"
  exec 8>"$out/build-flux.lock"
  flock 8
  local module name key todo=()
  for module in "${flux_modules[@]}"; do
    name="${module%@*}"
    key=$(fingerprint "$module")
    if [ -x "$out/bin/$name" ] && [ "$(cat "$stamps/$name" 2>/dev/null)" = "$key" ]; then
      continue
    fi
    todo+=("$module")
  done
  if [ ${#todo[@]} -eq 0 ]; then
    echo "flux controllers are up to date ($out/bin)"
    return
  fi

  local total_start failed=()
  total_start=$(date +%s)
  tmp=$(mktemp -d "$out/tmp-flux.XXXXXX")
  trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/bin" "$tmp/src"
  for module in "${todo[@]}"; do
    name="${module%@*}"
    if ! build_controller "$module"; then
      if is_optional "$name"; then
        echo "WARNING: $module did not build; the testbed runs Flux without it" >&2
        failed+=("$name")
        continue
      fi
      echo "$module did not build" >&2
      exit 1
    fi
    # mv, so a running testbed keeps its open binary.
    mv -f "$tmp/bin/$name" "$out/bin/$name"
    fingerprint "$module" > "$stamps/$name"
  done
  printf 'flux controllers built in %ds (%s)\n' "$(($(date +%s) - total_start))" "$out/bin"
  [ ${#failed[@]} -eq 0 ] || printf 'not built: %s\n' "${failed[*]}"
}

main "$@"
