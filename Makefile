# Hubspoke: `make dev` runs the portal on the embedded default, `make test` runs every test.
# Every target goes through scripts/toolchain.sh, which brings Node 22 and Yarn when missing.

SHELL := /bin/bash
TOOLCHAIN := scripts/toolchain.sh
INSTALL_STAMP := node_modules/.hubspoke-install-stamp

.PHONY: dev test install build testbed lint typecheck unit-test browser-test postgres-test clean

dev: install testbed
	@scripts/dev.sh

test: install testbed
	@scripts/test-all.sh

install: $(INSTALL_STAMP)

$(INSTALL_STAMP): yarn.lock package.json $(wildcard packages/*/package.json plugins/*/package.json)
	$(TOOLCHAIN) yarn install --immutable
	@touch $@

# Type-checks and builds every package, the app bundle included.
build: install
	$(TOOLCHAIN) yarn tsc
	$(TOOLCHAIN) yarn backstage-cli repo build --all

testbed:
	testbed/build.sh

lint: install
	$(TOOLCHAIN) yarn backstage-cli repo lint

typecheck: install
	$(TOOLCHAIN) yarn tsc

unit-test: install
	CI=true $(TOOLCHAIN) yarn backstage-cli repo test

browser-test: install
	CI=true $(TOOLCHAIN) yarn playwright test

postgres-test: install
	$(TOOLCHAIN) node --test packages/backend/e2e-tests/production-postgres.test.mjs

clean:
	rm -rf node_modules .toolchain .hubspoke test-results testbed/.build
