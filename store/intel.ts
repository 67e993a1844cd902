// The threat-intelligence facts read from each document (table document_intel), kept per content hash and
// reader version so only new or changed texts are read again.
import type { Store } from './store.ts';

/** Above this many documents, a report reads the whole table rather than join a list of IDs. */
export const LIST_LIMIT = 5000;

export interface DocIntelRow {
  doc_id: string;
  content_hash: string | null;
  items: unknown;
}

/** Documents whose current text has not been read by this reader version, a batch at a time, in no particular
 * order: sorting 100k texts ran out of analyze's 256MB DuckDB limit. */
export function eachUnreadDocument(
  store: Store,
  version: string,
  each: (rows: { doc_id: string; content_hash: string | null; text: string | null }[]) => void,
): Promise<void> {
  return store.each(
    `SELECT d.doc_id, d.content_hash, d.text FROM documents d LEFT JOIN document_intel i ON i.doc_id = d.doc_id
     WHERE i.doc_id IS NULL OR i.reader_version IS DISTINCT FROM ? OR i.content_hash IS DISTINCT FROM d.content_hash`,
    [version],
    each,
  );
}

export async function saveDocumentIntel(store: Store, version: string, rows: DocIntelRow[]): Promise<void> {
  if (rows.length === 0) return;
  await store.upsert(
    'document_intel',
    ['doc_id', 'content_hash', 'reader_version', 'items'],
    rows.map((r) => [r.doc_id, r.content_hash, version, r.items as object]),
  );
}

/**
 * The stored facts of the documents asked for, read by this version for their current text; documents missing
 * here (a database analyzed before the reader existed, opened read-only) are read from their text by the caller.
 */
export async function documentIntel(store: Store, version: string, docIds: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (docIds.length === 0) return out;
  // the table may not exist in a database created before it, opened read-only
  const table = await store.one<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'document_intel'`,
  );
  if (!Number(table?.n)) return out;
  const wanted = new Set(docIds);
  // a long list joins slower than a read of the whole table filtered here (100,000 ids: 3 s against 1 s)
  const all = wanted.size > LIST_LIMIT;
  const rows = await store.all<{ doc_id: string; items: string | unknown }>(
    `SELECT i.doc_id, i.items FROM document_intel i JOIN documents d ON d.doc_id = i.doc_id
     AND d.content_hash IS NOT DISTINCT FROM i.content_hash
     ${all ? '' : 'JOIN (SELECT DISTINCT unnest(?) AS doc_id) w ON w.doc_id = i.doc_id'} WHERE i.reader_version = ?`,
    all ? [version] : [[...wanted] as never, version],
  );
  for (const r of rows)
    if (wanted.has(r.doc_id)) out.set(r.doc_id, typeof r.items === 'string' ? JSON.parse(r.items) : r.items);
  return out;
}
