// Analyze stage runner: extract facts from every document version not yet read by this extractor version
// (older versions too: their claims stay in incident history, marked superseded), then re-resolve all
// documents into incidents. Idempotent: a re-run with no new text changes nothing.
import type { Clock, Logger } from '../core/effects.ts';
import { SkipError, messageFor } from '../core/errors.ts';
import type { Extraction } from '../core/records.ts';
import { EXTRACTOR_VERSION, type Reference } from '../analyze/extract/index.ts';
import { withPages } from '../analyze/pages.ts';
import type { RegulatorReference } from '../analyze/resolve/regulator.ts';
import { loadRegulatorReference } from '../analyze/resolve/regulator-data.ts';
import type { Store } from '../store/store.ts';
import { versionsToExtractPage } from '../store/documents.ts';
import { saveExtractions } from '../store/analysis.ts';
import { type KeptRow, storedInputDigests, updateIncidentsWith } from '../store/incident-updates.ts';
import { recordFailure } from '../store/ingest-state.ts';
import { prepareSearchIndex, updateSearchIndex } from '../store/search-index.ts';
import { loadAliases } from '../reports/query/aliases.ts';
import { readDocumentIntel } from './intel.ts';
import { PROJECT } from '../core/paths.ts';
import { resolveStore } from './resolve-store.ts';
import { digestOf, signAndPair, signerOf } from './signatures.ts';
import { clearForSigner, clearSignatures, metaValue, resolveInputsDigest, setMeta } from '../store/signatures.ts';
import { settings } from '../analyze/resolve/types.ts';
import { createPool, type Pool, type VersionArticle } from './pool.ts';
import { asksFor, deriveRun, NOTHING, saveDerived, type Derived, type DeriveAsk, type DeriveRun } from './derived.ts';
import { queueAlerts } from '../store/alerts.ts';
import { alertVersionOf } from './alert-facts.ts';
import { relieveHeap } from '../core/heap.ts';
import type { Progress } from './progress.ts';

export interface AnalyzeDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** the extraction reference for an inline pool when `pool` is not given; default: loaded when first needed */
  reference?: Reference;
  /** HHS breach list for US incidents; default: loaded from data/reference; null skips the cross-check */
  regulator?: RegulatorReference | null;
  /** worker threads for extraction (pipeline/pool.ts); default: this thread */
  pool?: Pool;
  progress?: Progress;
}
export interface AnalyzeStats {
  extracted: number;
  relevant: number;
  extraction_failures: number;
  documents: number;
  incidents: number;
  clusters: number;
  /** alerts queued: new incidents and incidents whose facts changed (pipeline/alerts.ts) */
  alerts: number;
  /** incidents built this run (the others were unchanged, kept as stored) */
  rebuilt: number;
}

const BATCH = 500;

let defaultRegulator: Promise<RegulatorReference> | null = null;
const regulatorOf = (deps: AnalyzeDeps): Promise<RegulatorReference | null> =>
  deps.regulator !== undefined
    ? Promise.resolve(deps.regulator)
    : (defaultRegulator ??= loadRegulatorReference(PROJECT.reference));

type Cursor = { doc_id: string; version_id: string } | null;

/** A page of versions to extract after `after`, with what each needs besides its extraction. */
async function pageAfter(deps: AnalyzeDeps, all: boolean, run: DeriveRun, after: Cursor) {
  const todo = await versionsToExtractPage(deps.store, EXTRACTOR_VERSION, all, after, BATCH);
  // signatures and intel facts are made in the same tasks (pipeline/derived.ts)
  const asks = todo.length
    ? await asksFor(
        deps.store,
        run,
        todo.map((v) => v.version_id),
      )
    : new Map<string, DeriveAsk>();
  return { todo, asks };
}

/** Extracts page by page (bounded memory) on the pool; one page is saved, and the next one read, while the pool
 * extracts (reading a page of 500 took ~0.6 s of the main thread and DuckDB: the pool sat idle meanwhile). */
async function extractAll(
  deps: AnalyzeDeps,
  pool: Pool,
  all: boolean,
  stats: AnalyzeStats,
  run: DeriveRun,
): Promise<void> {
  let saving: Promise<void> = Promise.resolve();
  let next = pageAfter(deps, all, run, null);
  try {
    for (;;) {
      const { todo, asks } = await next;
      if (todo.length === 0) break;
      const extracting = Promise.all(
        todo.map((article) =>
          pool.extractDerived(article, asks.get(article.version_id) ?? NOTHING).then(
            ({ extraction, derived }) => ({ article, extraction: withPages(extraction, article), derived }),
            (err: unknown) => ({ article, err }),
          ),
        ),
      );
      // (the versions after this page are another set: what this page's saves store does not change their asks)
      next = pageAfter(deps, all, run, todo[todo.length - 1]);
      next.catch(() => {}); // handled: awaited at the top of the loop
      const results = await extracting;
      await saving;
      const done: { article: VersionArticle; extraction: Extraction; derived: Derived }[] = [];
      for (const r of results) {
        if ('extraction' in r) {
          done.push(r);
          if (r.extraction.relevant) stats.relevant++;
          continue;
        }
        // An extractor bug on one article must not stop the run: record it and go on.
        stats.extraction_failures++;
        const item = r.article.url ?? r.article.file ?? r.article.doc_id;
        // `timeout` when the pool's time budget ended it (pool.ts), else an extractor error
        const reason = r.err instanceof SkipError ? r.err.reason : 'parse_error';
        const message = messageFor(r.err, item);
        deps.log.warn(`${item}: extraction failed: ${reason}: ${message}`);
        await recordFailure(deps.store, {
          stage: 'extract',
          item,
          reason,
          message,
          at: deps.clock.now().toISOString(),
        });
      }
      stats.extracted += done.length;
      deps.progress?.tick(todo.length);
      relieveHeap(undefined, 1);
      saving = saveExtractions(deps.store, done).then(() =>
        saveDerived(
          deps.store,
          run,
          done.map(({ article: a, derived }) => ({ ...a, derived })),
        ),
      );
      saving.catch(() => {}); // handled: awaited before the next save and at the end
    }
    await saving;
  } finally {
    // a page read ahead is settled before the caller may close the store
    await next.catch(() => {});
  }
  deps.progress?.done();
}

const cpuSeconds = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};
const peakMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

/** Names the resolve rules in the stored state: change it when a change to analyze/resolve changes incidents. */
const RESOLVE_RULES = 'resolve-2';
const RESOLVE_STATE = 'resolve_state';

/** What the last resolve read (a digest) and what it gave. */
interface ResolveState {
  inputs: string;
  documents: number;
  incidents: number;
  clusters: number;
}

/** DuckDB's limit while analyzing: every table is read once, so a big cache buys little (a full analyze of
 * 100k synthetic documents peaked at 1.82 GiB RSS with 256MB against 2.11 GiB at the 512MB default). */
const ANALYZE_DUCKDB_MEMORY = '256MB';

export interface AnalyzeOptions {
  /** extract again even when this extractor version read a document already */
  reextract?: boolean;
  /** recompute every signature and near-duplicate pair and re-resolve every incident from scratch */
  full?: boolean;
}

export function analyze(deps: AnalyzeDeps, opts: AnalyzeOptions = {}): Promise<AnalyzeStats> {
  return deps.store.withMemoryLimit(ANALYZE_DUCKDB_MEMORY, async () => {
    const stats = await analyzeNow(deps, opts);
    // The run's writes are checkpointed under analyze's limit, with resolve's garbage collected first: at the
    // writer's default limit, the checkpoint the snapshot makes added ~90 MB to the peak at 100k documents.
    relieveHeap(0, 1);
    await deps.store.checkpoint();
    return stats;
  });
}

async function analyzeNow(deps: AnalyzeDeps, opts: AnalyzeOptions): Promise<AnalyzeStats> {
  const stats: AnalyzeStats = {
    extracted: 0,
    relevant: 0,
    extraction_failures: 0,
    documents: 0,
    incidents: 0,
    clusters: 0,
    alerts: 0,
    rebuilt: 0,
  };
  const t0 = performance.now();
  const cpu0 = cpuSeconds();
  const phase = (name: string) =>
    deps.log.debug(
      `analyze: ${name} done at ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
        `(${(cpuSeconds() - cpu0).toFixed(1)} s CPU, all threads), peak RSS so far ${peakMiB()} MiB`,
    );
  if (opts.full) await clearSignatures(deps.store);
  const regulator = await regulatorOf(deps);
  const s = settings({ regulator });
  // signatures by other rules and postings by another stemmer go before extraction stores new ones
  await clearForSigner(deps.store, signerOf(s));
  await prepareSearchIndex(deps.store);
  const run = deriveRun(s);
  const pool = deps.pool ?? createPool({ size: 0, reference: deps.reference });
  await extractAll(deps, pool, !!opts.reextract, stats, run);
  // The extraction workers' heaps are not needed while resolving, the stage's memory peak (issue 9).
  await deps.pool?.release();
  const at = deps.clock.now().toISOString();
  // Each version's signature is made once; only new versions are compared with the versions sharing a bucket.
  phase('extraction');
  await signAndPair(deps.store, s);
  phase('signatures and near-duplicate pairs');
  // Nothing resolve reads has changed since the last run: the stored incidents are what it would give again.
  // the search index's victim aliases are read with each incident built: a change rebuilds them all
  const aliases = loadAliases().victims;
  const runWide = `${RESOLVE_RULES}:${digestOf(regulator)}:${digestOf([...aliases])}`;
  const inputs = `${runWide}:${await resolveInputsDigest(deps.store, EXTRACTOR_VERSION, signerOf(s))}`;
  const last = JSON.parse((await metaValue(deps.store, RESOLVE_STATE)) ?? '{}') as Partial<ResolveState>;
  if (!opts.full && last.inputs === inputs) {
    Object.assign(stats, { documents: last.documents, incidents: last.incidents, clusters: last.clusters });
    // documents this run indexed (a re-extraction of texts the index missed) are counted in; no incident changed
    if (run.indexed.count) await updateSearchIndex(deps.store, aliases, [], run.indexed);
    return stats;
  }
  // Texts are read per block of incidents only, and only the incidents whose inputs changed are built and written
  // (all of them with --full): see resolve-store.ts.
  const rebuilt: string[] = [];
  const kept = opts.full ? new Map<string, KeptRow>() : await storedInputDigests(deps.store);
  const stored = { kept, runWide };
  await updateIncidentsWith(deps.store, !!opts.full, kept, async (add) => {
    const { clusters, documents, digests } = await resolveStore(
      deps.store,
      { regulator },
      async (batch) => {
        stats.rebuilt += batch.length;
        for (const x of batch) rebuilt.push(x.incident_id);
        await add(batch);
        // in the incidents' own transaction: stored incidents and their alerts commit together (an incident not
        // rebuilt is unchanged and has nothing new to announce)
        stats.alerts += await queueAlerts(deps.store, batch.map(alertVersionOf), at);
      },
      stored,
    );
    stats.documents = documents.size;
    stats.clusters = clusters.length;
    stats.incidents = digests.size;
    // document_clusters has one row per stored document: older versions (ids not in `documents`) stay out.
    const rows = clusters.flatMap((c) =>
      c.doc_ids
        .filter((d) => documents.has(d))
        .map((d) => ({
          doc_id: d,
          cluster_id: c.cluster_id,
          reason: c.reason,
          representative: d === c.representative,
        })),
    );
    return { clusters: rows, digests };
  });
  phase(`resolve (${stats.rebuilt} of ${stats.incidents} incidents built)`);
  // resolve's garbage goes before the search index's statements fill DuckDB's cache: the run's peak was there
  relieveHeap(0, 1);
  // full-text and victim-name index for `triage query` (issue 7); names of the incidents built this run only
  await updateSearchIndex(deps.store, aliases, opts.full ? undefined : rebuilt, run.indexed);
  phase('search index');
  await readDocumentIntel(deps.store); // techniques, data exposed and indicators for the reports (issue 17)
  phase('document intel');
  const state: ResolveState = {
    inputs,
    documents: stats.documents,
    incidents: stats.incidents,
    clusters: stats.clusters,
  };
  await setMeta(deps.store, RESOLVE_STATE, JSON.stringify(state));
  return stats;
}
