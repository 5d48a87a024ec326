// The host's stylesheet can never hide or break the widget: the documented
// div embed, below the fold, on pages styled by a stock theme's base rules
// (empty elements hidden, a 10 px root font, inherited box-sizing, every
// element restyled) and by the real Bootstrap 5, Tailwind preflight and
// normalize.css, in a 400 px column of a 1,280 px window and on a phone: it
// appears, loads when scrolled to, fits its column, shows its first figure
// near its top, and its strict-CSP fallback is visible.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { geometry, launchBrowser, newPage, screenshot, startServer, store } from './harness.mjs';
import { HOST_STYLES } from './host-pages.mjs';

const VIEWS = [
  { name: 'column', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

/** A product page in `css`: a tall gallery first, the widget's div in a 400 px column (full width on a phone). */
function hostPage(calc, css, csp) {
  const policy = csp ? `<meta http-equiv="Content-Security-Policy" content="script-src ${calc.origin}; connect-src ${calc.origin}; style-src 'unsafe-inline' ${calc.origin}">` : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${policy}
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Host styles</title><link rel="icon" href="data:,">
  <style>${css}</style>
  <style>.layout{display:grid;grid-template-columns:minmax(0,1fr) 400px;gap:40px;max-width:1240px;margin:0 auto;padding:0 20px}
  @media (max-width:749px){.layout{grid-template-columns:minmax(0,1fr);padding:0 12px}}
  .gallery{height:3200px;background:#e6e9ed}</style></head>
  <body><div class="layout"><div><div class="gallery">Gallery</div></div>
  <aside id="column"><div class="gallery">Specifications</div><h2>Calculate your savings</h2>
  <div id="calc" data-optics-calculator></div><p>After the widget.</p></aside></div>
  <script type="module" src="${calc.url('embed.js')}"></script></body></html>`;
}

for (const [style, css] of Object.entries(HOST_STYLES)) {
  test(`the div embed on a page styled by ${style}: appears, loads when scrolled to, fits, figure near the top, fallback visible`, async () => {
    const calc = await startServer(undefined, '/optics/');
    const browser = await launchBrowser();
    const shop = await store(hostPage(calc, css(), false));
    const strict = await store(hostPage(calc, css(), true));
    try {
      for (const view of VIEWS) {
        const where = `${style}, ${view.name}`;
        const { page, log } = await newPage(browser, view);
        await page.goto(shop.server.url(''));
        const host = page.locator('#calc');
        // Shown (a placeholder of the widget's height) before it loads.
        await host.locator('.oc-box').waitFor({ timeout: 30_000 });
        const before = await host.evaluate((h) => ({ height: h.getBoundingClientRect().height, display: getComputedStyle(h).display }));
        assert.notEqual(before.display, 'none', `${where}: the host is displayed`);
        assert.ok(before.height > 2000, `${where}: the placeholder reserves the widget's height (${before.height} px)`);
        await page.waitForTimeout(300);
        assert.equal(await host.locator('.oc-root').count(), 0, `${where}: not mounted while far below the fold`);
        await host.scrollIntoViewIfNeeded();
        await host.locator('.oc-calculator[data-ready] [data-metric]').first().waitFor({ timeout: 60_000 });
        const g = await geometry(page, '#calc');
        assert.deepEqual(g.outside, [], `${where}: nothing outside the column`);
        assert.equal(g.hostScrolls, false, `${where}: no horizontal scroll`);
        assert.ok(g.headlineAt >= 0 && g.headlineAt < 600, `${where}: first figure ${Math.round(g.headlineAt)} px below the widget's top`);
        const column = await page.locator('#column').evaluate((c) => c.getBoundingClientRect().width);
        assert.ok(Math.abs(g.width - column) <= 1, `${where}: the widget takes its column's width (${g.width} of ${column})`);
        // The host's root font size and element rules do not reach the widget's text.
        const text = await host.evaluate((h) => getComputedStyle(h.shadowRoot.querySelector('[data-metric]')).fontSize);
        assert.ok(parseFloat(text) >= 16, `${where}: headline text at ${text}`);
        assert.deepEqual(log.errors, [], where);
        if (style === 'theme' || view.name === 'column') await screenshot(page, `host-${style}-${view.name}`);
        await page.context().close();

        // A strict host CSP (no 'wasm-unsafe-eval'): the fallback, visible.
        const blocked = await newPage(browser, view);
        await blocked.page.goto(strict.server.url(''));
        const fallback = blocked.page.locator('#calc');
        await fallback.scrollIntoViewIfNeeded();
        const link = fallback.locator('a', { hasText: 'Open the calculator' });
        await link.waitFor({ timeout: 30_000 });
        assert.ok(await link.isVisible(), `${where}: the fallback link is visible`);
        const box = await fallback.evaluate((h) => h.getBoundingClientRect().height);
        assert.ok(box > 80, `${where}: the fallback box has its height (${box} px)`);
        await blocked.page.context().close();
      }
    } finally {
      await browser.close();
      await shop.stop();
      await strict.stop();
      await calc.stop();
    }
  });
}
