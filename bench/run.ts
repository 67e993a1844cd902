// `npm run bench`: throughput, memory and latency of the whole pipeline on this machine, over synthetic
// ~170 KB news pages (bench/synth.ts). Measures in one run: clean pages/s on one thread and on the worker pool (alternating rounds, medians),
// extract articles/s, end to end docs/s from `triage ingest --dir` (the real CLI, peak RSS preloaded probe) or,
// with --stream (default above 20k docs), from pages generated in memory (then analyze, report and query each
// through the CLI in its own process: wall time and peak RSS per stage), and from a loopback HTTP server;
// DuckDB rows/s through the Appender; the weekly report over --incidents incidents; query p50/p95 (bench/query.ts).
// Prints a table, writes bench/results/bench-<docs>.json, exits 1 when an acceptance target is missed.
// Usage: npm run bench -- [--docs 5000] [--micro 2400] [--micro-rounds 4] [--http-docs 1000] [--incidents 100000] [--query-docs 100000]
//        [--quarter-incidents 100000]
//        [--stream] [--skip http,query,report,quarter,e2e,micro,incremental] [--keep]
// The incremental step (bench/incremental.ts: issue 19's real-copy corpus and 100k store) takes ~25 min alone.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../core/effects.ts';
import { Store } from '../store/store.ts';
import { extract, loadReference } from '../analyze/extract/index.ts';
import type { CleanArticle } from '../core/records.ts';
import { createPool, defaultPoolSize } from '../pipeline/pool.ts';
import { buildPeriodReport, choosePeriod } from '../pipeline/report.ts';
import { PROJECT } from '../core/paths.ts';
import { synthFetchedPage, synthVictim, writeCorpus } from './synth.ts';
import { buildIncidentDb } from './scale-db.ts';
import { timeQuarterReport } from './quarter-report.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const docs = Number(arg('docs', '5000'));
const micro = Number(arg('micro', '2400'));
const microRounds = Number(arg('micro-rounds', '4'));
const httpDocs = Number(arg('http-docs', '1000'));
const incidents = Number(arg('incidents', '100000'));
const queryDocs = Number(arg('query-docs', '100000'));
const quarterIncidents = Number(arg('quarter-incidents', '100000'));
const stream = process.argv.includes('--stream') || docs > 20_000;
const skip = new Set(arg('skip', '').split(','));
const HERE = fileURLToPath(new URL('.', import.meta.url));
/** the product's TypeScript loader (core/register.mjs), so that child processes run as the CLI does */
const LOADER = new URL('../core/register.mjs', import.meta.url).href;
const BIN = join(HERE, '../bin/triage.js');
const PROBE = join(HERE, 'rss-probe.mjs');
const work = mkdtempSync(join(tmpdir(), 'triage-bench-'));
const log = (s: string) => process.stderr.write(`${s}\n`);
const results: Record<string, unknown> = {
  docs,
  machine: { cores: defaultPoolSize(), node: process.version },
  at: new Date().toISOString(),
};

/** Runs node with the RSS probe preloaded; returns wall seconds, peak RSS (MiB), exit code and output. */
async function measured(
  args: string[],
): Promise<{ s: number; rssMiB: number; code: number | null; stdout: string; stderr: string }> {
  const rssFile = join(work, `rss-${Date.now()}`);
  const t = performance.now();
  const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((ok) => {
    const child = spawn(process.execPath, ['--import', PROBE, ...args], {
      env: { ...process.env, TRIAGE_RSS_FILE: rssFile },
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
    });
    child.on('close', (code) => ok({ code, stdout, stderr }));
  });
  const s = (performance.now() - t) / 1000;
  const rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  return { s, rssMiB, ...r };
}

/** Pages/s of one timed run of `fn` over `n` pages. */
async function rate(n: number, fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return n / ((performance.now() - t) / 1000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function microBench(): Promise<void> {
  // Clean: one thread vs the worker pool over the same pages, each round in fresh processes (bench/clean-side.ts)
  // alternating which side goes first, medians over rounds: on a shared machine the load drifts, and a side
  // measured in the other's process inherits its heap.
  const rounds = {
    single: [] as number[],
    workers: [] as number[],
    ratio: [] as number[],
    single_cpu_ms: [] as number[],
    workers_cpu_ms: [] as number[],
  };
  const per = Math.ceil(micro / microRounds);
  let threads = 0;
  const side = async (name: 'single' | 'pool', from: number, count: number) => {
    const r = await measured([
      '--import',
      LOADER,
      join(HERE, 'clean-side.ts'),
      '--side',
      name,
      '--from',
      String(from),
      '--count',
      String(count),
    ]);
    if (r.code !== 0) throw new Error(`clean-side ${name} failed: ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { pages_s: number; cpu_ms_page: number; threads: number };
  };
  for (let r = 0; r * per < micro; r++) {
    const from = r * per,
      count = Math.min(per, micro - from);
    const [s, w] =
      r % 2
        ? await side('pool', from, count).then(async (w) => [await side('single', from, count), w])
        : await side('single', from, count).then(async (s) => [s, await side('pool', from, count)]);
    threads = w.threads;
    rounds.single.push(s.pages_s);
    rounds.workers.push(w.pages_s);
    rounds.ratio.push(w.pages_s / s.pages_s);
    rounds.single_cpu_ms.push(s.cpu_ms_page);
    rounds.workers_cpu_ms.push(w.cpu_ms_page);
  }
  // Extract: articles cleaned here (untimed), then one thread vs the pool in this process.
  const inline = createPool({ size: 0 });
  const pool = createPool();
  const articles: CleanArticle[] = [];
  for (let i = 0; i < Math.min(micro, 1000); i++) articles.push(await inline.clean(synthFetchedPage(i)));
  const ref = loadReference(PROJECT.reference);
  for (const a of articles.slice(0, 40)) extract(a, ref);
  const extractSingle = await rate(articles.length, () => {
    for (const a of articles) extract(a, ref);
  });
  await Promise.all(articles.slice(0, 40).map((a) => pool.extract(a)));
  const extractPool = await rate(articles.length, () => Promise.all(articles.map((a) => pool.extract(a))));
  await pool.close();
  results.clean = {
    pages: micro,
    rounds: rounds.single.length,
    single_pages_s: median(rounds.single),
    workers: threads,
    workers_pages_s: median(rounds.workers),
    speedup: median(rounds.ratio),
    single_cpu_ms_page: median(rounds.single_cpu_ms),
    workers_cpu_ms_page: median(rounds.workers_cpu_ms),
    per_round: rounds,
    load_avg: os.loadavg(),
  };
  results.extract = { articles: articles.length, single_articles_s: extractSingle, workers_articles_s: extractPool };
}

async function dirBench(): Promise<void> {
  const db = join(work, 'dir.duckdb');
  if (stream) return streamBench(db);
  const dir = join(work, 'pages');
  const t = performance.now();
  await writeCorpus(dir, docs);
  log(`corpus: ${docs} pages written in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const r = await measured([BIN, 'ingest', '--dir', dir, '--db', db]);
  if (r.code !== 0) throw new Error(`ingest --dir failed (${r.code}): ${r.stderr.slice(-2000)}`);
  const store = await Store.open(db, { readOnly: true });
  const counts = await store.counts();
  store.close();
  results.e2e = {
    mode: 'dir',
    docs,
    wall_s: r.s,
    docs_s: docs / r.s,
    peak_rss_mib: r.rssMiB,
    documents: counts.documents,
    incidents: counts.incidents,
    log: r.stderr.split('\n').filter((l) => /^(ingest|analyze)/.test(l)),
  };
  rmSync(dir, { recursive: true, force: true });
}

/** Pages generated in memory and ingested, then each later stage through the real CLI in its own process:
 * wall time and peak RSS per stage (ingest, analyze, report, query). */
async function streamBench(db: string): Promise<void> {
  const out = join(work, 'stream.json');
  const stages: Record<string, { wall_s: number; peak_rss_mib: number }> = {};
  const stage = async (name: string, args: string[]) => {
    const r = await measured(args);
    if (r.code !== 0) throw new Error(`${name} failed (${r.code}): ${r.stderr.slice(-2000)}`);
    stages[name] = { wall_s: r.s, peak_rss_mib: r.rssMiB };
    log(`bench: ${name} ${r.s.toFixed(0)} s, peak RSS ${r.rssMiB.toFixed(0)} MiB`);
    return r;
  };
  await stage('ingest', [
    '--import',
    LOADER,
    join(HERE, 'e2e.ts'),
    '--mode',
    'stream',
    '--docs',
    String(docs),
    '--db',
    db,
    '--out',
    out,
    '--ingest-only',
  ]);
  const o = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>;
  await stage('analyze', [BIN, '--db', db, 'analyze']);
  await stage('report', [BIN, '--db', db, 'report', '--format', 'json', '--out', join(work, 'report.json')]);
  await stage('query', [BIN, '--db', db, 'query', '--victim', synthVictim(0), '--text', 'ransomware', '--json']);
  const store = await Store.open(db, { readOnly: true });
  const counts = await store.counts();
  store.close();
  const wall = stages.ingest.wall_s + stages.analyze.wall_s;
  results.e2e = {
    mode: 'stream',
    docs,
    wall_s: wall,
    docs_s: docs / wall,
    peak_rss_mib: Math.max(...Object.values(stages).map((x) => x.peak_rss_mib)),
    stages,
    ...o,
    documents: counts.documents,
    incidents: counts.incidents,
  };
}

async function httpBench(): Promise<void> {
  const out = join(work, 'http.json');
  const r = await measured([
    '--import',
    LOADER,
    join(HERE, 'e2e.ts'),
    '--mode',
    'http',
    '--docs',
    String(httpDocs),
    '--db',
    join(work, 'http.duckdb'),
    '--out',
    out,
  ]);
  if (r.code !== 0) throw new Error(`http run failed: ${r.stderr.slice(-2000)}`);
  const o = JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>;
  results.http = { docs: httpDocs, wall_s: r.s, docs_s: httpDocs / r.s, peak_rss_mib: r.rssMiB, ...o };
}

async function reportBench(): Promise<void> {
  const store = await Store.open(join(work, 'report.duckdb'));
  const rowsPerS = await buildIncidentDb(store, incidents);
  const t = performance.now();
  const period = await choosePeriod(store, systemClock, {});
  const built = await buildPeriodReport(store, period);
  const s = (performance.now() - t) / 1000;
  store.close();
  results.duckdb = { appender_rows_s: rowsPerS, rows: incidents, table: 'incidents (JSON record per row)' };
  results.report = { incidents, period: period.id, seconds: s, html_bytes: built.html.length };
}

/** The threat report of one quarter holding --quarter-incidents incidents (bench/quarter-report.ts). */
async function quarterBench(): Promise<void> {
  results.quarter_report = { incidents: quarterIncidents, ...(await timeQuarterReport(work, quarterIncidents)) };
}

async function queryBench(): Promise<void> {
  const r = await measured(['--import', LOADER, join(HERE, 'query.ts'), '--docs', String(queryDocs)]);
  const m = /p50 ([\d.]+) ms\s+p95 ([\d.]+) ms/.exec(r.stdout);
  if (r.code !== 0 || !m) throw new Error(`bench/query.ts failed: ${r.stderr.slice(-1000)}${r.stdout}`);
  results.query = { docs: queryDocs, p50_ms: Number(m[1]), p95_ms: Number(m[2]), peak_rss_mib: r.rssMiB };
}

/** Issue 19's figures (bench/incremental.ts, its own processes): its checks join this table. */
async function incrementalBench(): Promise<void> {
  const code = await new Promise<number | null>((ok) => {
    const child = spawn(process.execPath, ['--import', LOADER, join(HERE, 'incremental.ts')], { stdio: 'inherit' });
    child.on('close', ok);
  });
  const file = join(HERE, 'results', 'incremental-100000.json');
  results.incremental = JSON.parse(readFileSync(file, 'utf8'));
  if (code !== 0) log(`bench: incremental missed a target (exit ${code})`);
}

const steps: [string, () => Promise<void>][] = [
  ['micro', microBench],
  ['e2e', dirBench],
  ['http', httpBench],
  ['report', reportBench],
  ['quarter', quarterBench],
  ['query', queryBench],
  ['incremental', incrementalBench],
];
for (const [name, fn] of steps) {
  if (skip.has(name)) continue;
  log(`bench: ${name}…`);
  const t = performance.now();
  try {
    await fn();
  } catch (err) {
    results[`${name}_error`] = String(err);
    log(`bench: ${name} failed: ${String(err)}`);
  }
  log(`bench: ${name} done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

type Check = [string, string, boolean | null];
const g = (path: string): number | undefined =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], results) as number | undefined;
const f = (v: number | undefined, d = 1) => (v === undefined ? 'n/a' : v.toFixed(d));
const e2eTarget = stream ? 1536 : 1024;
const checks: Check[] = [
  [
    'clean, 1 thread',
    `${f(g('clean.single_pages_s'))} pages/s (median of ${g('clean.rounds') ?? '?'} rounds alternating with the pool; load ${f(g('clean.load_avg.0'), 2)})`,
    null,
  ],
  [
    `clean, ${g('clean.workers') ?? '?'} workers`,
    `${f(g('clean.workers_pages_s'))} pages/s (×${f(g('clean.speedup'), 2)}; target ≥ 1.7)`,
    g('clean.speedup') === undefined ? null : g('clean.speedup')! >= 1.7,
  ],
  [
    '  CPU per page, 1 thread / workers',
    `${f(g('clean.single_cpu_ms_page'), 2)} / ${f(g('clean.workers_cpu_ms_page'), 2)} ms (all threads)`,
    null,
  ],
  [
    'extract, 1 thread / workers',
    `${f(g('extract.single_articles_s'))} / ${f(g('extract.workers_articles_s'))} articles/s`,
    null,
  ],
  [
    `end to end (${stream ? 'stream' : 'ingest --dir'}, ${docs} docs)`,
    `${f(g('e2e.docs_s'))} docs/s${stream ? '' : ' (target ≥ 80)'}`,
    stream || g('e2e.docs_s') === undefined ? null : g('e2e.docs_s')! >= 80,
  ],
  [
    '  peak RSS',
    `${f(g('e2e.peak_rss_mib'), 0)} MiB (target < ${e2eTarget})`,
    g('e2e.peak_rss_mib') === undefined ? null : g('e2e.peak_rss_mib')! < e2eTarget,
  ],
  [
    `end to end (loopback HTTP, ${httpDocs} docs)`,
    `${f(g('http.docs_s'))} docs/s, peak RSS ${f(g('http.peak_rss_mib'), 0)} MiB`,
    null,
  ],
  ['DuckDB Appender upsert', `${f(g('duckdb.appender_rows_s'), 0)} rows/s`, null],
  [
    `weekly report (${incidents} incidents)`,
    `${f(g('report.seconds'), 2)} s (target < 3)`,
    g('report.seconds') === undefined ? null : g('report.seconds')! < 3,
  ],
  [
    `quarter report (${quarterIncidents} incidents in the quarter)`,
    `${f(g('quarter_report.seconds'), 2)} s, CPU ${f(g('quarter_report.cpu_seconds'), 2)} s (target < 5)`,
    g('quarter_report.seconds') === undefined ? null : g('quarter_report.seconds')! < 5,
  ],
  [
    `query (${queryDocs} docs) p50 / p95`,
    `${f(g('query.p50_ms'))} / ${f(g('query.p95_ms'))} ms (target p95 < 150)`,
    g('query.p95_ms') === undefined ? null : g('query.p95_ms')! < 150,
  ],
];
const incremental = (results.incremental as { checks?: Record<string, { value: string; ok: boolean | null }> })?.checks;
for (const [k, c] of Object.entries(incremental ?? {})) checks.push([k, c.value, c.ok]);
results.checks = Object.fromEntries(checks.map(([k, v, ok]) => [k, { value: v, ok }]));
const width = Math.max(...checks.map((c) => c[0].length));
for (const [k, v, ok] of checks) console.log(`${k.padEnd(width)}  ${v}${ok === null ? '' : ok ? '  ok' : '  MISSED'}`);
mkdirSync(join(HERE, 'results'), { recursive: true });
// streaming is the default above 20k docs: only a forced --stream run is named apart
const file = join(HERE, 'results', `bench-${docs}${process.argv.includes('--stream') ? '-stream' : ''}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`results: ${file}`);
if (process.argv.includes('--keep')) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(checks.some((c) => c[2] === false) ? 1 : 0);
