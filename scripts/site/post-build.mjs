// Trunk's post_build hook (Trunk.toml): what Trunk does not do, over the files
// Trunk staged (the page, glue, wasm, CSS, icons and manifest).
//
//   embed.js         the host pages' loader, from scripts/site/embed.js with
//                    this build's hashed file names filled in (stable name)
//   optics-texts-<hash>.json  the inputs' help and sources and the methodology's
//                    formulas, which the wasm fetches at idle rather than
//                    carries (src/texts.rs): written by the native examples/texts.rs
//   index.html       gains the first paint (the app's default report,
//                    pre-rendered by prerender.mjs in headless Chromium), its
//                    stylesheet, glue, icon and service-worker registration
//                    inline, and a Content-Security-Policy that allows its
//                    inline scripts and style by their hashes
//   calculator.html  the page as one file for file://: the same first paint,
//                    styles, glue and wasm inline, each allowed by hash, and
//                    the texts as an inline JSON block
//   sw.js            the service worker, from scripts/site/sw.js, precaching
//                    every file of this build under a name derived from them
//   *.br, *.gz       brotli and gzip beside every text asset and the wasm,
//                    where smaller, for servers that pick one by Accept-Encoding
//
//   optics-calc-*.js wasm-bindgen's glue, its innerHTML through a Trusted
//                    Types policy, minified
//   main-*.css       minified by lightningcss
// Trunk runs it with TRUNK_STAGING_DIR, TRUNK_SOURCE_DIR and TRUNK_PROFILE set;
// it needs Node, cargo (rustup's, for the texts file), and Chromium for the
// first paint (without one it warns and the page starts blank). Under `make dev` (OPTICS_DEV=1) sw.js is a worker
// that removes itself and its caches, so a cache never hides a rebuilt page,
// and nothing is compressed (trunk serve sends plain files).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transform } from 'lightningcss';
import { minify } from 'terser';
import { prerender } from './prerender.mjs';
import { TEXTS_NAME } from './texts-name.mjs';
import { reader, uleb } from './wasm-binary.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR;
if (!staging || !source) {
  console.error('post-build.mjs runs as Trunk\'s post_build hook (TRUNK_STAGING_DIR and TRUNK_SOURCE_DIR unset)');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const dev = process.env.OPTICS_DEV === '1';

const read = (name) => readFileSync(join(staging, name));
const write = (name, contents) => writeFileSync(join(staging, name), contents);
const sha256 = (data, encoding = 'base64') => createHash('sha256').update(data).digest(encoding);
const staged = () => readdirSync(staging).filter((f) => !/\.(br|gz)$/.test(f));
const one = (pattern) => {
  const found = staged().filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one file like ${pattern} in ${staging}, found ${found.join(', ') || 'none'}`);
  return found[0];
};
const files = { glue: one(/^optics-calc-[0-9a-f]+\.js$/), wasm: one(/^optics-calc-[0-9a-f]+_bg\.wasm$/), css: one(/^main-[0-9a-f]+\.css$/) };

// --- the texts file -------------------------------------------------------------
// Written by the crate's own tables, compiled natively (rustup's cargo, as
// `make test-native`, into target/ beside the tests' builds): Trunk's wasm
// settings (target dir, RUSTFLAGS, build-std) are not for it. Its name holds
// a hash the wasm computed from the same sources (src/texts.rs), so the two
// always match; written before the first paint so that the page pre-rendered
// below finds it.
{
  const env = { ...process.env, CARGO_TARGET_DIR: join(source, 'target'), PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  for (const key of Object.keys(env)) {
    if (/^(RUSTFLAGS|CARGO_ENCODED_RUSTFLAGS|CARGO_UNSTABLE_BUILD_STD|RUSTC_BOOTSTRAP|RUSTC|CARGO_BUILD_TARGET|CARGO_TARGET_WASM32_.*)$/.test(key)) delete env[key];
  }
  const name = execFileSync('cargo', ['run', '-q', '--example', 'texts', '--', staging], { cwd: source, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  if (!TEXTS_NAME.test(name) || one(TEXTS_NAME) !== name) throw new Error(`examples/texts.rs wrote ${name}, not one texts file`);
  files.texts = name;
}

// --- Trusted Types: the glue's one HTML sink goes through a named policy --------
// Leptos builds static parts of a view from <template> markup (innerHTML), a
// sink that a page enforcing Trusted Types refuses as a string. The glue is
// the one place the wasm sets innerHTML: each such string goes through the
// policy "optics-calc" (README, "Trusted Types"), created once per page and
// kept on globalThis so that a fresh instance of the glue (embed.js after a
// trap) and register-sw.js reuse it. Its createHTML takes only the
// calculator's own template markup: nothing that runs script.
const TRUSTED_TYPES = `const __opticsPolicy = (() => {
  const key = Symbol.for('optics-calc.trusted-types');
  if (globalThis[key] !== undefined) return globalThis[key];
  let policy = null;
  try {
    policy = globalThis.trustedTypes?.createPolicy('optics-calc', {
      createHTML: (html) => {
        if (/<(script|iframe|object|embed)\\b|\\son[a-z]+\\s*=|javascript:/i.test(html)) throw new TypeError('optics-calc: markup refused by its Trusted Types policy');
        return html;
      },
      createScriptURL: (url) => {
        const u = new URL(url, document.baseURI);
        if (u.origin !== location.origin || !u.pathname.endsWith('/sw.js')) throw new TypeError('optics-calc: script URL refused by its Trusted Types policy');
        return u.href;
      },
    }) ?? null;
  } catch {
    policy = null; // the page's trusted-types directive does not list optics-calc
  }
  return (globalThis[key] = policy);
})();
const __opticsHTML = (html) => (__opticsPolicy ? __opticsPolicy.createHTML(html) : html);
`;
// --- short names between the wasm and its glue ----------------------------------
// wasm-bindgen names each import `__wbg_<what>_<16 hex digits>` and each
// closure shim it exports by the shim's Rust type path: ~12 KB of names in
// the wasm, written again in the glue, and the hex digits do not compress.
// Each import, and each export longer than LONG_EXPORT that the glue calls,
// becomes `$<n>` in both files (nothing else sees those names: the glue's
// own exports, `initSync` and the rest, keep theirs, and so does an export
// the glue never names, such as `__instance_terminated`). Brotli: wasm -2.6 KB, glue -2.2 KB.
const LONG_EXPORT = 16;
/** The wasm with its import names, and the long export names `glueNames`, replaced; and old name -> new name. */
function shortNames(wasm, glueNames) {
  const out = [wasm.subarray(0, 8)];
  const renamed = new Map();
  const fresh = (old) => {
    if (!renamed.has(old)) renamed.set(old, `$${renamed.size.toString(36)}`);
    return renamed.get(old);
  };
  const name = (text) => {
    const bytes = Buffer.from(text, 'utf8');
    return Buffer.concat([uleb(bytes.length), bytes]);
  };
  const r = reader(wasm);
  for (const { id, start, end } of r.sections()) {
    if (id === 2 || id === 7) {
      const count = r.leb();
      const body = [uleb(count)];
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          const module = r.name();
          const field = r.name();
          const desc = r.p;
          r.importDesc();
          body.push(name(module), name(fresh(field)), wasm.subarray(desc, r.p));
        } else {
          const field = r.name();
          const desc = r.p;
          r.exportDesc();
          body.push(name(field.length > LONG_EXPORT && glueNames(field) ? fresh(field) : field), wasm.subarray(desc, r.p));
        }
      }
      if (r.p !== end) throw new Error('shortNames: a section was not read to its end');
      const payload = Buffer.concat(body);
      out.push(Buffer.from([id]), uleb(payload.length), payload);
    } else if (id !== 0) {
      out.push(wasm.subarray(start, end));
    } // custom sections (producers, target_features) are for tools, not browsers
  }
  return { wasm: Buffer.concat(out), renamed };
}

const SINK = /(\.innerHTML = )(getStringFromWasm0\([^)]*\))/g;
// wasm-streams' three stream classes, which leptos' server-function client
// links: wasm-opt removes the wasm's exports they call (index.html,
// --remove-exports), and nothing here imports them, so they and their
// finalization registries go from the glue (~0.4 KB brotli, in the page and
// in the widget's glue file).
const STREAM_CLASS = /^export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm;
const STREAM_REGISTRY = /^const IntoUnderlying\w+Finalization = [^\n]*\n[^\n]*\n[^\n]*\n/gm;
const withoutStreams = (glue) => {
  const classes = glue.match(STREAM_CLASS)?.length ?? 0;
  const registries = glue.match(STREAM_REGISTRY)?.length ?? 0;
  const out = glue.replace(STREAM_CLASS, '').replace(STREAM_REGISTRY, '');
  if (classes !== 3 || registries !== 3 || /intounderlying/i.test(out)) {
    throw new Error(`the glue's stream classes have changed (${classes} classes, ${registries} registries): see withoutStreams in post-build.mjs`);
  }
  return out;
};
{
  const glue = withoutStreams(read(files.glue).toString('utf8'));
  const sinks = glue.match(SINK)?.length ?? 0;
  if (sinks === 0 || /\.(outerHTML|insertAdjacentHTML|srcdoc)\b/.test(glue)) {
    throw new Error(`the glue's HTML sinks have changed (${sinks} innerHTML setters): see TRUSTED_TYPES in post-build.mjs`);
  }
  // Minified (terser): under half the bytes, and within Shopify's 10 KB
  // compressed budget for an app block's scripts (`make shopify`).
  // initSync stays a top-level name: calculator.html calls it inline.
  let source = `${TRUSTED_TYPES}${glue.replace(SINK, '$1__opticsHTML($2)')}`;
  if (!dev) {
    const uses = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    const { wasm, renamed } = shortNames(read(files.wasm), (name) => uses(name).test(source));
    for (const [old, short] of renamed) {
      const next = source.replace(uses(old), short);
      if (next === source) throw new Error(`the glue never names the wasm's import ${old}: see shortNames in post-build.mjs`);
      source = next;
    }
    write(files.wasm, wasm);
  }
  const patched = dev ? source : (await minify(source, { module: true, compress: true, mangle: { reserved: ['initSync'] } })).code;
  write(files.glue, patched);
}

// --- the stylesheet, minified -------------------------------------------------
// Its comments and spaces are a third of its compressed bytes (brotli 4.3 ->
// 2.8 KB); lightningcss rewrites nothing a browser reads differently. Before
// the first paint is captured and calculator.html inlines it.
if (!dev) {
  const css = read(files.css);
  write(files.css, Buffer.from(transform({ filename: files.css, code: css, minify: true }).code));
}
// The built stylesheet and glue, as the page, its CSP and calculator.html inline them.
const built = { css: read(files.css).toString('utf8'), glue: read(files.glue).toString('utf8') };

// --- the Content-Security-Policy ----------------------------------------------
const CSP = {
  'default-src': "'self'",
  // 'wasm-unsafe-eval' lets WebAssembly compile; no JavaScript eval is
  // allowed. No 'self': the page runs no script file, only its inline
  // scripts, each allowed by its hash (below), so no other file of the origin
  // can be run as a script in it. The service worker is worker-src's.
  'script-src': "'wasm-unsafe-eval'",
  // style-src: each page's own, the hash of its one stylesheet.
  'img-src': "'self' data: blob:",
  'connect-src': "'self'",
  'worker-src': "'self'",
  // No manifest-src: default-src governs the manifest where manifest-src is
  // known, and WebKit logs every directive it does not know as an error.
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  // Trusted Types, enforced: no bare string reaches an HTML or script-URL
  // sink; the glue's policy optics-calc (above) passes Leptos' template
  // markup and the service worker's URL (register-sw.js), nothing else.
  'require-trusted-types-for': "'script'",
  'trusted-types': 'optics-calc',
};
const cspMeta = (overrides) => {
  const policy = Object.entries({ ...CSP, ...overrides })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
};
const hashes = (blocks) => blocks.map((b) => `'sha256-${sha256(b)}'`).join(' ');
/** The bodies of the page's inline scripts (the link guard and preload, Trunk's loader, the registration), not its JSON data blocks. */
const inlineScripts = (html) =>
  [...html.matchAll(/<script(?![^>]*\s(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
/** Puts `meta` first in <head>, before anything it governs. */
const withMeta = (html, meta) => html.replace(/<head>/, `<head>\n  ${meta}`);

// --- the first paint ----------------------------------------------------------
// The app's own markup for the default scenario, compact and full, shown until the wasm has
// run (the app then empties its element and renders afresh). A page opened
// with a scenario in its URL hides it (index.html's link guard, main.css).
const first = dev ? { markup: null, reason: 'not under make dev' } : await prerender(staging);
if (!first.markup) console.warn(`[post-build] WARNING: the first paint is not pre-rendered: ${first.reason}`);
// Both arrangements; main.css shows the one for the page's width.
const prerendered = first.markup
  ? Object.entries(first.markup).map(([layout, markup]) => `<div class="oc-prerendered" data-layout="${layout}">${markup}</div>`).join('')
  : '';
const withFirstPaint = (html) =>
  first.markup ? html.replace(/(<main\b[^>]*\bdata-optics-calculator-standalone\b[^>]*>)/, (tag) => `${tag}${prerendered}`) : html;

// The wasm is fetched once the first paint is on screen, not beside it: the
// first paint (HTML, CSS) gets the whole connection, and the start-up task
// does not sit in front of it. Trunk preloads the wasm and starts it from
// its inline loader; the preload goes and the loader waits for a frame.
// "On screen" is when the browser reports the largest paint of the first
// frame after the page was parsed (a largest-contentful-paint entry at or
// after that frame): a frame reaches the screen some time after its
// main-thread work, and Lighthouse counts a request that started and ended
// before the largest paint as one the paint waited for. Started just after
// the frame's main-thread work, the wasm (~5-30 ms on loopback) was
// sometimes in before the paint was on screen, and the default page's LCP
// (simulated slow 4G) became the wasm's arrival: 2.3-2.5 s instead of
// 1.1 s, in 2 of 3 runs of one `make bench`. Where no such entry comes (the
// largest paint was on screen before), it goes 150 ms after that frame; a
// browser without the entry type (WebKit) goes straight after the frame.
// A link (a query or fragment: index.html's link guard has marked the page)
// has nothing to paint first, its figures being the wasm's: its page preloads
// the wasm from the top of <head>, just after the guard, and starts it at once.
const LINK_GUARD = "<script>if (location.search || location.hash) document.documentElement.classList.add('oc-scenario-in-url');</script>";
const LINK = "document.documentElement.classList.contains('oc-scenario-in-url')";
const FRAME_WAIT = `if (!${LINK}) await new Promise((onScreen) => requestAnimationFrame((frame) => {
  let go = () => { go = () => {}; painted?.disconnect(); setTimeout(onScreen); };
  const painted = PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')
    ? new PerformanceObserver((list) => list.getEntries().some((e) => e.startTime >= frame) && go()) : null;
  painted?.observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => go(), painted ? 150 : 0);
}));\n`;
// As wasm-bindgen's fetch asks for it (no integrity: a preload with one is not used by a fetch without).
const LINK_PRELOAD = `<script>if (${LINK}) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', type: 'application/wasm', crossOrigin: 'anonymous', href: './${files.wasm}' }));</script>`;
const afterFirstPaint = (html) => {
  if (!first.markup) return html;
  const preload = new RegExp(`<link rel="preload" href="\\./${files.wasm}"[^>]*>`);
  const start = /\nconst wasm = await init\(/;
  if (!preload.test(html) || !start.test(html) || !html.includes(LINK_GUARD)) throw new Error("Trunk's wasm preload or loader has changed: see afterFirstPaint in post-build.mjs");
  return html
    .replace(preload, '')
    .replace(LINK_GUARD, () => `${LINK_GUARD}\n  ${LINK_PRELOAD}`)
    .replace(start, (call) => `\n${FRAME_WAIT}${call.slice(1)}`);
};

// The page's own stylesheet, glue and service-worker registration go inline
// (each allowed by its hash, which also pins its bytes), so that a link's
// one request after the page is the wasm, on the page's warm connection, and
// the first paint waits for no request at all. As files (Trunk's links) they
// were three requests beside the wasm: under Lighthouse's slow 4G a link's
// first figure came 300 ms later (2,105 against 1,806 ms, the wasm's download
// then being its end), and the default page's 255 ms later (927 against 672).
// The files themselves stay: the widget (embed.js) and the store app load them.
// The page's document, first paint included, then fits TCP's first window
// (~14 KB, `make bench`). The manifest is linked when the worker is
// registered (register-sw.js): before, its request too ran beside the wasm.
const registerSw = (await minify(readFileSync(join(source, 'scripts/site/register-sw.js'), 'utf8'), { module: true, compress: true, mangle: true })).code;
// The icon too, as a data: URL (img-src allows data:), for the page and calculator.html alike.
const ICON = `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${encodeURIComponent(readFileSync(join(source, 'assets/icon.svg'), 'utf8').trim())}">`;
const inlineStartup = (html) => {
  const stylesheet = new RegExp(`<link rel="stylesheet" href="\\./${files.css}"[^>]*>`);
  const preload = new RegExp(`\\s*<link rel="modulepreload" href="\\./${files.glue}"[^>]*>`);
  const importGlue = `import init from './${files.glue}';`;
  const exported = /export\s*\{\s*initSync,\s*(\w+) as default\s*\};?\s*$/;
  if (!stylesheet.test(html) || !preload.test(html) || !html.includes(importGlue) || !exported.test(built.glue)) {
    throw new Error("Trunk's stylesheet link, glue preload or loader, or the glue's exports, have changed: see inlineStartup in post-build.mjs");
  }
  // In a function of its own, so that none of the glue's names meets the
  // loader's; its exports (the embed API, which the page does not call) become
  // plain declarations there.
  const body = built.glue.replace(exported, (_, name) => `return ${name};`).replace(/(?<=^|[;}\n])export (?=(?:async )?(?:class|function|const|let) )/g, '');
  if (/(?<![\w$."'`])export\b/.test(body)) throw new Error('the glue exports in a way inlineStartup in post-build.mjs does not know');
  const initFromGlue = `const init = (() => {\n${body}\n})();`;
  return html
    .replace(stylesheet, () => `<style>${built.css}</style>`)
    .replace(preload, '')
    .replace(importGlue, () => initFromGlue)
    .replace('</head>', () => `${ICON}\n<script type="module">${registerSw}</script>\n</head>`);
};

// Under make dev, trunk serve fills its live-reload script in as it sends the
// page, so no hash can be known here: that page alone allows inline scripts,
// and leaves Trusted Types unenforced (the script's error overlay sets innerHTML).
const page = inlineStartup(afterFirstPaint(withFirstPaint(read('index.html').toString('utf8'))));
if (first.markup && !page.includes('class="oc-prerendered"')) throw new Error('index.html has no standalone element for the first paint');
const inline = dev ? "'unsafe-inline'" : hashes(inlineScripts(page));
const devOnly = dev ? { 'require-trusted-types-for': undefined, 'trusted-types': undefined } : {};
write('index.html', withMeta(page, cspMeta({ 'script-src': `${CSP['script-src']} ${inline}`, 'style-src': hashes([built.css]), ...devOnly })));

// --- embed.js -------------------------------------------------------------------
// The loader's placeholders ('./__OPTICS_GLUE__' ...) become this build's names.
const filled = { __OPTICS_GLUE__: files.glue, __OPTICS_WASM__: files.wasm, __OPTICS_CSS__: files.css };
const loader = readFileSync(join(source, 'scripts/site/embed.js'), 'utf8').replace(
  /'\.\/(__OPTICS_[A-Z]+__)'/g,
  (all, key) => (key in filled ? `'./${filled[key]}'` : all),
);
if (loader.includes("'./__OPTICS_")) throw new Error('scripts/site/embed.js has a placeholder post-build.mjs does not fill');
// Whole-line comments stay in the template: they are a third of the gzipped loader.
const stripped = loader.replace(/^\s*\/\/.*\n|^\s*\/\*\*[\s\S]*?\*\/\n/gm, '');
write('embed.js', `// The optics calculator's loader (README: "Embedding on a host page"; source scripts/site/embed.js).\n${stripped}`);

// --- calculator.html: one file for file:// -----------------------------------------
// Browsers refuse module files and fetch() from file:// (origin "null"), but
// run inline module scripts: the web glue goes inline and compiles the wasm
// from base64 synchronously, and the texts are a JSON block the wasm reads
// (id optics-calc-texts, src/ui/texts.rs); `<` escaped, so none ends it.
// Built from the source page, so no Trunk link (which would point to a file)
// survives.
const script = `${built.glue}
initSync({ module: Uint8Array.from(atob("${read(files.wasm).toString('base64')}"), (c) => c.charCodeAt(0)) });
`;
const singleBody = withFirstPaint(
  readFileSync(join(source, 'index.html'), 'utf8')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/\s*<link data-trunk[^>]*>/g, '')
    .replace(/\s*<script data-trunk[^>]*><\/script>/g, '')
    .replace(/<title>([^<]*)<\/title>/, '<title>$1 (offline file)</title>')
    .replace('</head>', () => `  <style>${built.css}</style>\n${ICON}\n</head>`)
    .replace(
      '</body>',
      // A function: the texts hold `$`, which a replacement string would read as a pattern.
      () => `<script type="application/json" id="optics-calc-texts">${read(files.texts).toString('utf8').replaceAll('<', '\\u003c')}</script>\n<script type="module">${script}</script>\n</body>`,
    ),
);
const single = withMeta(
  singleBody,
  cspMeta({
    'default-src': "'none'",
    'script-src': `'wasm-unsafe-eval' ${hashes(inlineScripts(singleBody))}`,
    'style-src': hashes([built.css]),
    'img-src': 'data: blob:',
    'connect-src': "'none'",
    'worker-src': "'none'",
  }),
);
write('calculator.html', single);

// --- sw.js: every file above, under a name derived from all of them -------------
const names = staged().filter((n) => n !== 'sw.js').sort();
const build = createHash('sha256');
for (const n of names) build.update(n).update(read(n));
const sw = readFileSync(join(source, 'scripts/site/sw.js'), 'utf8')
  .replace("'__BUILD__'", JSON.stringify(build.digest('hex').slice(0, 16)))
  .replace("['__ASSETS__']", JSON.stringify(['./', ...names.map((n) => `./${n}`)]));
const devSw = `// make dev: no offline cache; removes any this origin had.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(
  caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))).then(() => self.registration.unregister()),
));
`;
write('sw.js', dev ? devSw : sw);
if (dev) process.exit(0);

// --- precompressed copies ---------------------------------------------------------
// Brotli at its best in release; quicker settings for the tests' debug-size build.
const COMPRESSIBLE = /\.(html|js|css|wasm|svg|webmanifest|json)$/;
// The wasm, which a link's first figure waits for, is compressed a few ways
// and the smallest kept: the encoder's input block size and mode are its
// own choices (any decoder reads the result), and on this wasm the best of
// them was 152 bytes smaller than brotli's defaults (~8 s more per release build).
const BROTLI_TRIALS = [16, 17, 18].flatMap((block) =>
  [constants.BROTLI_MODE_GENERIC, constants.BROTLI_MODE_FONT].map((mode) => ({ [constants.BROTLI_PARAM_LGBLOCK]: block, [constants.BROTLI_PARAM_MODE]: mode })),
);
const brotli = (data, name) =>
  (release && name.endsWith('.wasm') ? [{}, ...BROTLI_TRIALS] : [{}])
    .map((trial) =>
      brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: release ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: data.length, ...trial },
      }),
    )
    .reduce((best, next) => (next.length < best.length ? next : best));
const sizes = [];
for (const name of staged().filter((n) => COMPRESSIBLE.test(n))) {
  const plain = read(name);
  const row = { name, plain: plain.length };
  for (const [ext, pack] of [['br', brotli], ['gz', (d) => gzipSync(d, { level: 9 })]]) {
    const packed = pack(plain, name);
    if (packed.length < plain.length) {
      write(`${name}.${ext}`, packed);
      row[ext] = packed.length;
    }
  }
  sizes.push(row);
}
const kb = (n) => (n === undefined ? '-' : `${(n / 1024).toFixed(1)} KB`);
for (const r of sizes.sort((a, b) => b.plain - a.plain)) {
  console.log(`[post-build] ${r.name.padEnd(34)} ${kb(r.plain).padStart(10)}  br ${kb(r.br).padStart(9)}  gz ${kb(r.gz).padStart(9)}`);
}
