// Offline use: dist/ from a sub-path with nothing leaving the origin, the
// service worker's precache surviving the server going away and replacing
// itself cleanly on a new build, the one-file calculator.html from file://,
// and a Content-Security-Policy that the page runs under without violations.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { TEXTS_NAME } from '../../scripts/site/texts-name.mjs';
import {
  DIST,
  assertMatchesModel,
  expected,
  launchBrowser,
  metrics,
  newPage,
  nextFrame,
  openMethodology,
  ready,
  setInput,
  startServer,
} from './harness.mjs';

const PREFIX = '/tools/optics/';
/** The build's texts file (help, sources, formulas: src/texts.rs), which the precache must hold. */
const TEXTS = JSON.parse(readFileSync(join(DIST, readdirSync(DIST).find((f) => TEXTS_NAME.test(f))), 'utf8'));
const GPUS = TEXTS.inputs.find((t) => t.key === 'gpus');

/** Waits until the page shows the texts: the GPUs input's help and the first formula (the methodology opened). */
async function textsShown(page) {
  await openMethodology(page);
  await page.locator('[id="oc-help-gpus"]', { hasText: GPUS.help }).waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('.oc-formulas dd', { hasText: TEXTS.formulas[0].text }).waitFor({ state: 'attached', timeout: 30_000 });
}

/** Resolves once a service worker controls the page. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

/** This scope's caches and the files in each. */
async function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const key of await caches.keys()) {
      // caches.open would re-create a cache that a worker is deleting.
      if (!(await caches.has(key))) continue;
      const cache = await caches.open(key);
      out[key] = (await cache.keys()).map((r) => new URL(r.url).pathname.split('/').pop());
    }
    return out;
  });
}

function assertNothingLeftTheOrigin(log, origin) {
  const foreign = log.requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
  assert.deepEqual(foreign, [], 'requests to other origins');
}

async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

test('from a sub-path the page loads only from its origin, under its CSP, and works with the server gone', async () => {
  const server = await startServer(DIST, PREFIX);
  const browser = await launchBrowser();
  try {
    const { page, log } = await newPage(browser);
    await page.goto(server.url('?gpus=4096'));
    await ready(page);
    await controlled(page);

    const csp = await page.$eval('meta[http-equiv=Content-Security-Policy]', (m) => m.content);
    // The first paint's link guard, a link's wasm preload, Trunk's loader with
    // the glue, and the service worker's registration are the inline scripts,
    // and the stylesheet the one inline style, each allowed by its hash, and
    // nothing else is.
    const sha = (body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    const inline = await page.$$eval('script:not([src])', (ss) => ss.map((s) => s.textContent));
    assert.equal(inline.length, 4, 'four inline scripts: the link guard, the preload, the loader, the registration');
    assert.equal(csp.match(/script-src ([^;]*)/)[1], `'wasm-unsafe-eval' ${inline.map(sha).join(' ')}`, 'no script file of the origin either');
    const styles = await page.$$eval('style', (ss) => ss.map((s) => s.textContent));
    assert.equal(styles.length, 1, 'one inline stylesheet');
    assert.equal(csp.match(/style-src ([^;]*)/)[1], sha(styles[0]));
    assert.doesNotMatch(csp.replaceAll("'wasm-unsafe-eval'", ''), /unsafe|\*/, 'no unhashed inline code, no eval, no wildcard');
    assert.ok(server.requests.every((r) => r.startsWith(PREFIX)), `requests outside the sub-path: ${server.requests}`);

    await server.stop();
    await page.reload();
    await ready(page);
    assertMatchesModel(assert, await metrics(page), expected('gpus=4096'));
    await textsShown(page);
    await setInput(page, 'input[type=range][data-input=gpus]', '16384');
    await nextFrame(page);
    assertMatchesModel(assert, await metrics(page), expected('gpus=16384'));

    assertNothingLeftTheOrigin(log, server.origin);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.csp, [], 'CSP messages in the console');
  } finally {
    await browser.close();
    await server.stop();
  }
});

/**
 * A copy of dist/ as the next build would be: one asset (the stylesheet the
 * widget loads) under a new hashed name, sw.js rewritten to match, and
 * index.html marked as the new build's (a meta element, which its CSP's
 * hashes do not cover).
 */
function nextBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'optics-calc-next-'));
  cpSync(DIST, dir, { recursive: true });
  const oldCss = readdirSync(dir).find((f) => /^main-.*\.css$/.test(f));
  const newCss = 'main-nextbuild.css';
  renameSync(join(dir, oldCss), join(dir, newCss));
  // Precompressed copies of the renamed and the rewritten files would be stale.
  for (const f of [oldCss, 'index.html', 'sw.js']) {
    for (const ext of ['br', 'gz']) rmSync(join(dir, `${f}.${ext}`), { force: true });
  }
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replaceAll(oldCss, newCss).replace(/const BUILD = "[^"]*"/, 'const BUILD = "nextbuild"'));
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  writeFileSync(join(dir, 'index.html'), page.replace('<head>', '<head><meta name="optics-build" content="nextbuild">'));
  return { dir, oldCss, newCss };
}

test('a new build replaces the old precache as a whole', async () => {
  const server = await startServer(DIST, PREFIX);
  const browser = await launchBrowser();
  const next = nextBuild();
  try {
    const { page } = await newPage(browser);
    await page.goto(server.url());
    await ready(page);
    await controlled(page);
    const first = await cacheContents(page);
    assert.equal(Object.keys(first).length, 1, `one cache: ${Object.keys(first)}`);
    assert.ok(Object.values(first)[0].includes(next.oldCss));

    server.setRoot(next.dir);
    const swapped = page.evaluate(
      () => new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true })),
    );
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await swapped;
    // The new worker deletes the old cache before it counts as activated.
    // (controllerchange fires as soon as it is activating.)
    await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      if (r.active.state !== 'activated') {
        await new Promise((done) => r.active.addEventListener('statechange', function check() {
          if (r.active.state === 'activated') done();
        }));
      }
    });
    const second = await cacheContents(page);
    const keys = Object.keys(second);
    const workers = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      const url = (w) => w && `${w.state} ${w.scriptURL}`;
      return { active: url(r.active), waiting: url(r.waiting), installing: url(r.installing), controller: url(navigator.serviceWorker.controller) };
    });
    assert.equal(keys.length, 1, `the old build's cache is gone: ${keys} ${JSON.stringify(workers)} ${JSON.stringify(second)}`);
    assert.ok(keys[0].endsWith(' nextbuild'), keys[0]);
    assert.ok(second[keys[0]].includes(next.newCss) && !second[keys[0]].includes(next.oldCss));

    await server.stop();
    await page.reload();
    await ready(page);
    const build = await page.$$eval('meta[name=optics-build]', (ms) => ms.map((m) => m.content));
    assert.deepEqual(build, ['nextbuild'], 'offline, the page is the new build');
    assert.ok((await metrics(page)).optical_modules > 0);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(next.dir, { recursive: true, force: true });
  }
});

test('calculator.html works from file:// with a share link, input and export, under its CSP', async () => {
  const browser = await launchBrowser();
  try {
    const { page, log } = await newPage(browser);
    const file = pathToFileURL(join(DIST, 'calculator.html')).href;
    await page.goto(`${file}?v=1&gpus=2048&alt=cpo`);
    await ready(page);
    assertMatchesModel(assert, await metrics(page), expected('v=1&gpus=2048&alt=cpo'));

    // A link in the fragment (where a mail client dropped the query) works too.
    await page.goto(`${file}#v=1&gpus=1024&region=ercot`);
    await ready(page);
    assertMatchesModel(assert, await metrics(page), expected('v=1&gpus=1024&region=ercot'));

    await setInput(page, 'input[type=range][data-input=gpus]', '32768');
    await nextFrame(page);
    assertMatchesModel(assert, await metrics(page), expected('gpus=32768&region=ercot'));

    const download = page.waitForEvent('download');
    await page.click('[data-action=csv]');
    const csv = readFileSync(await (await download).path(), 'utf8');
    assert.match(csv, /gpus/i, 'the CSV lists the inputs');
    assert.ok(csv.includes(GPUS.source), 'with their sources, from the inline texts');
    await textsShown(page);

    assert.ok(log.requests.every((u) => /^(file|data|blob):/.test(u)), `network requests: ${log.requests}`);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(log.csp, [], 'CSP messages in the console');
  } finally {
    await browser.close();
  }
});
