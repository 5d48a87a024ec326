// The Shopify app block (shopify/extensions/optics-calculator): its assets
// built from the tested site as `make shopify` builds them from dist/,
// Shopify's Theme Check on the extension, and the block rendered by liquidjs
// (Shopify's Liquid dialect) for a product with its metafields, placed in a
// product page styled as stock themes are, served from a "CDN" origin of its
// own, and mounted in a real browser.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { Liquid } from 'liquidjs';
import { BUILT, JS_BUDGET_GZIP_BYTES, fillAssets } from '../../scripts/shopify-assets.mjs';
import { themeCheck } from '../../scripts/theme-check.mjs';
import { DIST, ROOT, expected, launchBrowser, newPage, screenshot, startServer, store } from './harness.mjs';
import { THEME_CSS } from './host-pages.mjs';

const SOURCE = join(ROOT, 'shopify/extensions/optics-calculator');
const BLOCK = 'blocks/optics-calculator.liquid';

/** The extension with its assets filled from the tested build, in a temporary folder. */
function builtExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'optics-shopify-'));
  cpSync(SOURCE, dir, { recursive: true, filter: (p) => !BUILT.test(basename(p)) });
  return { dir, ...fillAssets(DIST, dir) };
}

/** The block's {% schema %} as Shopify reads it, and its Liquid without it (Shopify never renders the schema). */
function readBlock(dir) {
  const source = readFileSync(join(dir, BLOCK), 'utf8');
  const match = source.match(/{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/);
  return { schema: JSON.parse(match[1]), liquid: source.replace(match[0], '') };
}

/**
 * Renders the block as Shopify would for `product` with the block's settings
 * (the schema's defaults, then `settings`): Shopify's objects and the filters
 * the block uses that liquidjs lacks (asset_url, t).
 */
async function renderBlock(dir, { product, settings = {}, currency = 'USD', cdn }) {
  const { schema, liquid } = readBlock(dir);
  const defaults = Object.fromEntries(schema.settings.filter((s) => s.id).map((s) => [s.id, s.default ?? null]));
  const locale = JSON.parse(readFileSync(join(dir, 'locales/en.default.json'), 'utf8'));
  const engine = new Liquid({ strictFilters: true });
  engine.registerFilter('asset_url', (name) => `${cdn}${name}`);
  engine.registerFilter('t', (key) => key.split('.').reduce((o, k) => o?.[k], locale) ?? `translation missing: ${key}`);
  const html = await engine.parseAndRender(liquid, {
    product,
    block: { id: 'b1', settings: { ...defaults, ...settings }, shopify_attributes: 'data-shopify-editor-block="b1"' },
    request: { origin: 'https://northwind-optics.example', path: product ? `/products/${product.handle}` : '/', locale: { iso_code: 'en' } },
    routes: { cart_add_url: '/cart/add', root_url: '/' },
    cart: { currency: { iso_code: currency } },
  });
  return { html, schema };
}

/** A product page of a stock theme with the block in its product section, as Shopify serves it. */
function productPage(block, schema, cdn, { css = THEME_CSS, headExtra = '' } = {}) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">${headExtra}
  <title>Northwind 800G LPO DR8</title><link rel="icon" href="data:,">
  <style>${css}
  .page-width{max-width:1280px;margin:0 auto;padding:0 1.5rem}.product{display:grid;grid-template-columns:minmax(0,1fr) 400px;gap:4rem}
  @media (max-width:749px){.product{grid-template-columns:minmax(0,1fr)}}</style>
  <link rel="stylesheet" href="${cdn}${schema.stylesheet}">
  <script src="${cdn}${schema.javascript}" defer></script>
  </head><body><main class="page-width"><div class="product">
  <div class="product__media"><div style="aspect-ratio:4/3;background:#e8ebef"></div><p>Gallery</p></div>
  <section class="product__info"><h1>Northwind 800G LPO DR8</h1><p class="price">$865.00</p>
  <p><button type="button">Add to cart</button></p><p>Linear drive, no DSP.</p><div></div>
  ${block}
  </section></div></main></body></html>`;
}

/** A product of the store: one variant, the optics metafields given (Shopify's metafield objects). */
function product(metafields, { sku = 'NW-800-LPO-DR8-B', price = 86500 } = {}) {
  const fields = Object.fromEntries(Object.entries(metafields).map(([k, value]) => [k, { value }]));
  const variant = { id: 4711, sku, title: 'Default Title', price, metafields: {} };
  return {
    title: 'Northwind 800G LPO DR8',
    handle: 'northwind-800g-lpo-dr8',
    selected_or_first_available_variant: variant,
    metafields: { optics: fields },
  };
}

const FIGURES = { technology: 'lpo', speed_gbps: 800, power_w: 7.9, latency_ns: 4, afr_pct: 0.5 };

/** Serves the built extension's assets as Shopify's CDN would, on an origin of their own. */
async function withCdn(dir, use) {
  // startServer serves a folder with an index.html (a site); the CDN folder gets one.
  writeFileSync(join(dir, 'assets', 'index.html'), '<!DOCTYPE html><title>CDN</title>');
  const cdn = await startServer(join(dir, 'assets'), '/extensions/optics/assets/');
  try {
    await use(cdn);
  } finally {
    await cdn.stop();
  }
}

/**
 * Runs `use({ browser, serve })` with the built extension's assets on a CDN
 * origin of their own: `serve(product, settings)` gives a store whose
 * product page holds the block rendered for them. Stops them all.
 */
async function withBlock(use) {
  const ext = builtExtension();
  const browser = await launchBrowser();
  const shops = [];
  try {
    await withCdn(ext.dir, async (cdn) => {
      const base = cdn.url('');
      const serve = async (item, settings) => {
        const { html, schema } = await renderBlock(ext.dir, { product: item, settings, cdn: base });
        const shop = await store(productPage(html, schema, base));
        shops.push(shop);
        return shop;
      };
      await use({ browser, serve });
    });
  } finally {
    for (const shop of shops) await shop.stop();
    await browser.close();
    rmSync(ext.dir, { recursive: true, force: true });
  }
}

async function widgetValues(page) {
  const host = page.locator('optics-calculator');
  await host.locator('.oc-calculator[data-ready] [data-metric]').first().waitFor({ timeout: 60_000 });
  return host.evaluate((h) =>
    Object.fromEntries([...h.shadowRoot.querySelectorAll('[data-metric]')].map((e) => [e.dataset.metric, Number(e.dataset.value)])),
  );
}

test('the app block passes Theme Check, and its assets are the tested build within Shopify\'s budgets', async () => {
  const ext = builtExtension();
  try {
    const offences = await themeCheck(ext.dir);
    assert.deepEqual(offences.filter((o) => o.severity === 'error'), [], 'Theme Check errors');
    console.log(`# Theme Check: ${offences.length} offences (${offences.map((o) => `${o.severity} ${o.check}`).join(', ') || 'none'})`);
    for (const r of ext.rows) console.log(`# asset ${r.name}: ${r.plain} B, ${r.gzip} B gzipped`);
    assert.deepEqual(ext.over, [], `every JavaScript asset within ${JS_BUDGET_GZIP_BYTES} B gzipped`);
    const names = ext.rows.map((r) => r.name);
    for (const want of [/^optics-embed\.js$/, /^optics-calc-[0-9a-f]+_bg\.wasm$/, /^optics-calc-[0-9a-f]+\.js$/, /^main-[0-9a-f]+\.css$/, /^optics-texts-[0-9a-f]+\.json$/, /^optics-calculator\.js$/, /^optics-calculator\.css$/]) {
      assert.ok(names.some((n) => want.test(n)), `assets/ holds ${want}`);
    }
    // Byte for byte the tested build's files, the loader included.
    assert.equal(readFileSync(join(ext.dir, 'assets/optics-embed.js'), 'utf8'), readFileSync(join(DIST, 'embed.js'), 'utf8'));
    const { schema } = readBlock(ext.dir);
    assert.equal(schema.target, 'section');
    const ids = schema.settings.map((s) => s.id).filter(Boolean);
    for (const id of ['accent', 'proposed', 'mode', 'layout', 'load', 'cta', 'cta_label', 'technology', 'speed_gbps', 'power_w', 'latency_ns', 'afr_pct']) {
      assert.ok(ids.includes(id), `a setting for ${id}`);
    }
    // Theme Check must see a broken block: the check is real.
    writeFileSync(join(ext.dir, BLOCK), readFileSync(join(ext.dir, BLOCK), 'utf8').replace('"javascript": "optics-calculator.js"', '"javascript": "missing.js"'));
    assert.ok((await themeCheck(ext.dir)).some((o) => o.check === 'AssetSizeAppBlockJavaScript' && o.severity === 'error'));
  } finally {
    rmSync(ext.dir, { recursive: true, force: true });
  }
});

test('the app block on a product page: the product\'s watts and price in the figures, its SKU in the cart link', () =>
  withBlock(async ({ browser, serve }) => {
    const shop = await serve(product(FIGURES), { accent: '#1f6f43', gpus: 16384 });
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      const { page, log } = await newPage(browser, { width, height });
      const changes = [];
      await page.exposeFunction('__change', (d) => changes.push(d));
      await page.addInitScript(() => document.addEventListener('optics-calc:change', (e) => window.__change(e.detail)));
      await page.goto(shop.server.url(''));
      await page.locator('optics-calculator').scrollIntoViewIfNeeded();
      const shown = await widgetValues(page);
      const want = expected('v=3&gpus=16384&gbps=800&alt=lpo&alt_w=7.9&alt_ns=4&alt_afr=0.5&alt_usd=865');
      for (const key of ['optical_modules', 'power_saved_w', 'npv_usd', 'cost_saved_usd_per_year']) {
        assert.equal(shown[key], want.metrics[key], `${key} at ${width} px`);
      }
      const cta = await page.locator('optics-calculator a[data-action=cta]').getAttribute('href');
      const bill = changes.at(-1).bill;
      assert.equal(bill.sku, 'NW-800-LPO-DR8-B');
      assert.equal(cta, `https://northwind-optics.example/cart/add?id=4711&quantity=${bill.qty}&properties%5BSKU%5D=NW-800-LPO-DR8-B`);
      assert.equal(bill.url, cta);
      assert.match(await page.locator('optics-calculator select[data-input=product]').evaluate((s) => s.selectedOptions[0].textContent), /Northwind 800G LPO DR8/);
      // The help texts come from the CDN folder too (the texts file beside the stylesheet).
      await page.locator('optics-calculator [id="oc-help-gpus"] .oc-source', { hasText: 'Source: ' }).waitFor({ state: 'attached', timeout: 30_000 });
      const fit = await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth);
      assert.ok(fit, `no horizontal scroll at ${width} px`);
      assert.deepEqual(log.errors, []);
      await screenshot(page, `shopify-block-${width}`);
      await page.context().close();
    }
  }));

test('the app block without optics metafields, or with broken ones: the catalog\'s figures, a notice, never an empty block', () =>
  withBlock(async ({ browser, serve }) => {
    const cases = [
      { name: 'none', metafields: {}, notice: false },
      { name: 'broken', metafields: { technology: 'lpo', speed_gbps: 800, power_w: 'about eight', afr_pct: -3 }, notice: true },
    ];
    for (const c of cases) {
      const shop = await serve(product(c.metafields), { gpus: 16384 });
      const { page, log } = await newPage(browser, { width: 1280, height: 900 });
      await page.goto(shop.server.url(''));
      await page.locator('optics-calculator').scrollIntoViewIfNeeded();
      const shown = await widgetValues(page);
      const want = expected('v=3&gpus=16384');
      assert.equal(shown.optical_modules, want.metrics.optical_modules, c.name);
      assert.equal(shown.power_saved_w, want.metrics.power_saved_w, `${c.name}: the catalog's LPO figures`);
      const notices = await page.locator('optics-calculator [data-notice]').allTextContents();
      if (c.notice) {
        assert.ok(notices.some((n) => /alt_w|power/i.test(n)), `a visible notice: ${notices.join(' | ')}`);
        assert.ok(log.errors.some((l) => l.startsWith('optics-calc:')), `a console line: ${log.errors.join('\n')}`);
      } else {
        assert.equal(await page.locator('optics-calculator a[data-action=cta]').count(), 0, 'no SKU, no cart link');
        assert.deepEqual(log.errors, []);
      }
      await page.context().close();
    }
  }));
