// Serves a built site on loopback for `make serve`, with the repository's
// example host pages beside it:
//   node scripts/serve.mjs <dir> <port>
//   http://127.0.0.1:<port>/                           the calculator (<dir>)
//   http://127.0.0.1:<port>/examples/storefront.html   a store's product page (examples/)
// The examples load the widget from `../embed.js`, as a store would from the
// calculator's own path. `overHttp2(server)` answers the same requests over
// HTTP/2, as stores and CDNs serve (TLS with a self-signed certificate for
// 127.0.0.1; the Lighthouse bench uses it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVER_OPTIONS, staticServer } from './static-server.mjs';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../examples');

/** An http.Server for the site in `dir` at / and examples/ at /examples/. */
export function siteServer(dir, onRequest = () => {}) {
  const site = staticServer({ root: () => dir, onRequest });
  const examples = staticServer({ root: () => EXAMPLES, prefix: '/examples/', onRequest });
  return createServer(SERVER_OPTIONS, (req, res) => (req.url.startsWith('/examples/') ? examples : site).emit('request', req, res));
}

/** A self-signed certificate for 127.0.0.1, made now by openssl: `{ key, cert }` (PEM). */
export function loopbackCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'optics-calc-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The requests `server` (an http.Server) answers, served over HTTP/2 on TLS
 * instead; clients without HTTP/2 get HTTP/1.1 on the same port. The handler
 * runs unchanged through node:http2's compatibility API. A browser must be
 * told to accept the self-signed certificate (`--ignore-certificate-errors`).
 */
export function overHttp2(server, tls = loopbackCertificate()) {
  return createSecureServer({ allowHTTP1: true, ...tls }, (req, res) => server.emit('request', req, res));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, port = '8080'] = process.argv.slice(2);
  siteServer(dir).listen(Number(port), '127.0.0.1', () => {
    console.log(`Serving ${dir} at http://127.0.0.1:${port}/ and examples/ at /examples/ (Ctrl-C stops)`);
  });
}
