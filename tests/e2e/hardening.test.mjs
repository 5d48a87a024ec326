// Nothing a host page does breaks a widget (issue 30): a host enforcing
// Trusted Types, random and hostile values through every way in, a trap in
// the shared wasm instance, and single-page stores that remove widgets
// without unmounting them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, expected, newPage, withStore } from './harness.mjs';

/** How many random values go through each way in (10,000 in all). */
const FUZZ = { set_scenario: 5000, mount: 800, data_config: 800, attribute: 800, iframe: 2600 };
/** Elements mounted and removed each way in the leak test. */
const CYCLES = 500;

/** Runs `use({ browser, calc, shop })` with the calculator and a store page `html(calc)` on their own origins. */

/** Two widgets that must keep answering whatever happens to the others. */
const SENTINELS = `<div id="s1" data-optics-calculator data-load="eager"></div>
  <optics-calculator id="s2" data-load="eager" config='{"scenario": {"gpus": 4096}}'></optics-calculator>`;

/** Waits until each sentinel shows the model's module count for the share-link `query`. */
async function sentinelsShow(page, query, ids = ['s1', 's2']) {
  const want = String(expected(query ? `v=3&${query}` : 'v=3').metrics.optical_modules);
  for (const id of ids) {
    await page.waitForFunction(
      ({ id, want }) => document.getElementById(id)?.shadowRoot?.querySelector('.oc-calculator[data-ready] [data-metric=optical_modules]')?.dataset.value === want,
      { id, want },
      { timeout: 60_000 },
    );
  }
}

/** Whether each sentinel still answers: its GPU input takes a new value and the figures follow, as the model says. */
async function sentinelsAnswer(page, gpus) {
  for (const id of ['s1', 's2']) {
    await page.evaluate(({ id, gpus }) => {
      const input = document.getElementById(id).shadowRoot.querySelector('input[type=number][data-input-box=gpus]');
      input.value = String(gpus);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, { id, gpus });
  }
  await sentinelsShow(page, `gpus=${gpus}`);
}

/** A store page whose CSP enforces Trusted Types, allowing the policies `allowed` (e.g. "optics-calc" or "'none'"). */
const trustedTypesStore = (allowed) => (calc) => `<!DOCTYPE html><html lang="en"><head><title>TT</title><link rel="icon" href="data:,">
  <meta http-equiv="Content-Security-Policy" content="script-src ${calc.origin} 'wasm-unsafe-eval'; style-src ${calc.origin}; connect-src ${calc.origin}; frame-src ${calc.origin}; require-trusted-types-for 'script'; trusted-types ${allowed}">
  </head><body><main>${SENTINELS}
  <iframe id="f" title="Calculator" src="${calc.url('index.html?embed=1&v=3&gpus=2048')}" width="800" height="600"></iframe>
  </main><script type="module" src="${calc.url('embed.js')}"></script></body></html>`;

/** Whether a widget mounted now, after whatever happened before, reports the model's figures. */
async function aNewMountAnswers(page, embed) {
  const fresh = await page.evaluate(async (embed) => {
    const { mount } = await import(embed);
    const el = document.createElement('div');
    document.body.append(el);
    const w = await mount(el, { scenario: { gpus: 512 } });
    return w.report().figures.optical_modules;
  }, embed);
  assert.equal(fresh, expected('v=3&gpus=512').metrics.optical_modules);
}

test('a host that enforces Trusted Types and allows optics-calc: the div, the element and the iframe all mount and work', () =>
  withStore(trustedTypesStore('optics-calc'), async ({ browser, shop }) => {
    const { page, log } = await newPage(browser);
    await page.goto(shop.server.url(''));
    await sentinelsShow(page, 'gpus=4096', ['s2']);
    await sentinelsShow(page, '', ['s1']);
    await sentinelsAnswer(page, 1024);
    // Below two full widgets: an off-screen cross-origin frame gets no
    // animation frames, and the calculator starts after its first one.
    await page.locator('#f').scrollIntoViewIfNeeded();
    const frame = page.frameLocator('#f');
    await frame.locator('.oc-calculator[data-ready] [data-metric=optical_modules]').first().waitFor({ state: 'attached', timeout: 60_000 });
    assert.equal(Number(await frame.locator('[data-metric=optical_modules]').first().getAttribute('data-value')), expected('v=3&gpus=2048').metrics.optical_modules);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations ?? []), [], 'no Trusted Types or CSP violation');
    assert.deepEqual(log.errors, []);
  }));

test('a host that enforces Trusted Types and allows no policy: the fallback and its link, one console line naming the directive; the iframe works', () =>
  withStore(trustedTypesStore("'none'"), async ({ browser, shop }) => {
    const { page, log } = await newPage(browser);
    await page.goto(shop.server.url(''));
    for (const id of ['s1', 's2']) {
      const link = page.locator(`#${id} a`, { hasText: 'Open the calculator' });
      await link.waitFor({ timeout: 60_000 });
      assert.match(await link.getAttribute('href'), id === 's2' ? /\?v=3&gpus=4096$/ : /\/optics\/$/);
    }
    const advice = log.errors.filter((l) => l.startsWith('optics-calc:'));
    assert.equal(advice.length, 1, advice.join('\n'));
    assert.match(advice[0], /trusted-types optics-calc/);
    const frame = page.frameLocator('#f');
    await frame.locator('.oc-calculator[data-ready] [data-metric=optical_modules]').first().waitFor({ state: 'attached', timeout: 60_000 });
  }));

/** A seeded generator of JSON-like values of every type, depth and size (NaN and Infinity as numbers). */
function generatorSource() {
  return `(seed) => {
    let s = seed >>> 0;
    const rand = () => ((s = (s + 0x6d2b79f5) >>> 0), ((t) => ((t ^ (t >>> 14)) >>> 0) / 4294967296)(Math.imul(s ^ (s >>> 15), 1 | s) ^ (Math.imul(s ^ (s >>> 7), 61 | s) + s)));
    const pick = (a) => a[Math.floor(rand() * a.length)];
    const KEYS = ['gpus', 'alt', 'base', 'gbps', 'pue', 'years', 'alt_w', 'scenario', 'theme', 'catalog', 'skus', 'cta', 'url', 'label',
      'locale', 'currency', 'tag', 'layout', 'sections', 'charts', 'share_url', 'url_sync', 'type', 'sku', 'power_w', '__proto__', 'constructor', ''];
    const text = () => pick(['', 'lpo', 'cpo', 'v=3&gpus=9', 'javascript:alert(1)', '<img src=x onerror=alert(1)>', '\\u202e$', 'x'.repeat(1 + Math.floor(rand() * 5000)),
      String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(rand() * 0xffff))), 'https://shop.example/c?sku={sku}&qty={qty}', '#c00', '1e309', '-0']);
    const number = () => pick([NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, rand() * 1e6, -rand() * 100, 8192, 0.5]);
    const value = (depth) => {
      const r = rand();
      if (depth > 6 || r < 0.35) return pick([null, true, false, number(), number(), text(), text()]);
      if (r < 0.6) return Array.from({ length: Math.floor(rand() * 6) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 6) }, () => [pick(KEYS), value(depth + 1)]));
    };
    const deep = (n, array) => { let v = 1; for (let i = 0; i < n; i++) v = array ? [v] : { scenario: v }; return v; };
    return () => {
      const r = rand();
      if (r < 0.03) return deep(100 + Math.floor(rand() * 6000), rand() < 0.5);
      if (r < 0.04) return { scenario: { gpus: 8 }, pad: 'x'.repeat(Math.floor(rand() * 3e6)) };
      if (r < 0.06) return Array.from({ length: 5000 }, () => value(5));
      return value(0);
    };
  }`;
}

test('10,000 random values through mount(), set_scenario(), data-config, the config attribute and the iframe: the other widgets keep answering', { timeout: 1_800_000 }, () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Fuzz</title><link rel="icon" href="data:,"></head><body><main>${SENTINELS}
      <div id="pen"></div>
      <iframe id="f" title="Calculator" src="${calc.url('index.html?embed=1&v=3&gpus=2048')}" style="width:100%;height:400px;border:0"></iframe>
      </main><script type="module" src="${calc.url('embed.js')}"></script></body></html>`,
    async ({ browser, calc, shop }) => {
      const { page, log } = await newPage(browser);
      page.setDefaultTimeout(120_000);
      await page.goto(shop.server.url(''));
      await sentinelsShow(page, 'gpus=4096', ['s2']);
      const embed = calc.url('embed.js');
      const ran = await page.evaluate(
        async ({ embed, counts, make }) => {
          const { mount } = await import(embed);
          const next = new Function(`return (${make})`)()(20261206);
          const victimEl = document.createElement('div');
          document.getElementById('pen').before(victimEl);
          const victim = await mount(victimEl, undefined);
          const tick = () => new Promise((r) => setTimeout(r));
          const seen = { refused: 0, answered: 0, failed: 0 };
          let handle = victim;
          for (let i = 0; i < counts.set_scenario; i++) {
            if (!handle) break;
            try {
              handle.set_scenario(next());
              seen.answered++;
            } catch (e) {
              seen[String(e?.message).startsWith('optics-calc:') ? 'refused' : 'failed']++;
            }
            if (i % 200 === 0) await tick();
          }
          const pen = document.getElementById('pen');
          for (let i = 0; i < counts.mount; i++) {
            const el = document.createElement('div');
            pen.replaceChildren(el);
            await mount(el, next()).then((w) => w.unmount(), () => seen.refused++);
          }
          const text = (v) => (Math.random() < 0.1 ? JSON.stringify(v)?.slice(0, 40) ?? '{' : JSON.stringify(v) ?? 'null');
          for (let i = 0; i < counts.data_config; i++) {
            const el = document.createElement('div');
            el.setAttribute('data-optics-calculator', '');
            el.setAttribute('data-load', 'eager');
            el.setAttribute('data-config', text(next()));
            pen.replaceChildren(el);
            await tick();
          }
          for (let i = 0; i < counts.attribute; i++) {
            const el = document.createElement('optics-calculator');
            el.setAttribute('data-load', 'eager');
            el.setAttribute('config', text(next()));
            pen.replaceChildren(el);
            await tick();
          }
          pen.replaceChildren();
          const frame = document.getElementById('f').contentWindow;
          // A frame never receives a value nested deeper than the browser's
          // structured clone takes (this Chromium delivers ~2,000 levels as
          // null): deeper ones are cut there.
          const shallow = (v, depth = 0) =>
            depth > 1500 ? null : Array.isArray(v) ? v.map((x) => shallow(x, depth + 1)) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shallow(x, depth + 1)])) : v;
          for (let i = 0; i < counts.iframe; i++) {
            let v = next();
            try {
              v = shallow(v);
            } catch {
              v = null;
            }
            try {
              frame.postMessage(i % 2 ? { type: 'optics-calc:set-scenario', scenario: v } : v, '*');
            } catch {
              seen.unsendable = (seen.unsendable ?? 0) + 1; // too deep for the browser to clone: no frame ever receives it
            }
            if (i % 100 === 0) await tick();
          }
          return seen;
        },
        { embed, counts: FUZZ, make: generatorSource() },
      );
      console.log(`# set_scenario: ${JSON.stringify(ran)}`);
      assert.ok(ran.answered + ran.refused > FUZZ.set_scenario / 2, 'set_scenario answered or refused each value');
      // Every other widget still answers, and a new one mounts.
      await sentinelsAnswer(page, 2048);
      await aNewMountAnswers(page, embed);
      // The frame starts once on screen (an off-screen cross-origin frame gets no animation frames).
      await page.locator('#f').scrollIntoViewIfNeeded();
      const frame = page.frameLocator('#f');
      await frame.locator('.oc-calculator[data-ready] [data-metric=optical_modules]').first().waitFor({ state: 'attached', timeout: 60_000 });
      await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'optics-calc:set-scenario', scenario: 'gpus=1024' }, '*'));
      await frame.locator('[data-metric=optical_modules][data-value="' + expected('v=3&gpus=1024').metrics.optical_modules + '"]').first().waitFor({ state: 'attached', timeout: 60_000 });
      assert.ok(!log.errors.some((l) => /RuntimeError|memory access|DataView/.test(l)), log.errors.filter((l) => /RuntimeError|memory access|DataView/.test(l)).slice(0, 3).join('\n'));
    },
  ));

test('a trap in the shared wasm: the widgets restart on a fresh instance with their scenarios; later mounts work', () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>Trap</title><link rel="icon" href="data:,"></head><body><main>${SENTINELS}
      </main><script type="module" src="${calc.url('embed.js')}"></script></body></html>`,
    async ({ browser, calc, shop }) => {
      const { page, log } = await newPage(browser);
      await page.goto(shop.server.url(''));
      await sentinelsShow(page, 'gpus=4096', ['s2']);
      await sentinelsAnswer(page, 1536);
      // A trap inside one of the wasm's own event handlers reaches the page as an error event.
      await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
      await sentinelsShow(page, 'gpus=1536');
      assert.ok(log.requests.some((u) => /optics-calc-[0-9a-f]+\.js\?instance=1$/.test(u)), 'a fresh instance of the glue');
      assert.ok(log.errors.some((l) => l.startsWith('optics-calc: the calculator failed')), log.errors.join('\n'));
      await sentinelsAnswer(page, 3072);
      await aNewMountAnswers(page, calc.url('embed.js'));
    },
  ));

test(`single-page stores: ${CYCLES} elements each way mounted and removed without unmount(); memory and DOM come back`, { timeout: 1_800_000 }, () =>
  withStore(
    (calc) => `<!DOCTYPE html><html lang="en"><head><title>SPA</title><link rel="icon" href="data:,"></head><body><main>${SENTINELS}
      <div id="view"></div></main><script type="module" src="${calc.url('embed.js')}"></script></body></html>`,
    async ({ browser, calc, shop }) => {
      const { page } = await newPage(browser);
      page.setDefaultTimeout(600_000);
      await page.goto(shop.server.url(''));
      await sentinelsShow(page, 'gpus=4096', ['s2']);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const glue = calc.url(readGlueName());
      const measure = async () => {
        // The last widget's background work (the Monte Carlo run, later build
        // stages) ends on its own: let it, then collect.
        await page.waitForTimeout(3000);
        await cdp.send('HeapProfiler.collectGarbage');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
        const wasm = await page.evaluate(async (glue) => (await (await import(glue)).default()).memory.buffer.byteLength, glue);
        return { wasm, nodes: m.Nodes, listeners: m.JSEventListeners };
      };
      // `whole`: each widget is removed once all of it is built, not at its
      // first figure (its later parts are built from the frame after that).
      const cycle = (way, n, whole = false) =>
        page.evaluate(
          async ({ embed, way, n, whole }) => {
            const { mount } = await import(embed);
            const view = document.getElementById('view');
            const built = (el) => new Promise((resolve) => {
              const done = () => el.shadowRoot?.querySelector(whole ? '.oc-calculator[data-ready]' : '.oc-calculator [data-metric]');
              const poll = () => (done() ? resolve() : setTimeout(poll, 5));
              poll();
            });
            for (let i = 0; i < n; i++) {
              let el;
              if (way === 'mount') {
                el = document.createElement('div');
                view.append(el);
                await mount(el, { scenario: { gpus: 1024 + i } });
              } else {
                el = document.createElement(way === 'element' ? 'optics-calculator' : 'div');
                if (way === 'div') el.setAttribute('data-optics-calculator', '');
                el.setAttribute('data-load', 'eager');
                view.append(el);
              }
              await built(el);
              el.remove(); // as a single-page store replaces its view: no unmount()
              await new Promise((r) => setTimeout(r));
            }
          },
          { embed: calc.url('embed.js'), way, n, whole },
        );
      // Warm up: the allocator and the caches reach their working size (whole
      // widgets: removed at their first figure, few of them build the rest).
      for (const way of ['mount', 'element', 'div']) await cycle(way, 10, true);
      const start = await measure();
      const after = {};
      for (const way of ['mount', 'element', 'div']) {
        await cycle(way, CYCLES);
        after[way] = await measure();
      }
      console.log(`# leak: start ${JSON.stringify(start)}; after ${CYCLES} each way ${JSON.stringify(after)}`);
      for (const [way, m] of Object.entries(after)) {
        assert.ok(m.wasm <= start.wasm * 1.1, `${way}: wasm memory ${m.wasm} within 10% of ${start.wasm}`);
        assert.ok(m.nodes <= start.nodes * 1.1, `${way}: DOM nodes ${m.nodes} within 10% of ${start.nodes}`);
      }
      await sentinelsAnswer(page, 2048);
    },
  ));

/** The glue's file name, as this build's loader names it. */
function readGlueName() {
  const loader = readFileSync(join(DIST, 'embed.js'), 'utf8');
  return loader.match(/here\('\.\/(optics-calc-[0-9a-f]+\.js)'\)/)[1];
}
