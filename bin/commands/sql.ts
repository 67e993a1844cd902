// `triage query --sql`: the wiring of the sandboxed connection, the row cap and the streamed output.
import { ConfigError } from '../../core/errors.ts';
import { openReader } from '../../store/snapshot.ts';
import { openSandbox } from '../../store/sandbox.ts';
import { runQuery, SQL_ROW_CAP, type SqlRow } from '../../store/sql-query.ts';
import { csvLine, type CsvValue } from '../../core/csv.ts';
import type { Ctx } from './context.ts';

export interface SqlOpts {
  sql: string;
  limit?: string;
  json?: boolean;
  csv?: boolean;
}

/** --limit for --sql: a whole number ≥ 1, default SQL_ROW_CAP. */
export function sqlLimit(value: string | undefined): number {
  if (value === undefined) return SQL_ROW_CAP;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ConfigError(`--limit must be a whole number of at least 1, got "${value}"`);
  }
  return n;
}

/** Rows go to stdout as they come (JSON array, pretty with --json, or CSV); the cut is said on stderr. */
export async function sqlCommand(ctx: Ctx, o: SqlOpts, write: (s: string) => void): Promise<void> {
  if (!o.sql.trim()) throw new ConfigError('--sql needs a query, got an empty one');
  const limit = sqlLimit(o.limit);
  const sandbox = await openReader(ctx.db, openSandbox, ctx.log);
  let n = 0;
  // (CSV through the one writer, core/csv.ts: formula-leading cells are neutralised, numbers stay numbers)
  const each = (rows: SqlRow[], columns: string[]) => {
    if (o.csv) {
      const text = rows.map((r) => csvLine(columns.map((c) => r[c] as CsvValue))).join('');
      write(n === 0 ? csvLine(columns) + text : text);
    } else {
      for (const r of rows) {
        const json = o.json ? JSON.stringify(r, null, 2).replace(/\n/g, '\n  ') : JSON.stringify(r);
        write(`${n === 0 ? '[' : ','}${o.json ? '\n  ' : ''}${json}`);
        n++;
      }
      return;
    }
    n += rows.length;
  };
  try {
    const r = await runQuery(sandbox.conn, o.sql, limit, each);
    if (o.csv && n === 0) write(csvLine(r.columns));
    if (!o.csv) write(n === 0 ? '[]\n' : `${o.json ? '\n' : ''}]\n`);
    if (r.cut) {
      ctx.log.warn(
        `--sql: the result was cut at ${limit} rows (--limit ${limit}); there are more: raise --limit, ` +
          'or aggregate or filter in SQL',
      );
    }
  } finally {
    sandbox.close();
  }
}
