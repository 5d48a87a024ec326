// Serves a built site on loopback for `make serve`:
//   node scripts/serve.mjs <dir> <port>
import { staticServer } from './static-server.mjs';

const [dir, port = '8080'] = process.argv.slice(2);
staticServer({ root: () => dir }).listen(Number(port), '127.0.0.1', () => {
  console.log(`Serving ${dir} at http://127.0.0.1:${port}/ (Ctrl-C stops)`);
});
