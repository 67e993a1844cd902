// `npm run bench:incremental` (also a step of `npm run bench`): what analyze costs when little is new (issue 19).
// 1. The real-copy corpus: the 181 pages of ../shared/benchmarks/article-extraction copied to --copies pages, each
//    without its canonical address and with a unique sentence (bench/real-copies.ts): `ingest --dir` end to end
//    (docs/s, peak RSS), then `analyze` with nothing new.
// 2. The synthetic store of --docs documents (bench/e2e.ts pages): the first analyze (extraction included: the
//    "full analyze" of the issue, against the 398.5 s of bench-100000.json), `analyze` with nothing new, --add new
//    documents then `analyze`, and `analyze --full` (from scratch) whose incidents must equal the incremental ones.
// Every command is the real CLI in its own process: wall and CPU seconds (all threads) and peak RSS, with the load
// average, since wall time on a shared machine is noisy. Prints a table, writes bench/results/incremental-<docs>.json,
// exits 1 when a target is missed.
// With --base PATH, the scale part starts from a copy of a store of --docs documents ingested and analysed before
// (pages 0 … docs−1, kept by an earlier run), and of its read snapshot when there is one: its ingest and first
// analyze are not measured again.
// Usage: npm run bench:incremental -- [--copies 5000] [--docs 100000] [--add 1000] [--skip copies,scale] [--keep]
//        [--base PATH]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../store/store.ts';
import { snapshotOf } from '../store/snapshot.ts';
import { spareOf } from '../store/snapshot-copy.ts';
import { writeRealCopies } from './real-copies.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const copies = Number(arg('copies', '5000'));
const docs = Number(arg('docs', '100000'));
const add = Number(arg('add', '1000'));
const skip = new Set(arg('skip', '').split(','));
const base = arg('base', '');
const HERE = fileURLToPath(new URL('.', import.meta.url));
/** the product's TypeScript loader (core/register.mjs), so that child processes run as the CLI does */
const LOADER = new URL('../core/register.mjs', import.meta.url).href;
const BIN = join(HERE, '../bin/triage.js');
const PROBE = join(HERE, 'rss-probe.mjs');
const SOURCE = join(HERE, '../../shared/benchmarks/article-extraction');
/** bench-100000.json: the first analyze of 100,000 synthetic documents before issue 19 */
const BEFORE_FULL_S = 398.5;
const work = mkdtempSync(join(tmpdir(), 'triage-incremental-'));
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Measured {
  wall_s: number;
  cpu_s: number;
  peak_rss_mib: number;
  load_avg: number[];
}

/** Runs node with the probe preloaded: wall and CPU seconds, peak RSS, the load average when it ended. */
async function measured(name: string, args: string[]): Promise<Measured> {
  const rss = join(work, `rss-${Date.now()}`);
  const cpu = join(work, `cpu-${Date.now()}`);
  const t = performance.now();
  const r = await new Promise<{ code: number | null; stderr: string }>((ok) => {
    const child = spawn(process.execPath, ['--import', PROBE, ...args], {
      env: { ...process.env, TRIAGE_RSS_FILE: rss, TRIAGE_CPU_FILE: cpu },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    child.on('close', (code) => ok({ code, stderr }));
  });
  if (r.code !== 0) throw new Error(`${name} failed (${r.code}): ${r.stderr.slice(-2000)}`);
  const m = {
    wall_s: (performance.now() - t) / 1000,
    cpu_s: Number(readFileSync(cpu, 'utf8')) / 1e6,
    peak_rss_mib: Number(readFileSync(rss, 'utf8')) / 1024,
    load_avg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
  log(
    `bench: ${name}: ${m.wall_s.toFixed(1)} s wall, ${m.cpu_s.toFixed(1)} s CPU, ${m.peak_rss_mib.toFixed(0)} MiB (load ${m.load_avg.join(' ')})`,
  );
  return m;
}

/** A digest of the incidents and clusters a store holds, to compare incremental and full runs. */
async function incidentsDigest(db: string): Promise<{ incidents: number; digest: string }> {
  const store = await Store.open(db, { readOnly: true });
  const r = await store.one<{ n: number; d: string }>(
    `SELECT (SELECT count(*) FROM incidents) AS n,
       (SELECT coalesce(bit_xor(hash(incident_id, record::VARCHAR)), 0) FROM incidents) || ':' ||
       (SELECT coalesce(bit_xor(hash(doc_id, cluster_id, reason, representative)), 0) FROM document_clusters) AS d`,
  );
  store.close();
  return { incidents: Number(r?.n ?? 0), digest: String(r?.d) };
}

const results: Record<string, unknown> = {
  copies,
  docs,
  add,
  machine: { cores: os.availableParallelism(), node: process.version },
  at: new Date().toISOString(),
};

async function copiesBench(): Promise<void> {
  if (!existsSync(SOURCE)) throw new Error(`${SOURCE} is absent: the real-copy corpus cannot be built`);
  const dir = join(work, 'copies');
  const sources = await writeRealCopies(SOURCE, dir, copies);
  const db = join(work, 'copies.duckdb');
  const ingest = await measured('copies: ingest --dir', [BIN, 'ingest', '--dir', dir, '--db', db]);
  rmSync(dir, { recursive: true, force: true });
  const noop = await measured('copies: analyze (nothing new)', [BIN, 'analyze', '--db', db]);
  results.copies_run = { sources, ingest: { ...ingest, docs_s: copies / ingest.wall_s }, noop };
}

async function scaleBench(): Promise<void> {
  const db = join(work, 'scale.duckdb');
  const e2e = (n: number, from: number) => [
    '--import',
    LOADER,
    join(HERE, 'e2e.ts'),
    '--mode',
    'stream',
    '--docs',
    String(n),
    '--from',
    String(from),
    '--db',
    db,
    '--out',
    join(work, 'e2e.json'),
    '--ingest-only',
  ];
  let ingest: Measured | null = null;
  let first: Measured | null = null;
  if (base) {
    copyFileSync(base, db);
    // …with its read snapshot, as the spare too: a writing run then rewrites the changed blocks of the spare, as in
    // steady use (store/snapshot-copy.ts), instead of copying the whole file (~5 s more at 100k)
    const snap = snapshotOf(base);
    if (existsSync(snap)) {
      copyFileSync(snap, spareOf(snapshotOf(db)));
      copyFileSync(snap, snapshotOf(db));
    }
  } else {
    ingest = await measured(`scale: ingest ${docs}`, e2e(docs, 0));
    first = await measured(`scale: first analyze of ${docs}`, [BIN, 'analyze', '--db', db]);
  }
  const noop = await measured('scale: analyze (nothing new)', [BIN, 'analyze', '--db', db]);
  const ingestAdd = await measured(`scale: ingest ${add} more`, e2e(add, docs));
  const added = await measured(`scale: analyze (+${add})`, [BIN, 'analyze', '--db', db]);
  const incremental = await incidentsDigest(db);
  const full = await measured('scale: analyze --full', [BIN, 'analyze', '--full', '--db', db]);
  const scratch = await incidentsDigest(db);
  results.scale = {
    base: base || null,
    ingest,
    first_analyze: first,
    noop,
    ingest_add: ingestAdd,
    add_analyze: added,
    full_analyze: full,
    incidents: incremental.incidents,
    incremental_equals_full: incremental.digest === scratch.digest && incremental.incidents === scratch.incidents,
  };
}

const steps: [string, () => Promise<void>][] = [
  ['copies', copiesBench],
  ['scale', scaleBench],
];
const started = performance.now();
for (const [name, fn] of steps) {
  if (skip.has(name)) continue;
  try {
    await fn();
  } catch (err) {
    results[`${name}_error`] = String(err);
    log(`bench: ${name} failed: ${String(err)}`);
  }
}
results.bench_s = (performance.now() - started) / 1000;

type Check = [string, string, boolean | null];
const g = (path: string): number | undefined =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], results) as number | undefined;
const f = (v: number | undefined, d = 1) => (v === undefined ? 'n/a' : v.toFixed(d));
const ok = (v: number | undefined, test: (x: number) => boolean) => (v === undefined ? null : test(v));
const run = (p: string) =>
  `${f(g(`${p}.wall_s`))} s wall, ${f(g(`${p}.cpu_s`))} s CPU, peak ${f(g(`${p}.peak_rss_mib`), 0)} MiB (load ${f(g(`${p}.load_avg.0`), 2)})`;
const checks: Check[] = [
  [
    `ingest --dir, ${copies} real copies`,
    `${f(g('copies_run.ingest.docs_s'))} docs/s (target ≥ 150); ${run('copies_run.ingest')}`,
    ok(g('copies_run.ingest.docs_s'), (x) => x >= 150),
  ],
  [
    '  peak RSS',
    `${f(g('copies_run.ingest.peak_rss_mib'), 0)} MiB (target < 700)`,
    ok(g('copies_run.ingest.peak_rss_mib'), (x) => x < 700),
  ],
  [
    `analyze, nothing new, ${copies} copies`,
    `${run('copies_run.noop')} (target < 2 s)`,
    ok(g('copies_run.noop.wall_s'), (x) => x < 2),
  ],
  [`first analyze of ${docs} (extraction included)`, run('scale.first_analyze'), null],
  [
    '  time',
    `${f(g('scale.first_analyze.wall_s'))} s (target: no slower than ${BEFORE_FULL_S} s)`,
    ok(g('scale.first_analyze.wall_s'), (x) => x <= BEFORE_FULL_S),
  ],
  [
    '  peak RSS',
    `${f(g('scale.first_analyze.peak_rss_mib'), 0)} MiB (target < 1024)`,
    ok(g('scale.first_analyze.peak_rss_mib'), (x) => x < 1024),
  ],
  [`analyze, nothing new, ${docs}`, `${run('scale.noop')} (target < 5 s)`, ok(g('scale.noop.wall_s'), (x) => x < 5)],
  [
    `analyze, +${add} new on ${docs}`,
    `${run('scale.add_analyze')} (target < 30 s)`,
    ok(g('scale.add_analyze.wall_s'), (x) => x < 30),
  ],
  [
    '  peak RSS',
    `${f(g('scale.add_analyze.peak_rss_mib'), 0)} MiB (target < 1024)`,
    ok(g('scale.add_analyze.peak_rss_mib'), (x) => x < 1024),
  ],
  [`analyze --full of ${docs + add} (from scratch)`, run('scale.full_analyze'), null],
  [
    '  time',
    `${f(g('scale.full_analyze.wall_s'))} s (target: no slower than ${BEFORE_FULL_S} s)`,
    ok(g('scale.full_analyze.wall_s'), (x) => x <= BEFORE_FULL_S),
  ],
  [
    '  peak RSS',
    `${f(g('scale.full_analyze.peak_rss_mib'), 0)} MiB (target < 1024)`,
    ok(g('scale.full_analyze.peak_rss_mib'), (x) => x < 1024),
  ],
  [
    '  incidents and clusters equal the incremental ones',
    String(results.scale ? (results.scale as { incremental_equals_full: boolean }).incremental_equals_full : 'n/a'),
    results.scale ? (results.scale as { incremental_equals_full: boolean }).incremental_equals_full : null,
  ],
];
results.checks = Object.fromEntries(checks.map(([k, v, o]) => [k, { value: v, ok: o }]));
const width = Math.max(...checks.map((c) => c[0].length));
for (const [k, v, o] of checks) console.log(`${k.padEnd(width)}  ${v}${o === null ? '' : o ? '  ok' : '  MISSED'}`);
console.log(`bench took ${f(g('bench_s'), 0)} s`);
mkdirSync(join(HERE, 'results'), { recursive: true });
const file = join(HERE, 'results', `incremental-${docs}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`results: ${file}`);
if (process.argv.includes('--keep')) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(checks.some((c) => c[2] === false) ? 1 : 0);
