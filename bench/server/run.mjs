// `npm run bench -- server [--sizes 10000,100000,1000000] [--probes 600] [--duration 10]
//                          [--connections 10] [--no-throughput] [--keep]`
//
// On PostgreSQL (DATABASE_URL, or a throwaway cluster started here like .ci/run does):
// 1. Conflict-check latency (p50, p99) with 10k, 100k and 1M registrations of varied, realistic
//    company names, bulk-loaded with INSERT ... SELECT; timed through the rules module
//    (checkConflict on the database) and through HTTP (POST /v1/deal-registrations/conflict-check).
// 2. Registration throughput with autocannon (POST /v1/deal-registrations, every body a new
//    customer: names all alike, then varied), beside the bare GET /healthz throughput of the same
//    server in the same run.
// Prints figures; asserts nothing. Never part of `npm test`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    probes: { type: 'string', default: '600' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'no-throughput': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = args.sizes.split(',').map(Number);
const probesPerKind = Math.max(10, Math.floor(Number(args.probes) / 3));

if (!existsSync(join(root, 'packages/server/dist/index.js'))) {
  console.log('building the server (tsc -b packages/server) ...');
  const r = spawnSync('npx', ['--no-install', 'tsc', '-b', 'packages/server'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { openDatabase, dropSchema, migrate } = await import('../../packages/server/dist/index.js');
const {
  checkConflict,
  CONFLICT_NEIGHBOURS_SQL,
  CONFLICT_SQL,
  NEIGHBOURS_SQL,
  neighbourForms,
  typoNames,
  typoNeighbours,
} = await import('../../packages/server/dist/deals.js');
const { SIMILARITY_THRESHOLD } = await import('../../packages/server/dist/rules/conflict.js');
const { customerKeys } = await import('../../packages/server/dist/rules/normalize.js');
const { seedCore, PARTNERS, PRODUCTS } = await import('../../packages/server/dist/seed/core.js');
const { firstWords, secondWords, trades, legalForms } = await import('./names.mjs');

// ------------------------------------------------------------------------------------------------
// PostgreSQL: DATABASE_URL, or a throwaway cluster owned by the postgres user.
const cleanups = [];
async function cleanup() {
  while (cleanups.length > 0)
    await cleanups
      .pop()()
      .catch(() => {});
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

function startCluster() {
  const versions = existsSync('/usr/lib/postgresql')
    ? spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1'])
        .stdout.toString()
        .trim()
    : '';
  if (!versions)
    throw new Error('Set DATABASE_URL, or install PostgreSQL (Debian: apt-get install postgresql).');
  const bin = dirname(versions);
  const dir = mkdtempSync('/tmp/pk-bench-pg.');
  const port = 54400 + Math.floor(Math.random() * 500);
  const asPostgres = process.getuid?.() === 0;
  const sh = (cmd) => {
    const r = asPostgres
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd])
      : spawnSync('sh', ['-c', cmd]);
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
  };
  if (asPostgres) spawnSync('chown', ['postgres:postgres', dir]);
  sh(`'${bin}/initdb' -D '${dir}/data' -A trust -U postgres -E UTF8 >/dev/null`);
  sh(
    `'${bin}/pg_ctl' -D '${dir}/data' -l '${dir}/log' -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off -c shared_buffers=256MB" start >/dev/null`,
  );
  cleanups.push(async () => {
    sh(`'${bin}/pg_ctl' -D '${dir}/data' -m fast stop >/dev/null`);
    rmSync(dir, { recursive: true, force: true });
  });
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

const databaseUrl = process.env.DATABASE_URL || startCluster();
const schema = `pk_bench_${randomBytes(4).toString('hex')}`;
const db = await openDatabase({ url: databaseUrl, schema, poolSize: 4 });
cleanups.push(async () => {
  await db.close();
  if (args.keep) console.log(`kept schema ${schema}`);
  else await dropSchema(databaseUrl, schema);
});

// ------------------------------------------------------------------------------------------------
// Data: the demo program's partners and products, then registrations in bulk.
const now = new Date();
await migrate(db);
await seedCore(db, now);

const partnerIds = PARTNERS.map((p) => p.id);
const submitters = PARTNERS.map((p) => `usr_${p.slug}_1`);
const productIds = PRODUCTS.map((p) => p.id);
let loaded = (await db.query('SELECT count(*)::int AS n FROM deal_registrations')).rows[0].n;

/**
 * Adds `count` registrations with INSERT ... SELECT. Names: a first word (12% from a short list
 * of common words, skewed like real names: "Global", "First", ...; otherwise one of thousands of
 * distinct words), an optional second word, a trade, and a legal form by country. About 30% are
 * active (submitted, under review, approved and still protected); the rest are closed.
 */
async function bulkLoad(count, offset) {
  await db.query(
    `WITH w AS (SELECT $2::text[] AS firsts, $3::text[] AS commons, $4::text[] AS seconds, $5::text[] AS trades,
                       $6::text[] AS forms, $7::text[] AS partners, $8::text[] AS users, $9::text[] AS products)
     INSERT INTO deal_registrations (
       id, reference, partner_id, status, customer, company_key, domain_key, block_first, block_last,
       product_ids, estimated_amount, currency, expected_close_date, sourcing, custom_fields, flags,
       protected_until, submitted_by_id, submitted_by_name, created_at, updated_at)
     SELECT 'dr_b' || g, 'DR-B-' || g, w.partners[p], st,
            jsonb_build_object('company', disp, 'country', 'US',
              'contact', jsonb_build_object('name', 'Alex Buyer', 'email', 'alex@' || dom))
              || CASE WHEN has_domain THEN jsonb_build_object('domain', dom) ELSE '{}' END,
            lower(base), CASE WHEN has_domain THEN dom END, lower(f), lower(t),
            ARRAY[w.products[1 + (g % 8)]] || CASE WHEN g % 3 = 0 THEN ARRAY[w.products[1 + ((g / 8) % 8)]] ELSE '{}' END,
            (1000 + (g % 500) * 1000) * 100, 'USD', DATE '2027-06-30', 'sourced', '{"deal_type":"new"}', '{}',
            CASE WHEN st = 'approved' THEN $10::timestamptz + interval '30 days' + (g % 60) * interval '1 day' END,
            w.users[p], 'Bench Submitter',
            $10::timestamptz - (g % 700) * interval '1 hour', $10::timestamptz - (g % 700) * interval '1 hour'
       FROM w, generate_series($1::bigint + 1, $1::bigint + $11::bigint) g,
       LATERAL (
         SELECT CASE WHEN r1 < 0.12 THEN w.commons[1 + floor(power(r2, 3) * array_length(w.commons, 1))::int]
                     ELSE w.firsts[1 + floor(r2 * array_length(w.firsts, 1))::int] END AS f,
                CASE WHEN r3 < 0.5 THEN w.seconds[1 + floor(r4 * array_length(w.seconds, 1))::int] END AS s,
                w.trades[1 + floor(r5 * array_length(w.trades, 1))::int] AS t,
                w.forms[1 + floor(r6 * array_length(w.forms, 1))::int] AS form,
                1 + (g % array_length(w.partners, 1))::int AS p,
                CASE WHEN r7 < 0.10 THEN 'submitted' WHEN r7 < 0.15 THEN 'under_review' WHEN r7 < 0.30 THEN 'approved'
                     WHEN r7 < 0.40 THEN 'rejected' WHEN r7 < 0.55 THEN 'expired' WHEN r7 < 0.80 THEN 'won' ELSE 'lost' END AS st,
                r8 < 0.8 AS has_domain
           FROM (SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                        random() AS r6, random() AS r7, random() AS r8, g AS _g) r
       ) x,
       LATERAL (SELECT concat_ws(' ', f, s, t) AS base) b,
       LATERAL (SELECT concat_ws(' ', base, form) AS disp,
                       lower(replace(concat(f, s, t), ' ', '')) || '-' || (g % 97) || '.example.com' AS dom) d`,
    [
      offset,
      firstWords,
      [
        'Global',
        'First',
        'United',
        'National',
        'American',
        'International',
        'Pacific',
        'Atlantic',
        'Advanced',
        'Premier',
        'General',
        'Central',
        'Northern',
        'Southern',
        'Western',
        'Eastern',
        'Royal',
        'Golden',
        'Silver',
        'Blue',
        'Green',
        'Summit',
        'Pioneer',
        'Allied',
        'Integrated',
        'Dynamic',
        'Superior',
        'Metro',
        'Coastal',
        'Capital',
      ],
      secondWords,
      trades,
      legalForms,
      partnerIds,
      submitters,
      productIds,
      now,
      count,
    ],
  );
  // Measure the steady state, not the aftermath of the load: vacuum and statistics now (instead
  // of autovacuum during the timing), and dirty pages written out (where the role may).
  await db.query('VACUUM (ANALYZE) deal_registrations');
  await db.query('CHECKPOINT').catch(() => {});
}

/** Checks that the keys computed in SQL are those the server computes for the same names. */
async function verifyKeys() {
  const { rows } = await db.query(
    `SELECT customer->>'company' AS company, customer->>'domain' AS domain, company_key, domain_key, block_first, block_last
       FROM deal_registrations WHERE id LIKE 'dr_b%' ORDER BY random() LIMIT 300`,
  );
  for (const r of rows) {
    const k = customerKeys(r.company, r.domain);
    if (
      k.company !== r.company_key ||
      k.domain !== r.domain_key ||
      k.blockFirst !== r.block_first ||
      k.blockLast !== r.block_last
    ) {
      throw new Error(`bulk keys differ from the server's for ${r.company}: ${JSON.stringify({ k, r })}`);
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Probes: names that exist (exact hits), near misses of existing names, and new names.
function mutate(name, i) {
  const words = name.split(' ');
  const w = i % words.length;
  const word = words[w];
  const variants = [
    word.endsWith('s') ? word.slice(0, -1) : `${word}s`,
    word.length > 4 ? word.slice(0, 2) + word.slice(3) : `${word}x`,
    word.length > 3 ? word.slice(0, -2) + word.at(-1) + word.at(-2) : `${word}e`,
  ];
  words[w] = variants[i % variants.length];
  return words.join(' ');
}

async function makeProbes() {
  const { rows } = await db.query(
    `SELECT customer->>'company' AS company, customer->>'domain' AS domain, product_ids
       FROM deal_registrations
      WHERE status IN ('submitted', 'under_review', 'approved') AND id LIKE 'dr_b%'
      ORDER BY random() LIMIT $1`,
    [probesPerKind * 2],
  );
  const exact = rows
    .slice(0, probesPerKind)
    .map((r) => ({ company: r.company, domain: r.domain, products: r.product_ids }));
  const near = rows
    .slice(probesPerKind)
    .map((r, i) => ({ company: mutate(r.company, i), products: r.product_ids }));
  const fresh = Array.from({ length: probesPerKind }, (_, i) => ({
    company: `${firstWords[(i * 7919) % firstWords.length]} ${secondWords[(i * 104729) % secondWords.length]} Ventures ${i}`,
    domain: `fresh-${i}-${randomBytes(3).toString('hex')}.example.org`,
    products: [productIds[i % productIds.length]],
  }));
  return [...exact, ...near, ...fresh];
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summarise = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s.at(-1) };
};
const fmt = (x) => `${x.toFixed(2)} ms`;

async function timeRules(probes) {
  const results = [];
  const outcome = { clear: 0, review: 0, conflict: 0 };
  for (let pass = 0; pass < 2; pass++) {
    for (const p of probes) {
      const t = process.hrtime.bigint();
      const r = await checkConflict(db, {
        partnerId: 'ptn_northwind',
        keys: customerKeys(p.company, p.domain),
        productIds: p.products,
        now,
      });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (pass === 1) {
        results.push(ms);
        outcome[r.result]++;
      }
    }
  }
  return { ...summarise(results), outcome };
}

function startServer() {
  const child = spawn(process.execPath, [join(root, 'bench/server/serve.mjs'), databaseUrl, schema], {
    cwd: root,
  });
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /listening on (http\S+)/.exec(line);
      if (!m) return;
      const stop = () =>
        new Promise((r) => {
          child.on('exit', r);
          child.kill('SIGTERM');
        });
      resolve({ url: m[1], stop });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited ${code}: ${err}`)));
  });
}

async function timeHttp(url, probes) {
  const results = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const p of probes) {
      const body = JSON.stringify({
        company: p.company,
        ...(p.domain ? { domain: p.domain } : {}),
        products: p.products,
      });
      const t = process.hrtime.bigint();
      const res = await fetch(`${url}/v1/deal-registrations/conflict-check`, {
        method: 'POST',
        headers: { authorization: 'Bearer pk_demo_northwind_admin', 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.status !== 200) throw new Error(`conflict-check answered ${res.status}`);
      if (pass === 1) results.push(ms);
    }
  }
  return summarise(results);
}

/**
 * The plans of the conflict check (the lookup of words one typo away, then the check itself) for
 * a near miss in the most popular name block, its first word mistyped.
 */
async function explainCheck() {
  const { rows: top } = await db.query(
    `SELECT customer->>'company' AS company FROM deal_registrations
      WHERE status = 'submitted' AND block_first = (
        SELECT block_first FROM deal_registrations WHERE status IN ('submitted', 'under_review', 'approved')
         GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
      LIMIT 1`,
  );
  const k = customerKeys(mutate(top[0].company, 0));
  const neighbours = await typoNeighbours(db, k);
  const plan = async (sql, params) =>
    (await db.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params)).rows
      .map((r) => r['QUERY PLAN'])
      .filter((l) => /Index Scan|Index Only Scan|Seq Scan|Bitmap Index|Execution/.test(l))
      .map((l) =>
        l
          .trim()
          .replace(/^->\s*/, '')
          .replace(/\s+\(actual.*$/, ''),
      );
  return [
    `${k.company} (words one typo away: ${[...neighbours.first, ...neighbours.last].join(', ') || 'none'})`,
    ...(await plan(NEIGHBOURS_SQL, [neighbourForms(k)])),
    ...(await plan(
      neighbours.first.length + neighbours.last.length > 0 ? CONFLICT_NEIGHBOURS_SQL : CONFLICT_SQL,
      [
        k.company,
        k.domain,
        now,
        k.blockFirst,
        k.blockLast,
        SIMILARITY_THRESHOLD,
        'ptn_northwind',
        null,
        neighbours.first,
        neighbours.last,
        typoNames(k.company, neighbours),
      ].slice(0, neighbours.first.length + neighbours.last.length > 0 ? 11 : 8),
    )),
  ];
}

// ------------------------------------------------------------------------------------------------
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(
  `Partnerkit server benchmark on PostgreSQL (${cpus().length} cores, Node ${process.version}, load ${load()})`,
);
console.log(
  `schema ${schema}; ${probesPerKind * 3} probes per size (exact, near miss, new), timed on a second pass\n`,
);
const rows = [];
for (const size of sizes) {
  if (size > loaded) {
    const t = Date.now();
    await bulkLoad(size - loaded, loaded);
    console.log(
      `loaded ${(size - loaded).toLocaleString('en')} registrations in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    loaded = size;
    await verifyKeys();
  }
  const { rows: stats } = await db.query(
    `SELECT (SELECT count(*)::int FROM deal_registrations WHERE status IN ('submitted','under_review','approved')) AS active,
            (SELECT max(n)::int FROM (SELECT count(*) AS n FROM deal_registrations
               WHERE status IN ('submitted','under_review','approved') GROUP BY block_first) y) AS largest_block,
            (SELECT count(*)::int FROM customer_words) AS words`,
  );
  const probes = await makeProbes();
  const rules = await timeRules(probes);
  const server = await startServer();
  const http = await timeHttp(server.url, probes);
  await server.stop();
  rows.push({ size, active: stats[0].active, largestBlock: stats[0].largest_block, rules, http });
  console.log(
    `${size.toLocaleString('en').padStart(9)} registrations (${stats[0].active.toLocaleString('en')} active, largest name block ${stats[0].largest_block.toLocaleString('en')}, ${stats[0].words.toLocaleString('en')} customer words):` +
      ` rules p50 ${fmt(rules.p50)} p99 ${fmt(rules.p99)} max ${fmt(rules.max)} | HTTP p50 ${fmt(http.p50)} p99 ${fmt(http.p99)}` +
      ` | answers ${JSON.stringify(rules.outcome)}`,
  );
}
console.log(`\nplans of a near miss in the largest block:\n  ${(await explainCheck()).join('\n  ')}`);
if (rows.length > 1) {
  const first = rows[0];
  const last = rows.at(-1);
  const growth = last.rules.p99 / first.rules.p99;
  console.log(
    `\nconflict check p99 at ${last.size.toLocaleString('en')}: ${fmt(last.rules.p99)} (target < 10 ms); ` +
      `growth ${first.size.toLocaleString('en')} -> ${last.size.toLocaleString('en')}: ${growth.toFixed(2)}x (target < 3x); ` +
      `HTTP p99 ${fmt(last.http.p99)}`,
  );
}

// ------------------------------------------------------------------------------------------------
if (!args['no-throughput']) {
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  const server = await startServer();
  const run = (opts) =>
    new Promise((resolve, reject) => {
      autocannon({ url: server.url, connections, duration, ...opts }, (err, result) =>
        err ? reject(err) : resolve(result),
      );
    });
  const health = await run({ url: `${server.url}/healthz` });
  let n = 0;
  const tag = randomBytes(3).toString('hex');
  // Two kinds of names: every name sharing its first and last word ("Throughput <tag> ...
  // Holdings": each a near miss of the others, so they take their turns on the near-miss locks),
  // and varied names like the bulk data's (a first word of thousands, a trade), which rarely wait.
  const registrations = (company) =>
    run({
      requests: [
        {
          method: 'POST',
          path: '/v1/deal-registrations',
          headers: { authorization: 'Bearer pk_demo_fabrikam_admin', 'content-type': 'application/json' },
          setupRequest: (req) => {
            n++;
            req.body = JSON.stringify({
              customer: {
                company: company(n),
                domain: `tp-${tag}-${n}.example.net`,
                country: 'US',
                contact: { name: 'Pat Load', email: `pat@tp-${tag}-${n}.example.net` },
              },
              products: ['prd_core'],
              estimatedValue: { amount: 1_000_000, currency: 'USD' },
              expectedCloseDate: '2027-06-30',
              sourcing: 'sourced',
              customFields: { deal_type: 'new' },
            });
            return req;
          },
        },
      ],
    });
  const alike = await registrations(
    (i) => `Throughput ${tag} ${firstWords[i % firstWords.length]} ${i} Holdings`,
  );
  const varied = await registrations(
    (i) =>
      `${firstWords[(i * 7919) % firstWords.length]} ${tag} ${i} ${trades[(i * 104729) % trades.length]}`,
  );
  await server.stop();
  const line = (name, r) =>
    `${name.padEnd(26)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ` +
    `2xx ${r['2xx']}  non-2xx ${r.non2xx}  errors ${r.errors}`;
  console.log(
    `\nthroughput (${connections} connections, ${duration} s each, server in its own process, ${cpus().length} cores):`,
  );
  console.log(line('GET /healthz', health));
  console.log(line('POST registrations, alike', alike));
  console.log(line('POST registrations, varied', varied));
}

console.log(`\nload average at the end: ${load()} (other work on the machine shows in the p99s)`);
await cleanup();
