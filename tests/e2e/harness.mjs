// Reusable end-to-end harness: serve the built dist/ on a loopback port under
// any path prefix, drive Debian's headless Chromium (playwright-core, no
// browser download), read the page's readout (`data-metric`/`data-value`)
// and notices (`data-notice`), and ask the natively compiled model what they
// should be (examples/report.rs).
//
// Every end-to-end case (tests/e2e/*.test.mjs) builds on `openCalculator`;
// `make test-e2e` builds dist/ first and runs them with `node --test`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { staticServer } from '../../scripts/static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
// `make test-e2e` points this at the site it built for testing (OPTICS_DIST).
export const DIST = process.env.OPTICS_DIST || join(ROOT, 'dist');

/**
 * The static server of `make serve` (scripts/static-server.mjs) for `root` on
 * 127.0.0.1, mounted under `prefix` (e.g. "/" or "/tools/optics/"), as a
 * storefront would host the build. `requests` lists every path asked for;
 * `setRoot(dir)` deploys another build in place; `stop()` closes it as if
 * the network were gone.
 */
export async function startServer(root = DIST, prefix = '/') {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`make dist\` (make test-e2e builds it)`);
  }
  let dir = root;
  const requests = [];
  const sockets = new Set();
  const server = staticServer({ root: () => dir, prefix, onRequest: (url) => requests.push(url) });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    requests,
    url: (pathAndQuery = '') => `${origin}${prefix}${pathAndQuery}`,
    setRoot: (next) => {
      dir = next;
    },
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Serves `html` as a store's page on a second loopback origin (at /shop/). */
export async function store(html) {
  const dir = mkdtempSync(join(tmpdir(), 'optics-store-'));
  writeFileSync(join(dir, 'index.html'), html);
  const server = await startServer(dir, '/shop/');
  return { server, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * Runs `use({ browser, calc, shop })` with the calculator under /optics/ and
 * a store's page `html(calc)` (at /shop/), each on its own origin, and a
 * browser; stops them all.
 */
export async function withStore(html, use) {
  const calc = await startServer(DIST, '/optics/');
  const shop = await store(html(calc));
  const browser = await launchBrowser();
  try {
    await use({ browser, calc, shop });
  } finally {
    await browser.close();
    await shop.stop();
    await calc.stop();
  }
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser() {
  if (!CHROMIUM_PATH) throw new Error('no Chromium: `make setup-test` installs Debian chromium');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS, '--hide-scrollbars'] });
}

/**
 * A fresh browser context (own storage, own service workers) at the given
 * viewport. Records every request the page makes, console errors and CSP
 * violations, so a case can assert that nothing left the origin or broke.
 */
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const log = { requests: [], errors: [], csp: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (/Content.Security.Policy/i.test(m.text())) log.csp.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  // securitypolicyviolation events, from the first script on.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { context, page, log };
}

/** Makes every page of `context` add up its layout shifts (not after input) in `window.shifts`. */
export function sumLayoutShifts(context) {
  return context.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Waits for the calculator to be built, every stage of it (src/ui/stages.rs). */
export async function ready(page) {
  // Generous: on a loaded 2-core CI machine a cold wasm start has taken 16 s.
  await page.waitForSelector('.oc-calculator[data-ready] [data-metric]', { timeout: 60_000 });
}

/** Opens the methodology panel (of a page, or of a widget's shadow root), which is built while open. */
export async function openMethodology(scope) {
  await scope.locator('.oc-methodology').evaluate((details) => {
    details.open = true;
  });
}

/** Waits until the background Monte Carlo run has finished (its P10/P50/P90 readouts exist). */
export async function settled(page) {
  await page.locator('[data-mc-state=done]').waitFor({ timeout: 60_000 });
}

/**
 * Serves dist/ under `prefix`, opens `pathAndQuery` in a new browser and
 * waits for the readout. Close everything with `session.close()`.
 */
export async function openCalculator({ prefix = '/', path = '', width, height } = {}) {
  const server = await startServer(DIST, prefix);
  const browser = await launchBrowser();
  const { context, page, log } = await newPage(browser, { width, height });
  await page.goto(server.url(path));
  await ready(page);
  return {
    server,
    browser,
    context,
    page,
    log,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Every headline readout on the page: `data-metric` -> unrounded `data-value`. */
export async function metrics(page) {
  const pairs = await page.$$eval('[data-metric]', (els) => els.map((e) => [e.dataset.metric, e.dataset.value]));
  const out = {};
  for (const [key, raw] of pairs) {
    const value = Number(raw);
    if (raw === null || raw === '' || !Number.isFinite(value)) throw new Error(`data-value of ${key} is not a number: ${raw}`);
    out[key] = value;
  }
  return out;
}

/** The text of every notice (`data-notice`) on the page. */
export async function notices(page) {
  return page.$$eval('[data-notice]', (els) => els.map((e) => e.textContent));
}

/** Sets an input the way typing or sliding does: value, then `input` and `change`. */
export async function setInput(page, css, value) {
  const found = await page.evaluate(
    ([css, value]) => {
      const e = document.querySelector(css);
      if (!e) return false;
      e.value = value;
      e.dispatchEvent(new Event('input', { bubbles: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    [css, value],
  );
  if (!found) throw new Error(`no element ${css}`);
}

/** Resolves after the next frame has been painted. */
export async function nextFrame(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * axe-core's serious and critical violations within `css` (default: the whole
 * document; axe walks open shadow roots), one line each. axe is injected
 * through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeViolations(page, css = null) {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (css) => {
    const r = await axe.run(css ? document.querySelector(css) : document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
  }, css);
}

/** Saves a full-page PNG under target/screenshots/ and returns its path. */
export async function screenshot(page, name) {
  const dir = join(ROOT, 'target/screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // Off-screen panels are not rendered (content-visibility: auto), so a
  // full-page capture would show them blank: make the viewport as tall as
  // the page first. A full page of charts takes long to capture on a loaded
  // machine; the picture is for people, so it gets time rather than failing.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  await nextFrame(page);
  await page.screenshot({ path, fullPage: true, timeout: 180_000 });
  await page.setViewportSize(viewport);
  return path;
}

/**
 * The environment for native cargo: rustup's toolchain, and none of the wasm
 * build's settings (target/toolchain.env) a caller's shell may carry, which
 * would rebuild the native example with Debian's rustc and build-std.
 */
function nativeEnv() {
  const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  for (const key of Object.keys(env)) {
    if (/^(RUSTC|RUSTC_BOOTSTRAP|CARGO_UNSTABLE_.*|CARGO_TARGET_DIR|CARGO_TARGET_WASM32_.*)$/.test(key)) delete env[key];
  }
  return env;
}

/**
 * What the natively compiled model says a share-link query produces: its
 * headline figures and notices (examples/report.rs).
 */
export function expected(...queries) {
  const out = execFileSync('cargo', ['run', '-q', '--example', 'report', '--', ...queries], {
    cwd: ROOT,
    encoding: 'utf8',
    env: nativeEnv(),
  });
  const lines = out.trim().split('\n').map((l) => JSON.parse(l));
  return queries.length === 1 ? lines[0] : lines;
}

/**
 * Asserts that every headline figure on the page equals the model's. Both
 * sides run the same Rust code, so they agree up to printing of f64.
 */
export function assertMatchesModel(assert, shown, model) {
  for (const [key, want] of Object.entries(model.metrics)) {
    assert.ok(key in shown, `no [data-metric=${key}] on the page`);
    const tol = 1e-9 * Math.max(Math.abs(want), 1);
    assert.ok(Math.abs(shown[key] - want) <= tol, `${key}: page shows ${shown[key]}, model computes ${want}`);
  }
}

/**
 * In the page: where the widget in `hostCss` reaches outside its host box
 * (one line per element that does and is not inside a scrolling box of its
 * own that fits), where its first headline figure sits, and its arrangement.
 */
export function geometry(page, hostCss) {
  return page.evaluate((css) => {
    const host = document.querySelector(css);
    const laidOut = host.getBoundingClientRect().height;
    // Panels off screen are laid out at an estimated size (content-visibility:
    // auto); measure the layout they take on screen.
    const sheets = host.shadowRoot.adoptedStyleSheets;
    const real = new CSSStyleSheet();
    real.replaceSync('* { content-visibility: visible !important; }');
    host.shadowRoot.adoptedStyleSheets = [...sheets, real];
    const box = host.getBoundingClientRect();
    const inside = (r) => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    const clips = (e) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
    const outside = [];
    for (const e of host.shadowRoot.querySelectorAll('*')) {
      const r = e.getBoundingClientRect();
      // Not drawn: display none, or in a closed <details>.
      if (r.width === 0 || r.height === 0 || inside(r) || !e.checkVisibility()) continue;
      let p = e.parentElement;
      while (p && !clips(p)) p = p.parentElement;
      if (p && inside(p.getBoundingClientRect())) continue;
      const at = (a, b, size) => `${Math.round(a)}..${Math.round(b)} of ${Math.round(size)}`;
      outside.push(`${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} x ${at(r.left - box.left, r.right - box.left, box.width)} y ${at(r.top - box.top, r.bottom - box.top, box.height)}`);
    }
    const figure = host.shadowRoot.querySelector('[data-metric]');
    const headlineAt = figure.getBoundingClientRect().top - box.top;
    const drawn = box.height;
    host.shadowRoot.adoptedStyleSheets = sheets;
    return {
      width: box.width,
      /** As laid out now (panels off screen at their estimated size). */
      height: laidOut,
      /** With every panel laid out as on screen. */
      drawn,
      outside: outside.slice(0, 5),
      headlineAt,
      compact: host.shadowRoot.querySelector('.oc-compact') !== null,
      hostScrolls: document.documentElement.scrollWidth > window.innerWidth,
    };
  }, hostCss);
}
