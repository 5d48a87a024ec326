#!/usr/bin/env bash
# Installs whatever the build needs and is missing, then writes target/toolchain.env,
# which the Makefile sources before every wasm build.
#
#   scripts/setup.sh build   toolchain for wasm, wasm-bindgen-cli, wasm-opt, Trunk
#   scripts/setup.sh test    the above plus headless Chromium and chromedriver, Firefox ESR
#                            and geckodriver, WebKitGTK's WebDriver and Xvfb
#
# The toolchain choice is automatic and remembered in target/toolchain.env:
#   rustup  - rustup's own wasm32-unknown-unknown target, where it can be downloaded;
#   debian  - Debian's rustc-web with std built from source (see ../shared/TOOLCHAIN.md),
#             where rustup's download host is unreachable.
# A second run checks versions only and takes about a second.
set -euo pipefail

want=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p target
envfile=target/toolchain.env
DEBIAN_PACKAGES_BUILD="rustc-web cargo-web rust-web-src lld-22"
DEBIAN_PACKAGES_TEST="chromium chromium-driver"

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# The host toolchain (rustup's cargo) builds host tools and native tests.
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) and run again"

apt_updated=
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" != 0 ]; then
    die "missing system packages: ${missing[*]}. Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  if [ -z "$apt_updated" ]; then apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# --- 1. toolchain for wasm32 -------------------------------------------------
detect_toolchain() {
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    echo rustup; return
  fi
  # rustup's download host may hang instead of refusing: bound the attempt.
  say "trying 'rustup target add wasm32-unknown-unknown' (60 s limit)"
  if timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    echo rustup
  else
    echo debian
  fi
}

toolchain=
[ -f "$envfile" ] && toolchain=$(sed -n 's/^# toolchain=//p' "$envfile")
if [ -z "$toolchain" ]; then
  toolchain=$(detect_toolchain)
fi

# `make dist` rebuilds std (Makefile, DIST_ENV): rustup's toolchain needs its
# source. Where rustup cannot fetch it, the Debian toolchain (which ships it) is used.
if [ "$toolchain" = rustup ] && ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "trying 'rustup component add rust-src' (120 s limit)"
  timeout 120 rustup component add rust-src >/dev/null 2>&1 || toolchain=debian
fi

if [ "$toolchain" = debian ]; then
  apt_install $DEBIAN_PACKAGES_BUILD
  [ -x /usr/bin/rustc ] && /usr/bin/rustc --print target-list | grep -qx wasm32-unknown-unknown \
    || die "/usr/bin/rustc (Debian rustc-web) does not list wasm32-unknown-unknown"
  command -v wasm-ld-22 >/dev/null || die "wasm-ld-22 not found (package lld-22)"
fi

# --- 2. npm tools: binaryen's wasm-opt (Debian's is too old), playwright-core (the
# first paint, tests), axe-core and lighthouse (tests, bench)
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  command -v npm >/dev/null || die "npm not found: install Node.js 20+ (apt-get install nodejs npm)"
  say "npm ci (binaryen's wasm-opt; playwright-core for the first paint and tests; axe-core, lighthouse)"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# --- 3. wasm-bindgen-cli, the same version as Cargo.lock's wasm-bindgen --------
[ -f Cargo.lock ] || cargo generate-lockfile >&2
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
[ -n "$wb_version" ] || die "wasm-bindgen not found in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  # An unoptimised build without debug info or the TLS stack (only for
  # downloading WebDriver binaries, which the runner never does here): a
  # fraction of an optimised build's CPU time (README, "What `make` installs");
  # binding the app takes seconds longer, which a build can afford.
  say "cargo install wasm-bindgen-cli $wb_version, unoptimised (1.5 min on a fast 2-core machine, up to an hour on a slow one)"
  # --locked fails on the registry mirror here (a locked dependency is missing).
  CARGO_PROFILE_DEV_DEBUG=0 cargo install -q wasm-bindgen-cli --version "$wb_version" --force \
    --debug --no-default-features --bin wasm-bindgen --bin wasm-bindgen-test-runner >&2
fi

# --- 4. Trunk, pinned: 0.22 and later need a newer rustc than these machines' 1.95
TRUNK_VERSION=0.21.14
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION --locked, unoptimised (4.4 CPU-min: about 2.5 min on an idle 2-core machine)"
  started=$SECONDS
  # --locked: a newer cssparser than Trunk's lockfile breaks lightningcss.
  # Unoptimised and without debug info, as wasm-bindgen-cli above: Trunk's own
  # release profile (fat LTO, one codegen unit) took 2.2 times the CPU time,
  # its last minutes on one core, and a build spends its time in cargo,
  # wasm-bindgen and wasm-opt, not in Trunk: `make dist` and `make dev` take
  # the same time with either binary and write the same files (README,
  # "What `make` installs").
  CARGO_PROFILE_DEV_DEBUG=0 cargo install -q trunk --version "$TRUNK_VERSION" --locked --debug >&2
  say "trunk installed in $((SECONDS - started)) s"
fi

# --- 5. browser: the build pre-renders the first paint in it; tests drive it --
if [ "$want" = test ]; then
  if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
    apt_install $DEBIAN_PACKAGES_TEST
  fi
elif ! command -v chromium >/dev/null; then
  apt_install chromium
fi

# --- 5b. Firefox and WebKit for tests/e2e/engines.test.mjs --------------------
# Debian's Firefox ESR, driven by geckodriver (crates.io, pinned: 0.37.1 is the newest
# release and builds with rustc 1.95); WebKitGTK's WebKitWebDriver and MiniBrowser, under Xvfb.
GECKODRIVER_VERSION=0.37.1
if [ "$want" = test ]; then
  # Prints how long each install took (README, "What `make` installs").
  timed() { local what=$1 started=$SECONDS; shift; "$@"; say "$what installed in $((SECONDS - started)) s"; }
  for p in firefox-esr webkit2gtk-driver xvfb; do
    dpkg -s "$p" >/dev/null 2>&1 || timed "$p" apt_install "$p"
  done
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "cargo install geckodriver $GECKODRIVER_VERSION --locked (about 5 min on 2 cores)"
    timed geckodriver cargo install -q geckodriver --version "$GECKODRIVER_VERSION" --locked >&2
  fi
fi

# --- 6. remember the choice ---------------------------------------------------
{
  echo "# written by scripts/setup.sh; delete this file to detect the toolchain again"
  echo "# toolchain=$toolchain"
  echo "export PATH=\"$root/node_modules/.bin:/usr/bin:$HOME/.cargo/bin:\$PATH\""
  if [ "$toolchain" = debian ]; then
    echo "export RUSTC=/usr/bin/rustc"
    echo "export RUSTC_BOOTSTRAP=1"
    echo "export CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
    echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22"
    # Tests keep panic=abort: cargo builds test targets with unwinding
    # otherwise, and build-std would then rebuild std and every dependency.
    echo "export CARGO_UNSTABLE_PANIC_ABORT_TESTS=true"
  else
    echo "export PATH=\"$root/node_modules/.bin:$HOME/.cargo/bin:\$PATH\""
  fi
  echo "export CARGO_TARGET_DIR=$root/target/wasm"
  echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner"
  echo "export CHROMEDRIVER=$(command -v chromedriver || echo /usr/bin/chromedriver)"
} > "$envfile"
say "toolchain: $toolchain (remembered in $envfile)"

# --- 7. crates for the wasm build ----------------------------------------------
# Trunk builds with --offline (so it never tries to download a tool), which
# cargo obeys too: fetch what the lockfile, and on the Debian path std's own
# dependencies (build-std), need first. Quick when they are already here.
(source "$envfile" && cargo fetch -q --target wasm32-unknown-unknown) >&2
