// The first paint, before the wasm has run: the build opens its own staged
// page in headless Chromium, lets the app render the default scenario, and
// returns the markup it made, for post-build.mjs to put into index.html.
// The app itself is the one source of the markup (no second renderer to keep
// in step); on start it empties its element and renders afresh, so the
// prerendered copy never needs to match event handlers, only looks.
//
// Captured twice, as the app lays itself out by its width (src/ui/compact.rs):
// compact at the phone viewport Lighthouse's mobile preset uses (412 px), full
// at a desktop's; the page's stylesheet shows the one for its width, so a
// phone and a desktop each see the same layout before and after the
// hand-over. Each holds what the app's first task builds (the header, the
// first inputs, the headline), not what the app adds below it in later tasks.
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.mjs';
import { staticServer } from '../static-server.mjs';

/** The arrangements, each with a viewport the app picks it at. */
const LAYOUTS = { compact: { width: 412, height: 823 }, full: { width: 1280, height: 900 } };
/**
 * What the app builds after its first task (the `<Later>` parts of
 * src/ui/calculator.rs): left out of the first paint, which then costs the
 * phone a third of the layout work, and built by the app in tasks of their
 * own below what is already on screen.
 */
const LATER = '.oc-inputs > .oc-group ~ .oc-group, .oc-disclosure, .oc-charts, .oc-insight, .oc-compare, .oc-methodology';

/**
 * The markup of the app's element (`[data-optics-calculator-standalone]`)
 * once the page in `dir` has rendered, for each arrangement (`{ compact,
 * full }`), or null with the reason when no browser can be run here (the
 * page then starts blank, as without this step).
 */
export async function prerender(dir) {
  if (!CHROMIUM_PATH) return { markup: null, reason: 'no Chromium (scripts/setup.sh installs Debian chromium)' };
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { markup: null, reason: 'no playwright-core (npm ci installs it)' };
  }
  const server = staticServer({ root: () => dir });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const markup = {};
    for (const [layout, viewport] of Object.entries(LAYOUTS)) {
      markup[layout] = await capture(browser, `http://127.0.0.1:${server.address().port}/index.html`, viewport);
    }
    return { markup, reason: null };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The markup of the app at `url` in a `viewport`-sized page, its later parts left out. */
async function capture(browser, url, viewport) {
  // No service worker: it would cache this build in a profile thrown away.
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('.oc-calculator[data-ready]', { timeout: 120_000 });
  if (errors.length) throw new Error(`the page failed while pre-rendering: ${errors.join('; ')}`);
  const markup = await page.evaluate((later) => {
    const root = document.querySelector('[data-optics-calculator-standalone]');
    for (const part of root.querySelectorAll(later)) part.remove();
    // The help texts arrive at idle (src/ui/texts.rs), whether before this
    // capture or after: the first paint has them as the app starts, empty.
    for (const help of root.querySelectorAll('.oc-help > p')) help.replaceChildren();
    // Built in full is what the app says once it has built the rest itself.
    for (const el of root.querySelectorAll('[data-ready]')) el.removeAttribute('data-ready');
    // What the user set lives in properties, which markup does not carry.
    for (const input of root.querySelectorAll('input')) {
      if (input.type === 'checkbox' || input.type === 'radio') input.toggleAttribute('checked', input.checked);
      else input.setAttribute('value', input.value);
    }
    for (const option of root.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
    return root.innerHTML;
  }, LATER);
  await context.close();
  return markup;
}
