#!/usr/bin/env bash
# Builds the testbed's control plane binaries, kubeadm, the launcher and the test git server
# into testbed/.build/bin/ and fetches the KWOK stages and Flux CRDs into testbed/.build/,
# then runs build-flux.sh for the Flux controllers. Skips all work when nothing changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

# shellcheck source=go-env.sh source-path=SCRIPTDIR
source "$here/go-env.sh"

k8s_version=v1.36.3
kwok_version=v0.8.0
flux_modules=(
  source-controller@v1.9.4
  kustomize-controller@v1.9.5
  helm-controller@v1.6.4
  notification-controller@v1.9.3
)
kwok_stages=(
  node/fast/node-initialize.yaml
  node/heartbeat-with-lease/node-heartbeat-with-lease.yaml
  pod/fast/pod-ready.yaml
  pod/fast/pod-complete.yaml
  pod/fast/pod-delete.yaml
)
binaries=(kube-apiserver kube-controller-manager kube-scheduler kubectl kubeadm etcd etcdctl etcdutl kwok testbed gitserver)

out="$here/.build"
stamp="$out/stamp"

step_start=0
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
step() { step_start=$(now_ms); printf '==> %s\n' "$1"; }
done_step() {
  local ms=$(($(now_ms) - step_start))
  printf '    %d.%01ds\n' $((ms / 1000)) $((ms % 1000 / 100))
}

fingerprint() {
  {
    sha256sum go.mod go.sum build.sh go-env.sh
    find cmd -type f -name '*.go' | sort | xargs sha256sum
    go version
  } | sha256sum | cut -d' ' -f1
}

all_present() {
  local b
  for b in "${binaries[@]}"; do [ -x "$out/bin/$b" ] || return 1; done
  [ -s "$out/kwok-stages.yaml" ] && [ -d "$out/flux-crds" ]
}

check_pins() {
  local got
  got=$(go list -m -f '{{.Version}}' k8s.io/kubernetes)
  if [ "$got" != "$k8s_version" ]; then
    echo "go.mod resolves k8s.io/kubernetes $got, expected $k8s_version" >&2
    exit 1
  fi
}

# Run outside the wrapper module so the download does not touch go.mod or go.sum.
module_dir() {
  (cd "$tmp" && go mod download -json "$1") | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'
}

build_go() {
  local k8s_minor=${k8s_version#v1.}
  k8s_minor=${k8s_minor%%.*}
  local build_date
  build_date=$(go list -m -f '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}' k8s.io/kubernetes)
  local x="" pkg
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    x+=" -X $pkg.gitVersion=$k8s_version -X $pkg.gitMajor=1 -X $pkg.gitMinor=$k8s_minor"
    x+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$build_date"
  done
  local name
  # The testbed does not run kubeadm; tests validate generated kubeadm configurations with it.
  for name in kube-apiserver kube-controller-manager kube-scheduler kubectl kubeadm; do
    step "build $name"
    go build -trimpath -ldflags "-s -w$x" -o "$tmp/bin/$name" "k8s.io/kubernetes/cmd/$name"
    done_step
  done
  step "build etcd"
  go build -trimpath -ldflags "-s -w" -o "$tmp/bin/etcd" go.etcd.io/etcd/server/v3
  done_step
  for name in etcdctl etcdutl; do
    step "build $name"
    go build -trimpath -ldflags "-s -w" -o "$tmp/bin/$name" "go.etcd.io/etcd/$name/v3"
    done_step
  done
  step "build testbed launcher"
  go build -trimpath -ldflags "-s -w" -o "$tmp/bin/testbed" ./cmd/testbed
  done_step
  step "build gitserver"
  go build -trimpath -ldflags "-s -w" -o "$tmp/bin/gitserver" ./cmd/gitserver
  done_step
}

# KWOK lives outside the wrapper module: adding it would move grpc, otel and x/* under
# kube-apiserver and etcd away from the versions k8s.io/kubernetes pins.
build_kwok() {
  step "build kwok $kwok_version"
  (cd "$tmp" && GOBIN="$tmp/bin" go install -trimpath -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@$kwok_version")
  done_step
}

fetch_kwok_stages() {
  step "kwok stages"
  local dir f
  dir=$(module_dir "sigs.k8s.io/kwok@$kwok_version")
  for f in "${kwok_stages[@]}"; do
    echo "---"
    cat "$dir/kustomize/stage/$f"
  done > "$tmp/kwok-stages.yaml"
  done_step
}

fetch_flux_crds() {
  step "flux CRDs"
  mkdir -p "$tmp/flux-crds"
  local m dir
  for m in "${flux_modules[@]}"; do
    dir=$(module_dir "github.com/fluxcd/$m")
    cp "$dir"/config/crd/bases/*.yaml "$tmp/flux-crds/"
  done
  chmod -R u+w "$tmp/flux-crds"
  printf '    %s files\n' "$(find "$tmp/flux-crds" -name '*.yaml' | wc -l)"
  done_step
}

main() {
  mkdir -p "$out"
  # One build at a time (test runs call this script too); the next one finds the stamps.
  exec 9>"$out/build.lock"
  flock 9
  build_control_plane
  # The Flux controllers have stamps of their own: a launcher change does not relink them.
  "$here/build-flux.sh"
}

build_control_plane() {
  mkdir -p "$out"
  local key
  key=$(fingerprint)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] && all_present; then
    echo "testbed build is up to date ($out)"
    return
  fi

  local total_start
  total_start=$(date +%s)
  tmp=$(mktemp -d "$out/tmp.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/bin"

  step "download modules"
  go mod download
  check_pins
  done_step

  build_go
  build_kwok
  fetch_kwok_stages
  fetch_flux_crds

  # Replace whole entries with mv so a running testbed keeps its open binaries.
  mkdir -p "$out/bin"
  local b
  for b in "${binaries[@]}"; do mv -f "$tmp/bin/$b" "$out/bin/$b"; done
  mv -f "$tmp/kwok-stages.yaml" "$out/kwok-stages.yaml"
  rm -rf "$out/flux-crds.old"
  [ ! -d "$out/flux-crds" ] || mv "$out/flux-crds" "$out/flux-crds.old"
  mv "$tmp/flux-crds" "$out/flux-crds"
  rm -rf "$out/flux-crds.old"
  echo "$key" > "$stamp"
  rm -rf "$tmp"
  trap - EXIT
  printf 'testbed build done in %ds (%s)\n' "$(($(date +%s) - total_start))" "$out"
}

main "$@"
