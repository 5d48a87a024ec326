// Builds the static site in dist/ from the compiled wasm (`make dist` runs it
// after `cargo build --release --target wasm32-unknown-unknown`).
//
//   node scripts/build-site.mjs <optics-calc.wasm from cargo> <out dir> [--no-wasm-opt]
//
// --no-wasm-opt skips the size optimisation: `make test` builds its site from
// the quick-to-compile `ci` profile, where wasm-opt would only cost minutes.
//
// What it writes (every URL relative, so dist/ works from any sub-path):
//   index.html                 the page template (./index.html) with its assets
//                              and a strict Content-Security-Policy filled in
//   optics-calc-<hash>.js      wasm-bindgen's ES-module glue
//   optics-calc-<hash>.wasm    the app, through `wasm-opt` (flags: scripts/site/wasm-opt.mjs)
//   boot-<hash>.js             starts the app and registers the service worker
//   main-<hash>.css            style/main.css
//   embed.js                   the host pages' loader (scripts/site/embed.js, stable name)
//   manifest.webmanifest, icon.svg, icon-192.png, icon-512.png
//   sw.js                      precaches all of the above (scripts/site/sw.js)
//   calculator.html            one self-contained file for file:// use
// Content hashes in the names let caches keep files forever and let a new
// build's service worker replace the old one's files as a whole.
// Why not Trunk: see the README's design section.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICON_SVG, iconPng } from './site/icon.mjs';
import { wasmOptArgs } from './site/wasm-opt.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [wasmInput, out, ...flags] = process.argv.slice(2);
const wasmOpt = !flags.includes('--no-wasm-opt');
if (!wasmInput || !out || flags.some((f) => f !== '--no-wasm-opt')) {
  console.error('usage: node scripts/build-site.mjs <optics-calc.wasm> <out dir> [--no-wasm-opt]');
  process.exit(2);
}

const sha256 = (data, encoding = 'base64') => createHash('sha256').update(data).digest(encoding);
const short = (data) => sha256(data, 'hex').slice(0, 16);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

// wasm-opt results by the hash of their input: both targets usually bind to
// the same wasm, and wasm-opt is the slow step.
const optimisedBy = new Map();

/** Runs wasm-bindgen for one target and returns its glue and optimised wasm. */
function bindgen(target, tmp) {
  const dir = join(tmp, target);
  run('wasm-bindgen', ['--target', target, '--no-typescript', '--out-dir', dir, '--out-name', 'app', wasmInput]);
  const bound = join(dir, 'app_bg.wasm');
  const key = short(readFileSync(bound));
  if (!optimisedBy.has(key)) {
    const optimised = join(dir, 'app_opt.wasm');
    if (wasmOpt) run('wasm-opt', wasmOptArgs(bound, optimised));
    optimisedBy.set(key, readFileSync(wasmOpt ? optimised : bound));
  }
  return { glue: readFileSync(join(dir, 'app.js'), 'utf8'), wasm: optimisedBy.get(key) };
}

const CSP = {
  'default-src': "'self'",
  // 'wasm-unsafe-eval' lets WebAssembly compile; no JavaScript eval is allowed.
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};
const cspMeta = (overrides) => {
  const policy = Object.entries({ ...CSP, ...overrides })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
};

const template = readFileSync(join(root, 'index.html'), 'utf8');
const MARKER = '<!-- build: assets -->';
if (!template.includes(MARKER)) throw new Error(`index.html lacks the ${MARKER} line`);
const css = readFileSync(join(root, 'style/main.css'), 'utf8');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = new Map(); // name -> contents
const emit = (name, contents) => files.set(name, contents);
const hashed = (stem, ext, contents) => {
  const name = `${stem}-${short(contents)}.${ext}`;
  emit(name, contents);
  return name;
};

const tmp = mkdtempSync(join(tmpdir(), 'optics-calc-site-'));
try {
  // --- the served site ---------------------------------------------------------
  const web = bindgen('web', tmp);
  const wasmName = hashed('optics-calc', 'wasm', web.wasm);
  const glueName = hashed('optics-calc', 'js', web.glue);
  const cssName = hashed('main', 'css', css);
  const bootName = hashed(
    'boot',
    'js',
    `// Starts the calculator and, over http(s), its offline cache (sw.js).
import init from './${glueName}';
init({ module_or_path: new URL('./${wasmName}', import.meta.url) });
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('optics-calc: no offline cache:', e));
}
`,
  );
  // embed.js keeps its name: host pages link to it. The loader template
  // (scripts/site/embed.js) names this build's hashed files, so a new build
  // takes effect on the next page load.
  const embed = readFileSync(join(root, 'scripts/site/embed.js'), 'utf8');
  const filled = { __OPTICS_GLUE__: glueName, __OPTICS_WASM__: wasmName, __OPTICS_CSS__: cssName };
  // Whole-line comments stay in the template (a third of the gzipped loader).
  const loader = embed
    .replace(/'\.\/(__OPTICS_[A-Z]+__)'/g, (_, key) => `'./${filled[key]}'`)
    .replace(/^\s*\/\/.*\n|^\s*\/\*\*[\s\S]*?\*\/\n/gm, '');
  if (loader.includes("'./__OPTICS_")) throw new Error('scripts/site/embed.js has a placeholder this build does not fill');
  emit('embed.js', `// The optics calculator's loader (README: "Embedding on a host page"; source scripts/site/embed.js).\n${loader}`);
  emit('icon.svg', ICON_SVG);
  emit('icon-192.png', iconPng(192));
  emit('icon-512.png', iconPng(512));
  emit(
    'manifest.webmanifest',
    JSON.stringify(
      {
        name: 'Optical interconnect calculator',
        short_name: 'Optics calc',
        description: 'Power, latency, reliability and TCO of the optics in an AI cluster.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#0b5cad',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      null,
      2,
    ) + '\n',
  );
  const assets = [
    cspMeta({}),
    `<link rel="stylesheet" href="./${cssName}">`,
    `<link rel="modulepreload" href="./${glueName}">`,
    `<link rel="preload" href="./${wasmName}" as="fetch" type="application/wasm" crossorigin>`,
    '<link rel="manifest" href="./manifest.webmanifest">',
    '<link rel="icon" href="./icon.svg" type="image/svg+xml">',
    '<meta name="theme-color" content="#0b5cad">',
    `<script type="module" src="./${bootName}"></script>`,
  ].join('\n  ');
  const index = template.replace(MARKER, assets);
  emit('index.html', index);

  // --- sw.js: every file above, under a name derived from all of them ---------
  const names = [...files.keys()].sort();
  const build = createHash('sha256');
  for (const n of names) build.update(n).update(files.get(n));
  const sw = readFileSync(join(root, 'scripts/site/sw.js'), 'utf8')
    .replace("'__BUILD__'", JSON.stringify(build.digest('hex').slice(0, 16)))
    .replace("['__ASSETS__']", JSON.stringify(['./', ...names.map((n) => `./${n}`)]));
  emit('sw.js', sw);

  // --- calculator.html: the same page as one file, for file:// ------------------
  // Browsers refuse module scripts and fetch() from file:// (origin "null"), so
  // this carries wasm-bindgen's classic ("no-modules") glue and the wasm as
  // base64, compiled synchronously; inline code runs by hash under the CSP.
  const classic = bindgen('no-modules', tmp);
  const script = `${classic.glue}
wasm_bindgen.initSync({ module: Uint8Array.from(atob("${classic.wasm.toString('base64')}"), (c) => c.charCodeAt(0)) });
`;
  const single = template
    .replace(/<title>([^<]*)<\/title>/, '<title>$1 (offline file)</title>')
    .replace(
      MARKER,
      [
        cspMeta({
          'script-src': `'wasm-unsafe-eval' 'sha256-${sha256(script)}'`,
          'style-src': `'sha256-${sha256(css)}'`,
          'default-src': "'none'",
          'img-src': 'data: blob:',
          'connect-src': "'none'",
          'worker-src': "'none'",
          'manifest-src': "'none'",
        }),
        `<style>${css}</style>`,
      ].join('\n  '),
    )
    .replace('</body>', `<script>${script}</script>\n</body>`);
  emit('calculator.html', single);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

for (const [name, contents] of files) writeFileSync(join(out, name), contents);
console.log(`[site] ${files.size} files in ${out}: ${[...files.keys()].sort().join(' ')}`);
