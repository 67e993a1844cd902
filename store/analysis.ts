// Extractions, their facts (with evidence), and the incidents resolved from them.
import { Extraction, Incident, type CleanArticle, type Evidence } from '../core/records.ts';
import { idFrom } from '../core/hash.ts';
import { versionIdOf } from './documents.ts';
import type { Store } from './store.ts';

const EXTRACTION_COLUMNS = [
  'version_id',
  'extractor_version',
  'doc_id',
  'relevant',
  'relevance',
  'attack_date',
  'record',
];
const FACT_COLUMNS = [
  'fact_id',
  'version_id',
  'doc_id',
  'extractor_version',
  'field',
  'value',
  'quote',
  'start_offset',
  'end_offset',
  'page',
];

/** Flattens an extraction into one row per fact, each with the quote behind it. */
function factRows(versionId: string, x: Extraction): unknown[][] {
  const rows: unknown[][] = [];
  const add = (field: string, i: number, value: unknown, ev: Evidence | null) =>
    rows.push([
      idFrom('fact', versionId, x.extractor_version, field, String(i)),
      versionId,
      x.doc_id,
      x.extractor_version,
      field,
      value,
      ev?.quote ?? null,
      ev?.start ?? null,
      ev?.end ?? null,
      ev?.page ?? null,
    ]);
  x.victims.forEach((v, i) =>
    add('victim', i, { name: v.name, canonical: v.canonical, country: v.country, sector: v.sector }, v.evidence),
  );
  x.actors.forEach((a, i) =>
    add('actor', i, { name: a.name, canonical: a.canonical, ...(a.family ? { family: a.family } : {}) }, a.evidence),
  );
  x.ransom.forEach((r, i) => {
    const { evidence, ...rest } = r;
    add('ransom', i, rest, evidence);
  });
  if (x.records_affected)
    add(
      'records_affected',
      0,
      { count: x.records_affected.count, as_written: x.records_affected.as_written },
      x.records_affected.evidence,
    );
  if (x.attack_date) add('attack_date', 0, x.attack_date, null);
  if (x.downtime_days !== null) add('downtime_days', 0, x.downtime_days, null);
  if (x.payment_method) add('payment_method', 0, x.payment_method, null);
  return rows;
}

/** The meta key saveExtractions() marks on every save. */
export const EXTRACTIONS_SAVED = 'extractions_saved';

export async function saveExtractions(
  store: Store,
  items: { article: CleanArticle; extraction: Extraction }[],
): Promise<void> {
  if (items.length === 0) return;
  const exRows = items.map(({ article, extraction: x }) => [
    versionIdOf(article),
    x.extractor_version,
    x.doc_id,
    x.relevant,
    x.relevance,
    x.attack_date,
    x,
  ]);
  const facts = items.flatMap(({ article, extraction }) => factRows(versionIdOf(article), extraction));
  await store.transaction(async () => {
    await store.upsert('extractions', EXTRACTION_COLUMNS, exRows as never);
    await store.upsert('facts', FACT_COLUMNS, facts as never);
    // a resolve unit (store/resolve-units.ts) is made from its version's extraction: a new one makes it again
    const rids = items.flatMap(({ article }) => [article.doc_id, versionIdOf(article)]);
    await store.run('DELETE FROM resolve_units WHERE rid IN (SELECT unnest(?::VARCHAR[]))', [rids as never]);
    // a version extracted again by the same extractor version is the same row key with another record: the mark
    // tells analyze's no-op check (store/signatures.ts resolveInputsDigest) that extractions were written
    await store.run(`INSERT OR REPLACE INTO meta VALUES ('${EXTRACTIONS_SAVED}', uuid()::VARCHAR)`);
  });
}

/** The extraction of each document's current version by the given extractor version, in no particular order,
 * streamed: `each` gets one at a time. Parsed, not cast: the schema's key order is what incident input digests
 * (analyze/resolve/inputs.ts) were made from, and a cast would rebuild every stored incident once. */
export function eachCurrentExtraction(
  store: Store,
  extractorVersion: string,
  each: (x: Extraction) => void,
): Promise<void> {
  return store.each<{ record: string }>(
    `SELECT e.record FROM extractions e JOIN documents d ON d.version_id = e.version_id
     WHERE e.extractor_version = ?`,
    [extractorVersion],
    (rows) => rows.forEach((r) => each(Extraction.parse(JSON.parse(r.record)))),
  );
}

/** Extractions of superseded versions (keyed by version_id): their claims stay in incident history. */
export async function olderExtractions(store: Store, extractorVersion: string): Promise<Map<string, Extraction>> {
  const rows = await store.all<{ version_id: string; record: string }>(
    `SELECT e.version_id, e.record FROM extractions e
     JOIN document_versions v ON v.version_id = e.version_id JOIN documents d ON d.doc_id = v.doc_id
     WHERE e.extractor_version = ? AND v.version_id <> d.version_id ORDER BY e.version_id`,
    [extractorVersion],
  );
  return new Map(rows.map((r) => [r.version_id, Extraction.parse(JSON.parse(r.record))]));
}

/** The incidents table's columns, in the order rows are written. */
export const INCIDENT_COLUMNS = [
  'incident_id',
  'victim',
  'country',
  'sector',
  'actor',
  'attack_types',
  'first_reported',
  'attack_date',
  'ransom_demanded_usd',
  'ransom_paid_usd',
  'records_affected',
  'downtime_days',
  'status',
  'source_count',
  'record',
];

export interface ClusterRow {
  doc_id: string;
  cluster_id: string;
  reason: string;
  representative: boolean;
}

/** Rows appended per upsert: the JSON of one batch is built, staged and dropped before the next. */
const WRITE_BATCH = 2000;

/** Incidents are re-resolved as a whole; replacing them in one transaction keeps re-runs idempotent. */
export function replaceIncidents(store: Store, incidents: Incident[], clusters: ClusterRow[]): Promise<void> {
  return replaceIncidentsWith(store, async (add) => {
    for (let i = 0; i < incidents.length; i += WRITE_BATCH) await add(incidents.slice(i, i + WRITE_BATCH));
    return clusters;
  });
}

/** replaceIncidents() for incidents produced a batch at a time: `fill` hands each batch to `add` (written at
 * once, so no batch is held after) and returns the cluster rows. One transaction from the delete to the last row. */
export function replaceIncidentsWith(
  store: Store,
  fill: (add: (batch: Incident[]) => Promise<void>) => Promise<ClusterRow[]>,
): Promise<void> {
  return store.transaction(async () => {
    for (const t of ['incident_sources', 'incidents', 'document_clusters']) await store.run(`DELETE FROM ${t}`);
    const clusters = await fill(async (batch) => {
      await store.upsert('incidents', INCIDENT_COLUMNS, batch.map(incidentRow) as never);
      await store.upsert(
        'incident_sources',
        ['incident_id', 'doc_id'],
        batch.flatMap((x) => x.sources.map((s) => [x.incident_id, s.doc_id])) as never,
      );
    });
    for (let i = 0; i < clusters.length; i += WRITE_BATCH) {
      await store.upsert(
        'document_clusters',
        ['doc_id', 'cluster_id', 'reason', 'representative'],
        clusters.slice(i, i + WRITE_BATCH).map((c) => [c.doc_id, c.cluster_id, c.reason, c.representative]) as never,
      );
    }
  });
}

/** One incidents row (INCIDENT_COLUMNS order). */
export const incidentRow = (x: Incident): unknown[] => [
  x.incident_id,
  x.victim,
  x.country,
  x.sector,
  x.actor,
  x.attack_types,
  x.first_reported,
  x.attack_date,
  x.ransom_demanded_usd,
  x.ransom_paid_usd,
  x.records_affected,
  x.downtime_days,
  x.status,
  x.sources.length,
  x,
];

/** Every incident, parsed a chunk at a time as DuckDB streams them: the JSON of the whole table is never held. */
export async function loadIncidents(store: Store): Promise<Incident[]> {
  const out: Incident[] = [];
  await store.each<{ record: string }>(
    'SELECT record FROM incidents ORDER BY first_reported, incident_id',
    [],
    (rows) => {
      for (const r of rows) out.push(Incident.parse(JSON.parse(r.record)));
    },
  );
  return out;
}
