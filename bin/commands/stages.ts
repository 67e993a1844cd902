import type { Command } from 'commander';
import { loadSources, type SourcesFile } from '../../ingest/sources.ts';
import { createDispatcher } from '../../ingest/fetch/demo.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { readLocalDir } from '../../ingest/local.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { countFailure, reasonSummary, ingestSources, storePage, emptyStats, type IngestStats } from '../../pipeline/ingest.ts';
import { analyze } from '../../pipeline/analyze.ts';
import { PROJECT } from '../../pipeline/paths.ts';
import { ConfigError, EXIT, SkipError } from '../../core/errors.ts';
import { recordFailure } from '../../data/ingest-state.ts';
import { stat } from 'node:fs/promises';
import { ctxOf, withStore, type Ctx } from './context.ts';
import type { Store } from '../../data/store.ts';

export interface IngestOpts { sources: string; dir?: string; analyze: boolean; delay?: string }

export async function ingestCommand(opts: IngestOpts, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  const delay = opts.delay === undefined ? undefined : Number(opts.delay);
  if (delay !== undefined && !(Number.isInteger(delay) && delay >= 0)) throw new ConfigError(`--delay: expected milliseconds, got "${opts.delay}"`);
  // The catalogue is read before the database is opened, so a bad file never waits for the lock.
  const catalogue = opts.dir ? null : await loadSources(opts.sources);
  await withStore(ctx, async (store) => {
    const stats = catalogue ? await ingestCatalogue(ctx, store, catalogue, delay) : await ingestDir(ctx, store, opts.dir!);
    ctx.log.info(`ingest: ${stats.documents_new} new documents, ${stats.documents_updated} updated, ` +
      `${stats.documents_unchanged} unchanged, ${stats.not_modified} not modified, ${stats.failures} failures`);
    if (opts.analyze) await analyzeStore(ctx, store, false);
    if (stats.failures > 0) process.exitCode = EXIT.partial;
  });
}

async function ingestCatalogue(ctx: Ctx, store: Store, catalogue: SourcesFile, delay?: number): Promise<IngestStats> {
  const fetcher = createFetcher({ dispatcher: createDispatcher({ allowPrivate: catalogue.allow_private }), clock: ctx.clock,
    logger: ctx.log, ...(delay === undefined ? {} : { hostDelayMs: delay }) });
  return ingestSources({ store, fetcher, clock: ctx.clock, log: ctx.log }, catalogue.sources);
}

async function ingestDir(ctx: Ctx, store: Store, dir: string): Promise<IngestStats> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new ConfigError('--dir: not a folder', dir);
  const stats = emptyStats();
  const onError = async (file: string, err: SkipError) => {
    countFailure(stats, err.reason);
    ctx.log.warn(`${file}: ${err.reason}: ${err.message}`);
    await recordFailure(store, { stage: 'read', item: file, reason: err.reason, message: err.message, at: ctx.clock.now().toISOString() });
  };
  for await (const page of readLocalDir(dir, { clock: ctx.clock, onError })) {
    await storePage({ store, clock: ctx.clock, log: ctx.log }, page, stats);
  }
  ctx.log.info(`ingest failures by reason: ${reasonSummary(stats)}`);
  return stats;
}

async function analyzeStore(ctx: Ctx, store: Store, reextract: boolean): Promise<void> {
  const reference = await loadReference(PROJECT.reference);
  const s = await analyze({ store, clock: ctx.clock, log: ctx.log, reference }, { reextract });
  ctx.log.info(`analyze: ${s.extracted} extracted (${s.relevant} relevant), ${s.documents} documents, ${s.incidents} incidents`);
  if (s.extraction_failures > 0) process.exitCode = EXIT.partial;
}

export async function analyzeCommand(opts: { reextract?: boolean }, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  await withStore(ctx, (store) => analyzeStore(ctx, store, !!opts.reextract));
}
