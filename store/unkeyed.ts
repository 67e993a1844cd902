// Tables whose key Store.upsert keeps without a PRIMARY KEY constraint. At 100k documents, a checkpoint after a
// one-row append to a copy of the store took 1.6-3.0 s for resolve_units, 1.3-2.0 s for facts and 0.8 s for
// extractions with their key indexes, 0.03-0.07 s for unindexed copies; every analyze appends to all three. They
// are written only through Store.upsert (delete by key, then append) and read by joins and scans, never looked up
// by key alone.
import type { DuckDBConnection } from '@duckdb/node-api';

export const UNKEYED: Readonly<Record<string, readonly string[]>> = {
  extractions: ['version_id', 'extractor_version'],
  facts: ['fact_id'],
  resolve_units: ['rid'],
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
      // CREATE TABLE AS keeps the columns, their types and the rows' order; the key goes
      await conn.run(`CREATE TABLE ${t}__unkeyed AS SELECT * FROM ${t}`);
      await conn.run(`DROP TABLE ${t}`);
      await conn.run(`ALTER TABLE ${t}__unkeyed RENAME TO ${t}`);
    }
    await conn.run('COMMIT');
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
  await conn.run('CHECKPOINT');
}
