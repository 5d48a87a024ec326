// The widget half of `make bench`: how long a visitor waits for the widget's
// first figure once it enters the viewport, on the example product page with
// the widget below the fold (examples/storefront.html?widgets=below), under
// Lighthouse's mobile throttling applied through the DevTools protocol (150
// ms round trip, 1.6 Mb/s down, 750 kb/s up, CPU 4x slower). The visitor reads
// the page for READ_MS after its `load` event, then jumps to the widget.
// Median of `runs` (3), each in a fresh browser context (a cold HTTP cache),
// against the budget; the figures are merged into target/bench.json as
// `widget`, and what a visitor who never scrolls there downloads is printed
// beside them.
//
//   node scripts/bench-widget.mjs [runs]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, ROOT } from '../tests/e2e/harness.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.mjs';
import { siteServer } from './serve.mjs';

const RUNS = Number(process.argv[2] ?? 3);
/** Issue 31: the first figure within 600 ms of the widget entering the viewport. */
const BUDGET_MS = 600;
/** How long the visitor reads the top of the page before scrolling down. */
const READ_MS = 5000;
const THROTTLE = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The page as shipped (its lower widget about 2.5 screens down on this phone,
 * within the loader's 1.5-viewport approach margin: it mounts while the
 * visitor reads), and with `spacerPx` more of description above the widget
 * (beyond the margin: it mounts only as the visitor jumps to it).
 */
const VARIANTS = [
  { name: 'as shipped', spacerPx: 0 },
  { name: '4,000 px further down', spacerPx: 4000 },
];

async function run(browser, url, spacerPx) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  if (spacerPx) {
    await page.addInitScript((px) => {
      document.addEventListener('DOMContentLoaded', () => {
        const spacer = document.createElement('p');
        spacer.textContent = 'More description.';
        spacer.style.height = `${px}px`;
        document.getElementById('calc-below').before(spacer);
      });
    }, spacerPx);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytesBeforeScroll = 0;
  let scrolled = false;
  cdp.on('Network.loadingFinished', (e) => {
    if (!scrolled) bytesBeforeScroll += e.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(READ_MS);
  scrolled = true;
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const host = document.querySelector('#calc-below [data-optics-calculator]');
        let entered = null;
        new IntersectionObserver((entries, o) => {
          if (entries.some((e) => e.isIntersecting)) {
            entered = performance.now();
            o.disconnect();
          }
        }).observe(host);
        const poll = () => {
          const figure = host.shadowRoot?.querySelector('.oc-root [data-metric]');
          const shown = figure && getComputedStyle(host.shadowRoot.querySelector('.oc-root')).visibility !== 'hidden';
          if (entered !== null && shown) resolve(performance.now() - entered);
          else requestAnimationFrame(poll);
        };
        host.scrollIntoView();
        poll();
      }),
  );
  await context.close();
  return { ms, bytesBeforeScroll };
}

if (!existsSync(join(DIST, 'embed.js'))) throw new Error(`${DIST}/embed.js is missing: run \`make dist\``);
const server = siteServer(DIST);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/examples/storefront.html?widgets=below`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
const runs = VARIANTS.map(() => []);
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [v, variant] of VARIANTS.entries()) runs[v].push(await run(browser, url, variant.spacerPx));
  }
} finally {
  await browser.close();
  server.close();
}
const out = join(ROOT, 'target/bench.json');
const json = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
json.widget = {};
console.log(`widget, first figure after entering the viewport (412 x 823, mobile throttling, median of ${RUNS}, interleaved; budget ${BUDGET_MS} ms)`);
for (const [v, variant] of VARIANTS.entries()) {
  const ms = median(runs[v].map((r) => r.ms));
  const bytes = median(runs[v].map((r) => r.bytesBeforeScroll));
  console.log(`  ${variant.name.padEnd(24)} runs ${runs[v].map((r) => Math.round(r.ms)).join(', ').padEnd(18)} median ${String(Math.round(ms)).padStart(5)} ms  ${ms <= BUDGET_MS ? 'ok' : 'OVER'}`);
  console.log(`  ${''.padEnd(24)} on the wire before the visitor scrolls (page, loader, idle-time wasm): ${(bytes / 1024).toFixed(1)} KB`);
  json.widget[variant.name] = { first_figure_ms: ms, runs_ms: runs[v].map((r) => r.ms), budget_ms: BUDGET_MS, bytes_before_scroll: bytes };
}
writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
