// How the built site is served (README, "Serving dist/"): the precompressed
// .br/.gz beside each file chosen by Accept-Encoding, and cache lifetimes by
// whether a name carries a content hash.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { siteServer } from '../../scripts/serve.mjs';
import { DIST, startServer } from './harness.mjs';

/** GET `url` with the given Accept-Encoding: status, headers and raw body. */
const get = (url, acceptEncoding) =>
  new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });

test('every text asset and the wasm ship as .br and .gz, and the server picks one by Accept-Encoding', async () => {
  const files = readdirSync(DIST);
  const wasm = files.find((f) => /_bg\.wasm$/.test(f));
  for (const name of files.filter((f) => /\.(html|js|css|wasm|svg|webmanifest)$/.test(f))) {
    assert.ok(files.includes(`${name}.br`) && files.includes(`${name}.gz`), `${name} has .br and .gz`);
  }
  const server = await startServer(DIST, '/tools/optics/');
  try {
    const plain = readFileSync(join(DIST, wasm));
    const br = await get(server.url(wasm), 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(br.headers['content-type'], 'application/wasm');
    assert.ok(brotliDecompressSync(br.body).equals(plain), 'the .br is the wasm');
    assert.ok(br.body.length < plain.length / 2, `brotli ${br.body.length} B of ${plain.length}`);

    const gz = await get(server.url(wasm), 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(plain), 'the .gz is the wasm');

    for (const refuse of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const raw = await get(server.url(wasm), refuse);
      assert.equal(raw.headers['content-encoding'], undefined, `Accept-Encoding: ${refuse}`);
      assert.ok(raw.body.equals(plain));
    }
  } finally {
    await server.stop();
  }
});

test('hashed files are cached for a year, stable names are revalidated', async () => {
  const server = await startServer(DIST, '/');
  try {
    const files = readdirSync(DIST).filter((f) => !/\.(br|gz)$/.test(f));
    // Every file Trunk names by content (the wasm, its glue, the stylesheet).
    const hashed = files.filter((f) => /^(optics-calc|main)-[0-9a-f]+(_bg)?\.(wasm|js|css)$/.test(f));
    assert.equal(hashed.length, 3, `hashed files: ${hashed}`);
    for (const f of hashed) {
      assert.equal((await get(server.url(f), 'br')).headers['cache-control'], 'public, max-age=31536000, immutable', f);
    }
    for (const f of ['', 'index.html', 'embed.js', 'sw.js', 'calculator.html', 'manifest.webmanifest']) {
      const res = await get(server.url(f), 'br');
      assert.equal(res.status, 200, f);
      assert.equal(res.headers['cache-control'], 'no-cache', f || '/');
    }
  } finally {
    await server.stop();
  }
});

test("a share link of 60 KB is served by make serve's server, as by the tests'", async () => {
  // A link that long: a scenario plus a product name and notes a host's
  // tools appended, as some CRMs do (any key the calculator does not know is
  // ignored with a notice). Node's default limit answered 431 above 16 KB.
  const query = `v=2&gpus=8192&alt=cpo&note=${'x'.repeat(60 * 1024)}`;
  const harness = await startServer(DIST, '/');
  const make = siteServer(DIST);
  await new Promise((resolve) => make.listen(0, '127.0.0.1', resolve));
  try {
    for (const origin of [harness.origin, `http://127.0.0.1:${make.address().port}`]) {
      const res = await get(`${origin}/?${query}`, 'br');
      assert.equal(res.status, 200, `${origin}: a ${query.length}-byte query`);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    }
  } finally {
    await harness.stop();
    await new Promise((resolve) => make.close(resolve));
  }
});
