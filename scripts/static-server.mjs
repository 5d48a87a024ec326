// The one static file server of this repository: `make serve` (scripts/serve.mjs)
// and the end-to-end harness (tests/e2e/harness.mjs) both use it. It serves a
// built site the way any static host should (README, "Serving dist/"): files
// under a path prefix, no rewrites, index.html for directories, and
// - the precompressed `.br` or `.gz` beside a file when the request's
//   Accept-Encoding takes it, with Content-Encoding and Vary;
// - content-hashed names cached for a year as immutable, stable names
//   (index.html, embed.js, sw.js, calculator.html, the manifest) revalidated;
// - request URLs (share links) up to 64 KB.
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
 * Longest request head taken: a share link of up to 64 KB in the request
 * line, plus 16 KB for the other headers. Node's default (16 KB for all)
 * answered a long link with 431 Request Header Fields Too Large.
 */
export const MAX_URL_BYTES = 64 * 1024;
export const SERVER_OPTIONS = { maxHeaderSize: MAX_URL_BYTES + 16 * 1024 };

/**
 * Trunk's content hash in a file name: `main-1a2b….css`, `optics-calc-1a2b…_bg.wasm`.
 * A 64-bit hash in hex without leading zeros, so sometimes under 16 digits.
 */
export const HASHED = /-[0-9a-f]{10,16}(_bg)?\.[a-z]+$/;

/** The encodings a request accepts, best first, among those we store. */
function accepted(header = '') {
  const q = new Map();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, weight ? Number(weight.slice(2)) : 1);
  }
  const star = q.get('*') ?? 0;
  return [['br', '.br'], ['gzip', '.gz']].filter(([name]) => (q.get(name) ?? star) > 0);
}

/**
 * An http.Server for the files under `root()` (a function, so a caller can
 * deploy another build in place), mounted at `prefix`. `onRequest(url)` sees
 * every request. Every response allows cross-origin reads: embed.js is a
 * module script, which a storefront on another origin may only load with CORS.
 */
export function staticServer({ root, prefix = '/', onRequest = () => {} }) {
  return createServer(SERVER_OPTIONS, async (req, res) => {
    onRequest(req.url);
    const headers = { 'Access-Control-Allow-Origin': '*' };
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) throw new Error('outside the prefix');
      let rel = path.slice(prefix.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const dir = normalize(root());
      const file = normalize(join(dir, rel));
      if (!file.startsWith(dir + sep)) throw new Error('outside the site');
      let body, encoding;
      for (const [name, ext] of accepted(req.headers['accept-encoding'])) {
        body = await readFile(file + ext).catch(() => undefined);
        if (body) {
          encoding = name;
          break;
        }
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'Content-Length': body.length,
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Cache-Control': 'no-cache', 'Content-Type': 'text/plain' }).end('not found');
    }
  });
}
