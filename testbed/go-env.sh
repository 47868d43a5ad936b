# shellcheck shell=bash
# Sourced by the build scripts: how every Go build of the testbed runs.
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false

# The shared file proxy beside the repository holds modules the public proxy refuses
# (github.com/fluxcd/pkg/artifact v0.18.2); it only ever sits in front of the normal proxy.
shared_proxy="$(dirname "${BASH_SOURCE[0]}")/../../shared/goproxy"
if [ -d "$shared_proxy" ]; then
  shared_proxy_url="file://$(cd "$shared_proxy" && pwd)"
  case "$(go env GOPROXY)" in
    "$shared_proxy_url",*) ;;
    *) GOPROXY="$shared_proxy_url,$(go env GOPROXY)" && export GOPROXY ;;
  esac
fi
