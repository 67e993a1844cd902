import type { Command } from 'commander';
import { loadSources } from '../../ingest/sources.ts';
import { createDispatcher } from '../../ingest/fetch/demo.ts';
import { createFetcher } from '../../ingest/fetch/fetcher.ts';
import { readLocalDir } from '../../ingest/local.ts';
import { loadReference } from '../../analyze/extract/index.ts';
import { ingestSources, storePage, emptyStats, type IngestStats } from '../../pipeline/ingest.ts';
import { analyze } from '../../pipeline/analyze.ts';
import { PROJECT } from '../../pipeline/paths.ts';
import { ConfigError, EXIT, SkipError } from '../../core/errors.ts';
import { recordFailure } from '../../data/ingest-state.ts';
import { stat } from 'node:fs/promises';
import { ctxOf, withStore, type Ctx } from './context.ts';
import type { Store } from '../../data/store.ts';

export async function ingestCommand(opts: { sources: string; dir?: string; analyze: boolean }, cmd: Command): Promise<void> {
  const ctx = ctxOf(cmd);
  await withStore(ctx, async (store) => {
    const stats = opts.dir ? await ingestDir(ctx, store, opts.dir) : await ingestCatalogue(ctx, store, opts.sources);
    ctx.log.info(`ingest: ${stats.documents_new} new documents, ${stats.documents_updated} updated, ` +
      `${stats.documents_unchanged} unchanged, ${stats.not_modified} not modified, ${stats.failures} failures`);
    if (opts.analyze) await analyzeStore(ctx, store, false);
    if (stats.failures > 0) process.exitCode = EXIT.partial;
  });
}

async function ingestCatalogue(ctx: Ctx, store: Store, file: string): Promise<IngestStats> {
  const catalogue = await loadSources(file);
  const fetcher = createFetcher({ dispatcher: createDispatcher(), clock: ctx.clock, logger: ctx.log });
  return ingestSources({ store, fetcher, clock: ctx.clock, log: ctx.log }, catalogue.sources);
}

async function ingestDir(ctx: Ctx, store: Store, dir: string): Promise<IngestStats> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new ConfigError('--dir: not a folder', dir);
  const stats = emptyStats();
  const onError = async (file: string, err: SkipError) => {
    stats.failures++;
    ctx.log.warn(`${file}: ${err.reason}: ${err.message}`);
    await recordFailure(store, { stage: 'read', item: file, reason: err.reason, message: err.message, at: ctx.clock.now().toISOString() });
  };
  for await (const page of readLocalDir(dir, { clock: ctx.clock, onError })) {
    await storePage({ store, clock: ctx.clock, log: ctx.log }, page, stats);
  }
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
