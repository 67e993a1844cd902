// Query latency over a synthetic 100k-document database: p50/p95/max of 200 mixed filtered queries
// (countries, groups by alias, fuzzy victims, dates, ransom, sectors, full text). Target: p95 < 150 ms.
// Usage: npm run bench:query -- [--docs N] [--queries N] [--db PATH (kept and reused)]; BENCH_THREADS=N caps DuckDB threads.
// Latency is sensitive to other load on the machine: compare runs made on a quiet machine.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Store } from '../store/store.ts';
import { updateSearchIndex } from '../store/search-index.ts';
import { loadAliases } from '../reports/query/aliases.ts';
import { queryIncidents, type IncidentFilters } from '../reports/query/incidents.ts';
import { buildSyntheticDb, COUNTRIES, rng } from './query-db.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const docs = Number(arg('docs', '100000'));
const queries = Number(arg('queries', '200'));
const keep = arg('db', '');
const dir = keep ? null : mkdtempSync(join(tmpdir(), 'triage-bench-'));
const path = keep || join(dir!, 'bench.duckdb');
const log = (s: string) => process.stderr.write(`${s}\n`);

if (!existsSync(path)) {
  const store = await Store.open(path);
  let t = performance.now();
  await buildSyntheticDb(store, docs, log);
  log(`database written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const s = await updateSearchIndex(store, loadAliases().victims);
  log(`search index: ${s.indexed} documents, ${s.names} names in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  store.close();
}

const r = rng(42);
const any = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
const MIXES: (() => IncidentFilters)[] = [
  () => ({ country: any(COUNTRIES) }),
  () => ({ country: any(COUNTRIES), actor: any(['LockBit', 'BlackCat', 'alphv', 'Hive', 'Clop', 'Vice Society']) }),
  () => ({
    victim: any([
      'Riverside General',
      'Kochi Heart Institute',
      'Springfeld Medical',
      'Osaka Health System 12',
      'Leeds Family Clinic',
    ]),
  }),
  () => ({ since: '2021-03-01', until: '2022-06-30', sector: any(['hospital', 'clinic', 'lab']) }),
  () => ({ minRansomUsd: 1_000_000, type: 'ransomware', country: any(COUNTRIES) }),
  () => ({
    text: any(['crore cryptocurrency', 'ambulances diverted', 'leak site', 'radiology backup', 'ransom bitcoin']),
  }),
  () => ({
    text: any(['surgery cancelled', 'forensic experts', 'crore']),
    country: any(COUNTRIES),
    since: '2020-01-01',
  }),
  () => ({ actor: any(['Royal', 'Play', 'Karakurt']), since: '2022-01-01', limit: 20 }),
];

const ro = await Store.open(path, { readOnly: true });
if (process.env.BENCH_THREADS) await ro.run(`SET threads = ${Number(process.env.BENCH_THREADS)}`);
const times: number[] = [];
const byMix = MIXES.map(() => [] as number[]);
let rows = 0;
await queryIncidents(ro, { limit: 1 }); // warm-up: reference files, first statement
for (let i = 0; i < queries; i++) {
  const f = MIXES[i % MIXES.length]();
  const t = performance.now();
  rows += (await queryIncidents(ro, f)).length;
  times.push(performance.now() - t);
  byMix[i % MIXES.length].push(performance.now() - t);
}
ro.close();
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
console.log(`query bench: ${docs} documents, ${queries} mixed queries, ${rows} incidents returned`);
console.log(
  `p50 ${q(0.5).toFixed(1)} ms  p95 ${q(0.95).toFixed(1)} ms  max ${times[times.length - 1].toFixed(1)} ms  (target p95 < 150 ms: ${q(0.95) < 150 ? 'met' : 'NOT met'})`,
);
for (const [k, ts] of byMix.entries()) {
  ts.sort((a, b) => a - b);
  console.log(
    `  mix ${k} ${JSON.stringify(MIXES[k]()).slice(0, 60).padEnd(60)} median ${ts[Math.floor(ts.length / 2)].toFixed(1)} ms  max ${ts[ts.length - 1].toFixed(1)} ms`,
  );
}
if (dir) rmSync(dir, { recursive: true, force: true });
