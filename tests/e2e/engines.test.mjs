// The core cases in Firefox (ESR, geckodriver) and WebKit (WebKitGTK's
// MiniBrowser): a share link shows the model's figures, a slider changes them,
// the page fits a phone, the store widget mounts when scrolled to, and the
// iframe embed sizes itself to its content, to within 5% of Chromium's height.
// No console errors in either (tests/e2e/engines.mjs reads them through a
// probe, and WebKit's own console through MiniBrowser), and a glue changed
// after the build is refused by the page's CSP (all three). Each engine runs in one
// browser session.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST, assertMatchesModel, expected, launchBrowser, newPage } from './harness.mjs';
import { engineLog, missing, openBrowser, probedSite, startXvfb, webkitConsole } from './engines.mjs';

const LINK = 'v=2&gpus=16384&gbps=1600&alt=siph&region=ercot&years=6';
const FRAME_QUERY = 'v=2&gpus=8192&gbps=800&alt=lpo&alt_w=8.5&alt_ns=5&alt_usd=790&alt_afr=0.6';
const WIDGET_SCENARIO = 'gpus=4096&alt=lpo';

/** A long store page: the widget 6,000 px below the fold, loaded by the published loader, fetching nothing until near. */
const LONG_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Long page</title><link rel="icon" href="data:,"></head><body>
  <main><h1>Product</h1><div style="height:6000px">Description</div>
  <div id="far" data-optics-calculator data-load="visible" data-config='{"scenario": "${WIDGET_SCENARIO}"}'></div>
  <div style="height:3000px">More</div></main>
  <script type="module" src="../embed.js"></script></body></html>`;

// --- in the page (each takes one argument, for WebDriver and Playwright alike) ---

/** The calculator's figures under `css` (a host element with a shadow root, or the document), once it has settled. */
function settledMetrics(css) {
  const root = css ? document.querySelector(css)?.shadowRoot : document;
  if (!root?.querySelector('.oc-calculator[data-ready] [data-mc-state=done]')) return null;
  return Object.fromEntries([...root.querySelectorAll('[data-metric]')].map((e) => [e.dataset.metric, Number(e.dataset.value)]));
}

/**
 * The iframe `css` once it has taken its content's height and held it for
 * 1.5 s: { height, content, figures } or null while it is still changing.
 */
function settledFrame(css) {
  const frame = document.querySelector(css);
  const doc = frame?.contentDocument;
  if (!doc?.querySelector('.oc-calculator[data-ready] [data-mc-state=done]')) return null;
  const height = frame.getBoundingClientRect().height;
  const content = doc.documentElement.offsetHeight;
  const w = (window.__frameWatch ??= {});
  const key = `${css} ${Math.round(height)} ${content}`;
  if (w[css]?.key !== key) {
    w[css] = { key, since: performance.now() };
    return null;
  }
  if (performance.now() - w[css].since < 1500 || Math.abs(height - content) > 1) return null;
  const figures = Object.fromEntries([...doc.querySelectorAll('[data-metric]')].map((e) => [e.dataset.metric, Number(e.dataset.value)]));
  return { height, content, figures, width: frame.getBoundingClientRect().width };
}

/** The iframes of examples/storefront-iframe.html, each scrolled into view in turn (they load lazily). */
const FRAMES = ['#calc-column iframe', '#calc-below iframe'];

/** Heights of the iframe embed per engine and frame, compared at the end. */
const heights = {};

/**
 * A copy of the build whose page's glue (inline, allowed by its hash in the
 * page's CSP) has changed since the build (served uncompressed).
 */
function tamperedBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'optics-tampered-'));
  cpSync(DIST, dir, { recursive: true });
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  const changed = page.replace('const init = (() => {', 'const init = (() => { /* changed after the build */');
  if (changed === page) throw new Error('index.html has no inline glue to change');
  writeFileSync(join(dir, 'index.html'), changed);
  rmSync(join(dir, 'index.html.br'), { force: true });
  rmSync(join(dir, 'index.html.gz'), { force: true });
  return dir;
}

/** What a page whose glue was changed after the build shows: a refusal by its CSP, and no calculator. */
const REFUSED = () => ({
  refused: (window.__engineLog ?? []).some((l) => /^CSP violation: script-src(-elem)? inline$/.test(l)),
  started: document.querySelector('.oc-calculator[data-ready]') !== null,
});

let site, tampered, xvfb;
before(async () => {
  site = await probedSite({ 'shop/long.html': LONG_PAGE });
  tampered = { dir: tamperedBuild() };
  tampered.site = await probedSite({}, tampered.dir);
  if (!missing('webkit')) xvfb = await startXvfb();
});
after(async () => {
  await site?.stop();
  await tampered?.site?.stop();
  if (tampered) rmSync(tampered.dir, { recursive: true, force: true });
  await xvfb?.stop();
});

for (const engine of ['firefox', 'webkit']) {
  describe(engine, () => {
    let browser;
    before(async () => {
      const absent = missing(engine);
      if (absent) throw new Error(`${engine}: ${absent}`);
      browser = await openBrowser(engine, { display: xvfb?.display });
      const viewport = await browser.setViewport(1280, 900);
      assert.deepEqual(viewport, { width: 1280, height: 900 });
      console.log(`# ${engine}: ${browser.version}`);
    });
    after(() => browser?.quit());

    test('a share link shows the model\'s figures, and a slider changes them', async () => {
      // Three loads: Firefox failed the glue's modulepreload on about half of them.
      for (let load = 0; load < 3; load++) {
        await browser.goto(site.url(`?${LINK}`));
        assertMatchesModel(assert, await browser.waitFor(settledMetrics, [null], { what: 'the settled calculator' }), expected(LINK));
        assert.deepEqual(await engineLog(browser), [], `console, load ${load + 1}`);
      }
      const moved = await browser.run(() => {
        const slider = document.querySelector('input[type=range][data-input=gpus]');
        slider.value = '65536';
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        slider.dispatchEvent(new Event('change', { bubbles: true }));
        return slider.value;
      });
      assert.equal(moved, '65536');
      const want = expected(`${LINK}&gpus=65536`);
      await browser.waitFor(
        (n) => Number(document.querySelector('[data-metric=optical_modules]').dataset.value) === n,
        [want.metrics.optical_modules],
        { what: 'the figures of 65,536 GPUs' },
      );
      assertMatchesModel(assert, await browser.waitFor(settledMetrics, [null]), want);
      // The help texts, fetched at idle (WebKit has no requestIdleCallback: the next task).
      await browser.waitFor(() => document.querySelector('[id="oc-help-gpus"] .oc-source')?.textContent.startsWith('Source: '), [], { what: 'the help texts' });
      assert.deepEqual(await engineLog(browser), []);
      await browser.screenshot(`engines-${engine}-standalone`);

      // A phone's width (below both windows' own minimum, which the harness lifts):
      // the compact arrangement of tests/e2e/phone.test.mjs, one column, the same figures.
      assert.deepEqual(await browser.setViewport(390, 844), { width: 390, height: 844 });
      try {
        await browser.goto(site.url(`?${LINK}`));
        assertMatchesModel(assert, await browser.waitFor(settledMetrics, [null], { what: 'the settled calculator at 390 px' }), expected(LINK));
        const phone = await browser.run(() => ({
          lefts: [...document.querySelectorAll('.oc-headline, .oc-first-touch, .oc-disclosure')].map((e) => Math.round(e.getBoundingClientRect().left)),
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        }));
        assert.ok(phone.lefts.length >= 7 && new Set(phone.lefts).size === 1, `one column: ${phone.lefts}`);
        assert.ok(phone.overflow <= 0, `the page scrolls sideways by ${phone.overflow} px`);
        assert.deepEqual(await engineLog(browser), []);
        await browser.screenshot(`engines-${engine}-phone`);
      } finally {
        await browser.setViewport(1280, 900);
      }
    });

    // The glue is inline, pinned by its hash in the page's CSP. As a file, its
    // integrity attribute was all that checked it, and WebKitGTK 2.50 ran a
    // changed glue all the same.
    test('the glue is checked: a page whose glue changed after the build refuses it, and runs nothing', async () => {
      await browser.goto(tampered.site.url(`?${LINK}`));
      await browser.waitFor(() => (window.__engineLog ?? []).some((l) => l.startsWith('CSP violation')), [], { what: 'the refusal' });
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual(await browser.run(REFUSED), { refused: true, started: false }, (await engineLog(browser)).join('\n'));
    });

    test('the store widget (data-load="visible") fetches nothing until scrolled to, then mounts with its config', async () => {
      await browser.goto(site.url('shop/long.html'));
      await browser.waitFor(() => document.getElementById('far').shadowRoot?.textContent.includes('Optical interconnect calculator'));
      await new Promise((r) => setTimeout(r, 1000));
      const early = await browser.run(() => ({
        wasm: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length,
        mounted: document.getElementById('far').hasAttribute('data-optics-calculator-mounted'),
      }));
      assert.deepEqual(early, { wasm: 0, mounted: false }, 'nothing loaded while the widget is 6,000 px below');
      // No wheel input in WebKitWebDriver: scroll from the page, as a wheel would.
      await browser.run(() => document.getElementById('far').scrollIntoView());
      assertMatchesModel(assert, await browser.waitFor(settledMetrics, ['#far'], { what: 'the widget' }), expected(WIDGET_SCENARIO));
      assert.deepEqual(await engineLog(browser), []);

      // The example product page: the column widget, then the one below the description.
      await browser.goto(site.url('examples/storefront.html'));
      const column = await browser.waitFor(settledMetrics, ['#calc-column optics-calculator'], { what: 'the column widget' });
      assertMatchesModel(assert, column, expected('gpus=8192&gbps=800&alt=lpo&alt_w=8.5&alt_ns=5&alt_usd=790&alt_afr=0.6'));
      await browser.run(() => document.querySelector('#calc-below [data-optics-calculator]').scrollIntoView());
      const below = await browser.waitFor(settledMetrics, ['#calc-below [data-optics-calculator]'], { what: 'the widget below' });
      assertMatchesModel(assert, below, expected('gpus=32768&gbps=800&alt=lpo&alt_w=8.5&alt_ns=5&alt_usd=790&alt_afr=0.6'));
      assert.deepEqual(await engineLog(browser), []);
      await browser.run(() => document.querySelector('#calc-below [data-optics-calculator]').scrollIntoView());
      await browser.screenshot(`engines-${engine}-storefront-below`);
    });

    test('the iframe embed takes its content\'s height, with no console errors', async () => {
      await browser.goto(site.url('examples/storefront-iframe.html'));
      heights[engine] = {};
      for (const css of FRAMES) {
        await browser.run((c) => document.querySelector(c).scrollIntoView(), css);
        const got = await browser.waitFor(settledFrame, [css], { what: `${css} at its content's height`, timeout: 90_000 });
        heights[engine][css] = got.height;
        console.log(`# ${engine}: ${css} ${Math.round(got.width)} x ${Math.round(got.height)} px`);
        assert.deepEqual(await engineLog(browser, css), [], `console in ${css}`);
      }
      const column = await browser.run((c) => document.querySelector(c).contentDocument.querySelector('[data-metric]') && 1, FRAMES[0]);
      assert.equal(column, 1);
      const figures = (await browser.run(settledFrame, FRAMES[0])).figures;
      assertMatchesModel(assert, figures, expected(FRAME_QUERY));
      assert.deepEqual(await engineLog(browser), [], 'console of the host page');
      await browser.run((c) => document.querySelector(c).scrollIntoView(), FRAMES[0]);
      await browser.screenshot(`engines-${engine}-iframe`);
    });

    if (engine === 'webkit') {
      test('WebKit\'s own console is quiet while the page and the iframe page load', async () => {
        for (const path of [`?${LINK}`, `?embed=1&${FRAME_QUERY}`, 'examples/storefront-iframe.html']) {
          const lines = await webkitConsole(site.url(path), xvfb.display);
          assert.deepEqual(lines.filter((l) => /CONSOLE \w* ?(ERROR|WARN)/.test(l)), [], path);
        }
      });
    }
  });
}

test('Chromium refuses a page whose glue changed after the build too', async () => {
  const chromium = await launchBrowser();
  try {
    const { page } = await newPage(chromium, { width: 1280, height: 900 });
    await page.goto(tampered.site.url(`?${LINK}`));
    await page.waitForFunction(() => window.__engineLog?.some((l) => l.startsWith('CSP violation')), null, { timeout: 60_000 });
    await page.waitForTimeout(1000);
    assert.deepEqual(await page.evaluate(REFUSED), { refused: true, started: false }, (await page.evaluate(() => window.__engineLog)).join('\n'));
  } finally {
    await chromium.close();
  }
});

test('the iframe embed is as tall in Firefox and WebKit as in Chromium (within 5%)', async () => {
  const chromium = await launchBrowser();
  try {
    const { page } = await newPage(chromium, { width: 1280, height: 900 });
    await page.goto(site.url('examples/storefront-iframe.html'));
    heights.chromium = {};
    for (const css of FRAMES) {
      await page.evaluate((c) => document.querySelector(c).scrollIntoView(), css);
      const got = await page.waitForFunction(settledFrame, css, { timeout: 90_000, polling: 150 }).then((h) => h.jsonValue());
      heights.chromium[css] = got.height;
    }
  } finally {
    await chromium.close();
  }
  console.log(`# iframe heights, px: ${JSON.stringify(heights)}`);
  for (const css of FRAMES) {
    const want = heights.chromium[css];
    for (const engine of ['firefox', 'webkit']) {
      const got = heights[engine]?.[css];
      assert.ok(got !== undefined, `${engine} measured no height for ${css}`);
      assert.ok(Math.abs(got - want) / want <= 0.05, `${css}: ${engine} ${got} px, Chromium ${want} px`);
    }
  }
});
