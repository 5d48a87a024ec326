# The two set-up commands are `make serve` and `make test`; everything else is
# a step they use. scripts/setup.sh installs what is missing and writes
# target/toolchain.env (the wasm toolchain it chose), sourced before wasm builds.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PORT ?= 8080
# Host toolchain (rustup) for native tests, benches and host tools.
NATIVE := export PATH="$$HOME/.cargo/bin:$$PATH";
WASM := source target/toolchain.env;
# Every wasm build erases each component's view type into an AnyView
# (leptos' `erase_components`): the app's views otherwise monomorphise into
# deeply nested generic types, and erasing them cut the shipped wasm by 19 KB
# gzipped (6%) at no measured cost in interaction (README, "Wasm size").
WASM_FLAGS := --cfg erase_components
# The shipped build also rebuilds std with panics that trap at once, with no
# message formatting (`-Cpanic=immediate-abort`): another 22 KB gzipped. A
# panic is then a bare wasm trap, which the loader already isolates; the
# test builds keep their messages (console_error_panic_hook).
DIST_ENV := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  RUSTFLAGS="$(WASM_FLAGS) -Zunstable-options -Cpanic=immediate-abort"

# The Shopify theme app extension's assets, from dist/ (README, "Install on a Shopify store").
SHOPIFY_EXT := shopify/extensions/optics-calculator

.PHONY: serve dev dist shopify site-ci test test-browser test-native test-wasm test-e2e test-engines lint bench fuzz setup setup-test clean

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

serve: dist
	@node scripts/serve.mjs dist $(PORT)

# The development loop: Trunk rebuilds on every saved change and reloads the
# page; the `ci` profile shares its compiled dependencies with the tests.
dev: setup
	@$(WASM) OPTICS_DEV=1 RUSTFLAGS="$(WASM_FLAGS)" trunk serve --offline --cargo-profile ci --port $(PORT)

# Trunk builds the page (index.html), the wasm, styles and icons; its
# post_build hook (scripts/site/post-build.mjs) adds the rest (README, "Build pipeline").
dist: setup
	@$(WASM) $(DIST_ENV) trunk build --release --offline
	@scripts/report-size.sh dist

# The Shopify app block's assets/ (the loader, glue, wasm and stylesheet of
# this build), then Shopify's Theme Check on the extension.
shopify: dist
	@node scripts/shopify-assets.mjs dist $(SHOPIFY_EXT)
	@node scripts/theme-check.mjs $(SHOPIFY_EXT)

## Every layer, cheapest first: formatting and clippy, native unit,
## hand-worked and property tests, components in headless Chromium, then
## end-to-end flows against a site built from these sources. From a clean
## clone on a fresh 2-core machine: ~7 min (README, "Tests").
test: lint test-native test-wasm test-e2e

# The browser layers alone.
test-browser: test-wasm test-e2e

# Clippy twice: natively (the model, tests, benches, tools) and for wasm32,
# where the UI, the embed API and the component tests are compiled.
lint: setup-test
	@$(NATIVE) if cargo fmt --version >/dev/null 2>&1; then cargo fmt --all --check; \
	  else echo "lint: rustfmt is not installed (rustup component add rustfmt): formatting not checked"; fi
	@$(NATIVE) cargo clippy --all-targets -- -D warnings
	@$(WASM) RUSTFLAGS="$(WASM_FLAGS)" cargo clippy --profile ci --target wasm32-unknown-unknown --features bench --lib --bins --test web -- -D warnings

test-native:
	@$(NATIVE) cargo test --lib --bins --tests

# The browser layers build with the `ci` profile (Cargo.toml): release code
# paths at a fraction of the compile time of `make dist`'s size-tuned build,
# and the app and the wasm test binary share every compiled dependency.
CI_SITE := target/site-ci

# The runner's default limit (20 s for the whole file) is shorter than the
# Monte Carlo cases take on a slow machine.
test-wasm: setup-test
	@$(WASM) RUSTFLAGS="$(WASM_FLAGS)" WASM_BINDGEN_TEST_TIMEOUT=600 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=30 \
	  cargo test --profile ci --target wasm32-unknown-unknown --test web

# Trunk's dev mode: no wasm-opt, the `ci` profile's wasm.
site-ci: setup-test
	@$(WASM) RUSTFLAGS="$(WASM_FLAGS)" trunk build --offline --cargo-profile ci --dist $(CI_SITE)

# Node's test runner drives Debian's Chromium through playwright-core, and
# Firefox ESR and WebKitGTK over WebDriver (tests/e2e/engines.test.mjs); the
# natively built examples/report.rs is the oracle for the figures.
test-e2e: site-ci
	@$(NATIVE) cargo build -q --example report
	@OPTICS_DIST=$(CI_SITE) node --test --test-concurrency=1 tests/e2e/*.test.mjs

# The Firefox and WebKit cases alone.
test-engines: site-ci
	@$(NATIVE) cargo build -q --example report
	@OPTICS_DIST=$(CI_SITE) node --test tests/e2e/engines.test.mjs

# Native criterion figures, each crate's gzipped share of the wasm, then the
# built page in headless Chromium; one table against the budgets and
# target/bench.json (scripts/bench-browser.mjs); then Lighthouse's mobile
# preset on the standalone and the example product page (scripts/bench-lighthouse.mjs);
# then the widget's time to its first figure under mobile throttling (scripts/bench-widget.mjs).
# The model's own speed in wasm is timed through an export the shipped wasm
# does not carry: a copy of the release site built with the `bench` feature
# (its own target dir, so that neither build undoes the other's cache).
BENCH_SITE := target/bench-site
bench: dist setup-test
	@$(NATIVE) cargo bench -p optics-calc-bench --bench evaluate
	@$(WASM) node scripts/wasm-size-by-crate.mjs target/wasm/wasm32-unknown-unknown/release/optics-calc.wasm \
	  --json target/wasm-size.json
	@$(WASM) $(DIST_ENV) CARGO_TARGET_DIR=target/wasm-bench trunk build --release --offline --features bench --dist $(BENCH_SITE) >/dev/null
	@OPTICS_BENCH_SITE=$(BENCH_SITE) node scripts/bench-browser.mjs
	@CHROME_PATH=/usr/bin/chromium node scripts/bench-lighthouse.mjs
	@node scripts/bench-widget.mjs

clean:
	rm -rf target dist

## The share-link decoder against 2 x 1,000,000 generated links (release build).
fuzz:
	@$(NATIVE) FUZZ_CASES=1000000 cargo test --release --test share_links fuzz_ -- --nocapture
