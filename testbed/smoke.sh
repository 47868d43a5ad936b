#!/usr/bin/env bash
# Starts the testbed, checks that it works like a cluster, stops it and checks that
# nothing is left running. Extra arguments go to `testbed up`, e.g.
#   testbed/smoke.sh --etcd-members 3 --apiservers 2
#   testbed/smoke.sh --flux
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$here/build.sh"
bin="$here/.build/bin"

work=$(mktemp -d /tmp/testbed-smoke.XXXXXX)
dir="$work/testbed"
launcher_pid=""

fail() {
  echo "FAIL: $*" >&2
  echo "--- launcher stderr" >&2
  cat "$work/stderr" >&2 || true
  for log in "$dir"/logs/*.log; do
    [ -f "$log" ] || continue
    echo "--- tail $log" >&2
    tail -n 15 "$log" >&2
  done
  exit 1
}

cleanup() {
  if [ -n "$launcher_pid" ] && kill -0 "$launcher_pid" 2>/dev/null; then
    kill -TERM "$launcher_pid"
    wait "$launcher_pid" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

started=$(ms)
"$bin/testbed" up --dir "$dir" --flux-crds "$@" >"$work/stdout" 2>"$work/stderr" &
launcher_pid=$!

state=""
for _ in $(seq 1 1800); do
  state=$(sed -n 's/^READY //p' "$work/stdout")
  [ -n "$state" ] && break
  kill -0 "$launcher_pid" 2>/dev/null || fail "launcher exited before READY"
  sleep 0.1
done
[ -n "$state" ] || fail "no READY line within 180 s"
echo "READY after $(($(ms) - started)) ms: $state"
cat "$work/stderr"

kc=(--kubeconfig "$dir/kubeconfig")
k() { "$bin/kubectl" "${kc[@]}" "$@"; }

apiserver_urls=$(sed -n '/"apiserverURLs"/,/]/p' "$state" | grep -o 'https://[^"]*')
pids=$(grep -o '"pid": [0-9]*' "$state" | grep -o '[0-9]*$')

echo "== version"
k version -o yaml | grep -q 'gitVersion: v1.36.3' || fail "server is not v1.36.3"
k version

echo "== every apiserver answers /readyz"
for url in $apiserver_urls; do
  k --server "$url" get --raw /readyz >/dev/null || fail "$url /readyz"
  echo "$url ok"
done

echo "== nodes Ready"
k wait --for=condition=Ready node --all --timeout=30s
k get nodes -l type=kwok -o wide

echo "== a Deployment runs on KWOK nodes"
k create deployment smoke --image=registry.example/smoke:1 --replicas=3
k rollout status deployment/smoke --timeout=60s
k get pods -l app=smoke -o wide
running=$(k get pods -l app=smoke --field-selector=status.phase=Running -o name | wc -l)
[ "$running" -eq 3 ] || fail "$running of 3 pods Running"
for node in $(k get pods -l app=smoke -o jsonpath='{.items[*].spec.nodeName}'); do
  [ "$(k get node "$node" -o jsonpath='{.metadata.labels.type}')" = kwok ] || fail "pod on non-KWOK node $node"
done

echo "== PodSecurity restricted rejects a privileged pod"
k create namespace smoke-restricted
k label namespace smoke-restricted pod-security.kubernetes.io/enforce=restricted
if k -n smoke-restricted run priv --image=registry.example/smoke:1 --privileged 2>"$work/denied"; then
  fail "privileged pod admitted in a restricted namespace"
fi
grep -q 'violates PodSecurity "restricted' "$work/denied" || fail "unexpected denial: $(cat "$work/denied")"

echo "== a namespace finishes deleting"
k delete namespace smoke-restricted --timeout=60s

echo "== Flux CRDs established"
crds=$(find "$here/.build/flux-crds" -name '*.yaml' | wc -l)
established=$(k get crd -o jsonpath='{range .items[*]}{.metadata.name} {.status.conditions[?(@.type=="Established")].status}{"\n"}{end}' |
  grep -c 'fluxcd.io True' || true)
[ "$established" -eq "$crds" ] || fail "$established of $crds Flux CRDs established"
echo "$established Flux CRDs established"

if jq -e .flux "$state" >/dev/null; then
  echo "== Flux controllers answer /readyz (--flux)"
  for addr in $(jq -r '.flux.controllers[].healthAddr' "$state"); do
    curl -fsS "http://$addr/readyz" >/dev/null || fail "Flux controller at $addr not ready"
  done
  jq -r '.flux.controllers[].name' "$state" | tr '\n' ' '
  echo
fi

echo "== audit log fills"
[ -s "$dir/audit.log" ] || fail "audit log is empty"

echo "== SIGTERM stops everything"
stop_start=$(ms)
kill -TERM "$launcher_pid"
rc=0
wait "$launcher_pid" || rc=$?
launcher_pid=""
[ "$rc" -eq 0 ] || fail "launcher exited $rc after SIGTERM"
for pid in $pids; do
  ! kill -0 "$pid" 2>/dev/null || fail "pid $pid still running"
done
echo "stopped in $(($(ms) - stop_start)) ms, $(echo "$pids" | wc -w) processes gone"
echo "SMOKE OK"
