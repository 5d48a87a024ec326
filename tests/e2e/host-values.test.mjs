// What a host page hands the widget, taken at its word but within limits:
// a product is known by its part number even when another has the same
// figures, and a value nested too deeply or too large is refused with one
// console line, through every way in (mount(), set_scenario(), data-config,
// the custom element's config, the iframe's messages), while every other
// widget on the page goes on answering.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIST, expected, launchBrowser, newPage, startServer, store } from './harness.mjs';

const LPO = { tech: 'lpo', gbps: 800, power_w: 8.5, latency_ns: 5, price_usd: 790 };
// One module under two part numbers, one whose price differs below the
// input's $1 step (the same figures once read), one 0.1 mW apart.
const SKUS = [
  { sku: 'LPO-A', name: 'LPO A', ...LPO },
  { sku: 'LPO-B', name: 'LPO B', ...LPO },
  { sku: 'LPO-C', name: 'LPO C', ...LPO, price_usd: 790.0000001 },
  { sku: 'LPO-D', name: 'LPO D', ...LPO, power_w: 8.5001 },
];
const CONFIG = {
  scenario: { gpus: 8192 },
  catalog: { mode: 'replace', skus: SKUS },
  layout: 'compact',
  cta: { label: '\u202eAdd to cart\u2069', url: 'https://shop.example/cart?sku={sku}&qty={qty}' },
  // A bidi override would print every figure backwards ("ry/M08.1$").
  locale: { currency: '\u202e$' },
};
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** A store page on its own origin with the loader from the calculator's, and `body`. */
async function shopWith(calc, body) {
  return store(`<!DOCTYPE html><html><head><title>Store</title><link rel="icon" href="data:,"></head><body>
    ${body}
    <script type="module">
      import { mount } from '${calc.url('embed.js')}';
      window.mount = mount;
      window.events = [];
      document.addEventListener('optics-calc:change', (e) => window.events.push({ host: e.target.id, detail: e.detail }));
    </script>
  </body></html>`);
}

test('the chosen SKU is the one the picker, details, bill, cart link, event and share link carry, twins or not', async () => {
  const calc = await startServer(DIST, '/optics/');
  const shop = await shopWith(calc, '<div id="a"></div><div id="again"></div>');
  const browser = await launchBrowser();
  try {
    const { page, log } = await newPage(browser);
    await page.goto(shop.server.url(''));
    await page.waitForFunction(() => window.mount);
    await page.evaluate(async (config) => {
      window.widget = await window.mount(document.getElementById('a'), config);
    }, CONFIG);
    await page.locator('#a #oc-in-product').waitFor({ timeout: 60_000 });
    const shown = () =>
      page.evaluate(() => {
        const root = document.getElementById('a').shadowRoot;
        const select = root.querySelector('#oc-in-product');
        return {
          picker: select.value,
          pickerText: select.selectedOptions[0]?.textContent,
          details: root.querySelector('.oc-product-details')?.dataset.sku,
          bill: root.querySelector('.oc-bill')?.dataset.billSku,
          cta: root.querySelector('[data-action=cta]')?.href,
          ctaText: root.querySelector('[data-action=cta]')?.textContent,
          text: root.textContent,
          money: root.querySelector('[data-metric=cost_saved_usd_per_year]')?.textContent,
          event: window.events.at(-1)?.detail,
          report: window.widget.report(),
        };
      });
    for (const i of [1, 2, 0, 3, 1]) {
      const part = SKUS[i].sku;
      const before = await page.evaluate(() => window.events.length);
      await page.evaluate((i) => {
        const select = document.getElementById('a').shadowRoot.querySelector('#oc-in-product');
        select.value = `sku:${i}`;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, i);
      await page.waitForFunction((n) => window.events.length > n, before);
      const s = await shown();
      assert.equal(s.picker, `sku:${i}`, part);
      assert.match(s.pickerText, new RegExp(`^${SKUS[i].name} `), part);
      assert.equal(s.details, part, 'details');
      assert.equal(s.bill, part, 'bill');
      assert.equal(new URL(s.cta).searchParams.get('sku'), part, 'call to action');
      assert.equal(s.ctaText, 'Add to cart');
      assert.doesNotMatch(s.text, BIDI, 'no bidi character is shown');
      assert.match(s.money, /^-?\$\d/, s.money);
      assert.equal(s.event.bill.sku, part, 'the change event');
      assert.equal(s.report.bill.sku, part, 'report()');
      assert.equal(new URLSearchParams(s.event.query).get('sku'), part, `share link ${s.event.query}`);
      // The share link selects the same SKU again, in a fresh widget.
      const reopened = await page.evaluate(
        async ([config, query]) => {
          const host = document.getElementById('again');
          const w = await window.mount(host, { ...config, scenario: query });
          const out = { bill: w.report().bill.sku, picker: host.shadowRoot.querySelector('#oc-in-product').value };
          w.unmount();
          return out;
        },
        [CONFIG, s.event.query],
      );
      assert.deepEqual(reopened, { bill: part, picker: `sku:${i}` }, `reopened ${s.event.query}`);
    }
    // The figures are the model's for the SKU's scenario.
    const last = await shown();
    assert.equal(last.event.figures.npv_usd, expected(last.event.query.replace(/&sku=[^&]*/, '')).metrics.npv_usd);
    assert.deepEqual(log.errors, []);
  } finally {
    await browser.close();
    await shop.stop();
    await calc.stop();
  }
});

/** An object or array nested `levels` deep, as the page would build it. */
const DEEP = `(levels, array) => { let o = 1; for (let i = 0; i < levels; i++) o = array ? [o] : { o }; return o; }`;

test('values nested too deeply or too large are refused at every way in, and every other widget still answers', async () => {
  const calc = await startServer(DIST, '/optics/');
  const deepJson = JSON.stringify({ scenario: { gpus: 4096 }, deep: JSON.parse(`${'['.repeat(4000)}1${']'.repeat(4000)}`) });
  const shop = await shopWith(
    calc,
    // The iframe first: an off-screen cross-origin frame gets no animation
    // frames, and the calculator starts after its first frame.
    `<script>
       window.frameChanges = [];
       addEventListener('message', (e) => e.data?.type === 'optics-calc:change' && window.frameChanges.push(e.data));
     </script>
     <iframe id="frame" src="${calc.url('index.html?embed=1&gpus=4096')}" title="Optics calculator"></iframe>
     <div id="a"></div><div id="b"></div><div id="c"></div>
     <div id="attr" data-optics-calculator data-load="eager" data-config='${deepJson}'></div>
     <optics-calculator id="element" data-load="eager" config='${deepJson}'></optics-calculator>`,
  );
  const browser = await launchBrowser();
  try {
    const { page, log } = await newPage(browser);
    await page.goto(shop.server.url(''));
    await page.waitForFunction(() => window.mount);
    await page.evaluate(`window.deep = ${DEEP}`);
    // A working widget that must keep working throughout.
    await page.evaluate(async () => {
      window.a = await window.mount(document.getElementById('a'), { scenario: { gpus: 8192 } });
    });
    const aAnswers = async (gpus) => {
      const notices = await page.evaluate((g) => window.a.set_scenario({ gpus: g }), gpus);
      assert.deepEqual(notices, []);
      const report = await page.evaluate(() => window.a.report());
      assert.equal(report.figures.optical_modules, expected(`v=3&gpus=${gpus}`).metrics.optical_modules);
    };
    await aAnswers(8192);
    const refusals = () => log.errors.filter((l) => /nested deeper than 32 levels|more than 1024 KB of JSON/.test(l));

    // data-config and the custom element's config: the defaults, one line each.
    for (const id of ['attr', 'element']) {
      await page.locator(`#${id} [data-metric=optical_modules]`).first().waitFor({ timeout: 60_000 });
      const modules = await page.locator(`#${id} [data-metric=optical_modules]`).first().getAttribute('data-value');
      assert.equal(Number(modules), expected('v=3').metrics.optical_modules, `${id}: the default scenario`);
    }
    assert.equal(refusals().length, 2, refusals().join('\n'));

    // mount(): objects and arrays 4,000 deep, and 2 MB: the defaults, each with its line.
    for (const [what, value] of [
      ['an object 4,000 deep', 'deep(4000, false)'],
      ['an array 4,000 deep', 'deep(4000, true)'],
      ['a 2 MB config', "({ scenario: { gpus: 2048 }, pad: 'x'.repeat(2 ** 21) })"],
    ]) {
      const before = refusals().length;
      const modules = await page.evaluate(async (value) => {
        const host = document.getElementById('b');
        const w = await window.mount(host, { scenario: { gpus: 2048 }, catalog: eval(value) });
        const m = w.report().figures.optical_modules;
        w.unmount();
        return m;
      }, value);
      assert.equal(modules, expected('v=3').metrics.optical_modules, `${what}: mounted with the defaults`);
      assert.equal(refusals().length, before + 1, `${what}: ${refusals().at(-1)}`);
      await aAnswers(16384);
    }
    assert.match(log.errors.find((l) => /config: the config is nested deeper/.test(l)) ?? '', /^optics-calc: config: the config is nested deeper than 32 levels of objects and arrays; using the defaults$/);

    // set_scenario(): refused, the widget keeps its scenario.
    await page.evaluate(async () => {
      window.c = await window.mount(document.getElementById('c'), { scenario: { gpus: 4096 } });
    });
    for (const value of ['({ gpus: 5, deep: deep(4000, false) })', 'deep(4000, true)', "({ gpus: 5, pad: 'x'.repeat(2 ** 21) })", "'gpus=5&x=' + 'y'.repeat(2 ** 21)"]) {
      const outcome = await page.evaluate((value) => {
        try {
          window.c.set_scenario(eval(value));
          return 'taken';
        } catch (e) {
          return String(e.message);
        }
      }, value);
      assert.match(outcome, /^optics-calc: set_scenario\(\): the scenario (is nested deeper than 32 levels|is more than 1024 KB of JSON)/, value);
      assert.equal(await page.evaluate(() => window.c.report().figures.optical_modules), expected('v=3&gpus=4096').metrics.optical_modules);
    }
    await aAnswers(2048);

    // The iframe: a message nested 1,000 deep is refused, a good one then taken. (This
    // Chromium delivers a message nested more than about 2,000 deep as null.)
    await page.waitForFunction(() => window.frameChanges.length > 0, null, { timeout: 60_000 });
    const before = refusals().length;
    await page.evaluate(() => {
      const w = document.getElementById('frame').contentWindow;
      w.postMessage({ type: 'optics-calc:set-scenario', scenario: { gpus: 5, deep: window.deep(1000, false) } }, '*');
      w.postMessage({ type: 'optics-calc:set-scenario', scenario: { gpus: 65536 } }, '*');
    });
    const want = expected('v=3&gpus=65536').metrics.optical_modules;
    await page.waitForFunction((n) => window.frameChanges.at(-1).figures.optical_modules === n, want, { timeout: 10_000 });
    assert.ok(!(await page.evaluate(() => window.frameChanges.some((c) => c.query.includes('gpus=5&')))), 'the refused message set nothing');
    assert.ok(refusals().length > before, 'the frame logged its refusal');

    // And later mounts still work.
    const later = await page.evaluate(async () => {
      const w = await window.mount(document.getElementById('b'), { scenario: 'gpus=1024' });
      return w.report().figures.optical_modules;
    });
    assert.equal(later, expected('v=3&gpus=1024').metrics.optical_modules);
    await aAnswers(32768);
    assert.deepEqual(
      log.errors.filter((l) => !refusals().includes(l)),
      [],
      'no other error: no trap, no panic',
    );
  } finally {
    await browser.close();
    await shop.stop();
    await calc.stop();
  }
});
