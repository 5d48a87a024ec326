// The calculator's own pages enforce Trusted Types in their own CSP
// (`require-trusted-types-for 'script'; trusted-types optics-calc`) and work
// under it: the default page, a link's scenario, the iframe page and the
// one-file calculator.html show their figures, follow a slider and record no
// violation, and the service worker registers through the one policy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertMatchesModel, expected, launchBrowser, metrics, newPage, nextFrame, ready, setInput, startServer } from './harness.mjs';

const PAGES = [
  ['the default page', '', 'v=3'],
  ['a link', '?v=2&gpus=8192&alt=cpo', 'v=2&gpus=8192&alt=cpo'],
  ['the iframe page', '?embed=1&gpus=4096', 'gpus=4096'],
  ['calculator.html', 'calculator.html?v=2&alt=siph', 'v=2&alt=siph'],
];

test('every page of the calculator works under its own Trusted Types policy, the service worker included', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const [name, path, query] of PAGES) {
      const { context, page, log } = await newPage(browser);
      await page.goto(server.url(path));
      await ready(page);
      const csp = await page.$eval('meta[http-equiv=Content-Security-Policy]', (m) => m.content);
      assert.match(csp, /(^|; )require-trusted-types-for 'script'(;|$)/, `${name}: ${csp}`);
      assert.match(csp, /(^|; )trusted-types optics-calc(;|$)/, `${name}: ${csp}`);

      assertMatchesModel(assert, await metrics(page), expected(query));
      const gpus = query.includes('gpus=8192') ? '2048' : '16384';
      const moved = query.replace(/(^|&)gpus=\d+/, '') + `&gpus=${gpus}`;
      await setInput(page, 'input[type=range][data-input=gpus]', gpus);
      await nextFrame(page);
      assertMatchesModel(assert, await metrics(page), expected(moved.replace(/^&/, '')));
      assert.ok((await page.$$('svg, canvas')).length > 0, `${name}: no charts drawn`);

      if (path === '') {
        // The worker's URL went through the policy: it registered and controls the page.
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
          if (!navigator.serviceWorker.controller) {
            await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
          }
        });
        assert.ok(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js')));
      }
      assert.deepEqual(await page.evaluate(() => window.__cspViolations ?? []), [], `${name}: CSP or Trusted Types violations`);
      assert.deepEqual(log.csp, [], `${name}: CSP messages in the console`);
      assert.deepEqual(log.errors, [], `${name}: console errors`);
      // And the policy is enforced, not merely declared: a string into innerHTML is refused.
      const refused = await page.evaluate(() => {
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
          return false;
        } catch (e) {
          return e instanceof TypeError;
        }
      });
      assert.ok(refused, `${name}: innerHTML took a string`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});
