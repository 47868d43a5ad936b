# shellcheck shell=bash
# Sourced by scripts that need the local testbed. Starts it in the background, waits for
# READY, exports HUBSPOKE_TESTBED_STATE and stops it when the calling script exits.
# start_git_server runs the testbed's git server the same way; stop_testbed stops both.

testbed_pid=""
git_server_pid=""

stop_git_server() {
  if [ -n "$git_server_pid" ] && kill -0 "$git_server_pid" 2>/dev/null; then
    echo "gitserver: stopping (pid $git_server_pid)" >&2
    kill -TERM "$git_server_pid"
    wait "$git_server_pid" 2>/dev/null || true
  fi
}

stop_testbed() {
  stop_git_server
  if [ -n "$testbed_pid" ] && kill -0 "$testbed_pid" 2>/dev/null; then
    echo "testbed: stopping (pid $testbed_pid)" >&2
    kill -TERM "$testbed_pid"
    wait "$testbed_pid" 2>/dev/null || true
  fi
}

testbed_bin_dir() {
  echo "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/testbed/.build/bin"
}

# start_testbed DIR [launcher flags...]
start_testbed() {
  local dir="$1"
  shift
  local launcher
  launcher="$(testbed_bin_dir)/testbed"
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

# start_git_server DIR: serves the bare repositories in DIR/repositories over HTTP with
# basic auth on a free loopback port, and exports GIT_SERVER_URL, GIT_SERVER_ROOT,
# GIT_SERVER_USERNAME and GIT_SERVER_PASSWORD. Stopped by stop_testbed.
start_git_server() {
  local dir="$1"
  mkdir -p "$dir/repositories"
  GIT_SERVER_ROOT="$dir/repositories"
  GIT_SERVER_USERNAME=git
  GIT_SERVER_PASSWORD="$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export GIT_SERVER_ROOT GIT_SERVER_USERNAME GIT_SERVER_PASSWORD
  GITSERVER_PASSWORD="$GIT_SERVER_PASSWORD" "$(testbed_bin_dir)/gitserver" \
    --root "$GIT_SERVER_ROOT" --username "$GIT_SERVER_USERNAME" >"$dir/gitserver.out" 2>"$dir/gitserver.log" &
  git_server_pid=$!
  trap stop_testbed EXIT
  trap 'exit 130' INT TERM
  local _
  for _ in $(seq 1 100); do
    if grep -q '^READY ' "$dir/gitserver.out" 2>/dev/null; then
      GIT_SERVER_URL="$(sed -n 's/^READY //p' "$dir/gitserver.out")"
      export GIT_SERVER_URL
      echo "gitserver: ready ($GIT_SERVER_URL, repositories in $GIT_SERVER_ROOT)" >&2
      return 0
    fi
    if ! kill -0 "$git_server_pid" 2>/dev/null; then
      echo "gitserver: exited during start-up: $(cat "$dir/gitserver.log")" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "gitserver: not ready within 10 s; see $dir/gitserver.log" >&2
  return 1
}
