# shellcheck shell=bash
# Sourced by scripts that need the local testbed. Starts it in the background, waits for
# READY, exports HUBSPOKE_TESTBED_STATE and stops it when the calling script exits.

testbed_pid=""

stop_testbed() {
  if [ -n "$testbed_pid" ] && kill -0 "$testbed_pid" 2>/dev/null; then
    echo "testbed: stopping (pid $testbed_pid)" >&2
    kill -TERM "$testbed_pid"
    wait "$testbed_pid" 2>/dev/null || true
  fi
}

# start_testbed DIR [launcher flags...]
start_testbed() {
  local dir="$1"
  shift
  local launcher
  launcher="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/testbed/.build/bin/testbed"
  echo "testbed: starting in $dir" >&2
  "$launcher" up --dir "$dir" "$@" >"$dir.out" 2>"$dir.log" &
  testbed_pid=$!
  trap stop_testbed EXIT
  trap 'exit 130' INT TERM
  local _
  for _ in $(seq 1 600); do
    if grep -q '^READY ' "$dir.out" 2>/dev/null; then
      HUBSPOKE_TESTBED_STATE="$(sed -n 's/^READY //p' "$dir.out")"
      export HUBSPOKE_TESTBED_STATE
      echo "testbed: ready ($HUBSPOKE_TESTBED_STATE)" >&2
      return 0
    fi
    if ! kill -0 "$testbed_pid" 2>/dev/null; then
      echo "testbed: stopped during start-up; $dir.log ends with:" >&2
      tail -n 30 "$dir.log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "testbed: not ready within 120 s; see $dir.log" >&2
  return 1
}
