// embed.js: puts the optics calculator on a host page (README: "Embedding on
// a host page"). This file is only the loader: nothing of the calculator (its
// wasm, glue or stylesheet) is fetched before the host page has loaded.
//
//   <script type="module" src="https://vendor.example/tools/optics/embed.js"></script>
//   <optics-calculator config='{"layout": "compact"}'></optics-calculator>
//   <div data-optics-calculator data-config='{"theme": {"accent": "#c00"}}'></div>
//   import { mount } from "https://vendor.example/tools/optics/embed.js";
//   const widget = await mount(element, { locale: "de-DE" });
//
// Loading (data-load): "lazy" (the default) fetches and compiles the wasm at
// idle after the host's `load` event, at low priority, and mounts a widget
// when it comes within one and a half viewports of being seen, so it is
// ready when the visitor arrives; "visible" fetches nothing until then (for
// pages that must not spend a visitor's data on a widget never seen, and
// what "lazy" does under Save-Data); "eager" mounts at once. A focus or
// click inside the element, or mount(), mounts at once too. Until it mounts
// the element holds a placeholder of the height the widget will take; if the
// calculator cannot start, a link to the standalone page.
//
// Robustness (README: "What a host page can and cannot do to the widget"):
// the element is never empty in the light DOM and its display is the
// loader's (stock themes hide :empty elements); a trap in the wasm fails
// only the widget it happened in, and the others move to a fresh instance;
// an element that leaves the document is torn down, whoever removed it.
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
const LOAD_MODES = ['lazy', 'visible', 'eager'];
const CSP_NEEDED = `script-src ${ORIGIN} 'wasm-unsafe-eval'; style-src ${ORIGIN}; connect-src ${ORIGIN}`;

const log = (text) => console.error(`optics-calc: ${text}`);

/** Host element -> its record: {host, config, load, state, widget, query, instance, ready, stop}. */
const records = new Map();
/** CSP directives that blocked something of the calculator's. */
const blocked = new Set();
document.addEventListener('securitypolicyviolation', (e) => {
  const ours = e.blockedURI === 'wasm-eval' || e.blockedURI.startsWith(ORIGIN) || /trusted-types/.test(e.effectiveDirective);
  if (ours) blocked.add(e.effectiveDirective);
});

/** The config as an object, as far as the loader needs it (layout, scenario, share_url). */
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
// CSP (no 'unsafe-inline') allows them. !important on :host: a shadow
// root's important declarations win over every rule of the host page, so a
// theme's `div:empty {display: none}` or `* {box-sizing: inherit}` cannot
// hide or resize the element (style/main.css does the same once it applies).
const HOST_CSS = ':host{all:initial!important;display:flow-root!important}';
const BOX_CSS = `${HOST_CSS}
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
  root.adoptedStyleSheets = sheetOf(`${BOX_CSS}\n:host{min-height:${height}px!important}`);
  const div = document.createElement('div');
  div.className = 'oc-box';
  div.setAttribute('role', 'region');
  div.setAttribute('aria-label', NAME);
  const name = document.createElement('p');
  name.className = 'oc-name';
  name.textContent = NAME;
  const text = document.createElement('p');
  text.textContent = line;
  div.append(name, text);
  if (action) div.append(action);
  root.replaceChildren(div);
}

/**
 * Keeps the element non-empty in the light DOM: a theme's `:empty` rules
 * match an element whose content lives only in its shadow root. The marker
 * is not slotted, so it is never shown; a host's own fallback content
 * (a link, say) serves the same purpose and is left alone.
 */
function keepNonEmpty(host) {
  if (host.firstElementChild || host.textContent.trim()) return () => {};
  const marker = document.createElement('span');
  marker.hidden = true;
  marker.setAttribute('data-optics-calculator-marker', '');
  host.append(marker);
  return () => marker.remove();
}

/** The standalone calculator with the widget's scenario (its last, once it has run). */
function standaloneUrl(record) {
  const config = peek(record.config);
  const s = record.query ?? config.scenario;
  let query = '';
  if (typeof s === 'string') query = s.replace(/^[?#]/, '');
  else if (s && typeof s === 'object') query = new URLSearchParams(Object.entries(s).map(([k, v]) => [k, String(v)])).toString();
  if (query && !/(^|&)v=/.test(query)) query = `v=${LINK_VERSION}&${query}`;
  // A host that serves the loader from a CDN folder names its page (a Shopify
  // block does); one ending in "#" takes the scenario in its fragment.
  const own = typeof config.share_url === 'string' && /^https?:\/\//i.test(config.share_url) ? config.share_url : null;
  if (own?.endsWith('#')) return `${own}${query}`;
  const base = own ? own.split(/[?#]/)[0] : BASE;
  return query ? `${base}?${query}` : base;
}

// --- the wasm: fetched and compiled once, instantiated once per instance ------
let compiling = null;
/** The compiled module (fetched at low priority when `low`), once per page. */
function compiled(low) {
  compiling ??= (async () => {
    if (typeof WebAssembly !== 'object') throw new Error('no WebAssembly');
    const response = fetch(WASM, { priority: low ? 'low' : 'auto' });
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (error) {
      // A server that sends the wasm without its MIME type: compile the bytes.
      if (!(error instanceof TypeError)) throw error;
      return WebAssembly.compile(await (await response).arrayBuffer());
    }
  })();
  return compiling;
}

/**
 * The live instance: the glue module with the wasm instantiated. A trap
 * (a panic or a memory fault) leaves an instance's state unusable, so the
 * loader then drops it and the next one imports the glue afresh (a module
 * of its own, by a distinct URL) over the same compiled wasm.
 */
let live = null;
let instances = 0;
function instance() {
  live ??= (async () => {
    const number = instances++;
    const [module, glue] = await Promise.all([compiled(false), import(number ? `${GLUE}?instance=${number}` : GLUE)]);
    if (trustedTypesRefused()) throw new Error('the page enforces Trusted Types and its trusted-types directive does not list optics-calc');
    await glue.default({ module_or_path: module });
    glue.start_embed(BASE, CSS);
    return { glue, dead: false };
  })();
  return live;
}

/**
 * Whether the page enforces Trusted Types but refused the calculator's
 * policy "optics-calc" (the glue creates it on import, once per page): the
 * calculator would then fail on its first template, so it does not start.
 */
function trustedTypesRefused() {
  if (!self.trustedTypes || globalThis[Symbol.for('optics-calc.trusted-types')]) return false;
  try {
    document.createElement('template').innerHTML = '';
    return false;
  } catch {
    return true;
  }
}

/** Whether an error thrown by the wasm is a trap (its own errors are "optics-calc: ..."). */
const isTrap = (error) =>
  error instanceof WebAssembly.RuntimeError || (error instanceof Error && !String(error.message).startsWith('optics-calc:'));

/**
 * After a trap in `inst`: the widget it happened in (if known) shows the
 * fallback; every other widget of that instance is built again on a fresh
 * one, with the scenario it last showed.
 */
function poisoned(inst, culprit, error) {
  if (inst.dead) return;
  inst.dead = true;
  live = null;
  log(`the calculator failed (${String(error?.message ?? error).slice(0, 200)}); ${culprit ? 'that widget shows a link to its own page, the others restart' : 'its widgets restart'}`);
  for (const record of records.values()) {
    if (record.instance !== inst) continue;
    record.widget = null;
    record.instance = null;
    record.host.removeAttribute(MOUNTED_ATTR);
    if (record === culprit) {
      fail(record, error, false);
    } else {
      record.state = 'waiting';
      start(record);
    }
  }
}

// A trap inside one of the wasm's own event handlers reaches no caller of ours.
addEventListener('error', (e) => {
  if (!(e.error instanceof WebAssembly.RuntimeError)) return;
  if (e.filename && !e.filename.startsWith(ORIGIN) && !e.filename.startsWith('wasm')) return; // another wasm of the page
  for (const record of records.values()) if (record.instance) poisoned(record.instance, null, e.error);
});

let advised = false;
/** One console line saying what the host must change. */
function advise(error) {
  if (advised) return;
  advised = true;
  const message = String(error?.message ?? error);
  let line;
  if (typeof WebAssembly !== 'object') {
    line = 'this browser has no WebAssembly; visitors get a link to the calculator\'s own page.';
  } else if (/Trusted Type/i.test(message)) {
    line = 'the page enforces Trusted Types and does not allow the calculator\'s policy. Add optics-calc to the trusted-types directive of its Content-Security-Policy (trusted-types optics-calc).';
  } else if (blocked.size > 0 || /unsafe-eval|Content.Security.Policy/i.test(message)) {
    line = `the page's Content-Security-Policy blocks it. Add these sources to the policy: ${CSP_NEEDED}.`;
  } else {
    line = `${message}. Check that ${WASM} loads from this page (network, the server's Access-Control-Allow-Origin); a Content-Security-Policy needs ${CSP_NEEDED}.`;
  }
  log(`the calculator could not start: ${line}`);
}

function fail(record, error, starting = true) {
  record.state = 'failed';
  if (starting) advise(error);
  const link = document.createElement('a');
  link.href = standaloneUrl(record);
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = 'Open the calculator';
  const line = starting ? 'The calculator could not start on this page.' : 'The calculator stopped on this page.';
  box(record, `${line} It opens on its own page with the same inputs:`, link, false);
  record.reject(error);
}

/**
 * Shows the mounted widget once its stylesheet applies: mount() has built its
 * first part (the headline first), and the calculator adds the rest below it
 * in later tasks, marking its element data-ready when done. The reserved
 * height holds until then, so nothing around the widget moves in between.
 */
function revealWhenReady(record) {
  const root = record.host.shadowRoot;
  // On the widget's own element, over its stylesheet (which resets :host).
  const reserved = Math.round(record.host.getBoundingClientRect().height);
  const holding = `${HOST_CSS}\n.oc-root{min-height:${reserved}px !important}`;
  root.adoptedStyleSheets = sheetOf(`${holding}\n.oc-root{visibility:hidden}`);
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
  const widget = record.widget;
  styled.then(() => {
    if (record.widget === widget && !root.querySelector('[data-ready]')) root.adoptedStyleSheets = sheetOf(holding);
  });
  Promise.all([styled, built]).then(() => {
    if (record.widget === widget) root.adoptedStyleSheets = sheetOf(HOST_CSS);
  });
}

/** The config to mount with: the host's, at the scenario the widget last showed. */
function configNow(record) {
  if (record.query === undefined) return record.config;
  return { ...peek(record.config), scenario: record.query };
}

async function start(record) {
  if (record.state !== 'waiting') return;
  record.state = 'loading';
  record.stop();
  let inst;
  try {
    inst = await instance();
  } catch (error) {
    live = null; // a later widget (after a network hiccup, say) tries again
    if (records.get(record.host) === record) fail(record, error);
    return;
  }
  if (records.get(record.host) !== record) return; // removed meanwhile
  if (inst.dead) {
    record.state = 'waiting';
    return start(record);
  }
  try {
    record.widget = inst.glue.mount(record.host, configNow(record));
  } catch (error) {
    if (isTrap(error)) {
      record.instance = inst;
      return poisoned(inst, record, error);
    }
    record.state = 'failed';
    log(String(error?.message ?? error).replace(/^optics-calc: /, ''));
    record.reject(error);
    return;
  }
  record.instance = inst;
  record.state = 'mounted';
  revealWhenReady(record);
  record.resolve(record.handle);
}

/**
 * What mount() gives the host: calls go to the record's widget of the
 * moment, so a handle outlives a move to a fresh instance, and a trap in a
 * call fails that widget alone.
 */
function handleOf(record) {
  const call = (name, ...args) => {
    const { widget, instance: inst } = record;
    if (record.state !== 'mounted' || !widget) throw new Error('optics-calc: this widget is not running (it failed or was unmounted)');
    try {
      return widget[name](...args);
    } catch (error) {
      if (isTrap(error)) {
        poisoned(inst, record, error);
        throw new Error('optics-calc: the calculator failed in this widget; it shows a link to its own page');
      }
      throw error;
    }
  };
  return Object.freeze({
    set_scenario: (scenario) => call('set_scenario', scenario),
    report: () => call('report'),
    /** Removes the widget; the element can be mounted again. */
    unmount: () => unregister(record.host),
  });
}

/** Starts to watch a host element: placeholder, then mount when it is wanted. */
function register(host, config, load) {
  const old = records.get(host);
  if (old && !(old.state === 'mounted' && !host.hasAttribute(MOUNTED_ATTR))) return old;
  if (load != null && !LOAD_MODES.includes(load)) {
    log(`data-load must be "lazy", "visible" or "eager", not "${String(load).slice(0, 24)}"; using lazy`);
    load = 'lazy';
  }
  const record = { host, config, load: load ?? 'lazy', state: 'waiting', widget: null, instance: null, placed: host.isConnected, stop: () => {} };
  record.ready = new Promise((resolve, reject) => Object.assign(record, { resolve, reject }));
  record.ready.catch(() => {}); // a page's own widgets report through the console
  record.handle = handleOf(record);
  records.set(host, record);
  try {
    host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  } catch {
    record.state = 'failed';
    log('this element cannot hold a shadow root (use a <div> or <optics-calculator>)');
    record.reject(new Error('optics-calc: this element cannot hold a shadow root'));
    return record;
  }
  const unmark = keepNonEmpty(host);
  // The scenario a widget shows, kept for a restart or the fallback link.
  const follow = (e) => typeof e.detail?.query === 'string' && (record.query = e.detail.query);
  host.addEventListener('optics-calc:change', follow);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Load the calculator';
  box(record, 'Power, latency, reliability and cost of the optics in an AI cluster.', button, true);
  const go = () => start(record);
  record.forget = () => {
    unmark();
    host.removeEventListener('optics-calc:change', follow);
  };
  if (record.load === 'eager' || !('IntersectionObserver' in window)) {
    go();
    return record;
  }
  if (record.load === 'lazy' && !navigator.connection?.saveData) prefetchAtIdle();
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), {
    rootMargin: '150% 0px',
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

let prefetching = false;
/**
 * Fetches and compiles the wasm (and fetches the glue and stylesheet) once
 * the host page has loaded and its main thread is idle: the widget is then
 * ready when the visitor scrolls to it.
 * Compiling runs off the main thread; a failure waits for the widget to be
 * wanted, which then shows the fallback.
 */
function prefetchAtIdle() {
  if (prefetching) return;
  prefetching = true;
  // The glue and the stylesheet too: a widget then waits for no round trip
  // when it mounts (each is one on a phone's network).
  const fetchAll = () => {
    compiled(true).catch(() => {});
    import(GLUE).catch(() => {});
    fetch(CSS, { priority: 'low' }).catch(() => {});
  };
  const idle = () => (self.requestIdleCallback ?? ((f) => setTimeout(f, 200)))(fetchAll, { timeout: 3000 });
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

function unregister(host) {
  const record = records.get(host);
  if (!record) return;
  records.delete(host);
  record.stop();
  record.forget?.();
  record.reject(new Error('optics-calc: the element left the page before the calculator started'));
  const { widget } = record;
  record.widget = null;
  record.state = 'removed';
  if (widget && !record.instance?.dead) {
    try {
      if (host.hasAttribute(MOUNTED_ATTR)) widget.unmount();
      widget.free();
    } catch (error) {
      if (isTrap(error)) poisoned(record.instance, null, error);
    }
  }
  host.removeAttribute(MOUNTED_ATTR);
  if (host.shadowRoot) {
    host.shadowRoot.replaceChildren();
    host.shadowRoot.adoptedStyleSheets = [];
  }
}

/** Registers each data-optics-calculator element in `roots` (and under them) not yet known. */
function registerDivs(roots) {
  for (const root of roots) {
    if (!(root instanceof Element)) continue;
    const found = root.matches('[data-optics-calculator]') ? [root] : [];
    for (const host of [...found, ...root.querySelectorAll('[data-optics-calculator]')]) {
      if (!records.has(host) && !host.hasAttribute(MOUNTED_ATTR)) {
        register(host, host.getAttribute('data-config') ?? undefined, host.getAttribute('data-load'));
      }
    }
  }
}

/**
 * Follows the document as a single-page store changes it: a
 * data-optics-calculator element added later is registered, and the widget
 * of an element that left the document is torn down, however it left (a
 * store replaces its view without calling unmount()). A move within one
 * task is not a removal: the check runs after it.
 */
new MutationObserver((mutations) => {
  for (const [host, record] of [...records]) {
    // An element mounted before it was put in the page is not removed until it has been in it.
    if (host.isConnected) record.placed = true;
    else if (record.placed && !(host instanceof OpticsCalculator)) unregister(host);
  }
  registerDivs(mutations.flatMap((m) => [...m.addedNodes]));
}).observe(document, { childList: true, subtree: true });

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

registerDivs([document.documentElement]);
