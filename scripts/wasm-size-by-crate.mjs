// What each crate costs in the shipped wasm, gzipped (issue 8: "measure each
// dependency's gzipped cost"). `make bench` runs it after `make dist`.
//
//   node scripts/wasm-size-by-crate.mjs <optics-calc.wasm from cargo> [--json out.json]
//
// The release build keeps its symbol names (Cargo.toml: strip = false); this
// script binds and optimises it exactly as Trunk does (the `data-wasm-opt`
// flags of index.html), but with `wasm-opt -g` so the names survive, then gives every function body to
// the crate that owns it:
//   - the crate of the symbol's path (`leptos::...`, `plotters::...`);
//   - standard-library generics instantiated for another crate's types
//     (`core::ptr::drop_in_place<tachys::...>`) go to that crate, since they
//     exist because of it;
//   - the data section (strings, tables) and unnamed code are shown apart.
// Each crate's bodies are gzipped on their own; those sizes add up to more
// than the whole file's gzip (code that repeats across crates compresses
// once), so the table also scales them to the real gzipped wasm: "share".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { reader } from './site/wasm-binary.mjs';

// The shipped file's wasm-opt flags: index.html's Trunk link is their one home.
const rustLink = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../index.html'), 'utf8').match(/<link data-trunk rel="rust"[^>]*>/)[0];
const attr = (name) => rustLink.match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? '';
const wasmOptArgs = (input, output, keepNames = false) =>
  [`-O${attr('data-wasm-opt')}`, ...attr('data-wasm-opt-params').split(/\s+/), ...(keepNames ? ['-g'] : []), input, '-o', output];

const [input, ...rest] = process.argv.slice(2);
const jsonOut = rest[0] === '--json' ? rest[1] : undefined;
if (!input) {
  console.error('usage: node scripts/wasm-size-by-crate.mjs <optics-calc.wasm> [--json out.json]');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'wasm-size-'));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'app', input]);
const bound = join(tmp, 'app_bg.wasm');
run('wasm-opt', wasmOptArgs(bound, join(tmp, 'named.wasm'), true));
run('wasm-opt', wasmOptArgs(bound, join(tmp, 'shipped.wasm')));
const named = readFileSync(join(tmp, 'named.wasm'));
const shipped = readFileSync(join(tmp, 'shipped.wasm'));
rmSync(tmp, { recursive: true, force: true });

// ---- the parts of a wasm module this needs: code bodies, data, names ----
function parse(bytes) {
  const r = reader(bytes);
  let importedFuncs = 0;
  const bodies = [], names = new Map(), exported = new Set(), data = [];
  for (const { id, end } of r.sections()) {
    if (id === 2) {
      for (let n = r.leb(); n > 0; n--) {
        r.name(); r.name();
        if (r.importDesc() === 0) importedFuncs++;
      }
    } else if (id === 10) {
      for (let n = r.leb(); n > 0; n--) { const len = r.leb(); bodies.push(bytes.subarray(r.p, r.p + len)); r.p += len; }
    } else if (id === 7) {
      for (let n = r.leb(); n > 0; n--) { r.name(); const { kind, index } = r.exportDesc(); if (kind === 0) exported.add(index); }
    } else if (id === 11) {
      data.push(bytes.subarray(r.p, end));
    } else if (id === 0 && r.name() === 'name') {
      while (r.p < end) {
        const sub = bytes[r.p++], len = r.leb(), subEnd = r.p + len;
        if (sub === 1) for (let n = r.leb(); n > 0; n--) { const idx = r.leb(); names.set(idx, r.name()); }
        r.p = subEnd;
      }
    }
  }
  return { importedFuncs, bodies, names, exported, data: Buffer.concat(data), codeBytes: bodies.reduce((a, b) => a + b.length, 0) };
}

// The crates that can own code: this package's lock file plus the standard library.
// Standard-library crates, shown as one row (dlmalloc is std's allocator).
const STD = new Set(['core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc', '__rustc', 'panic_abort']);
const STD_ROW = 'Rust standard library';
const lock = readFileSync(new URL('../Cargo.lock', import.meta.url), 'utf8');
const crates = new Set([...STD, ...[...lock.matchAll(/^name = "([^"]+)"$/gm)].map((m) => m[1].replaceAll('-', '_'))]);

/** Legacy Rust mangling (`_ZN4core3fmt5write17h…E`) to `core::fmt::write`. */
function demangle(sym) {
  const m = /^_ZN(.*)E(\.llvm\.\d+)?$/.exec(sym);
  if (!m) return sym;
  const parts = [];
  let s = m[1];
  while (s.length) {
    const len = /^\d+/.exec(s);
    if (!len) break;
    const n = +len[0];
    parts.push(s.slice(len[0].length, len[0].length + n));
    s = s.slice(len[0].length + n);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  const ESC = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  return parts
    .join('::')
    .replace(/\$([A-Z]{1,2}|u[0-9a-f]+)\$/g, (_, e) => ESC[e] ?? String.fromCodePoint(parseInt(e.slice(1), 16)))
    .replaceAll('..', '::')
    .replace(/^_</, '<');
}

function owner(sym, exportedName) {
  if (!sym) return '(unnamed)';
  // v0-mangled names arrive demangled with a crate hash: `core[c5930c85a12de822]::fmt`.
  const name = demangle(sym).replace(/\[[0-9a-f]+\]/g, '');
  const paths = [...name.matchAll(/(?<![\w:])([A-Za-z_][A-Za-z0-9_]*)::/g)].map((m) => m[1]).filter((c) => crates.has(c));
  if (paths.length) {
    const crate = paths.find((c) => !STD.has(c)) ?? paths[0];
    return STD.has(crate) ? STD_ROW : crate;
  }
  // wasm-bindgen's generated adapters ("Closure(...) -> Externref", "mount externref shim").
  if (/^(__wbg|__wbindgen|__externref)| -> |^Closure\(| shim$/.test(name)) return 'wasm_bindgen';
  // JS-facing exports: wasm_streams' stream sources, and this crate's #[wasm_bindgen] functions.
  if (/^intounderlying/.test(name)) return 'wasm_streams';
  if (exportedName) return 'optics_calc';
  // Methods of primitive types (`<str>::to_lowercase`) and libc-like helpers (memcpy).
  return STD_ROW;
}

const w = parse(named);
const s = parse(shipped);
const byCrate = new Map();
w.bodies.forEach((body, i) => {
  const index = w.importedFuncs + i;
  const crate = owner(w.names.get(index), w.exported.has(index));
  const list = byCrate.get(crate) ?? [];
  list.push(body);
  byCrate.set(crate, list);
});
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const shippedGz = gz(shipped);
const rows = [...byCrate].map(([crate, list]) => {
  const raw = Buffer.concat(list);
  return { crate, functions: list.length, bytes: raw.length, gzip_alone: gz(raw) };
});
rows.push({ crate: '(data section: strings, tables)', functions: 0, bytes: w.data.length, gzip_alone: gz(w.data) });
const sumAlone = rows.reduce((a, r) => a + r.gzip_alone, 0);
for (const r of rows) r.share_bytes = Math.round((r.gzip_alone / sumAlone) * shippedGz);
rows.sort((a, b) => b.share_bytes - a.share_bytes);

const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`wasm by crate (${input}): shipped ${kb(shipped.length)} KB, ${kb(shippedGz)} KB gzipped`);
if (w.codeBytes !== s.codeBytes) {
  console.log(`note: the named build's code differs from the shipped one by ${w.codeBytes - s.codeBytes} bytes`);
}
console.log('crate                                  functions   KB raw  KB gz alone  KB gz share');
for (const r of rows) {
  console.log(`${r.crate.padEnd(38)} ${String(r.functions).padStart(9)} ${kb(r.bytes)}      ${kb(r.gzip_alone)}      ${kb(r.share_bytes)}`);
}
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ shipped_bytes: shipped.length, shipped_gzip_bytes: shippedGz, crates: rows }, null, 2));
}
