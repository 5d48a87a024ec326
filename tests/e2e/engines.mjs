// Firefox and WebKit for the end-to-end cases (tests/e2e/engines.test.mjs):
// a small W3C WebDriver client over fetch (the few commands the cases use),
// geckodriver with Debian's Firefox ESR (headless) and WebKitWebDriver with
// WebKitGTK's MiniBrowser under Xvfb, all installed by `make setup-test`.
//
// The drivers' known limits are handled here, not in the pages:
// - neither driver reads the page's console, so the site is served through a
//   proxy that puts an inline probe first in every HTML page, its hash added
//   to the page's CSP (`probedSite`). It records console errors and warnings,
//   uncaught errors (a ResizeObserver loop is one), failed <link>/<script>
//   loads and CSP violations in `window.__engineLog`. WebKit's own console
//   (CSP parse warnings, which no script sees) is read from MiniBrowser run
//   without automation (`webkitConsole`): automation sessions are ephemeral,
//   and WebKit prints nothing of those;
// - windows have a minimum width (Firefox's 500 px, unless the profile's
//   userChrome.css allows less; MiniBrowser's toolbar, 447 px, unless GTK's
//   CSS unpads it) and toolbars of their own: the harness lifts both minimums,
//   and `setViewport` sizes the window so that the viewport is as asked, and
//   says what it got;
// - WebKitWebDriver has no wheel input: scrolling is done from the page
//   (`scrollIntoView`), which fires the same scroll and intersection events.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteServer } from '../../scripts/serve.mjs';
import { DIST, ROOT } from './harness.mjs';

const MINIBROWSER_PATHS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib', '/usr/libexec'].flatMap((d) => [
  `${d}/webkit2gtk-4.1/MiniBrowser`,
  `${d}/webkit2gtk-4.0/MiniBrowser`,
  `${d}/webkitgtk-6.0/MiniBrowser`,
]);
export const MINIBROWSER = MINIBROWSER_PATHS.find((p) => existsSync(p));
const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const onPath = (name) => (process.env.PATH ?? '').split(':').concat(`${process.env.HOME}/.cargo/bin`).map((d) => join(d, name)).find((p) => existsSync(p));

/** What each engine needs, or why it cannot run (`make setup-test` installs them all). */
export function missing(engine) {
  const need = engine === 'firefox'
    ? { 'firefox-esr': FIREFOX, geckodriver: onPath('geckodriver') }
    : { MiniBrowser: MINIBROWSER, WebKitWebDriver: onPath('WebKitWebDriver'), Xvfb: onPath('Xvfb') };
  const absent = Object.entries(need).filter(([, p]) => !p).map(([n]) => n);
  return absent.length ? `${absent.join(', ')} not installed: run \`make setup-test\`` : null;
}

/** A free TCP port on loopback (the drivers need one named). */
function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A time limit to race against: it does not keep Node running once the race is won. */
const limit = (ms) => new Promise((r) => setTimeout(r, ms).unref());

/** Starts `command` in its own process group, so `stop()` ends it and every browser process under it. */
function startProcess(command, args, env = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((r) => child.on('exit', r));
  return {
    child,
    output: () => output,
    // The whole group, even when its leader has exited: a browser's helper
    // processes may outlive it.
    stop: async () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // no process of the group is left
      }
      await Promise.race([exited, limit(3000)]);
      await sleep(100);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    },
  };
}

/** Xvfb on the first free display (-displayfd), for WebKit. */
export async function startXvfb() {
  const child = spawn(onPath('Xvfb'), ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let got = '';
    child.stdio[3].on('data', (d) => {
      got += d;
      if (got.includes('\n')) resolve(`:${got.trim()}`);
    });
    child.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return {
    display,
    stop: async () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
    },
  };
}

/**
 * A Firefox profile whose userChrome.css lets the window be narrower than
 * Firefox's own minimum (500 px), so a phone-sized viewport can be had.
 */
function firefoxProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'optics-firefox-'));
  mkdirSync(join(dir, 'chrome'));
  writeFileSync(join(dir, 'chrome/userChrome.css'), '#main-window, :root { min-width: 0 !important; min-height: 0 !important; }\n');
  return dir;
}

/**
 * GTK settings for MiniBrowser whose toolbar, at its natural size, keeps the
 * window 447 px wide or more: with its widgets unpadded it allows ~305 px.
 */
function webkitGtkConfig() {
  const dir = mkdtempSync(join(tmpdir(), 'optics-webkit-gtk-'));
  mkdirSync(join(dir, 'gtk-3.0'));
  writeFileSync(join(dir, 'gtk-3.0/gtk.css'), 'headerbar, toolbar, toolbar *, entry, button, box { min-width: 0; padding: 0; margin: 0; }\n');
  return dir;
}

const FIREFOX_PREFS = {
  'toolkit.legacyUserProfileCustomizations.stylesheets': true,
  // Nothing leaves the machine.
  'app.update.disabledForTesting': true,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/**
 * A WebDriver session in `engine` ("firefox" or "webkit"). `display` is an
 * Xvfb display (WebKit needs one; Firefox runs headless). Close with `quit()`.
 */
export async function openBrowser(engine, { display } = {}) {
  const port = await freePort();
  let driver, capabilities, cleanup = () => {};
  if (engine === 'firefox') {
    const profile = firefoxProfile();
    cleanup = () => rmSync(profile, { recursive: true, force: true });
    driver = startProcess(onPath('geckodriver'), ['--port', String(port), '--host', '127.0.0.1']);
    capabilities = {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless', '-profile', profile], prefs: FIREFOX_PREFS },
    };
  } else {
    if (!display) throw new Error('WebKit needs an X display: startXvfb()');
    const gtk = webkitGtkConfig();
    cleanup = () => rmSync(gtk, { recursive: true, force: true });
    driver = startProcess(onPath('WebKitWebDriver'), [`--port=${port}`], { DISPLAY: display, XDG_CONFIG_HOME: gtk });
    capabilities = { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } };
  }
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (json.value?.error) throw new Error(`${engine} ${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await call('GET', '/status')).ready !== false) break;
    } catch (e) {
      if (i > 100) throw new Error(`${engine}'s WebDriver did not start: ${e.message}\n${driver.output()}`);
    }
    await sleep(100);
  }
  let session;
  try {
    session = await call('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  } catch (e) {
    await driver.stop();
    cleanup();
    throw new Error(`${e.message}\n${driver.output()}`);
  }
  const s = `/session/${session.sessionId}`;
  await call('POST', `${s}/timeouts`, { script: 120_000, pageLoad: 120_000 });

  const browser = {
    engine,
    version: `${session.capabilities.browserName} ${session.capabilities.browserVersion}`,
    goto: (url) => call('POST', `${s}/url`, { url }),
    /** Runs `fn(...args)` in the page (a promise is awaited) and returns its JSON result. */
    run: (fn, ...args) => call('POST', `${s}/execute/sync`, { script: `return (${fn}).apply(null, arguments)`, args }),
    /** Polls `fn(...args)` in the page until it returns something truthy. */
    async waitFor(fn, args = [], { timeout = 60_000, what = String(fn) } = {}) {
      const until = Date.now() + timeout;
      for (;;) {
        const value = await browser.run(fn, ...args).catch(() => null);
        if (value) return value;
        if (Date.now() > until) throw new Error(`${engine}: timed out after ${timeout} ms waiting for ${what}`);
        await sleep(150);
      }
    },
    /**
     * Sizes the window so that the viewport is `width` x `height` (the
     * window's toolbars taken off); returns the viewport it got, which a
     * window's minimum width may keep wider.
     */
    async setViewport(width, height) {
      let got;
      for (let i = 0; i < 3; i++) {
        const rect = await call('GET', `${s}/window/rect`);
        got = await browser.run(() => [innerWidth, innerHeight]);
        if (got[0] === width && got[1] === height) break;
        await call('POST', `${s}/window/rect`, { width: rect.width + width - got[0], height: rect.height + height - got[1] });
      }
      got = await browser.run(() => [innerWidth, innerHeight]);
      return { width: got[0], height: got[1] };
    },
    /** Saves a PNG of the viewport under target/screenshots/ and returns its path. */
    async screenshot(name) {
      const dir = join(ROOT, 'target/screenshots');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${name}.png`);
      writeFileSync(path, Buffer.from(await call('GET', `${s}/screenshot`), 'base64'));
      return path;
    },
    async quit() {
      await call('DELETE', s).catch(() => {});
      await driver.stop();
      cleanup();
    },
  };
  return browser;
}

// The probe: first in every HTML page the proxy serves, inline and classic, so
// it runs before anything else of the page without delaying its parsing.
const PROBE = `(() => {
  const log = (window.__engineLog = []);
  const text = (v) => { try { return v instanceof Error ? v.name + ': ' + v.message : typeof v === 'string' ? v : JSON.stringify(v); } catch { return String(v); } };
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = function (...args) { log.push('console.' + level + ': ' + args.map(text).join(' ')); return original.apply(this, args); };
  }
  addEventListener('error', (e) => {
    const t = e.target;
    if (t && t !== window && t.tagName) log.push('error event on <' + t.tagName.toLowerCase() + (t.rel ? ' rel=' + t.rel : '') + '> ' + (t.href || t.src || ''));
    else log.push('uncaught: ' + e.message);
  }, true);
  addEventListener('unhandledrejection', (e) => log.push('unhandled rejection: ' + text(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => log.push('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
})();`;
const PROBE_HASH = `'sha256-${createHash('sha256').update(PROBE).digest('base64')}'`;

/**
 * Puts the probe first in `html`'s <head>, after its Content-Security-Policy,
 * whose script-src gains the probe's hash and nothing else.
 */
function withProbe(html) {
  const tag = `<script>${PROBE}</script>`;
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
  if (!csp.test(html)) return html.replace(/<head>/, `<head>${tag}`);
  return html.replace(csp, (meta, policy) => {
    if (!/(^|;)\s*script-src /.test(policy)) throw new Error(`the page's CSP has no script-src for the probe: ${policy}`);
    return `${meta.replace(/((?:^|;|")\s*script-src )/, `$1${PROBE_HASH} `)}${tag}`;
  });
}

/**
 * `make serve`'s server (scripts/serve.mjs: the site at /, examples/ at
 * /examples/) for the tests' build, behind a loopback proxy that adds the
 * probe to every HTML page and passes everything else through unchanged.
 * `pages` adds host pages of the test's own ({ 'shop/a.html': html }).
 * `url(path)`; `stop()`.
 */
export async function probedSite(pages = {}, dir = DIST) {
  const site = siteServer(dir);
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  const upstream = site.address().port;
  const proxy = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const own = pages[path.slice(1)];
    if (own !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(withProbe(own));
      return;
    }
    const html = path.endsWith('/') || path.endsWith('.html');
    const headers = { ...req.headers, ...(html ? { 'accept-encoding': 'identity' } : {}) };
    const up = request({ host: '127.0.0.1', port: upstream, path: req.url, method: req.method, headers }, (r) => {
      if (!html || !/text\/html/.test(r.headers['content-type'] ?? '')) {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
        return;
      }
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const body = Buffer.from(withProbe(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(r.statusCode, { ...r.headers, 'content-length': body.length }).end(body);
      });
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${proxy.address().port}`;
  return {
    origin,
    url: (path = '') => `${origin}/${path}`,
    stop: async () => {
      proxy.closeAllConnections();
      site.closeAllConnections();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => site.close(r))]);
    },
  };
}

/** What the probe recorded in the page (and, with `frame`, in that same-origin iframe). */
export function engineLog(browser, frame = null) {
  return browser.run((css) => (css ? document.querySelector(css).contentWindow : window).__engineLog ?? ['no probe in this page'], frame);
}

/**
 * WebKit's own console while `url` loads, up to its load event: MiniBrowser
 * without automation (an automation session is ephemeral, and WebKit prints
 * no console message of those) with its console written to stdout, in a
 * fresh data directory. One line per message, e.g.
 * "CONSOLE SECURITY ERROR Unrecognized Content-Security-Policy directive 'x'."
 */
export async function webkitConsole(url, display) {
  const home = mkdtempSync(join(tmpdir(), 'optics-webkit-'));
  const browser = startProcess(MINIBROWSER, ['--enable-write-console-messages-to-stdout=true', '--exit-after-load', url], {
    DISPLAY: display,
    XDG_DATA_HOME: home,
    XDG_CACHE_HOME: home,
  });
  try {
    const done = new Promise((r) => browser.child.on('exit', r));
    if (!(await Promise.race([done.then(() => true), limit(60_000)]))) throw new Error(`MiniBrowser did not finish loading ${url} in 60 s`);
    return browser.output().split('\n').filter((l) => /CONSOLE/.test(l));
  } finally {
    await browser.stop();
    rmSync(home, { recursive: true, force: true, maxRetries: 5 });
  }
}
