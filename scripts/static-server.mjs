// The one static file server of this repository: `make serve` (scripts/serve.mjs)
// and the end-to-end harness (tests/e2e/harness.mjs) both use it. Plain, as
// the calculator is meant to be hosted: files under a path prefix, no
// rewrites, index.html for directories.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * An http.Server for the files under `root()` (a function, so a caller can
 * deploy another build in place), mounted at `prefix`. `onRequest(url)` sees
 * every request. Every response allows cross-origin reads: embed.js is a
 * module script, which a storefront on another origin may only load with CORS.
 */
export function staticServer({ root, prefix = '/', onRequest = () => {} }) {
  return createServer(async (req, res) => {
    onRequest(req.url);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-cache' };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) throw new Error('outside the prefix');
      let rel = path.slice(prefix.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const dir = normalize(root());
      const file = normalize(join(dir, rel));
      if (!file.startsWith(dir + sep)) throw new Error('outside the site');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
    }
  });
}
