// The standalone page's first paint, before the wasm has run: the build's
// pre-rendered default report (scripts/site/prerender.mjs), handed over to
// the app without a visible jump, and never shown for a link's own scenario.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesModel, expected, launchBrowser, metrics, newPage, ready, screenshot, startServer } from './harness.mjs';

const PHONE = { width: 412, height: 823 };

/** The page at `url` with the wasm held back: what a visitor sees before it has run. */
async function beforeWasm(browser, url, viewport) {
  const session = await newPage(browser, viewport);
  await session.page.route('**/*.wasm', (route) => route.abort());
  await session.page.goto(url, { waitUntil: 'load' });
  return session;
}

/**
 * Where the page's landmarks sit, and what the inputs say: the title, each
 * headline figure and each input, by name (the app adds more below them).
 */
const boxes = (page) =>
  page.$$eval('h1, [data-metric], input, select', (els) => {
    const out = {};
    // The first paint holds both arrangements; only the one for this width has boxes.
    for (const e of els.filter((e) => e.getClientRects().length > 0)) {
      const key = `${e.tagName} ${e.dataset.metric ?? ''}${e.dataset.input ?? ''}${e.dataset.inputBox ? `box ${e.dataset.inputBox}` : ''}`;
      const r = e.getBoundingClientRect();
      const value = 'value' in e ? ` =${e.value}` : '';
      out[key] ??= `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}${value}`;
    }
    return out;
  });

test('before the wasm runs, the page shows the default report, laid out as the app then lays it out', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      const first = await beforeWasm(browser, server.url(''), viewport);
      assert.ok(await first.page.locator('.oc-prerendered [data-metric="npv_usd"]').filter({ visible: true }).count(), 'the first paint has the headline');
      assertMatchesModel(assert, await metrics(first.page), expected('v=2'));
      await screenshot(first.page, `first-paint-${viewport.width}`);
      const before = await boxes(first.page);
      await first.context.close();

      const app = await newPage(browser, viewport);
      await app.page.goto(server.url(''));
      await ready(app.page);
      assert.equal(await app.page.locator('.oc-prerendered').count(), 0, 'the app replaced the first paint');
      assert.equal(await app.page.locator('h1').count(), 1, 'one calculator, not two');
      const after = await boxes(app.page);
      assert.ok(Object.keys(before).length > 20, `the first paint has the first inputs and the headline: ${Object.keys(before)}`);
      // What is on the first screen stays put (below it, the app adds the later input groups).
      const onScreen = Object.entries(before).filter(([, box]) => Number(box.split(/[, ]/)[1]) < viewport.height);
      assert.ok(onScreen.length >= 8, `${viewport.width} px: ${onScreen.length} landmarks on the first screen`);
      for (const [what, box] of onScreen) assert.equal(after[what], box, `${viewport.width} px: ${what} moved at the hand-over`);
      assert.deepEqual(app.log.errors, []);
      await app.context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

test("a link's scenario never shows the default figures first, and the app then shows the link's", async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const query = '?v=2&gpus=4096&alt=cpo';
    const first = await beforeWasm(browser, server.url(query), PHONE);
    // Not shown, and not even laid out (main.css): the wasm starts sooner.
    const shown = await first.page.$eval('[data-metric="npv_usd"]', (e) => e.getClientRects().length > 0);
    assert.equal(shown, false, "the default scenario's figures are not shown for a link");
    await first.context.close();

    const app = await newPage(browser, PHONE);
    await app.page.goto(server.url(query));
    await ready(app.page);
    assert.equal(await app.page.locator('.oc-prerendered').count(), 0);
    assert.ok(await app.page.isVisible('[data-metric="npv_usd"]'));
    assertMatchesModel(assert, await metrics(app.page), expected('v=2&gpus=4096&alt=cpo'));
    await app.context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a link fetches the wasm at once, from <head>; the default page only after its first paint, from the loader', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const [query, link] of [['', false], ['?v=2&gpus=100000&alt=cpo', true]]) {
      // No service worker, whose precaching fetches every file.
      const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(server.url(query));
      await ready(page);
      const seen = await page.evaluate(() => ({
        wasm: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => ({ by: e.initiatorType, at: e.startTime })),
        parsed: performance.getEntriesByType('navigation')[0].domInteractive,
        painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        // The page's own requests before the wasm: none (post-build.mjs, inlineStartup).
        others: performance.getEntriesByType('resource').filter((e) => !/\.(wasm|json)$/.test(e.name)).map((e) => e.name),
      }));
      const what = `${query || 'default page'}: ${JSON.stringify(seen)}`;
      assert.equal(seen.wasm.length, 1, what);
      if (link) {
        assert.equal(seen.wasm[0].by, 'link', `the preload fetched it: ${what}`);
        assert.ok(seen.wasm[0].at < seen.parsed, `before the page was parsed: ${what}`);
      } else {
        assert.equal(seen.wasm[0].by, 'fetch', `the loader fetched it: ${what}`);
        assert.ok(seen.wasm[0].at > seen.painted, `after the first paint: ${what}`);
      }
      assert.deepEqual(seen.others, [], `the stylesheet, glue and icon are in the page: ${what}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the offline cache is registered, and the manifest linked, once the calculator is complete, not while it starts', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: PHONE });
    // When register() is called, when `load` fired, and when the calculator was complete.
    await context.addInitScript(() => {
      const times = (window.__times = {});
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args) {
        times.register ??= performance.now();
        return register.apply(this, args);
      };
      addEventListener('load', () => (times.load = performance.now()), { once: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('link[rel=manifest]')) {
          times.manifest = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('.oc-calculator[data-ready]')) {
          times.ready = performance.now();
          observer.disconnect();
        }
      }).observe(document, { attributes: true, childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(server.url(''));
    await ready(page);
    await page.waitForFunction(() => window.__times.register !== undefined, null, { timeout: 60_000 });
    const { register, load, ready: complete, manifest } = await page.evaluate(() => window.__times);
    // The manifest is linked with it, not in <head>, where its request ran beside the wasm's.
    assert.equal(await page.$$eval('link[rel=manifest]', (ls) => ls.map((l) => l.getAttribute('href')).join()), 'manifest.webmanifest');
    assert.ok(manifest > load, `manifest linked at ${manifest} ms, before load (${load} ms)`);
    assert.ok(register > load, `registered at ${register} ms, before load (${load} ms)`);
    // scripts/site/register-sw.js registers anyway 10 s after load, for a calculator that never completes.
    if (complete < load + 10_000) {
      assert.ok(register >= complete, `registered at ${register} ms, before the calculator was complete (${complete} ms)`);
      assert.ok(manifest >= complete, `manifest linked at ${manifest} ms, before the calculator was complete (${complete} ms)`);
    }
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
