// The reference server for the benchmarks, in its own process so that the load generator does not
// share its event loop: `node bench/server/serve.mjs <database-url> <schema>`. Prints
// `listening on <url>` and runs until SIGTERM.
import { createPartnerkitServer } from '../../packages/server/dist/index.js';

const [url, schema] = process.argv.slice(2);
if (!url || !schema) {
  console.error('usage: node bench/server/serve.mjs <database-url> <schema>');
  process.exit(2);
}
const server = await createPartnerkitServer({
  database: { url, schema, poolSize: 10 },
  port: 0,
  logger: false,
  sweepIntervalMs: 0,
});
console.log(`listening on ${server.url}`);
process.on('SIGTERM', () => {
  server.close().then(() => process.exit(0));
});
