// embed.js: puts the optics calculator on a host page (README: "Embedding on
// a host page"). This file is only the loader: nothing of the calculator (its
// wasm, glue or stylesheet) is fetched until a widget is about to be seen.
//
//   <script type="module" src="https://vendor.example/tools/optics/embed.js"></script>
//   <div data-optics-calculator data-config='{"theme": {"accent": "#c00"}}'></div>
//   <optics-calculator config='{"layout": "compact"}'></optics-calculator>
//   import { mount } from "https://vendor.example/tools/optics/embed.js";
//   const widget = await mount(element, { locale: "de-DE" });
//
// A host element is mounted when it comes within one viewport height of
// being visible, is focused or clicked, has data-load="eager", or is given to
// mount(). Until then it holds a placeholder of the height the widget will
// take; if the calculator cannot start, a link to the standalone page.
//
// TEMPLATE. The build (scripts/site/post-build.mjs, a Trunk hook) writes
// this file as embed.js beside the files it names, replacing each placeholder
// by a file name relative to embed.js:
//   __OPTICS_GLUE__  wasm-bindgen's ES-module glue (optics-calc-<hash>.js)
//   __OPTICS_WASM__  the wasm                      (optics-calc-<hash>_bg.wasm)
//   __OPTICS_CSS__   the stylesheet                (main-<hash>.css)
// Nothing else is filled in; the file has no imports.

const here = (name) => new URL(name, import.meta.url).href;
const GLUE = here('./__OPTICS_GLUE__');
const WASM = here('./__OPTICS_WASM__');
const CSS = here('./__OPTICS_CSS__');
/** The standalone calculator (the fallback link and the widgets' share links). */
const BASE = here('./');
const ORIGIN = new URL(BASE).origin;
/** The share-link format version (src/share; a native test keeps them equal). */
const LINK_VERSION = 3;
const NAME = 'Optical interconnect calculator';
/** Widget width below which layout "auto" is compact (COMPACT_BELOW_PX). */
const COMPACT_BELOW_PX = 700;
const MOUNTED_ATTR = 'data-optics-calculator-mounted';
const CSP_NEEDED = `script-src ${ORIGIN} 'wasm-unsafe-eval'; style-src ${ORIGIN}; connect-src ${ORIGIN}`;

const log = (text) => console.error(`optics-calc: ${text}`);

/** Host element -> its record: {host, config, state, widget, ready, stop}. */
const records = new Map();
/** CSP directives that blocked something of the calculator's. */
const blocked = new Set();
document.addEventListener('securitypolicyviolation', (e) => {
  if (e.blockedURI === 'wasm-eval' || e.blockedURI.startsWith(ORIGIN)) blocked.add(e.effectiveDirective);
});

/** The config as an object, as far as the loader needs it (layout, scenario). */
function peek(config) {
  if (typeof config !== 'string') return config && typeof config === 'object' ? config : {};
  try {
    const value = JSON.parse(config);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {}; // the calculator itself logs the broken JSON when it mounts
  }
}

/**
 * The height the widget will take, px, reserved by its placeholder so that
 * nothing below it moves when it mounts: fitted to the built widget with
 * every section (tests/e2e/storefront.test.mjs checks the fit), a + b / width
 * as text wraps more in a narrower widget.
 */
function reservedHeight(width, layout) {
  const w = Math.max(width || 800, 280);
  if (layout === 'compact' || (layout !== 'full' && w < COMPACT_BELOW_PX)) return Math.round(4100 + 465000 / w);
  return Math.round(3150 + 984000 / Math.min(Math.max(w, 700), 1280));
}

const sheetOf = (text) => {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return [sheet];
  } catch {
    return [];
  }
};

// Constructed style sheets, not <style> or style attributes: a strict host
// CSP (no 'unsafe-inline') allows them.
const BOX_CSS = `:host{display:flow-root}
.oc-box{box-sizing:border-box;min-height:inherit;padding:24px;border:1px solid #d5dae0;border-radius:10px;
background:#f6f7f9;color:#1b1f24;font:medium/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.oc-box p{margin:0 0 12px}.oc-name{font-weight:700;font-size:1.2em}
.oc-box button,.oc-box a{font:inherit;display:inline-block;padding:8px 16px;border-radius:10px;cursor:pointer;
border:1px solid #0b5cad;background:#0b5cad;color:#fff;text-decoration:none;font-weight:600}`;

/**
 * Fills the host's shadow root with a box: the name, a line, an action; at
 * the height the widget will take while it is `reserving` that.
 */
function box(record, line, action, reserving) {
  const root = record.host.shadowRoot;
  const height = reserving ? reservedHeight(record.host.getBoundingClientRect().width, peek(record.config).layout) : 0;
  root.adoptedStyleSheets = sheetOf(`${BOX_CSS}\n:host{min-height:${height}px}`);
  const div = document.createElement('div');
  div.className = 'oc-box';
  div.setAttribute('role', 'region');
  div.setAttribute('aria-label', NAME);
  const name = document.createElement('p');
  name.className = 'oc-name';
  name.textContent = NAME;
  const text = document.createElement('p');
  text.textContent = line;
  div.append(name, text, action);
  root.replaceChildren(div);
}

/** The standalone calculator with the widget's starting scenario. */
function standaloneUrl(config) {
  const s = peek(config).scenario;
  let query = '';
  if (typeof s === 'string') query = s.replace(/^[?#]/, '');
  else if (s && typeof s === 'object') query = new URLSearchParams(Object.entries(s).map(([k, v]) => [k, String(v)])).toString();
  if (query && !/(^|&)v=/.test(query)) query = `v=${LINK_VERSION}&${query}`;
  return query ? `${BASE}?${query}` : BASE;
}

let loading = null;
/** Loads and compiles the calculator once for the page. */
function loadCalculator() {
  loading ??= (async () => {
    if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
    const glue = await import(GLUE);
    await glue.default({ module_or_path: WASM });
    glue.start_embed(BASE, CSS);
    return glue;
  })();
  return loading;
}

let advised = false;
/** One console line saying what the host must change. */
function advise(error) {
  if (advised) return;
  advised = true;
  const message = String(error?.message ?? error);
  let line;
  if (typeof WebAssembly !== 'object') {
    line = 'this browser has no WebAssembly; visitors get a link to the calculator\'s own page.';
  } else if (blocked.size > 0 || /unsafe-eval|Content.Security.Policy/i.test(message)) {
    line = `the page's Content-Security-Policy blocks it. Add these sources to the policy: ${CSP_NEEDED}.`;
  } else {
    line = `${message}. Check that ${WASM} loads from this page (network, the server's Access-Control-Allow-Origin); a Content-Security-Policy needs ${CSP_NEEDED}.`;
  }
  log(`the calculator could not start: ${line}`);
}

function fail(record, error) {
  record.state = 'failed';
  advise(error);
  const link = document.createElement('a');
  link.href = standaloneUrl(record.config);
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = 'Open the calculator';
  box(record, 'The calculator could not start on this page. It opens on its own page with the same inputs:', link, false);
  record.reject(error);
}

/**
 * Shows the mounted widget once its stylesheet applies and all of it is built
 * (the calculator builds in stages and marks its element data-ready); the
 * reserved height holds until then, so nothing around it moves in between.
 */
function revealWhenReady(root) {
  // On the widget's own element, over its stylesheet (which resets :host).
  const reserved = Math.round(root.host.getBoundingClientRect().height);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheetOf(`.oc-root{visibility:hidden;min-height:${reserved}px !important}`)];
  const link = root.querySelector('link[rel=stylesheet]');
  const styled = new Promise((resolve) => {
    if (!link || link.sheet) return resolve();
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  });
  const built = new Promise((resolve) => {
    const ready = () => root.querySelector('[data-ready]');
    if (ready()) return resolve();
    const watch = new MutationObserver(() => ready() && (watch.disconnect(), resolve()));
    watch.observe(root, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
  Promise.all([styled, built]).then(() => {
    root.adoptedStyleSheets = sheetOf(':host{display:flow-root}');
  });
}

async function start(record) {
  if (record.state !== 'waiting') return;
  record.state = 'loading';
  record.stop();
  let glue;
  try {
    glue = await loadCalculator();
  } catch (error) {
    if (records.get(record.host) === record) fail(record, error);
    return;
  }
  if (records.get(record.host) !== record) return; // removed meanwhile
  try {
    record.widget = glue.mount(record.host, record.config);
  } catch (error) {
    record.state = 'failed';
    log(String(error?.message ?? error).replace(/^optics-calc: /, ''));
    record.reject(error);
    return;
  }
  record.state = 'mounted';
  revealWhenReady(record.host.shadowRoot);
  record.resolve(record.widget);
}

/** Starts to watch a host element: placeholder, then mount when it is wanted. */
function register(host, config, load) {
  const old = records.get(host);
  if (old && !(old.state === 'mounted' && !host.hasAttribute(MOUNTED_ATTR))) return old;
  if (!['lazy', 'eager', null, undefined].includes(load)) {
    log(`data-load must be "lazy" or "eager", not "${String(load).slice(0, 24)}"; using lazy`);
    load = 'lazy';
  }
  const record = { host, config, state: 'waiting', widget: null, stop: () => {} };
  record.ready = new Promise((resolve, reject) => Object.assign(record, { resolve, reject }));
  record.ready.catch(() => {}); // a page's own widgets report through the console
  records.set(host, record);
  try {
    host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  } catch {
    record.state = 'failed';
    log('this element cannot hold a shadow root (use a <div>)');
    record.reject(new Error('optics-calc: this element cannot hold a shadow root'));
    return record;
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Load the calculator';
  box(record, 'Power, latency, reliability and cost of the optics in an AI cluster.', button, true);
  const go = () => start(record);
  if (load === 'eager' || !('IntersectionObserver' in window)) {
    go();
    return record;
  }
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), {
    rootMargin: '100% 0px',
  });
  observer.observe(host);
  host.addEventListener('focusin', go);
  host.addEventListener('click', go);
  record.stop = () => {
    observer.disconnect();
    host.removeEventListener('focusin', go);
    host.removeEventListener('click', go);
  };
  return record;
}

function unregister(host) {
  const record = records.get(host);
  if (!record) return;
  records.delete(host);
  record.stop();
  record.reject(new Error('optics-calc: the element left the page before the calculator started'));
  if (record.widget && host.hasAttribute(MOUNTED_ATTR)) record.widget.unmount();
  if (host.shadowRoot) {
    host.shadowRoot.replaceChildren();
    host.shadowRoot.adoptedStyleSheets = [];
  }
}

/**
 * Mounts a widget into `element` now (loading the calculator if need be)
 * with `config` (an object, a JSON string or undefined). Returns a Promise
 * of the widget: set_scenario(), report(), unmount().
 */
export function mount(element, config) {
  if (!(element instanceof Element)) return Promise.reject(new TypeError('optics-calc: mount() needs an element'));
  const old = records.get(element);
  if (old?.state === 'mounted' && element.hasAttribute(MOUNTED_ATTR)) {
    return Promise.reject(new Error('optics-calc: this element already holds a calculator; unmount it first'));
  }
  if (old?.state === 'waiting') old.config = config;
  else if (old) unregister(element);
  const record = register(element, config, 'eager');
  start(record);
  return record.ready;
}

/** <optics-calculator config='{...}'>: mounts and unmounts with the element. */
class OpticsCalculator extends HTMLElement {
  connectedCallback() {
    register(this, this.getAttribute('config') ?? undefined, this.getAttribute('data-load'));
  }
  disconnectedCallback() {
    unregister(this);
  }
}
if (!customElements.get('optics-calculator')) customElements.define('optics-calculator', OpticsCalculator);

for (const host of document.querySelectorAll('[data-optics-calculator]')) {
  if (!host.hasAttribute(MOUNTED_ATTR)) {
    register(host, host.getAttribute('data-config') ?? undefined, host.getAttribute('data-load'));
  }
}
