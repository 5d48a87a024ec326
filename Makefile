# The two set-up commands are `make serve` and `make test`; everything else is
# a step they use. scripts/setup.sh installs what is missing and writes
# target/toolchain.env (the wasm toolchain it chose), sourced before wasm builds.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PORT ?= 8080
# Host toolchain (rustup) for native tests, benches and host tools.
NATIVE := export PATH="$$HOME/.cargo/bin:$$PATH";
WASM := source target/toolchain.env;

.PHONY: serve dist test test-native test-wasm test-e2e lint bench fuzz setup setup-test clean

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

serve: setup
	@echo "Serving the calculator at http://127.0.0.1:$(PORT)/ (storefront example: http://127.0.0.1:$(PORT)/examples/storefront.html)"
	@$(WASM) trunk serve --release --offline --port $(PORT) --address 127.0.0.1

dist: setup
	@$(WASM) trunk build --release --offline
	@scripts/report-size.sh dist

## Every test layer: lint, native unit/property tests, component tests in
## headless Chromium, then end-to-end flows against the built dist/.
test: setup-test lint test-native test-wasm test-e2e

lint:
	@$(NATIVE) cargo clippy --workspace --all-targets -- -D warnings

test-native:
	@$(NATIVE) cargo test --lib --bins --tests

test-wasm: setup-test
	@$(WASM) cargo test --target wasm32-unknown-unknown --test web

test-e2e: dist setup-test
	@$(NATIVE) cargo test -p optics-calc-e2e --test e2e -- --test-threads=1

bench: dist setup-test
	@$(NATIVE) cargo bench --bench evaluate

clean:
	rm -rf target dist
