// The standalone page on a phone answers first: below 700 px it takes the
// widget's compact order (headline figures; for a link, one line saying what
// the link sets; the first inputs; the rest folded away), on the first screen
// for the default page and for links, with nothing moving while the wasm
// takes over from the pre-rendered first paint. A desktop keeps its order.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DIST, assertMatchesModel, expected, launchBrowser, metrics, newPage, ready, screenshot, startServer, sumLayoutShifts } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const FIRST_FIGURE = '.oc-headline .oc-card-value';

/** The page at `query`, built (every stage) and laid out, its layout shifts summed from the first byte. */
async function open(browser, server, query, viewport) {
  const session = await newPage(browser, viewport);
  await sumLayoutShifts(session.context);
  await session.page.goto(server.url(query));
  await ready(session.page);
  // The later stages' own frames, and a settle, before the shifts are read.
  await session.page.waitForTimeout(500);
  return session;
}

const top = (page, css) => page.$eval(css, (e) => e.getBoundingClientRect().top);

test('on a phone the headline comes first, on the first screen, and a link says what it sets', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const cases = [
      { query: '', sets: null, shot: 'phone-390-default' },
      { query: '?v=2&gpus=100000&alt=cpo', sets: 'This link sets 100,000 GPUs and proposed technology to Co-packaged optics.', shot: 'phone-390-link' },
      {
        query: '?v=2&gbps=1600&region=ercot&years=7&alt=siph&pue=1.3',
        sets: 'This link sets scale-out port speed to 1.6T, proposed technology to Silicon-photonics pluggable, region to Dallas / ERCOT, PUE to 1.3 and 1 more input.',
        shot: 'phone-390-link-2',
      },
    ];
    for (const { query, sets, shot } of cases) {
      const { context, page, log } = await open(browser, server, query, PHONE);
      assertMatchesModel(assert, await metrics(page), expected(query.slice(1)));
      const figure = await top(page, FIRST_FIGURE);
      assert.ok(figure >= 0 && figure < PHONE.height, `${query || 'default'}: the first headline figure is at ${figure} px`);
      // Headline, then what the link sets, then the first inputs; the rest folded.
      const order = await page.$$eval('.oc-headline, .oc-link-sets, .oc-first-touch', (els) => els.map((e) => e.className));
      assert.deepEqual(order, ['oc-headline', ...(sets ? ['oc-link-sets'] : []), 'oc-group oc-first-touch'], query);
      assert.equal(await page.locator('details.oc-disclosure[open]').count(), 0, 'the other groups start folded');
      assert.ok((await page.locator('details.oc-disclosure').count()) >= 5);
      if (sets) {
        assert.equal(await page.textContent('.oc-link-sets'), sets);
      } else {
        assert.equal(await page.locator('.oc-link-sets').count(), 0, 'no line without a link');
      }
      assert.equal(await page.evaluate(() => window.shifts), 0, `${query || 'default'}: something moved while the page loaded`);
      assert.deepEqual(log.errors, []);
      await screenshot(page, shot);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('calculator.html, the one-file page, takes the same order on a phone', async () => {
  const browser = await launchBrowser();
  try {
    const { context, page, log } = await newPage(browser, PHONE);
    await sumLayoutShifts(context);
    await page.goto(`${pathToFileURL(join(DIST, 'calculator.html'))}?v=2&gpus=100000&alt=cpo`);
    await ready(page);
    assertMatchesModel(assert, await metrics(page), expected('v=2&gpus=100000&alt=cpo'));
    assert.ok((await top(page, FIRST_FIGURE)) < PHONE.height);
    assert.equal(await page.textContent('.oc-link-sets'), 'This link sets 100,000 GPUs and proposed technology to Co-packaged optics.');
    assert.equal(await page.evaluate(() => window.shifts), 0);
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    await browser.close();
  }
});

test('the link line is text: markup in a link is never rendered', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { context, page } = await open(browser, server, '?v=2&gpus=2048&%3Cimg%20src%3Dx%3E=1&alt=%3Cb%3Ex%3C%2Fb%3E', PHONE);
    assert.equal(await page.textContent('.oc-link-sets'), 'This link sets 2,048 GPUs.');
    assert.equal(await page.locator('.oc-calculator img, .oc-calculator b').count(), 0);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a desktop keeps its order: inputs beside the results, every group open, no link line', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const query of ['', '?v=2&gpus=100000&alt=cpo']) {
      const { context, page } = await open(browser, server, query, DESKTOP);
      assert.equal(await page.locator('.oc-compact, .oc-disclosure, .oc-link-sets').count(), 0, 'the full arrangement');
      const columns = await page.$eval('.oc-layout', (e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
      assert.equal(columns, 2);
      const [inputs, results] = await Promise.all(['.oc-inputs', '.oc-results'].map((css) => page.$eval(css, (e) => e.getBoundingClientRect().toJSON())));
      assert.ok(inputs.right <= results.left && Math.abs(inputs.top - results.top) < 1, 'inputs on the left, results beside them');
      assert.equal(await page.locator('.oc-inputs > fieldset.oc-group').count(), 5, 'every input group, open');
      assert.equal(await page.evaluate(() => window.shifts), 0, `${query || 'default'}: something moved while the page loaded`);
      if (!query) await screenshot(page, 'desktop-1280-default');
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the arrangement follows the width: a window narrowed to a phone takes the compact order, widened back the full one', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { page, context, log } = await open(browser, server, '?v=2&gpus=4096&alt=lpo', DESKTOP);
    const compact = () => page.locator('.oc-calculator.oc-compact').count();
    assert.equal(await compact(), 0, 'a desktop starts in the full order');
    await page.setViewportSize(PHONE);
    await page.waitForFunction(() => document.querySelector('.oc-calculator.oc-compact .oc-headline-box'), null, { timeout: 10_000 });
    assert.ok((await top(page, FIRST_FIGURE)) < PHONE.height, 'narrowed, the headline is on the first screen');
    await page.setViewportSize(DESKTOP);
    await page.waitForFunction(() => !document.querySelector('.oc-calculator.oc-compact'), null, { timeout: 10_000 });
    assert.equal(await page.locator('.oc-inputs .oc-disclosure').count(), 0, 'widened, every group is open again');
    assertMatchesModel(assert, await metrics(page), expected('v=2&gpus=4096&alt=lpo'));
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
