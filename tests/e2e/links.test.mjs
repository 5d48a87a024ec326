// Share links: the URL follows the inputs, a link reproduces its report, and
// hostile links load safely with notices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesModel, expected, metrics, notices, openCalculator, ready, setInput, settled } from './harness.mjs';

test('a crafted link reproduces its scenario', async () => {
  const query = 'v=1&gpus=65536&gbps=1600&alt=cpo&region=ercot&years=7&rate=6.5&alt_w=9.5';
  const s = await openCalculator({ path: `?${query}` });
  try {
    const model = expected(query);
    assert.deepEqual(model.notices, []);
    assertMatchesModel(assert, await metrics(s.page), model);
    assert.deepEqual(await notices(s.page), []);
  } finally {
    await s.close();
  }
});

test('the URL follows the inputs and reopens to the same report', async () => {
  const s = await openCalculator({ prefix: '/tools/optics/' });
  try {
    await setInput(s.page, 'input[type=range][data-input=gpus]', '8192');
    await setInput(s.page, 'select[data-input=base]', 'lro');
    // The URL is rewritten after a short quiet time.
    await s.page.waitForURL(/gpus=8192.*base=lro|base=lro.*gpus=8192/, { timeout: 5_000 });
    const url = s.page.url();
    assert.ok(url.startsWith(s.server.url('')), `the link stays under the sub-path: ${url}`);
    // Both pages must have finished the Monte Carlo run: its percentiles are
    // part of the report the link has to reproduce.
    await settled(s.page);
    const before = await metrics(s.page);
    const fresh = await s.context.newPage();
    await fresh.goto(url);
    await ready(fresh);
    await settled(fresh);
    assert.deepEqual(await metrics(fresh), before, 'reopening the link changed the report');
  } finally {
    await s.close();
  }
});

test('a hostile link loads safe values, says what it ignored and injects nothing', async () => {
  const query =
    'v=9&gpus=NaN&pue=1e308&rate=-5&base=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E' +
    '&alt=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&zzz=%3Cb%3Ebold%3C%2Fb%3E&gpus=12&years=Infinity';
  const s = await openCalculator({ path: `?${query}` });
  try {
    const model = expected(query);
    const shown = await notices(s.page);
    assert.ok(shown.length >= 5, `expected a notice per problem, got ${JSON.stringify(shown)}`);
    assert.deepEqual(shown, model.notices.map((n) => `${n.key}: ${n.message}`), "the page shows every notice, as text");
    const injected = await s.page.evaluate(() => ({
      pwned: window.pwned === 1,
      scripts: document.querySelectorAll('.oc-root script').length,
      imgs: document.querySelectorAll('.oc-root img').length,
      bold: document.querySelectorAll('.oc-root b').length,
    }));
    assert.deepEqual(injected, { pwned: false, scripts: 0, imgs: 0, bold: 0 });
    assertMatchesModel(assert, await metrics(s.page), model);
  } finally {
    await s.close();
  }
});

test('-0 in a link is 0 in the input box, the rewritten link and every data-value; bidi characters never show', async () => {
  const query = 'v=2&exposed=-0&fe=-0&%E2%80%AEzz=%E2%80%AEx';
  const s = await openCalculator({ path: `?${query}` });
  try {
    assert.equal(await s.page.$eval('input[data-input-box=exposed]', (e) => e.value), '0');
    // The one notice, of the unknown key, without the override character the link put in it.
    assert.deepEqual(await notices(s.page), ['zz: unknown input \'zz\'; ignored']);
    await setInput(s.page, 'input[type=range][data-input=gpus]', '8192');
    await s.page.waitForURL(/gpus=8192/, { timeout: 5_000 });
    assert.doesNotMatch(s.page.url(), /=-0(&|$)/, s.page.url());
    const values = await s.page.$$eval('[data-value]', (els) => els.map((e) => e.dataset.value));
    assert.ok(values.length > 0 && values.every((v) => v !== '-0'), values.join(' '));
  } finally {
    await s.close();
  }
});

test('the printed report is two A4 pages: headline, charts and comparison, then the sources', async () => {
  const s = await openCalculator();
  try {
    await settled(s.page);
    await s.page.emulateMedia({ media: 'print' });
    const hidden = await s.page.evaluate(() =>
      ['.oc-actions', '.oc-inputs', '.oc-insight'].filter((css) => getComputedStyle(document.querySelector(css)).display !== 'none'),
    );
    assert.deepEqual(hidden, [], 'controls and the interactive panel stay off the report');
    const pdf = (await s.page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    assert.equal(pages.length, 2, 'the report prints on two pages');
    const text = await s.page.evaluate(() => document.querySelector('.oc-root').innerText);
    for (const part of ['Side by side', 'Network power by tier', 'Inputs, defaults and sources']) {
      assert.ok(text.includes(part), `the report holds "${part}"`);
    }
  } finally {
    await s.close();
  }
});

test('Print report straight after a change prints charts that already follow it', async () => {
  const s = await openCalculator();
  try {
    await settled(s.page);
    // Charts below the viewport are redrawn when the inputs come to rest, not
    // at every input; printing must not wait for that moment.
    const chart = '[data-chart=cumulative-cost] canvas';
    const { before, printed, closed, open, sources } = await s.page.evaluate(async (chart) => {
      const pixels = () => document.querySelector(chart).toDataURL();
      const before = pixels();
      const printed = new Promise((resolve) => {
        window.print = () => resolve(pixels());
      });
      const closed = document.querySelector('.oc-methodology .oc-sources') === null;
      const slider = document.querySelector('input[type=range][data-input=gpus]');
      slider.value = '8192';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      document.querySelector('[data-action=print]').click();
      const shown = await printed;
      const methodology = document.querySelector('.oc-methodology');
      const sources = methodology.querySelectorAll('.oc-sources tbody tr').length;
      return { before, printed: shown, closed, open: methodology.open, sources };
    }, chart);
    assert.ok(closed, 'the methodology, closed, is not built');
    assert.ok(open && sources > 40, `Print opens the methodology with its sources (${sources} rows) before printing`);
    assert.notEqual(printed, before, 'the printed chart follows the change');
    await settled(s.page);
    const now = await s.page.evaluate((chart) => document.querySelector(chart).toDataURL(), chart);
    assert.equal(printed, now, 'and is the drawing of the new inputs');
  } finally {
    await s.close();
  }
});
