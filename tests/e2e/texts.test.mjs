// The prose the wasm does not carry (src/texts.rs): the inputs' help and
// sources and the methodology's formulas arrive from the build's texts file
// after the first paint, on the standalone page and in widgets on another
// origin (one fetch for every widget of a page), reach the CSV export, and
// when the file is missing the page still works and says so in one line.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  DIST,
  assertMatchesModel,
  expected,
  launchBrowser,
  metrics,
  newPage,
  openMethodology,
  ready,
  startServer,
  withStore,
} from './harness.mjs';
import { TEXTS_NAME } from '../../scripts/site/texts-name.mjs';

const TEXTS_FILE = readdirSync(DIST).find((f) => TEXTS_NAME.test(f));
/** The build's texts file (tests/texts_file.rs checks it equals the Rust tables). */
const TEXTS = JSON.parse(readFileSync(join(DIST, TEXTS_FILE), 'utf8'));
const GPUS = TEXTS.inputs.find((t) => t.key === 'gpus');
const FIRST_FORMULA = TEXTS.formulas[0];

/** The text of the element that describes `input` (its aria-describedby), once it holds `want`. */
async function description(scope, input, want) {
  const id = await scope.locator(input).getAttribute('aria-describedby');
  const described = scope.locator(`[id="${id}"]`);
  await described.filter({ hasText: want }).waitFor({ state: 'attached', timeout: 30_000 });
  return described.textContent();
}

/** The first formula's name and text as the methodology panel shows them, once there. */
async function firstFormula(scope) {
  await openMethodology(scope);
  const dt = scope.locator('.oc-methodology .oc-formulas dt').first();
  await dt.waitFor({ state: 'attached', timeout: 30_000 });
  return [await dt.textContent(), await scope.locator('.oc-methodology .oc-formulas dd').first().textContent()];
}

test('the standalone page fills in the help, the formulas and the CSV sources from the texts file', async () => {
  const server = await startServer(DIST, '/');
  const browser = await launchBrowser();
  try {
    const { page, log } = await newPage(browser);
    // The page's own requests: the service worker's precache (once it
    // installs, which a loaded machine may reach mid-test) fetches the file too.
    const fetched = [];
    page.on('request', (r) => r.url().endsWith(TEXTS_FILE) && fetched.push(r.url()));
    await page.goto(server.url(''));
    await ready(page);
    const help = await description(page, 'input[type=range][data-input=gpus]', GPUS.help);
    assert.ok(help.startsWith(GPUS.help) && help.includes(`Source: ${GPUS.source}`), help);
    assert.deepEqual(await firstFormula(page), [FIRST_FORMULA.name, FIRST_FORMULA.text]);
    assert.equal(await page.locator('.oc-texts-missing:not([hidden])').count(), 0, 'no "still loading" line once loaded');

    const download = page.waitForEvent('download');
    await page.click('[data-action=csv]');
    const csv = readFileSync(await (await download).path(), 'utf8');
    for (const t of TEXTS.inputs) assert.ok(csv.includes(t.source.replaceAll('"', '""')), `the CSV has the source of ${t.key}`);
    assert.equal(fetched.length, 1, 'fetched once');
    assert.deepEqual(log.errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('widgets on a store page of another origin fetch the texts once, beside the stylesheet', () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Store</title><link rel="icon" href="data:,"></head><body>
      <div id="a" data-optics-calculator data-load="eager"></div>
      <div id="b" data-optics-calculator data-load="eager" data-config='{"layout": "full"}'></div>
      <script type="module" src="${calc.url('embed.js')}"></script>
    </body></html>`,
    async ({ browser, calc, shop }) => {
      const { page, log } = await newPage(browser);
      await page.goto(shop.server.url(''));
      for (const widget of ['#a', '#b']) {
        const scope = page.locator(widget);
        await scope.locator('.oc-calculator[data-ready] [data-metric]').first().waitFor({ timeout: 60_000 });
        const help = await description(scope, 'input[type=range][data-input=gpus]', GPUS.help);
        assert.ok(help.includes(`Source: ${GPUS.source}`), `${widget}: ${help}`);
        assert.deepEqual(await firstFormula(scope), [FIRST_FORMULA.name, FIRST_FORMULA.text], widget);
      }
      assert.deepEqual(calc.requests.filter((r) => r.includes('optics-texts-')), [`/optics/${TEXTS_FILE}`], 'one fetch for the page');
      assert.deepEqual(log.errors, []);
    },
  ));

test('without the texts file the page works and says in one line that the texts could not be loaded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'optics-no-texts-'));
  cpSync(DIST, dir, { recursive: true });
  // The file and its .br and .gz copies.
  for (const f of readdirSync(dir).filter((f) => f.startsWith('optics-texts-'))) rmSync(join(dir, f));
  const server = await startServer(dir, '/');
  const browser = await launchBrowser();
  try {
    const { page, log } = await newPage(browser);
    await page.goto(server.url('?gpus=4096'));
    await ready(page);
    assertMatchesModel(assert, await metrics(page), expected('gpus=4096'));
    const help = await description(page, 'input[type=range][data-input=gpus]', 'could not be loaded');
    assert.equal(help, "The help text could not be loaded (the console says why); it is in the calculator's README.");
    await openMethodology(page);
    const missing = page.locator('.oc-methodology .oc-texts-missing');
    await missing.filter({ hasText: 'could not be loaded' }).waitFor({ state: 'attached' });
    assert.equal(await missing.count(), 1, 'one line');
    assert.equal(await page.locator('.oc-methodology .oc-formulas dt').count(), 0, 'no formula names without their text');
    // The export still works, and says that its Source column is empty.
    const download = page.waitForEvent('download');
    await page.click('[data-action=csv]');
    assert.match(readFileSync(await (await download).path(), 'utf8'), /^\uFEFFInputs\r\n/);
    await page.locator('[data-notice]', { hasText: 'Source column is empty' }).waitFor();
    assert.ok(log.errors.some((e) => /texts could not be loaded .*HTTP 404/.test(e)), `the console says why: ${log.errors}`);
    assert.ok(!log.errors.some((e) => /panicked|RuntimeError|unreachable/.test(e)), `no trap: ${log.errors}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
