// How a deployer restricts framing (README, "Serving dist/"): a
// `frame-ancestors` header on the calculator's pages. The iframe embed then
// works on the host origins it lists, and on no other.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { staticServer } from '../../scripts/static-server.mjs';
import { DIST, launchBrowser, newPage, store } from './harness.mjs';

/** The build served at /optics/ with `Content-Security-Policy: frame-ancestors <sources()>`. */
async function calculatorWithFrameAncestors(sources) {
  const site = staticServer({ root: () => DIST, prefix: '/optics/' });
  const server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', `frame-ancestors ${sources()}`);
    site.emit('request', req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((r) => server.close(r)) };
}

test('with frame-ancestors sent as a header, the iframe embed works on the listed host origin only', async () => {
  let listed = "'self'";
  const calc = await calculatorWithFrameAncestors(() => listed);
  const shop = await store(`<!DOCTYPE html><html><head><title>Store</title><link rel="icon" href="data:,"></head><body>
    <script>
      window.changes = [];
      addEventListener('message', (e) => e.data?.type === 'optics-calc:change' && window.changes.push(e.data));
    </script>
    <iframe id="calc" src="${calc.origin}/optics/index.html?embed=1&gpus=4096" title="Optics calculator" style="width:100%;border:0"></iframe>
  </body></html>`);
  const browser = await launchBrowser();
  try {
    // The store's origin listed: the frame runs and reports its figures.
    listed = `'self' ${shop.server.origin}`;
    const { page } = await newPage(browser);
    await page.goto(shop.server.url(''));
    await page.waitForFunction(() => window.changes.length > 0, null, { timeout: 60_000 });
    assert.match((await page.evaluate(() => window.changes.at(-1))).query, /(^|&)gpus=4096(&|$)/);

    // Not listed: the browser refuses to show the page in the frame.
    listed = "'self' https://other-shop.example";
    const blocked = await newPage(browser);
    const refused = new Promise((resolve) =>
      blocked.page.on('console', (m) => /frame-ancestors/.test(m.text()) && resolve(m.text())),
    );
    await blocked.page.goto(shop.server.url(''));
    assert.match(await refused, /frame-ancestors/);
    await blocked.page.waitForTimeout(1_000);
    assert.deepEqual(await blocked.page.evaluate(() => window.changes), []);
  } finally {
    await browser.close();
    await shop.stop();
    await calc.stop();
  }
});
