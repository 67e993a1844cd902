// Researchers' read-only SQL. Two locks: the statement must be a query (checked by DuckDB's own parser, so
// COPY … TO, ATTACH, SET, CREATE and every write are refused up front), and the connection is read-only anyway.
import { StatementType } from '@duckdb/node-api';
import { ConfigError } from '../../core/errors.ts';
import type { Store } from '../../data/store.ts';

const QUERY_TYPES = new Set<number>([StatementType.SELECT, StatementType.EXPLAIN]);
const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

export async function readOnlySql(store: Store, sql: string): Promise<Record<string, unknown>[]> {
  if (!store.readOnly) throw new Error('readOnlySql needs a read-only store');
  let type: number;
  try {
    const statements = await store.conn.extractStatements(sql);
    if (statements.count !== 1) throw new ConfigError(`--sql takes exactly one statement, got ${statements.count}`);
    type = (await statements.prepare(0)).statementType;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    if (/read-only|read only/i.test(firstLine(err))) throw refused(firstLine(err));
    throw new ConfigError(`SQL error: ${firstLine(err)}`);
  }
  if (!QUERY_TYPES.has(type)) throw refused(`${StatementType[type] ?? 'this'} statement`);
  try {
    return await store.all(sql);
  } catch (err) {
    if (/read-only|read only/i.test(firstLine(err))) throw refused(firstLine(err));
    throw new ConfigError(`SQL error: ${firstLine(err)}`);
  }
}

const refused = (what: string) =>
  new ConfigError(`refused: --sql is read-only: only queries run (SELECT, WITH, DESCRIBE, EXPLAIN…), not this ${what}`);
