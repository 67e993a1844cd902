// `triage analyze`, and the pool and analyze wiring `ingest` shares. A module of its own so that a run of analyze
// loads neither the fetcher nor the feed parsers (a no-op analyze is mostly start-up: issue 19).
import type { Command } from 'commander';
import { createPool, defaultPoolSize, type Pool } from '../../pipeline/pool.ts';
import { progress } from '../../pipeline/progress.ts';
import { analyze, type AnalyzeStats } from '../../pipeline/analyze.ts';
import { PROJECT } from '../../core/paths.ts';
import { ConfigError, EXIT } from '../../core/errors.ts';
import { ctxOf, emit, withStore, type Ctx } from './context.ts';
import type { Store } from '../../store/store.ts';

/** --workers N: threads for cleaning and extraction (default: one per core; 0 runs them in this thread). */
export function workersOf(value: string | undefined): number {
  if (value === undefined) return defaultPoolSize();
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 0 && n <= 256))
    throw new ConfigError(`--workers: expected a whole number 0–256, got "${value}"`);
  return n;
}

export async function withPool<T>(size: number, fn: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = createPool({ size, referenceDir: PROJECT.reference });
  try {
    return await fn(pool);
  } finally {
    await pool.close();
  }
}

export async function analyzeStore(
  ctx: Ctx,
  store: Store,
  reextract: boolean,
  pool: Pool,
  full = false,
): Promise<AnalyzeStats> {
  // the pool's workers load the extraction reference when they first extract: a no-op run never does
  const s = await analyze(
    { store, clock: ctx.clock, log: ctx.log, pool, progress: progress('extract', null) },
    { reextract, full },
  );
  ctx.log.info(
    `analyze: ${s.extracted} extracted (${s.relevant} relevant), ${s.documents} documents, ${s.incidents} incidents`,
  );
  if (s.extraction_failures > 0) process.exitCode = EXIT.partial;
  return s;
}

export async function analyzeCommand(
  opts: { reextract?: boolean; full?: boolean; workers?: string; json?: boolean },
  cmd: Command,
): Promise<void> {
  const ctx = ctxOf(cmd);
  const workers = workersOf(opts.workers);
  const s = await withStore(ctx, (store) =>
    withPool(workers, (pool) => analyzeStore(ctx, store, !!opts.reextract, pool, !!opts.full)),
  );
  if (opts.json) emit(JSON.stringify(s, null, 2));
}
