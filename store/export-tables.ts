// The exported tables, materialised as temp tables first (dates bound as parameters) so the row counts, the
// data dictionary and the files all describe the same snapshot.
import type { Store } from './store.ts';

export const EXPORT_TABLES = ['incidents', 'incident_sources', 'documents', 'claims', 'evidence'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const INCIDENT_DATE = 'coalesce(attack_date, first_reported)';

/** The flat evidence table: one row per reported value of every incident field, with where it was said. */
export const EVIDENCE_COLUMNS = [
  ['incident_id', 'VARCHAR'],
  ['field', 'VARCHAR'],
  ['value', 'VARCHAR'],
  ['doc_id', 'VARCHAR'],
  ['outlet', 'VARCHAR'],
  ['published', 'DATE'],
  ['url', 'VARCHAR'],
  ['quote', 'VARCHAR'],
  ['start_offset', 'INTEGER'],
  ['end_offset', 'INTEGER'],
  ['page', 'INTEGER'],
  ['superseded', 'BOOLEAN'],
  ['shared', 'BOOLEAN'],
  ['year', 'INTEGER'],
  ['month', 'INTEGER'],
] as const;
export type EvidenceRow = (string | number | boolean | null)[];
/**
 * A URL's user name and password never leave in an export, even from a store written before ingestion stripped
 * them (core/safe-text.ts is the same rule in TypeScript; RE2 keeps this linear).
 */
const noUserinfo = (expr: string) =>
  `regexp_replace(${expr}, '([A-Za-z][A-Za-z0-9+.-]{0,15}://)[^\\s/?#"''<>\\\\]*@', '\\1', 'g')`;
const inRange = (col: string) => `(?::DATE IS NULL OR ${col} >= ?::DATE) AND (?::DATE IS NULL OR ${col} <= ?::DATE)`;

/**
 * Incidents are filtered by incident date (attack date, else first reported), documents and claims by their
 * publication date; incident_sources follows the exported incidents. year/month are the partition columns.
 */
const QUERIES: Record<ExportTable, string> = {
  incidents: `SELECT * EXCLUDE (record), ${noUserinfo('record::VARCHAR')} AS record_json,
      year(${INCIDENT_DATE}) AS year, month(${INCIDENT_DATE}) AS month
    FROM incidents WHERE ${inRange(INCIDENT_DATE)} ORDER BY incident_id`,
  incident_sources: `SELECT s.incident_id, s.doc_id, year(${INCIDENT_DATE}) AS year, month(${INCIDENT_DATE}) AS month
    FROM incident_sources s JOIN incidents i USING (incident_id) WHERE ${inRange(INCIDENT_DATE)} ORDER BY 1, 2`,
  documents: `SELECT doc_id, version_id, ${noUserinfo('canonical_url')} AS canonical_url, ${noUserinfo('url')} AS url,
      file, content_hash, title, byline, outlet, site_name,
      published, modified, language, source_id, fetched_at, text, year(published) AS year, month(published) AS month
    FROM documents WHERE ${inRange('published::DATE')} ORDER BY doc_id`,
  claims: `SELECT f.fact_id AS claim_id, f.doc_id, f.version_id,
      (SELECT list(s.incident_id ORDER BY s.incident_id) FROM incident_sources s WHERE s.doc_id = f.doc_id) AS incident_ids,
      f.value->>'kind' AS kind, TRY_CAST(f.value->>'amount' AS DOUBLE) AS amount, f.value->>'currency' AS currency,
      TRY_CAST(f.value->>'usd' AS DOUBLE) AS usd, f.value->>'usd_rate_date' AS usd_rate_date,
      f.value->>'as_written' AS as_written, TRY_CAST(f.value->>'disputed' AS BOOLEAN) AS disputed,
      TRY_CAST(f.value->>'hedged' AS BOOLEAN) AS hedged, f.quote, f.start_offset, f.end_offset,
      d.outlet, d.published, year(d.published) AS year, month(d.published) AS month
    FROM facts f JOIN documents d ON d.version_id = f.version_id
    WHERE f.field = 'ransom' AND f.extractor_version = ? AND ${inRange('d.published::DATE')} ORDER BY f.fact_id`,
  // filled by the export from each incident's reported values (reports/query/evidence.ts): created empty here
  evidence: `SELECT ${EVIDENCE_COLUMNS.map(([c, t]) => `NULL::${t} AS ${c}`).join(', ')} WHERE FALSE`,
};

export const tempName = (t: ExportTable) => `export_${t}`;

/** Creates one temp table per exported table; returns the row counts. */
export async function materialise(
  store: Store,
  extractorVersion: string,
  since?: string,
  until?: string,
): Promise<Record<ExportTable, number>> {
  const range = [since ?? null, since ?? null, until ?? null, until ?? null];
  const rows = {} as Record<ExportTable, number>;
  for (const t of EXPORT_TABLES) {
    const params = t === 'claims' ? [extractorVersion, ...range] : t === 'evidence' ? [] : range;
    await store.run(`CREATE OR REPLACE TEMP TABLE ${tempName(t)} AS ${QUERIES[t]}`, params);
    rows[t] = await countTemp(store, t);
  }
  return rows;
}

/** Appends rows (in EVIDENCE_COLUMNS order) to the export's evidence table; returns its row count. */
export async function addEvidence(store: Store, rows: EvidenceRow[]): Promise<number> {
  const one = `(${EVIDENCE_COLUMNS.map(([, t]) => `?::${t}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200);
    await store.run(`INSERT INTO ${tempName('evidence')} VALUES ${batch.map(() => one).join(', ')}`, batch.flat());
  }
  return countTemp(store, 'evidence');
}

async function countTemp(store: Store, t: ExportTable): Promise<number> {
  return Number((await store.one<{ n: number }>(`SELECT count(*) AS n FROM ${tempName(t)}`))?.n ?? 0);
}

export async function dropTemps(store: Store): Promise<void> {
  for (const t of EXPORT_TABLES) await store.run(`DROP TABLE IF EXISTS ${tempName(t)}`);
}

/** Column names and DuckDB types of an exported table. */
export async function columnsOf(store: Store, t: ExportTable): Promise<{ name: string; type: string }[]> {
  const rows = await store.all<{ column_name: string; column_type: string }>(`DESCRIBE ${tempName(t)}`);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

/** COPY takes its target as a literal: the path is quoted here, the only text pasted into SQL. */
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a temp table with DuckDB's COPY (JSON Lines, or Parquet partitioned by year and month). */
export async function copyTemp(store: Store, t: ExportTable, file: string, format: 'jsonl' | 'parquet'): Promise<void> {
  const options = format === 'parquet' ? 'FORMAT parquet, PARTITION_BY (year, month), COMPRESSION zstd' : 'FORMAT json';
  await store.run(`COPY ${tempName(t)} TO ${sqlString(file)} (${options})`);
}

/** A table's rows as DuckDB's own text of each value, chunk by chunk (Store.each). */
export function eachAsText(
  store: Store,
  table: string,
  columns: string[],
  each: (rows: Record<string, string | null>[]) => void,
  lists: ReadonlySet<string> = new Set(),
): Promise<void> {
  // a list column as `a;b` (one cell a spreadsheet can split), not DuckDB's `[a, b]`
  const text = (c: string) => (lists.has(c) ? `array_to_string(${ident(c)}, ';')` : `${ident(c)}::VARCHAR`);
  const select = columns.map((c) => `${text(c)} AS ${ident(c)}`).join(', ');
  return store.each<Record<string, string | null>>(`SELECT ${select} FROM ${ident(table)}`, [], each);
}

/** Incident records whose date (attack, else first reported) lies in the range, by ID. */
export async function incidentRecords(store: Store, since?: string, until?: string): Promise<string[]> {
  const rows = await store.all<{ record: string }>(
    `SELECT record FROM incidents
    WHERE (?::DATE IS NULL OR coalesce(attack_date, first_reported) >= ?::DATE)
      AND (?::DATE IS NULL OR coalesce(attack_date, first_reported) <= ?::DATE)
    ORDER BY incident_id`,
    [since ?? null, since ?? null, until ?? null, until ?? null],
  );
  return rows.map((r) => r.record);
}

export interface DocMeta {
  doc_id: string;
  url: string | null;
  canonical_url: string | null;
  file: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string | null;
}

/** The citation fields of some documents. */
export function docMeta(store: Store, ids: string[]): Promise<DocMeta[]> {
  return store.all<DocMeta>(
    `SELECT doc_id, url, canonical_url, file, title, outlet, published, language
    FROM documents WHERE list_contains(?, doc_id)`,
    [ids as never],
  );
}

/** The sources catalogue as last loaded (what the data was collected from), for the export's catalogue hash. */
export function catalogueRows(store: Store): Promise<Record<string, unknown>[]> {
  return store.all(
    `SELECT source_id, kind, url, publisher, country, language, enabled, "interval" FROM sources ORDER BY source_id`,
  );
}
