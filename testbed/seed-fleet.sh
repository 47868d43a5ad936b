#!/usr/bin/env bash
# Seeds a testbed started with --flux from testbed/fleet/: pushes the folder as the first
# commit of a `fleet` repository on the running git server, applies the flux-system
# GitRepository (with its credentials Secret) and Kustomization for ./clusters/hub, and
# waits until every GitRepository and Kustomization in flux-system is Ready.
#
#   testbed/seed-fleet.sh KUBECONFIG
#
# The git server comes from GIT_SERVER_URL, GIT_SERVER_ROOT, GIT_SERVER_USERNAME and
# GIT_SERVER_PASSWORD (scripts/lib/testbed.sh's start_git_server exports them).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
kubeconfig="${1:?usage: seed-fleet.sh KUBECONFIG}"
: "${GIT_SERVER_URL:?} ${GIT_SERVER_ROOT:?} ${GIT_SERVER_USERNAME:?} ${GIT_SERVER_PASSWORD:?}"
timeout_s="${SEED_FLEET_TIMEOUT:-120}"
fleet_src="$here/fleet"
repo_url="$GIT_SERVER_URL/fleet.git"
kubectl() { "$here/.build/bin/kubectl" --kubeconfig "$kubeconfig" "$@"; }

now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
started=$(now_ms)
# A fresh repository each time: the testbed is new too.
rm -rf "$GIT_SERVER_ROOT/fleet.git"
git init --quiet --bare --initial-branch=main "$GIT_SERVER_ROOT/fleet.git"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
basic=$(printf '%s:%s' "$GIT_SERVER_USERNAME" "$GIT_SERVER_PASSWORD" | base64 -w0)
(
  cd "$work"
  export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_TERMINAL_PROMPT=0
  export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=http.extraHeader
  export GIT_CONFIG_VALUE_0="Authorization: Basic $basic"
  git init --quiet --initial-branch=main
  cp -r "$fleet_src"/. .
  git add --all
  git -c user.name="Hubspoke dev" -c user.email=dev@hubspoke.invalid \
    commit --quiet --message "Fleet for the local hub"
  git push --quiet "$repo_url" HEAD:refs/heads/main
)
revision=$(git --git-dir "$GIT_SERVER_ROOT/fleet.git" rev-parse main)
echo "seed-fleet: pushed $revision to $repo_url" >&2

kubectl apply --server-side --field-manager=hubspoke-dev -f - >/dev/null <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: flux-system
  namespace: flux-system
stringData:
  username: "$GIT_SERVER_USERNAME"
  password: "$GIT_SERVER_PASSWORD"
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 1m
  url: $repo_url
  ref:
    branch: main
  secretRef:
    name: flux-system
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 10m
  path: ./clusters/hub
  prune: true
  serviceAccountName: kustomize-controller
  sourceRef:
    kind: GitRepository
    name: flux-system
YAML

# Every object that must end up Ready: the two above and the Kustomizations in
# clusters/hub (flux-system creates them).
expected=(gitrepository/flux-system kustomization/flux-system)
for f in "$fleet_src"/clusters/hub/*.yaml; do
  name=$(sed -n 's/^  name: //p' "$f" | head -n1)
  expected+=("kustomization/$name")
done

ready_of() {
  kubectl -n flux-system get "$1" --ignore-not-found \
    -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null
}
pending=("${expected[@]}")
while [ ${#pending[@]} -gt 0 ]; do
  still=()
  for obj in "${pending[@]}"; do
    [ "$(ready_of "$obj")" = "True" ] || still+=("$obj")
  done
  pending=("${still[@]+"${still[@]}"}")
  [ ${#pending[@]} -eq 0 ] && break
  if [ $(($(now_ms) - started)) -ge $((timeout_s * 1000)) ]; then
    echo "seed-fleet: not Ready within ${timeout_s}s: ${pending[*]}" >&2
    kubectl -n flux-system get gitrepositories,kustomizations >&2 || true
    exit 1
  fi
  sleep 0.5
done
ms=$(($(now_ms) - started))
printf 'seed-fleet: %s Ready %d.%01d s after the push started\n' "${expected[*]}" $((ms / 1000)) $((ms % 1000 / 100)) >&2
