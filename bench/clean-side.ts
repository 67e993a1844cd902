// One side of the clean comparison in `npm run bench`, run in a fresh process per round so neither side inherits
// the other's heap (measured in one process, a pool round that followed a single-thread round paid for that
// round's garbage: 3.6–4.0 instead of 2.8 ms CPU per page). Prints one JSON line: pages/s and CPU ms per page
// (all threads of this process, GC helpers included).
// Usage: node --import tsx bench/clean-side.ts --side single|pool --from N --count N
import { createPool } from '../pipeline/pool.ts';
import { synthFetchedPage } from './synth.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : '';
};
const side = arg('side');
const from = Number(arg('from')),
  count = Number(arg('count'));
if (side !== 'single' && side !== 'pool') throw new Error('--side takes single or pool');

const page = synthFetchedPage;
// the same entry point either way: the size-0 pool runs cleanFetchedPageAsync in this thread, as a worker does
const pool = createPool({ size: side === 'single' ? 0 : undefined });
const warm = Array.from({ length: 200 }, (_, k) => page(1_000_000 + k));
if (side === 'single') {
  for (const p of warm) await pool.clean(p);
} else await Promise.all(warm.map((p) => pool.clean(p)));
const pages = Array.from({ length: count }, (_, k) => page(from + k));
const c = process.cpuUsage();
const t = performance.now();
if (side === 'single') {
  for (const p of pages) await pool.clean(p);
} else await Promise.all(pages.map((p) => pool.clean(p)));
const s = (performance.now() - t) / 1000;
const used = process.cpuUsage(c);
await pool.close();
process.stdout.write(
  `${JSON.stringify({ side, pages: count, threads: pool.size || 1, pages_s: count / s, cpu_ms_page: (used.user + used.system) / 1000 / count })}\n`,
);
