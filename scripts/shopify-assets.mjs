// Fills a Shopify theme app extension's assets/ from a built site (dist/, or
// the tests' target/site-ci): the loader as optics-embed.js and the files it
// names (the glue, the wasm, the stylesheet) and the texts file the wasm
// fetches beside the stylesheet, byte for byte, under the names the build
// gave them. Shopify serves an extension's assets from one flat CDN folder,
// so the loader finds them beside itself as it does in dist/.
//
//   node scripts/shopify-assets.mjs <site dir> <extension dir>
//
// Prints each asset's size, plain and gzipped, and fails if a JavaScript
// file is over Shopify's 10 KB compressed budget for an app block's scripts.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TEXTS_NAME } from './site/texts-name.mjs';

const CODE = /^(optics-embed\.js|optics-calc-[0-9a-f]+(_bg\.wasm|\.js)|main-[0-9a-f]+\.css)$/;
/** Files this script writes (the rest of assets/ is the extension's own source). */
export const BUILT = new RegExp(`${CODE.source}|${TEXTS_NAME.source}`);
/** Shopify's budget for each of an app block's JavaScript files, compressed. */
export const JS_BUDGET_GZIP_BYTES = 10 * 1024;

export function fillAssets(site, extension) {
  const assets = join(extension, 'assets');
  for (const old of readdirSync(assets).filter((f) => BUILT.test(f))) rmSync(join(assets, old));
  const loader = readFileSync(join(site, 'embed.js'), 'utf8');
  const named = [...loader.matchAll(/here\('\.\/([^']+)'\)/g)].map((m) => m[1]).filter((n) => n !== '');
  if (named.length !== 3) throw new Error(`expected the loader to name 3 files, found: ${named.join(', ')}`);
  const texts = readdirSync(site).filter((f) => TEXTS_NAME.test(f));
  if (texts.length !== 1) throw new Error(`expected one texts file in ${site}, found: ${texts.join(', ') || 'none'}`);
  for (const name of [...named, ...texts]) {
    if (!BUILT.test(name) || !existsSync(join(site, name))) throw new Error(`the loader names ${name}, which ${site} does not hold`);
    copyFileSync(join(site, name), join(assets, name));
  }
  writeFileSync(join(assets, 'optics-embed.js'), loader);
  const rows = readdirSync(assets)
    .sort()
    .map((name) => {
      const data = readFileSync(join(assets, name));
      return { name, plain: data.length, gzip: gzipSync(data, { level: 9 }).length };
    });
  const over = rows.filter((r) => r.name.endsWith('.js') && r.gzip > JS_BUDGET_GZIP_BYTES);
  return { rows, over };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [site, extension] = process.argv.slice(2);
  if (!site || !extension) {
    console.error('usage: node scripts/shopify-assets.mjs <site dir> <extension dir>');
    process.exit(2);
  }
  const { rows, over } = fillAssets(site, extension);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const r of rows) console.log(`[shopify] ${r.name.padEnd(34)} ${kb(r.plain).padStart(9)}  gz ${kb(r.gzip).padStart(8)}`);
  if (over.length) {
    console.error(`[shopify] over the 10 KB compressed budget for an app block's JavaScript: ${over.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
}
