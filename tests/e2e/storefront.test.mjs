// The widget on a store's product page: it fits any column (320-1,280 px in
// a 1,440 px window, and a phone), loads only when it is about to be seen,
// is never blank (a host CSP without 'wasm-unsafe-eval', no WebAssembly),
// works as <optics-calculator>, and the example product pages
// (examples/storefront*.html, as `make serve` serves them) pass axe.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { siteServer } from '../../scripts/serve.mjs';
import { DIST, ROOT, assertMatchesModel, axeViolations, expected, geometry, launchBrowser, metrics, newPage, nextFrame, screenshot, store, sumLayoutShifts, withStore } from './harness.mjs';

const WIDTHS = [320, 400, 560, 768, 1024, 1280];
/** Widget width below which layout "auto" is compact (src/embed/config.rs). */
const COMPACT_BELOW_PX = 700;

/** `make serve`'s server (scripts/serve.mjs) for the test site: dist at /, examples/ at /examples/. */
async function serveWithExamples() {
  const requests = [];
  const server = siteServer(DIST, (url) => requests.push(url));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, url: (path = '') => `${origin}/${path}`, stop: () => new Promise((r) => server.close(r)) };
}

/** Runs `use({ browser, calc, shop })` with the calculator and a store page (`html(calc)`) on their own origins. */

test('the widget fits every host width from 320 to 1,280 px in a 1,440 px window, headline near the top', () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Columns</title><link rel="icon" href="data:,"></head><body style="margin:0">
      ${WIDTHS.map((w) => `<section style="width:${w}px;margin-bottom:40px"><div id="w${w}" data-optics-calculator data-load="eager"
        data-config='{"scenario": {"gpus": 8192}}'></div></section>`).join('\n')}
      <script type="module" src="${calc.url('embed.js')}"></script></body></html>`,
    async ({ browser, shop }) => {
      const { page, log } = await newPage(browser, { width: 1440, height: 900 });
      // Hold the wasm back until the placeholders have been measured.
      let release;
      const held = new Promise((r) => (release = r));
      await page.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(shop.server.url(''));
      const reserved = await page.evaluate((ws) => ws.map((w) => document.getElementById(`w${w}`).getBoundingClientRect().height), WIDTHS);
      release();
      for (const w of WIDTHS) await page.locator(`#w${w} [data-mc-state=done]`).waitFor({ timeout: 90_000 });
      const want = expected('v=2&gpus=8192').metrics.optical_modules;
      for (const [i, w] of WIDTHS.entries()) {
        const g = await geometry(page, `#w${w}`);
        assert.equal(Math.round(g.width), w);
        assert.deepEqual(g.outside, [], `${w} px: nothing reaches outside the host`);
        assert.equal(g.hostScrolls, false, `${w} px: no horizontal scroll on the host page`);
        assert.equal(g.compact, w < COMPACT_BELOW_PX, `${w} px: ${g.compact ? 'compact' : 'full'}`);
        assert.ok(g.headlineAt <= 600, `${w} px: first headline figure ${g.headlineAt} px down`);
        // The placeholder reserved about the height the widget took.
        const off = Math.abs(reserved[i] - g.height) / g.height;
        console.log(`# ${w} px: ${g.compact ? 'compact' : 'full'}, ${Math.round(g.height)} px tall (reserved ${Math.round(reserved[i])}; ${Math.round(g.drawn)} px with every panel drawn), headline at ${Math.round(g.headlineAt)} px`);
        assert.ok(off < 0.15, `${w} px: reserved ${reserved[i]} px for a ${g.height} px widget`);
        const modules = await page.locator(`#w${w} [data-metric=optical_modules]`).getAttribute('data-value');
        assert.equal(Number(modules), want);
      }
      assert.deepEqual(log.errors, []);
    },
  ));

test('compact widget: first-touch inputs, remembered disclosures, the sticky strip while the headline is away', () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Column</title><link rel="icon" href="data:,"></head><body style="margin:0">
      <div style="width:400px"><div id="a" data-optics-calculator data-load="eager"></div></div>
      <script type="module" src="${calc.url('embed.js')}"></script></body></html>`,
    async ({ browser, shop }) => {
      const { page } = await newPage(browser, { width: 1280, height: 800 });
      await page.goto(shop.server.url(''));
      const a = page.locator('#a');
      await a.locator('[data-metric]').first().waitFor({ timeout: 60_000 });
      // The first group holds exactly the first-touch inputs, in order.
      const first = await a.locator('.oc-first-touch [data-input]').evaluateAll((es) => es.map((e) => e.dataset.input));
      assert.deepEqual(first, ['gpus', 'gbps', 'base', 'alt', 'region']);
      // Every other group is closed; opening one is remembered across a reload.
      const open = () => a.locator('details.oc-disclosure').evaluateAll((es) => es.map((e) => `${e.dataset.group}:${e.open}`));
      assert.deepEqual(await open(), ['Cluster:false', 'Optics:false', 'SiteEnergy:false', 'Finance:false', 'Advanced:false']);
      await a.locator('details[data-group=Finance] > summary').click();
      await page.waitForFunction(() => localStorage.getItem('optics-calc:open:Finance') === '1');
      await page.reload();
      await a.locator('[data-metric]').first().waitFor({ timeout: 60_000 });
      assert.deepEqual(await open(), ['Cluster:false', 'Optics:false', 'SiteEnergy:false', 'Finance:true', 'Advanced:false']);
      await page.evaluate(() => scrollTo(0, 0));
      await nextFrame(page);
      // Scrolled to a slider far below the headline, the strip shows the figures, live.
      const strip = a.locator('.oc-strip');
      assert.equal(await strip.isVisible(), false, 'no strip while the headline is in view');
      const slider = a.locator('input[type=range][data-input=discount_pct], details[data-group=Finance] input[type=range]').first();
      await slider.scrollIntoViewIfNeeded();
      await strip.waitFor({ state: 'visible', timeout: 5_000 });
      const box = await strip.boundingBox();
      assert.ok(box.y >= -1 && box.y < 5, `the strip sits at the top of the viewport (y ${box.y})`);
      const before = await strip.textContent();
      await a.locator('.oc-first-touch input[type=range][data-input=gpus]').evaluate((e) => {
        e.value = '65536';
        e.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.waitForFunction((old) => document.querySelector('#a').shadowRoot.querySelector('.oc-strip').textContent !== old, before);
      await strip.locator('button').click();
      await strip.waitFor({ state: 'hidden', timeout: 5_000 });
      // At the widget's end the strip has gone with the inputs: nothing pinned over the host's page.
      for (const fromTop of [-40, 20, 300]) {
        const stripBelowHost = await page.evaluate((fromTop) => {
          const host = document.getElementById('a');
          scrollBy(0, host.getBoundingClientRect().bottom - fromTop);
          const s = host.shadowRoot.querySelector('.oc-strip').getBoundingClientRect();
          return s.height > 0 && s.bottom > host.getBoundingClientRect().bottom + 1;
        }, fromTop);
        assert.equal(stripBelowHost, false, `host bottom ${fromTop} px from the top`);
      }
      await screenshot(page, 'widget-400-compact');
    },
  ));

test('data-load="visible": no wasm while the widget is far below the fold; it mounts on scroll or focus', () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Long page</title><link rel="icon" href="data:,"></head><body>
      <main><h1>Product</h1><div style="height:6000px">Description</div>
      <div id="far" data-optics-calculator data-load="visible" data-config='{"scenario": {"gpus": 4096}}'></div>
      <div style="height:12000px">More</div>
      <div id="focus" data-optics-calculator data-load="visible"></div></main>
      <script type="module" src="${calc.url('embed.js')}"></script></body></html>`,
    async ({ browser, calc, shop }) => {
      const { context, page, log } = await newPage(browser, { width: 1280, height: 900 });
      await sumLayoutShifts(context);
      await page.goto(shop.server.url(''));
      await page.waitForTimeout(1500);
      const wasm = () => log.requests.filter((u) => u.endsWith('.wasm')).length;
      assert.equal(wasm(), 0, 'no wasm before the widget is near');
      assert.ok(!calc.requests.some((u) => /optics-calc-.*\.js$/.test(u)), 'nor its glue');
      const placeholder = await page.evaluate(() => {
        const host = document.getElementById('far');
        return { text: host.shadowRoot.textContent, height: host.getBoundingClientRect().height };
      });
      assert.match(placeholder.text, /Optical interconnect calculator/);
      assert.ok(placeholder.height > 2000, `reserved ${placeholder.height} px`);

      await page.evaluate(() => document.getElementById('far').scrollIntoView());
      await page.locator('#far [data-mc-state=done]').waitFor({ timeout: 60_000 });
      assert.equal(wasm(), 1);
      assertMatchesModel(assert, await metrics(page), expected('v=2&gpus=4096'));
      const shifts = await page.evaluate(() => window.shifts);
      assert.equal(shifts, 0, 'nothing shifted when the widget mounted');
      assert.equal(await page.evaluate(() => document.getElementById('focus').hasAttribute('data-optics-calculator-mounted')), false);

      // Focus (a keyboard user tabbing to it) mounts the other one.
      await page.evaluate(() => document.getElementById('focus').shadowRoot.querySelector('button').focus({ preventScroll: true }));
      await page.locator('#focus [data-metric=optical_modules]').waitFor({ timeout: 60_000 });
      assert.equal(wasm(), 1, 'the wasm is fetched once for the page');
      assert.deepEqual(log.errors, []);
    },
  ));

test('data-load="lazy" (the default): the wasm (at low priority), glue and stylesheet are fetched at idle after the page has loaded, and nothing mounts until the widget is near', () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Long page</title><link rel="icon" href="data:,"></head><body>
      <main><h1>Product</h1><div style="height:6000px">Description</div>
      <div id="far" data-optics-calculator data-config='{"scenario": {"gpus": 4096}}'></div></main>
      <script type="module" src="${calc.url('embed.js')}"></script></body></html>`,
    async ({ browser, calc, shop }) => {
      const { page, log } = await newPage(browser, { width: 1280, height: 900 });
      const loaded = [];
      page.on('load', () => loaded.push(Date.now()));
      const fetched = [];
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      cdp.on('Network.requestWillBeSent', (e) => e.request.url.endsWith('.wasm') && fetched.push({ at: Date.now(), priority: e.request.initialPriority }));
      await page.goto(shop.server.url(''));
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm') && e.responseEnd > 0), null, { timeout: 30_000 });
      assert.equal(fetched.length, 1, 'the wasm, once');
      assert.ok(fetched[0].at >= loaded[0], 'after the page\'s load event');
      assert.equal(fetched[0].priority, 'Low');
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /optics-calc-[0-9a-f]+\.js$/.test(e.name) && e.responseEnd > 0));
      assert.equal(calc.requests.filter((u) => /optics-calc-[0-9a-f]+\.js$/.test(u)).length, 1, 'the glue too, once');
      assert.equal(await page.evaluate(() => document.getElementById('far').hasAttribute('data-optics-calculator-mounted')), false, 'not mounted while far');
      await page.evaluate(() => document.getElementById('far').scrollIntoView());
      await page.locator('#far [data-metric=optical_modules]').waitFor({ timeout: 60_000 });
      assert.equal(log.requests.filter((u) => u.endsWith('.wasm')).length, 1, 'mounting reuses the fetched and compiled wasm');
      assertMatchesModel(assert, await metrics(page), expected('v=2&gpus=4096'));
      assert.deepEqual(log.errors, []);
    },
  ));

/** The README's snippet that imports the loader after the first contentful paint, and its CSP hash. */
const AFTER_PAINT = readFileSync(join(ROOT, 'scripts/site/embed-after-paint.js'), 'utf8');
const AFTER_PAINT_HASH = `'sha256-${createHash('sha256').update(AFTER_PAINT).digest('base64')}'`;

test('the after-first-paint snippet: the loader is fetched after the first contentful paint, under a strict CSP with the published hash', () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Deferred</title>
      <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${calc.origin} 'wasm-unsafe-eval' ${AFTER_PAINT_HASH}; style-src 'self' ${calc.origin}; connect-src 'self' ${calc.origin}; img-src 'self' data:">
      <link rel="icon" href="data:,">
      <script data-src="${calc.url('embed.js')}">${AFTER_PAINT}</script></head><body>
      <main><h1>Product</h1><p>Description</p><svg width="1" height="3000" aria-hidden="true"></svg>
      <div id="below" data-optics-calculator data-config='{"scenario": {"gpus": 2048}}'></div></main></body></html>`,
    async ({ browser, calc, shop }) => {
      // The README gives this exact snippet and hash.
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      assert.ok(readme.includes(`>${AFTER_PAINT}</script>`), 'README quotes scripts/site/embed-after-paint.js');
      assert.ok(readme.includes(AFTER_PAINT_HASH), `README gives the hash ${AFTER_PAINT_HASH}`);
      const { page, log } = await newPage(browser, { width: 412, height: 823 });
      await page.goto(shop.server.url(''));
      await page.waitForFunction(() => document.getElementById('below').shadowRoot?.textContent.includes('Optical interconnect calculator'), null, { timeout: 30_000 });
      const [paint, fetched] = await page.evaluate((url) => [
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        performance.getEntriesByName(url)[0]?.startTime,
      ], calc.url('embed.js'));
      assert.ok(paint > 0 && fetched > paint, `embed.js requested at ${fetched} ms, after the first contentful paint at ${paint} ms`);
      await page.evaluate(() => document.getElementById('below').scrollIntoView());
      await page.locator('#below [data-mc-state=done]').waitFor({ timeout: 60_000 });
      assertMatchesModel(assert, await metrics(page), expected('v=2&gpus=2048'));
      assert.deepEqual([...log.csp, ...(await page.evaluate(() => window.__cspViolations ?? []))], []);
      assert.deepEqual(log.errors, []);
    },
  ));

const CSP_PAGE = (calc) => `<!DOCTYPE html><html lang="en"><head><title>Strict store</title>
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${calc.origin}; style-src 'self' ${calc.origin}; connect-src 'self' ${calc.origin}; img-src 'self' data:">
  <link rel="icon" href="data:,"></head><body><main><h1>Store</h1>
  <div id="a" data-optics-calculator data-config='{"scenario": {"gpus": 4096, "alt": "cpo"}}'></div></main>
  <script type="module" src="${calc.url('embed.js')}"></script></body></html>`;

test("a host CSP without 'wasm-unsafe-eval', or no WebAssembly: a message, a working link and one console line", () =>
  withStore(CSP_PAGE, async ({ browser, calc, shop }) => {
    const { context, page, log } = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(shop.server.url(''));
    const link = page.locator('#a a');
    await link.waitFor({ timeout: 30_000 });
    assert.match(await page.locator('#a').evaluate((e) => e.shadowRoot.textContent), /could not start/);
    const href = await link.getAttribute('href');
    assert.equal(href, `${calc.url('')}?v=3&gpus=4096&alt=cpo`);
    const lines = log.errors.filter((l) => l.startsWith('optics-calc:'));
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.ok(lines[0].includes(`script-src ${calc.origin} 'wasm-unsafe-eval'; style-src ${calc.origin}; connect-src ${calc.origin}`), lines[0]);
    assert.match(lines[0], /Content-Security-Policy blocks it/);
    await screenshot(page, 'widget-csp-fallback');

    // The link opens the standalone calculator with the widget's scenario.
    const standalone = await context.newPage();
    await standalone.goto(href);
    await standalone.waitForSelector('[data-metric]', { timeout: 60_000 });
    assertMatchesModel(assert, await metrics(standalone), expected('v=2&gpus=4096&alt=cpo'));

    // With the policy the README gives for the script embed, it starts, themed, and nothing is refused.
    const allowed = await store(`<!DOCTYPE html><html lang="en"><head><title>Store</title>
      <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${calc.origin} 'wasm-unsafe-eval'; style-src 'self' ${calc.origin}; connect-src 'self' ${calc.origin}; img-src 'self' data:">
      <link rel="icon" href="data:,"></head><body><main><h1>Store</h1>
      <div id="a" data-optics-calculator data-config='{"theme": {"accent": "#8a1538"}}'></div></main>
      <script type="module" src="${calc.url('embed.js')}"></script></body></html>`);
    try {
      const { page: ok, log: okLog } = await newPage(browser, { width: 1280, height: 900 });
      await ok.goto(allowed.server.url(''));
      await ok.locator('#a [data-mc-state=done]').waitFor({ timeout: 60_000 });
      const accent = await ok.locator('#a .oc-button').first().evaluate((e) => getComputedStyle(e).backgroundColor);
      assert.equal(accent, 'rgb(138, 21, 56)', 'the theme applies under a CSP without unsafe-inline');
      assert.deepEqual([...okLog.csp, ...(await ok.evaluate(() => window.__cspViolations ?? []))], []);
      assert.deepEqual(okLog.errors, []);
    } finally {
      await allowed.stop();
    }

    // Without WebAssembly at all (and no CSP problem), the same fallback.
    const { context: bare, page: old, log: oldLog } = await newPage(browser, { width: 800, height: 900 });
    await bare.addInitScript(() => delete window.WebAssembly);
    await old.goto(shop.server.url(''));
    await old.locator('#a a').waitFor({ timeout: 30_000 });
    assert.ok(oldLog.errors.some((l) => l.startsWith('optics-calc:') && l.includes('no WebAssembly')), oldLog.errors.join('\n'));
  }));

test('<optics-calculator> mounts and unmounts with the element; broken JSON and odd SKUs are logged, not fatal', () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Elements</title><link rel="icon" href="data:,"></head><body><main>
      <optics-calculator id="c" config='{"scenario": {"gpus": 2048}, "catalog": [{"sku": "S1", "tech": "lpo", "gbps": 800, "power_w": 8}]}'></optics-calculator>
      <optics-calculator id="broken" data-load="eager" config='{"scenario": '></optics-calculator>
      <div id="odd" data-optics-calculator data-load="soon"></div></main>
      <script type="module" src="${calc.url('embed.js')}"></script></body></html>`,
    async ({ browser, shop }) => {
      const { page, log } = await newPage(browser, { width: 1280, height: 900 });
      const info = [];
      page.on('console', (m) => m.type() === 'info' && info.push(m.text()));
      await page.goto(shop.server.url(''));
      const value = (id, key) => page.locator(`#${id} [data-metric=${key}]`).getAttribute('data-value').then(Number);
      await page.locator('#c [data-metric=optical_modules]').waitFor({ timeout: 60_000 });
      await page.locator('#broken [data-metric=optical_modules]').waitFor({ timeout: 60_000 });
      assert.equal(await value('c', 'optical_modules'), expected('v=2&gpus=2048').metrics.optical_modules);
      assert.equal(await value('broken', 'optical_modules'), expected('v=2').metrics.optical_modules, 'broken JSON: the defaults');
      assert.ok(log.errors.some((l) => /^optics-calc: config: the config is not JSON/.test(l)), log.errors.join('\n'));
      assert.ok(log.errors.some((l) => /^optics-calc: data-load must be "lazy", "visible" or "eager"/.test(l)), log.errors.join('\n'));
      // The SKU without latency or price is offered, with the catalog's figures and one note.
      assert.deepEqual(info.filter((l) => l.includes("SKU 'S1' gives no latency_ns, price_usd, afr_pct")).length, 1, info.join('\n'));
      await page.locator('#c select[data-input=product]').selectOption('sku:0');
      const want = expected('v=2&gpus=2048&alt_w=8');
      await page.waitForFunction((n) => Number(document.querySelector('#c').shadowRoot.querySelector('[data-metric=npv_usd]').dataset.value) === n, want.metrics.npv_usd);
      assert.match(await page.locator('#c .oc-product-details').textContent(), /5\.00 ns \(catalog\) · \$800 \(catalog\)/);

      // Taken out of the page, it unmounts; put back, it mounts again.
      const removed = await page.evaluate(() => {
        const c = document.getElementById('c');
        c.remove();
        return { children: c.shadowRoot.childElementCount, mounted: c.hasAttribute('data-optics-calculator-mounted') };
      });
      assert.deepEqual(removed, { children: 0, mounted: false });
      await page.evaluate(() => document.querySelector('main').prepend(Object.assign(document.createElement('optics-calculator'), { id: 'c2' })));
      await page.locator('#c2 [data-metric=optical_modules]').waitFor({ timeout: 60_000 });
      assert.equal(await value('c2', 'optical_modules'), expected('v=2').metrics.optical_modules);
    },
  ));

test('the example product pages, as make serve serves them: fit on desktop and phone, pass axe', async () => {
  const site = await serveWithExamples();
  const browser = await launchBrowser();
  try {
    // The page loads its widgets as the README advises for a page whose own
    // first paint matters: the published after-paint snippet, verbatim.
    const html = readFileSync(join(ROOT, 'examples/storefront.html'), 'utf8');
    assert.ok(html.includes(`<script data-src="../embed.js">${AFTER_PAINT}</script>`), 'storefront.html loads embed.js with scripts/site/embed-after-paint.js');
    for (const [name, size] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
      const { context, page, log } = await newPage(browser, size);
      await sumLayoutShifts(context);
      await page.goto(site.url('examples/storefront.html'));
      const hosts = page.locator('#calc-column optics-calculator, #calc-below [data-optics-calculator]');
      assert.equal(await hosts.count(), 2);
      await page.locator('#calc-column [data-mc-state=done]').waitFor({ timeout: 90_000 });
      const load = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        fetched: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/embed.js'))?.startTime,
        shifts: window.shifts,
      }));
      assert.ok(load.paint > 0 && load.fetched > load.paint, `${name}: embed.js requested at ${load.fetched} ms, after the first contentful paint at ${load.paint} ms`);
      // The column widget is on the desktop's first screen: store.css holds a
      // screen for it until the loader runs, so the description never moves in view.
      assert.equal(load.shifts, 0, `${name}: nothing shifted while the page and its column widget loaded`);
      await page.evaluate(() => document.querySelector('#calc-below [data-optics-calculator]').scrollIntoView());
      await page.locator('#calc-below [data-mc-state=done]').waitFor({ timeout: 90_000 });
      await page.evaluate(() => scrollTo(0, 0));
      const column = await geometry(page, '#calc-column optics-calculator');
      const below = await geometry(page, '#calc-below [data-optics-calculator]');
      console.log(`# ${name}: column widget ${Math.round(column.width)} x ${Math.round(column.height)} px (headline at ${Math.round(column.headlineAt)} px), below ${Math.round(below.width)} x ${Math.round(below.height)} px`);
      for (const g of [column, below]) {
        assert.deepEqual(g.outside, []);
        assert.equal(g.hostScrolls, false);
        assert.ok(g.headlineAt <= 600, `headline at ${g.headlineAt} px`);
      }
      assert.equal(column.compact, true, 'the product column gets the compact widget');
      assert.equal(below.compact, name === 'phone');
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(log.errors, []);
      await screenshot(page, `storefront-${name}`);
    }
    const { page, log } = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(site.url('examples/storefront-iframe.html'));
    const frame = page.frameLocator('#calc-column iframe');
    await frame.locator('[data-metric=optical_modules]').first().waitFor({ timeout: 60_000 });
    assert.ok(await frame.locator('.oc-compact').count() === 1, 'the narrow frame is compact');
    assertMatchesModel(assert, await metrics(page.frames().find((f) => f.url().includes('gpus=8192'))),
      expected('v=2&gpus=8192&gbps=800&alt=lpo&alt_w=8.5&alt_ns=5&alt_usd=790&alt_afr=0.6'));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(log.errors, []);
    await screenshot(page, 'storefront-iframe');
  } finally {
    await browser.close();
    await site.stop();
  }
});
