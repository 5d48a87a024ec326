// The calculator page loads, shows the model's figures, reacts to input and
// stays usable at phone width.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesModel, axeViolations, expected, metrics, nextFrame, notices, openCalculator, screenshot, setInput } from './harness.mjs';

test('the page shows every headline figure of the default scenario', async () => {
  const s = await openCalculator();
  try {
    assertMatchesModel(assert, await metrics(s.page), expected(''));
    assert.deepEqual(s.log.errors, [], 'console errors');
    await screenshot(s.page, 'desktop-default');
  } finally {
    await s.close();
  }
});

test('changing several inputs recomputes every figure', async () => {
  const s = await openCalculator();
  try {
    await setInput(s.page, 'input[type=range][data-input=gpus]', '100000');
    await setInput(s.page, 'input[type=number][data-input-box=pue]', '1.3');
    await setInput(s.page, 'select[data-input=alt]', 'cpo');
    await setInput(s.page, 'select[data-input=region]', 'ercot');
    await nextFrame(s.page);
    assertMatchesModel(assert, await metrics(s.page), expected('v=3&gpus=100000&pue=1.3&alt=cpo&region=ercot'));
  } finally {
    await s.close();
  }
});

test("opening 'Technology per link level' shows its choices, and a level's technology recomputes every figure", async () => {
  const s = await openCalculator();
  try {
    const level = 'select[data-input=alt2]';
    assert.equal(await s.page.locator(level).count(), 0, 'closed, the levels are not built');
    await s.page.locator('.oc-levels > summary').click();
    await s.page.locator(level).waitFor();
    assert.equal(await s.page.locator('.oc-levels select').count(), 6, 'three levels for each side');
    await setInput(s.page, level, 'cpo');
    // The headline, scrolled out of view by the click, follows at rest.
    const want = expected('v=3&alt2=cpo');
    await s.page.waitForFunction(
      (v) => [...document.querySelectorAll('.oc-calculator [data-metric=co2_saved_t_per_year]')].every((e) => Math.abs(Number(e.dataset.value) - v) < 1e-6),
      want.metrics.co2_saved_t_per_year,
    );
    assertMatchesModel(assert, await metrics(s.page), want);
    // Closed and opened again, it shows the choice made.
    await s.page.locator('.oc-levels > summary').click();
    await s.page.locator('.oc-levels > summary').click();
    assert.equal(await s.page.locator(level).inputValue(), 'cpo');
  } finally {
    await s.close();
  }
});

test("a chart's 'Show as a table' builds its table while open, and the table follows the inputs", async () => {
  const s = await openCalculator();
  try {
    const figure = s.page.locator('[data-chart=power-by-tier]');
    const table = figure.locator('.oc-chart-table table');
    assert.equal(await table.count(), 0, 'closed, the table is not built');
    await figure.locator('.oc-chart-table > summary').click();
    await table.waitFor();
    const before = await table.textContent();
    assert.ok((await table.locator('tbody tr').count()) > 0, 'the table has rows');
    await setInput(s.page, 'input[type=range][data-input=gpus]', '100000');
    await s.page.waitForFunction((old) => document.querySelector('[data-chart=power-by-tier] .oc-chart-table table').textContent !== old, before);
    await figure.locator('.oc-chart-table > summary').click();
    await s.page.waitForFunction(() => !document.querySelector('[data-chart=power-by-tier] .oc-chart-table table'));
  } finally {
    await s.close();
  }
});

test('a typed out-of-range value is clamped, with a notice', async () => {
  const s = await openCalculator();
  try {
    await setInput(s.page, 'input[type=number][data-input-box=pue]', '9');
    await nextFrame(s.page);
    const shown = await notices(s.page);
    assert.ok(shown.some((n) => /PUE/i.test(n)), `no notice about PUE: ${JSON.stringify(shown)}`);
    assert.equal(await s.page.inputValue('[data-input-box=pue]'), '3', 'the box shows the clamped value');
    assertMatchesModel(assert, await metrics(s.page), expected('v=3&pue=3'));
  } finally {
    await s.close();
  }
});

test('dragging the GPU slider never moves what is below the headline', async () => {
  for (const width of [1280, 600]) {
    const s = await openCalculator({ width, height: 900 });
    try {
      // Steps of a drag between 8k and 45k GPUs (three switch tiers throughout):
      // the figures' lengths change, the headline's height must not.
      const tops = [];
      for (const gpus of [8192, 9344, 10496, 16384, 21000, 32832, 34752, 45504]) {
        await setInput(s.page, 'input[type=range][data-input=gpus]', String(gpus));
        await nextFrame(s.page);
        tops.push(await s.page.$eval('[data-chart=power-by-tier]', (e) => Math.round(e.getBoundingClientRect().top)));
      }
      assert.equal(new Set(tops).size, 1, `at ${width} px the power chart's top moved: ${tops}`);
    } finally {
      await s.close();
    }
  }
});

test('at phone width the page has one column and never scrolls sideways', async () => {
  const s = await openCalculator({ width: 390, height: 844 });
  try {
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
    // The compact arrangement (tests/e2e/phone.test.mjs): one column of full-width parts.
    const lefts = await s.page.$$eval('.oc-headline, .oc-first-touch, .oc-disclosure', (els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().left)),
    );
    assert.ok(lefts.length >= 7 && new Set(lefts).size === 1, `one column: ${lefts}`);
    await screenshot(s.page, 'phone-default');
  } finally {
    await s.close();
  }
});

test('axe finds no serious or critical accessibility violations', async () => {
  const s = await openCalculator();
  try {
    assert.deepEqual(await axeViolations(s.page), []);
  } finally {
    await s.close();
  }
});

test("NVIDIA's 2,304-GPU B300 XDR fabric: 18 spines of equal links per leaf, the fluid 16 on request", async () => {
  const query = 'v=3&gpus=2304&radix=144';
  const s = await openCalculator({ path: `?${query}` });
  try {
    const model = expected(query);
    assertMatchesModel(assert, await metrics(s.page), model);
    assert.equal(model.metrics.switches_l2, 18);
    assert.equal(model.metrics.pair_links_l2, 4);
    // The optics card says how the leaves reach the spines.
    const card = s.page.locator('[role=group][aria-label="Optics power"]');
    assert.match(await card.textContent(), /leaf to spine: 4 per pair/);
    // The notice names both counts.
    const shown = await notices(s.page);
    assert.ok(shown.some((n) => /18 spine switches/.test(n) && /16/.test(n)), JSON.stringify(shown));
    // The tier table: the count beside its fluid minimum, and the links per pair.
    const row = s.page.locator('.oc-compare tr', { hasText: 'leaf to spine' });
    await row.waitFor({ timeout: 60_000 });
    await card.screenshot({ path: 'target/screenshots/optics-card-b300-2304.png' });
    assert.match(await row.textContent(), /18 \(fluid minimum 16\).*2,304\s*4/);
    const tiers = s.page.locator('.oc-compare .oc-table-wrap', { hasText: 'leaf to spine' });
    await tiers.scrollIntoViewIfNeeded();
    await nextFrame(s.page);
    await tiers.screenshot({ path: 'target/screenshots/tier-table-b300-2304.png' });

    // Back at the top (out of view, the headline follows only at rest), the fluid minimum.
    await card.scrollIntoViewIfNeeded();
    await setInput(s.page, 'select[data-input=cabling]', 'fluid');
    await s.page.waitForFunction(() =>
      /leaf to spine: 4\.50 on average per pair/.test(document.querySelector('[role=group][aria-label="Optics power"]').textContent),
    );
    assertMatchesModel(assert, await metrics(s.page), expected(`${query}&cabling=fluid`));
    assert.ok(!(await notices(s.page)).some((n) => /spine switches/.test(n)), 'no notice for the fluid count');
  } finally {
    await s.close();
  }
});
