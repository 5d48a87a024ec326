// Serves a built site on loopback for `make serve`, with the repository's
// example host pages beside it:
//   node scripts/serve.mjs <dir> <port>
//   http://127.0.0.1:<port>/                           the calculator (<dir>)
//   http://127.0.0.1:<port>/examples/storefront.html   a store's product page (examples/)
// The examples load the widget from `../embed.js`, as a store would from the
// calculator's own path.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staticServer } from './static-server.mjs';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../examples');

/** An http.Server for the site in `dir` at / and examples/ at /examples/. */
export function siteServer(dir, onRequest = () => {}) {
  const site = staticServer({ root: () => dir, onRequest });
  const examples = staticServer({ root: () => EXAMPLES, prefix: '/examples/', onRequest });
  return createServer((req, res) => (req.url.startsWith('/examples/') ? examples : site).emit('request', req, res));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, port = '8080'] = process.argv.slice(2);
  siteServer(dir).listen(Number(port), '127.0.0.1', () => {
    console.log(`Serving ${dir} at http://127.0.0.1:${port}/ and examples/ at /examples/ (Ctrl-C stops)`);
  });
}
