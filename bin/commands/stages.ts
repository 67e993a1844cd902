import type { Command } from 'commander';
import type { SourcesFile } from '../../ingest/sources.ts';
import { readLocalDir } from '../../ingest/local.ts';
import {
  assertNetwork,
  countFailure,
  emptyStats,
  reasonSummary,
  type IngestStats,
} from '../../pipeline/ingest-stats.ts';
import { ingestPages } from '../../pipeline/ingest-dir.ts';
import type { Pool } from '../../pipeline/pool.ts';
import { progress } from '../../pipeline/progress.ts';
import { analyzeStore, withPool, workersOf } from './analyze.ts';
import { ConfigError, EXIT, type SkipError, messageFor } from '../../core/errors.ts';
import { recordFailure } from '../../store/ingest-state.ts';
import { stat } from 'node:fs/promises';
import { ctxOf, emit, withStore, type Ctx } from './context.ts';
import type { Store } from '../../store/store.ts';

// The catalogue's modules (its reader, the fetcher and its dispatcher, the feed parsers) load only when a catalogue
// is ingested: `ingest --dir` reads files alone (measured: ~0.4 s of CPU of the main thread's start).
const sourcesModule = () => import('../../ingest/sources.ts');
const catalogueModules = () =>
  Promise.all([
    import('../../ingest/fetch/dispatcher.ts'),
    import('../../ingest/fetch/fetcher.ts'),
    import('../../pipeline/ingest.ts'),
  ]);

export interface IngestOpts {
  sources: string;
  dir?: string;
  analyze: boolean;
  delay?: string;
  workers?: string;
  json?: boolean;
}

export async function ingestCommand(opts: IngestOpts, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  const delay = opts.delay === undefined ? undefined : Number(opts.delay);
  if (delay !== undefined && !(Number.isInteger(delay) && delay >= 0))
    throw new ConfigError(`--delay: expected milliseconds, got "${opts.delay}"`);
  // The catalogue is read before the database is opened, so a bad file never waits for the lock.
  const workers = workersOf(opts.workers);
  const catalogue = opts.dir ? null : await (await sourcesModule()).loadSources(opts.sources);
  await withStore(ctx, (store) =>
    withPool(workers, async (pool) => {
      const stats = catalogue
        ? await ingestCatalogue(ctx, store, catalogue, pool, delay)
        : await ingestDir(ctx, store, opts.dir!, pool);
      ctx.log.info(
        `ingest: ${stats.documents_new} new documents, ${stats.documents_updated} updated, ` +
          `${stats.documents_unchanged} unchanged, ${stats.not_modified} not modified, ${stats.failures} failures`,
      );
      const analyzed = opts.analyze ? await analyzeStore(ctx, store, false, pool) : null;
      if (stats.failures > 0) process.exitCode = EXIT.partial;
      if (opts.json) emit(JSON.stringify({ ingest: stats, analyze: analyzed }, null, 2));
    }),
  );
}

async function ingestCatalogue(
  ctx: Ctx,
  store: Store,
  catalogue: SourcesFile,
  pool: Pool,
  delay?: number,
): Promise<IngestStats> {
  const [{ createDispatcher }, { createFetcher }, { ingestSources }] = await catalogueModules();
  const fetcher = createFetcher({
    dispatcher: createDispatcher({ allowPrivate: catalogue.allow_private }),
    clock: ctx.clock,
    logger: ctx.log,
    ...(delay === undefined ? {} : { hostDelayMs: delay }),
  });
  const stats = await ingestSources(
    { store, fetcher, clock: ctx.clock, log: ctx.log, clean: (p) => pool.clean(p), progress },
    catalogue.sources,
  );
  assertNetwork(stats);
  return stats;
}

async function ingestDir(ctx: Ctx, store: Store, dir: string, pool: Pool): Promise<IngestStats> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new ConfigError('--dir: not a folder', dir);
  const stats = emptyStats();
  const onError = async (file: string, err: SkipError) => {
    countFailure(stats, err.reason);
    const message = messageFor(err, file);
    ctx.log.warn(`${file}: ${err.reason}: ${message}`);
    const at = ctx.clock.now().toISOString();
    await recordFailure(store, { stage: 'read', item: file, reason: err.reason, message, at });
  };
  const onIgnored = (n: number) => {
    if (n) ctx.log.info(`ingest: left alone in ${dir}: ${n} file(s) not named .html, .htm, .html.gz, .txt or .pdf`);
  };
  await ingestPages(
    { store, clock: ctx.clock, log: ctx.log, pool, progress: progress('ingest', null) },
    readLocalDir(dir, { clock: ctx.clock, onError, onIgnored }),
    stats,
  );
  ctx.log.info(`ingest failures by reason: ${reasonSummary(stats)}`);
  return stats;
}
