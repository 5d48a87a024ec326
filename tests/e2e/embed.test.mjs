// Embedding on a storefront: the script widget (two on one page, hostile host
// CSS, events, the JS API, the call to action) and the iframe (height and
// change messages, set-scenario). The store is served from its own origin, as
// a vendor's shop would be, and loads the calculator from the calculator's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIST, assertMatchesModel, axeViolations, expected, launchBrowser, metrics, newPage, screenshot, startServer, store, withStore } from './harness.mjs';

// A storefront whose global CSS would wreck any widget it could reach.
const HOSTILE_CSS = `
  html { font-size: 8px; }
  * { font: italic 40px/3 serif !important; color: #f0f !important; text-transform: uppercase !important;
      letter-spacing: 4px !important; box-sizing: content-box !important; }
  div { padding: 30px !important; border: 5px dashed green !important; background: #ff0 !important; }
  input, select, button, svg, canvas { display: none !important; }
  .oc-button { background: rgb(1, 2, 3) !important; }`;

const SHOP_CONFIG = {
  scenario: { gpus: 8192 },
  locale: { tag: 'de-DE', currency: '€' },
  theme: { accent: '#8a1538' },
  catalog: {
    mode: 'add',
    skus: [{ sku: 'LPO-800-DR8', name: '800G LPO DR8', tech: 'lpo', gbps: 800, power_w: 8.5, latency_ns: 5, price_usd: 790 }],
  },
  cta: { label: 'In den Warenkorb', url: 'https://shop.example/cart?sku={sku}&qty={qty}' },
};

test('two script widgets on a hostile store page: isolated, independent, announcing, buying', async () => {
  const calc = await startServer(DIST, '/optics/');
  const embedUrl = calc.url('embed.js');
  const shop = await store(`<!DOCTYPE html><html><head><title>Store</title><link rel="icon" href="data:,"><style>${HOSTILE_CSS}</style></head><body>
    <p id="own" class="oc-button">The store's own text</p>
    <div id="a" data-optics-calculator data-config='${JSON.stringify(SHOP_CONFIG)}'></div>
    <div id="b" data-optics-calculator data-load="eager"></div>
    <script>
      window.events = [];
      document.addEventListener('optics-calc:change', (e) => window.events.push({ host: e.target.id, detail: e.detail }));
    </script>
    <script type="module" src="${embedUrl}"></script>
  </body></html>`);
  const browser = await launchBrowser();
  try {
    const { page, log } = await newPage(browser);
    const pageUrl = shop.server.url('?campaign=42');
    await page.goto(pageUrl);
    const widget = (id) => page.locator(`#${id}`);
    await widget('a').locator('[data-metric=optical_modules]').waitFor({ timeout: 60_000 });
    await widget('b').locator('[data-metric=optical_modules]').waitFor({ timeout: 60_000 });
    const value = (id, key) => widget(id).locator(`[data-metric=${key}]`).first().getAttribute('data-value').then(Number);

    // Each widget computes its own scenario, as the model does.
    assert.equal(await value('a', 'optical_modules'), expected('v=2&gpus=8192').metrics.optical_modules);
    assert.equal(await value('b', 'optical_modules'), expected('v=2').metrics.optical_modules);

    // The store's CSS does not reach in: controls are visible, text is not 40 px uppercase serif.
    await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).shadowRoot.querySelector('link')?.sheet));
    const inside = await page.evaluate(() => {
      const root = document.querySelector('#a').shadowRoot;
      const slider = root.querySelector('input[type=range][data-input=gpus]');
      const h1 = root.querySelector('h1');
      const cs = (e) => getComputedStyle(e);
      return {
        slider: cs(slider).display,
        chart: cs(root.querySelector('canvas')).display,
        font: cs(h1).fontStyle,
        transform: cs(h1).textTransform,
        size: parseFloat(cs(root.querySelector('.oc-lede')).fontSize),
        accent: cs(root.querySelector('.oc-button')).backgroundColor,
      };
    });
    assert.notEqual(inside.slider, 'none');
    assert.notEqual(inside.chart, 'none');
    assert.equal(inside.font, 'normal');
    assert.equal(inside.transform, 'none');
    assert.ok(inside.size >= 12 && inside.size <= 20, `body text ${inside.size}px`);
    assert.equal(inside.accent, 'rgb(138, 21, 56)', 'the host theme colours the widget');
    // ... and the widget's CSS does not reach out: the store's own .oc-button keeps the store's style.
    const own = await page.evaluate(() => getComputedStyle(document.querySelector('#own')).backgroundColor);
    assert.equal(own, 'rgb(1, 2, 3)');

    // Choosing the store's SKU and moving a slider in A changes A only, and A announces it.
    await widget('a').locator('select[data-input=product]').selectOption('sku:0');
    await widget('a').locator('input[type=range][data-input=gpus]').evaluate((e) => {
      e.value = '16384';
      e.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const want = expected('v=2&gpus=16384&alt_w=8.5&alt_ns=5&alt_usd=790');
    await page.waitForFunction(
      (n) => window.events.filter((e) => e.host === 'a').at(-1)?.detail.figures.optical_modules === n,
      want.metrics.optical_modules,
      { timeout: 10_000 },
    );
    assert.equal(await value('a', 'npv_usd'), want.metrics.npv_usd);
    assert.equal(await value('b', 'optical_modules'), expected('v=2').metrics.optical_modules);
    const last = await page.evaluate(() => window.events.filter((e) => e.host === 'a').at(-1).detail);
    assert.equal(last.figures.optical_modules, want.metrics.optical_modules);
    assert.equal(last.figures.npv_usd, want.metrics.npv_usd);
    const qty = Math.ceil(want.metrics.optical_modules * 1.05);
    assert.deepEqual(
      { sku: last.bill.sku, qty: last.bill.qty, url: last.bill.url },
      { sku: 'LPO-800-DR8', qty, url: `https://shop.example/cart?sku=LPO-800-DR8&qty=${qty}` },
    );
    assert.equal(await widget('a').locator('a[data-action=cta]').getAttribute('href'), last.bill.url);
    assert.match(await widget('a').locator('[data-metric=npv_usd]').textContent(), / €$/, 'German money format');

    // The store's URL is the store's.
    await page.waitForTimeout(400);
    assert.equal(page.url(), pageUrl);

    // The JS API: mount into a new element, drive it, read it, unmount it.
    const api = await page.evaluate(async (url) => {
      const { mount } = await import(url);
      const el = document.createElement('div');
      document.body.append(el);
      const w = await mount(el, { sections: { methodology: false } });
      const notices = w.set_scenario('gpus=2048&pue=9');
      await new Promise((r) => setTimeout(r, 50));
      const report = w.report();
      const shown = el.shadowRoot.querySelector('[data-metric=optical_modules]').dataset.value;
      const methodology = el.shadowRoot.querySelector('.oc-methodology') !== null;
      w.unmount();
      return { notices, modules: report.figures.optical_modules, shown: Number(shown), methodology, left: el.shadowRoot.childElementCount };
    }, embedUrl);
    const m = expected('v=2&gpus=2048&pue=9');
    assert.equal(api.modules, m.metrics.optical_modules);
    assert.equal(api.shown, m.metrics.optical_modules);
    assert.deepEqual(api.notices, m.notices.map((n) => `${n.key}: ${n.message}`));
    assert.equal(api.methodology, false);
    assert.equal(api.left, 0);

    assert.deepEqual(log.errors, []);
    const origins = new Set(log.requests.filter((u) => u.startsWith('http')).map((u) => new URL(u).origin));
    assert.deepEqual([...origins].sort(), [calc.origin, shop.server.origin].sort(), 'no request leaves the two origins');
    await screenshot(page, 'embed-hostile-store');
  } finally {
    await browser.close();
    await shop.stop();
    await calc.stop();
  }
});

/** Runs `use` (see `withStore`) with a store's product page holding one widget (`#a`, with `config`). */
const withProductPage = (config, use) =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>800G LPO module</title><link rel="icon" href="data:,"></head><body>
    <main><h1>800G LPO module</h1><div id="a" data-optics-calculator data-config='${JSON.stringify(config)}'></div></main>
    <script type="module" src="${calc.url('embed.js')}"></script>
  </body></html>`,
    use,
  );

test('axe finds no serious or critical violations in a themed widget on a store page', () =>
  withProductPage(SHOP_CONFIG, async ({ browser, shop }) => {
    const { page } = await newPage(browser);
    await page.goto(shop.server.url(''));
    await page.locator('#a [data-mc-state=done]').waitFor({ timeout: 60_000 });
    assert.deepEqual(await axeViolations(page, '#a'), []);
  }));

test("a widget's Print report prints the report on the calculator's own page, not the store's", () =>
  withProductPage({ scenario: { gpus: 8192 } }, async ({ browser, calc, shop }) => {
    const { context, page } = await newPage(browser);
    // Every page of the context records its print() instead of opening a dialog.
    await context.addInitScript(() => {
      window.print = () => { window.printed = (window.printed ?? 0) + 1; };
    });
    await page.goto(shop.server.url(''));
    await page.locator('#a [data-metric=optical_modules]').waitFor({ timeout: 60_000 });
    const [report] = await Promise.all([context.waitForEvent('page'), page.locator('#a [data-action=print]').click()]);
    await report.waitForFunction(() => window.printed === 1, null, { timeout: 60_000 });
    const url = new URL(report.url());
    assert.equal(url.origin + url.pathname, calc.url(''), 'the calculator page opens');
    assert.equal(url.hash, '', 'and drops its print request, so a reload does not print again');
    const query = url.search.slice(1);
    assert.match(query, /(^|&)gpus=8192(&|$)/, "with the widget's inputs");
    assertMatchesModel(assert, await metrics(report), expected(query));
    assert.equal(await page.evaluate(() => window.printed), undefined, "the store's page is not printed");
  }));

test('the iframe embed sizes itself, reports its figures and takes set-scenario from its parent only', async () => {
  const calc = await startServer(DIST, '/optics/');
  const frameUrl = calc.url('index.html?embed=1&gpus=4096');
  // The README's host snippet, as a store would paste it.
  const shop = await store(`<!DOCTYPE html><html><head><title>Store</title><link rel="icon" href="data:,"></head><body>
    <iframe id="calc" src="${frameUrl}" title="Optics calculator" style="width:100%;border:0"></iframe>
    <script>
      window.changes = [];
      const frame = document.getElementById('calc');
      const calculatorOrigin = new URL(frame.src).origin;
      window.addEventListener('message', (event) => {
        if (event.origin !== calculatorOrigin || event.source !== frame.contentWindow) return;
        if (event.data?.type === 'optics-calc:height') frame.style.height = event.data.height + 'px';
        if (event.data?.type === 'optics-calc:change') window.changes.push(event.data);
      });
    </script>
  </body></html>`);
  const browser = await launchBrowser();
  try {
    const { page, log } = await newPage(browser);
    await page.goto(shop.server.url(''));
    await page.waitForFunction(() => window.changes.length > 0, null, { timeout: 60_000 });
    const first = await page.evaluate(() => window.changes.at(-1));
    const model = expected('v=2&gpus=4096');
    assert.equal(first.figures.optical_modules, model.metrics.optical_modules);
    // The frame follows its content (here it grows when the Monte Carlo histogram appears): no inner scrollbar.
    const inFrame = page.frameLocator('#calc');
    await inFrame.locator('[data-mc-state=done]').waitFor({ timeout: 60_000 });
    let frame = 0;
    let inner = -100;
    for (let i = 0; i < 50 && Math.abs(frame - inner) > 2; i++) {
      await page.waitForTimeout(200);
      frame = await page.evaluate(() => document.getElementById('calc').getBoundingClientRect().height);
      inner = await inFrame.locator('html').evaluate((e) => e.scrollHeight);
    }
    assert.ok(frame > 800 && Math.abs(frame - inner) <= 2, `frame ${frame}px vs content ${inner}px`);

    // A message of another type is ignored; set-scenario is read like a link.
    await page.evaluate(() => {
      const w = document.getElementById('calc').contentWindow;
      w.postMessage({ type: 'optics-calc:evil', scenario: 'gpus=2' }, '*');
      w.postMessage({ type: 'optics-calc:set-scenario', scenario: { gpus: 65536, alt: 'cpo' } }, '*');
    });
    const want = expected('v=2&gpus=65536&alt=cpo');
    await page.waitForFunction((n) => window.changes.at(-1).figures.optical_modules === n, want.metrics.optical_modules, { timeout: 10_000 });
    const shown = await page.frameLocator('#calc').locator('[data-metric=npv_usd]').getAttribute('data-value');
    assert.equal(Number(shown), want.metrics.npv_usd);
    assert.ok(!(await page.evaluate(() => window.changes.some((c) => c.figures.optical_modules === undefined))));
    assert.deepEqual(log.errors, []);
    await screenshot(page, 'embed-iframe');
  } finally {
    await browser.close();
    await shop.stop();
    await calc.stop();
  }
});
