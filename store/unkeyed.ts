// Tables whose key Store.upsert keeps without a PRIMARY KEY constraint. At 100k documents, a checkpoint after a
// one-row append to a copy of the store took 1.6-3.0 s for resolve_units, 1.3-2.0 s for facts and 0.8 s for
// extractions with their key indexes, 0.03-0.07 s for unindexed copies; every analyze appends to all three.
// The same held for every table a run writes: one row added to `documents` made the checkpoint rewrite all of its
// 920 blocks (230 MB, 6.2 s; 41 ms and one block without the key), one row gone from incidents, version_signatures,
// document_intel, match_known or incident_sources cost 1.9-3.3 s each. Ingesting one page into a 100k store took
// 13 s, and a read snapshot rewrote 1.2 GB after 1,000 pages were added and analysed.
// They are written only through Store.upsert (delete by key, then append), Store.append of rows whose keys the
// caller found absent, and deletes; a lookup by key scans one column (a few milliseconds at 100k rows). `incidents`
// keeps its key: queries join their top rows back to it for the records (without the index, each query scanned
// every record: bench:query p50 24 -> 67 ms at 100k).
import type { DuckDBConnection } from '@duckdb/node-api';

export const UNKEYED: Readonly<Record<string, readonly string[]>> = {
  extractions: ['version_id', 'extractor_version'],
  facts: ['fact_id'],
  resolve_units: ['rid'],
  documents: ['doc_id'],
  document_versions: ['version_id'],
  document_clusters: ['doc_id'],
  incident_sources: ['incident_id', 'doc_id'],
  incident_inputs: ['incident_id'],
  version_signatures: ['version_id'],
  near_duplicates: ['a', 'b'],
  match_known: ['sig'],
  match_edges: ['a', 'b'],
  document_intel: ['doc_id'],
  search_docs: ['doc_id'],
  search_names: ['incident_id', 'name'],
  alert_state: ['incident_id'],
  alert_outbox: ['alert_id'],
};

/** Stores made before the constraints were dropped: each such table is copied without its key, once. */
export async function dropKeyIndexes(conn: DuckDBConnection): Promise<void> {
  const reader = await conn.runAndReadAll(
    `SELECT DISTINCT table_name FROM duckdb_constraints()
     WHERE schema_name = 'main' AND constraint_type = 'PRIMARY KEY'
       AND table_name IN (${Object.keys(UNKEYED)
         .map((t) => `'${t}'`)
         .join(', ')})`,
  );
  const tables = reader.getRowObjectsJS().map((r) => String(r.table_name));
  if (tables.length === 0) return;
  await conn.run('BEGIN TRANSACTION');
  try {
    for (const t of tables) {
      const defaults = (
        await conn.runAndReadAll(
          `SELECT column_name, column_default FROM duckdb_columns()
           WHERE schema_name = 'main' AND table_name = '${t}' AND column_default IS NOT NULL`,
        )
      ).getRowObjectsJS();
      // CREATE TABLE AS keeps the columns, their types and the rows' order; the key goes, and the defaults, given
      // back
      await conn.run(`CREATE TABLE ${t}__unkeyed AS SELECT * FROM ${t}`);
      await conn.run(`DROP TABLE ${t}`);
      await conn.run(`ALTER TABLE ${t}__unkeyed RENAME TO ${t}`);
      for (const d of defaults)
        await conn.run(
          `ALTER TABLE ${t} ALTER COLUMN "${String(d.column_name)}" SET DEFAULT ${String(d.column_default)}`,
        );
    }
    await conn.run('COMMIT');
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
  await conn.run('CHECKPOINT');
}
