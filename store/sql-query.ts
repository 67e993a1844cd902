// Researchers' read-only SQL. The lock that matters is the sandbox (store/sandbox.ts: read-only, no files,
// no network, no extensions, configuration locked, memory and threads capped). The statement check below is a
// second, independent lock that gives a clear refusal: one statement, a query (EXPLAIN only of a query, since
// EXPLAIN ANALYZE runs what it wraps). Rows are streamed and cut at a cap, so no result can exhaust the heap.
import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { ConfigError } from '../core/errors.ts';

/** Rows printed by default; `--limit` changes it. */
export const SQL_ROW_CAP = 10_000;

export type SqlRow = Record<string, unknown>;
export interface SqlResult {
  columns: string[];
  rows: number;
  cut: boolean;
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];
const EXPLAIN_PREFIX = /^\s*EXPLAIN\s+(?:ANALY[SZ]E\s+)?(?:\([^()]*\)\s*)?/i;

async function statementType(conn: DuckDBConnection, sql: string): Promise<number> {
  const statements = await conn.extractStatements(sql);
  if (statements.count !== 1) throw new ConfigError(`--sql takes exactly one statement, got ${statements.count}`);
  return (await statements.prepare(0)).statementType;
}

/** Refuses anything but a single query, naming what it is; DuckDB's own parser decides. */
export async function checkQuery(conn: DuckDBConnection, sql: string): Promise<void> {
  if (!sql.trim()) throw new ConfigError('--sql needs a query, got an empty one');
  try {
    const type = await statementType(conn, sql);
    if (type === StatementType.SELECT) return;
    if (type !== StatementType.EXPLAIN) throw refused(`${StatementType[type] ?? 'unknown'} statement`);
    const inner = sql.replace(EXPLAIN_PREFIX, '');
    if (inner === sql || (await statementType(conn, inner)) !== StatementType.SELECT) {
      throw refused('EXPLAIN of anything but a query (EXPLAIN ANALYZE runs the statement it wraps)');
    }
  } catch (err) {
    throw asSqlError(err);
  }
}

/**
 * Runs SQL on a sandboxed connection and hands rows to `each` a chunk at a time, at most `limit` of them.
 * `cut` says there were more (reading stops at the first row past the cap; nothing beyond is computed).
 */
export async function runQuery(
  conn: DuckDBConnection,
  sql: string,
  limit: number,
  each: (rows: SqlRow[], columns: string[]) => void,
): Promise<SqlResult> {
  await checkQuery(conn, sql);
  let rows = 0;
  let cut = false;
  let columns: string[] = [];
  try {
    const result = await conn.stream(sql);
    columns = result.columnNames();
    const dates = new Set(result.columnTypes().flatMap((t, i) => (t.toString() === 'DATE' ? [i] : [])));
    for await (const chunk of result.yieldRowsJs()) {
      const take = chunk.slice(0, limit - rows);
      if (take.length)
        each(
          take.map((r) => rowObject(columns, r, dates)),
          columns,
        );
      rows += take.length;
      if (take.length < chunk.length) {
        cut = true;
        break;
      }
    }
  } catch (err) {
    throw asSqlError(err);
  }
  return { columns, rows, cut };
}

function rowObject(columns: string[], values: unknown[], dates: Set<number>): SqlRow {
  const out: SqlRow = {};
  columns.forEach((c, i) => {
    const v = values[i];
    out[c] = dates.has(i) && v instanceof Date ? v.toISOString().slice(0, 10) : plain(v);
  });
  return out;
}

/** JSON-able values: big integers stay exact (as text) when a number cannot hold them. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/** DuckDB's refusals (read-only, locked configuration, no external access) and SQL mistakes: the user's to fix. */
function asSqlError(err: unknown): ConfigError {
  if (err instanceof ConfigError) return err;
  const msg = firstLine(err);
  if (/read-only|read only|disabled by configuration|configuration has been locked|Permission Error/i.test(msg)) {
    return new ConfigError(
      `refused by the --sql sandbox (read-only, no files, network, extensions or settings): ` + msg,
    );
  }
  if (/Out of Memory/i.test(msg)) {
    return new ConfigError(
      `SQL stopped: the query needs more than the sandbox's memory (${msg}); ` +
        'aggregate or filter in SQL, or add a LIMIT',
    );
  }
  return new ConfigError(`SQL error: ${msg}`);
}

const refused = (what: string) =>
  new ConfigError(
    `refused: --sql is read-only and reaches only the database: only queries run (SELECT, WITH, ` +
      `DESCRIBE, EXPLAIN…), not this ${what}`,
  );
