// The whole pipeline, effects handed in: ingest → clean → analyze → store → report.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, Logger } from '../core/effects.ts';
import type { Dispatcher } from 'undici';
import { createFetcher, type FetcherOptions } from '../ingest/fetch/fetcher.ts';
import type { Source } from '../ingest/sources.ts';
import type { Reference } from '../analyze/extract/index.ts';
import type { Store } from '../store/store.ts';
import { ingestSources } from './ingest.ts';
import { assertNetwork, type IngestStats } from './ingest-stats.ts';
import type { Progress } from './progress.ts';
import { analyze, type AnalyzeStats } from './analyze.ts';
import { buildPeriodReport, choosePeriod, recordReportSnapshot } from './report.ts';
import type { Pool } from './pool.ts';

export interface RunDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  dispatcher: Dispatcher;
  reference: Reference;
  fetcherOptions?: Partial<FetcherOptions>;
  /** worker threads for cleaning and extraction; default: this thread */
  pool?: Pool;
  progress?: (label: string, total: number | null) => Progress;
  /** true once a stop was asked for (`watch`): no new page is fetched, analysis waits for the next run */
  stopped?: () => boolean;
}

export interface RunResult {
  ingest: IngestStats;
  analyze: AnalyzeStats;
  counts: Record<string, number>;
  report: { period: string; html: string; markdown: string } | null;
}

/** Writes a file atomically: a reader never sees half a report. */
export async function writeAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export async function runPipeline(deps: RunDeps, sources: Source[], outDir: string): Promise<RunResult> {
  const fetcher = createFetcher({
    dispatcher: deps.dispatcher,
    clock: deps.clock,
    logger: deps.log,
    ...deps.fetcherOptions,
  });
  const clean = deps.pool ? (p: Parameters<Pool['clean']>[0]) => deps.pool!.clean(p) : undefined;
  const ingest = await ingestSources(
    {
      store: deps.store,
      fetcher,
      clock: deps.clock,
      log: deps.log,
      clean,
      progress: deps.progress,
      stop: deps.stopped,
    },
    sources,
  );
  assertNetwork(ingest);
  if (deps.stopped?.()) {
    const none = { extracted: 0, relevant: 0, extraction_failures: 0, documents: 0, incidents: 0, clusters: 0 };
    return { ingest, analyze: { ...none, alerts: 0, rebuilt: 0 }, counts: await deps.store.counts(), report: null };
  }
  deps.log.info(
    `ingest: ${ingest.sources} sources (${ingest.sources_failed} failed), ${ingest.feed_items} feed items ` +
      `(${ingest.new_feed_items} new), ${ingest.pages_fetched} pages fetched, ${ingest.not_modified} not modified, ` +
      `${ingest.documents_new} new documents, ${ingest.documents_updated} updated, ${ingest.failures} failures`,
  );
  const an = await analyze({
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    reference: deps.reference,
    pool: deps.pool,
    progress: deps.progress?.('extract', null),
  });
  deps.log.info(
    `analyze: ${an.extracted} extracted (${an.relevant} relevant), ${an.documents} documents in ` +
      `${an.clusters} clusters, ${an.incidents} incidents`,
  );
  let report: RunResult['report'] = null;
  if (an.incidents > 0) {
    const period = await choosePeriod(deps.store, deps.clock, {});
    const built = await buildPeriodReport(deps.store, period);
    await recordReportSnapshot(deps.store, built);
    await mkdir(outDir, { recursive: true });
    const html = join(outDir, `report-${period.id}.html`);
    const markdown = join(outDir, `report-${period.id}.md`);
    await writeAtomic(html, built.html);
    await writeAtomic(markdown, built.markdown);
    report = { period: period.id, html, markdown };
  }
  return { ingest, analyze: an, counts: await deps.store.counts(), report };
}
