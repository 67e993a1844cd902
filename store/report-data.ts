// What a report reads from the store (incident dates, source health, counts, the data's snapshot time) and the
// report snapshots: the figures each recorded report showed, so the next one can list revisions since.
import type { Store } from './store.ts';

export interface SourceHealth {
  id: string;
  publisher: string;
  ok: boolean;
  error: string | null;
  items: number;
}
export interface SnapshotRecord {
  incident_id: string;
  figures: unknown;
}

/** Every incident date (attack, else first reported), YYYY-MM-DD. */
export async function incidentDates(store: Store): Promise<string[]> {
  const rows = await store.all<{ d: string }>(`SELECT strftime(coalesce(attack_date, first_reported), '%Y-%m-%d') AS d
    FROM incidents WHERE coalesce(attack_date, first_reported) IS NOT NULL`);
  return rows.map((r) => r.d);
}

/** The enabled sources with the outcome of their last poll. */
export function sourceHealth(store: Store): Promise<SourceHealth[]> {
  return store.all<SourceHealth>(`SELECT source_id AS id, publisher, coalesce(consecutive_failures, 0) = 0 AS ok,
    last_error AS error, coalesce(items_last_run, 0) AS items FROM sources WHERE enabled ORDER BY source_id`);
}

/** When the newest document was fetched: a report's snapshot time comes from the data, not the clock. */
export async function dataSnapshotTime(store: Store): Promise<string | null> {
  return (await store.one<{ t: string | null }>(`SELECT max(fetched_at) AS t FROM documents`))?.t ?? null;
}

/** The latest recorded report of this kind before `id`, with its figures; null when none. */
export async function previousSnapshot(
  store: Store,
  kind: string,
  id: string,
): Promise<{ id: string; rows: SnapshotRecord[] } | null> {
  // A database created before report_snapshots existed and opened read-only has no such table yet.
  const table = await store.one<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'report_snapshots'`,
  );
  if (!Number(table?.n)) return null;
  const prev = await store.one<{ id: string }>(
    `SELECT max(period_id) AS id FROM report_snapshots WHERE period_kind = ? AND period_id < ?`,
    [kind, id],
  );
  if (!prev?.id) return null;
  const rows = await store.all<{ incident_id: string; figures: string }>(
    `SELECT incident_id, figures FROM report_snapshots WHERE period_kind = ? AND period_id = ? ORDER BY incident_id`,
    [kind, prev.id],
  );
  return { id: prev.id, rows: rows.map((r) => ({ incident_id: r.incident_id, figures: JSON.parse(r.figures) })) };
}

/** Replaces a period's snapshot with `rows`. */
export async function replaceSnapshot(
  store: Store,
  kind: string,
  id: string,
  at: string,
  rows: SnapshotRecord[],
): Promise<void> {
  await store.transaction(async () => {
    await store.run(`DELETE FROM report_snapshots WHERE period_kind = ? AND period_id = ?`, [kind, id]);
    await store.upsert(
      'report_snapshots',
      ['period_kind', 'period_id', 'incident_id', 'snapshot_at', 'figures'],
      rows.map((r) => [kind, id, r.incident_id, at, r.figures as object]),
    );
  });
}

/** The current text of each document asked for (the report reads techniques, data and indicators from them). */
export async function documentTexts(store: Store, docIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (docIds.length === 0) return out;
  // one list parameter joined as a table: an IN list of 100,000 placeholders is many times slower
  const rows = await store.all<{ doc_id: string; text: string | null }>(
    `SELECT d.doc_id, d.text FROM documents d JOIN (SELECT DISTINCT unnest(?) AS doc_id) w ON d.doc_id = w.doc_id`,
    [[...new Set(docIds)] as never],
  );
  for (const r of rows) if (r.text) out.set(r.doc_id, r.text);
  return out;
}
