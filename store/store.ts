// The one DuckDB access module: opening (one writer per file), schema, bulk upserts through the Appender.
import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBInstance,
  LIST,
  VARCHAR,
  listValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { isLockError, openFailure } from './open.ts';
import { dropKeyIndexes, UNKEYED } from './unkeyed.ts';

const SCHEMA_SQL = readFileSync(fileURLToPath(new URL('./schema.sql', import.meta.url)), 'utf8');

export type Row = Record<string, unknown>;
export type Cell = string | number | boolean | null | undefined | string[] | object;

export interface OpenOptions {
  readOnly?: boolean;
  uncached?: boolean;
}

/** The tables whose row counts describe a database (used by `run` and the idempotence test). */
export const DATA_TABLES = [
  'sources',
  'fetches',
  'feed_items',
  'documents',
  'document_versions',
  'extractions',
  'facts',
  'document_clusters',
  'incidents',
  'incident_sources',
  'failures',
] as const;

export class Store {
  private constructor(
    readonly path: string,
    readonly conn: DuckDBConnection,
    readonly readOnly: boolean,
    private readonly instance: DuckDBInstance,
  ) {}

  /**
   * Opens (and migrates) the database file. A writer waits a moment for a lock (a reader may hold the file for
   * a query), then gets a BusyError naming the holder. `uncached` opens a fresh instance (a replaced snapshot).
   */
  static async open(path: string, opts: OpenOptions = {}): Promise<Store> {
    if (path !== ':memory:' && !opts.readOnly) mkdirSync(dirname(path), { recursive: true });
    // DuckDB's cache may otherwise grow to 80% of RAM; past the limit it evicts and spills to disk.
    const options: Record<string, string> = {
      memory_limit: process.env.TRIAGE_DUCKDB_MEMORY ?? DEFAULT_MEMORY,
      ...(opts.readOnly ? { access_mode: 'READ_ONLY' } : {}),
    };
    const deadline = Date.now() + (opts.readOnly ? 0 : lockWaitMs());
    let instance: DuckDBInstance;
    for (;;) {
      try {
        instance = opts.uncached
          ? await DuckDBInstance.create(path, options)
          : await DuckDBInstance.fromCache(path, options);
        break;
      } catch (err) {
        if (!isLockError(err) || Date.now() >= deadline) throw openFailure(err, path, !!opts.readOnly);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const conn = await instance.connect();
    const store = new Store(path, conn, !!opts.readOnly, instance);
    if (!opts.readOnly) {
      await conn.run(SCHEMA_SQL);
      await dropKeyIndexes(conn);
    }
    return store;
  }

  // One connection serves the whole process; stages run concurrently, so statements are serialised and a
  // transaction holds the connection until it ends (statements inside it run directly).
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inTx = new AsyncLocalStorage<boolean>();

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTx.getStore()) return fn();
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  all<T = Row>(sql: string, params: DuckDBValue[] = []): Promise<T[]> {
    return this.serial(() => this.allNow<T>(sql, params));
  }

  private async allNow<T>(sql: string, params: DuckDBValue[]): Promise<T[]> {
    const [values, types] = bind(params);
    const reader = await this.conn.runAndReadAll(sql, values, types);
    const dateCols = new Set(reader.columnNames().filter((_, i) => reader.columnTypes()[i].toString() === 'DATE'));
    return reader.getRowObjectsJS().map((r) => normaliseRow(r, dateCols)) as T[];
  }

  /**
   * Rows of a query chunk by chunk (DuckDB's streaming result, ~2k rows each): a whole-table read never holds the
   * table, in DuckDB or here. The connection stays busy until the last chunk, so `each` must not use the store.
   */
  each<T = Row>(sql: string, params: DuckDBValue[], each: (rows: T[]) => void): Promise<void> {
    return this.serial(async () => {
      const [values, types] = bind(params);
      const result = await this.conn.stream(sql, values, types);
      const dateCols = new Set(result.columnNames().filter((_, i) => result.columnTypes()[i].toString() === 'DATE'));
      for await (const rows of result.yieldRowObjectJs()) each(rows.map((r) => normaliseRow(r, dateCols)) as T[]);
    });
  }

  async one<T = Row>(sql: string, params: DuckDBValue[] = []): Promise<T | null> {
    return (await this.all<T>(sql, params))[0] ?? null;
  }

  run(sql: string, params: DuckDBValue[] = []): Promise<void> {
    return this.serial(async () => {
      const [values, types] = bind(params);
      await this.conn.run(sql, values, types);
    });
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTx.getStore()) return fn();
    return this.serial(() =>
      this.inTx.run(true, async () => {
        await this.conn.run('BEGIN TRANSACTION');
        try {
          const out = await fn();
          await this.conn.run('COMMIT');
          return out;
        } catch (err) {
          await this.conn.run('ROLLBACK');
          throw err;
        }
      }),
    );
  }

  /**
   * Insert-or-replace many rows by primary key: rows go through the Appender into a temp staging table,
   * then set-based statements: the rows they replace are deleted and all are appended (a prepared insert per
   * row is ~250x slower).
   */
  upsert(table: string, columns: string[], rows: Cell[][]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.transaction(() => this.upsertNow(table, columns, rows));
  }

  /** Appends rows whose keys the table does not hold: to a table without a primary key (the caller deleted what
   * they replace), or to a keyed one when the caller knows the keys are new (a clash fails the statement). */
  append(table: string, columns: string[], rows: Cell[][]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.transaction(() => this.upsertNow(table, columns, rows, false));
  }

  private async upsertNow(table: string, columns: string[], rows: Cell[][], replace = true): Promise<void> {
    const stage = `stage_${table}`;
    const cols = columns.map(quoteIdent).join(', ');
    const types = await this.columnTypes(table);
    // Staging columns are VARCHAR except plain scalars; the INSERT casts them to the target types.
    const stageCols = columns.map((c) => `${quoteIdent(c)} ${STAGE_TYPES.has(types[c]) ? types[c] : 'VARCHAR'}`);
    await this.conn.run(`CREATE OR REPLACE TEMP TABLE ${stage} (${stageCols.join(', ')})`);
    const appender = await this.conn.createAppender(stage, 'main', 'temp');
    for (const row of rows) {
      row.forEach((cell, i) => appendCell(appender, cell, types[columns[i]] ?? 'VARCHAR'));
      appender.endRow();
    }
    appender.closeSync();
    // Replaced rows are deleted, then all rows appended: INSERT OR REPLACE alone updates conflicting rows in place,
    // and DuckDB keeps in-place updates in memory it cannot evict (measured: re-extracting 100k documents ran out
    // of a 256MB limit; delete + append stays flat). Duplicates within one batch are still resolved by the insert.
    const key = replace ? await this.primaryKey(table) : [];
    if (key.length) {
      await this.conn.run(
        `DELETE FROM ${quoteIdent(table)} USING ${stage} s WHERE ${key.map((k) => `${quoteIdent(table)}.${quoteIdent(k)} = s.${quoteIdent(k)}`).join(' AND ')}`,
      );
    }
    const unkeyed = replace ? UNKEYED[table] : undefined;
    if (unkeyed) {
      // no constraint resolves a key given twice in one batch: the last row given is kept, as the insert would
      const part = unkeyed.map(quoteIdent).join(', ');
      await this.conn.run(`DELETE FROM ${stage} WHERE rowid NOT IN (SELECT max(rowid) FROM ${stage} GROUP BY ${part})`);
    }
    const insert = replace && !unkeyed ? 'INSERT OR REPLACE' : 'INSERT';
    await this.conn.run(`${insert} INTO ${table} (${cols}) SELECT ${cols} FROM ${stage}`);
    await this.conn.run(`DROP TABLE ${stage}`);
  }

  private typeCache = new Map<string, Record<string, string>>();
  private keyCache = new Map<string, string[]>();

  private async primaryKey(table: string): Promise<string[]> {
    const cached = this.keyCache.get(table);
    if (cached) return cached;
    if (UNKEYED[table]) return [...UNKEYED[table]];
    const row = (
      await this.allNow<{ cols: string[] }>(
        `SELECT constraint_column_names AS cols FROM duckdb_constraints()
      WHERE table_name = ? AND schema_name = 'main' AND constraint_type = 'PRIMARY KEY'`,
        [table],
      )
    )[0];
    const key = row?.cols ?? [];
    this.keyCache.set(table, key);
    return key;
  }

  private async columnTypes(table: string): Promise<Record<string, string>> {
    const cached = this.typeCache.get(table);
    if (cached) return cached;
    const rows = await this.allNow<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main'`,
      [table],
    );
    const types = Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
    this.typeCache.set(table, types);
    return types;
  }

  /**
   * Runs `fn` with DuckDB's memory_limit (its block cache included) lowered to `limit`, unless
   * TRIAGE_DUCKDB_MEMORY chose one: for stages that read whole tables once, where a big cache buys little and
   * its resident memory adds to the JS side's.
   */
  async withMemoryLimit<T>(limit: string, fn: () => Promise<T>): Promise<T> {
    if (process.env.TRIAGE_DUCKDB_MEMORY) return fn();
    await this.run(`SET memory_limit = '${limit.replace(/'/g, '')}'`);
    this.limit = limit;
    try {
      return await fn();
    } finally {
      this.limit = null;
      await this.run(`SET memory_limit = '${DEFAULT_MEMORY}'`); // the limit open() set
    }
  }

  /** the limit withMemoryLimit() set, while it runs */
  private limit: string | null = null;

  /**
   * Empties DuckDB's block cache (its memory goes back to the system) before a long pass that reads nothing from
   * the database: lowering the limit evicts at once, and the cache fills again only as blocks are read. Grouping
   * 100k documents held ~220 MB of cache it never read. On a connection of its own: a limit that cannot be met
   * (indexes and a transaction's changes stay in memory) fails there, not inside the caller's transaction.
   */
  async dropCache(): Promise<void> {
    const limit = (this.limit ?? process.env.TRIAGE_DUCKDB_MEMORY ?? DEFAULT_MEMORY).replace(/'/g, '');
    this.side ??= await this.instance.connect();
    const side = this.side;
    await this.serial(async () => {
      const held = await side.runAndReadAll(
        "SELECT sum(memory_usage_bytes) FILTER (WHERE tag <> 'BASE_TABLE')::BIGINT FROM duckdb_memory()",
      );
      const pinned = Number(held.getRows()[0]?.[0] ?? 0);
      for (const floor of [CACHE_FLOOR, CACHE_FLOOR + pinned]) {
        try {
          await side.run(`SET memory_limit = '${Math.ceil(floor / 2 ** 20)}MB'`);
          break;
        } catch {
          // not met: the next floor, else the cache stays (only memory is at stake)
        }
      }
      await side.run(`SET memory_limit = '${limit}'`);
    });
  }

  private side: DuckDBConnection | undefined;

  /** Writes the WAL into the file now (DuckDB's checkpoint buffers count against the memory limit in force). */
  checkpoint(): Promise<void> {
    return this.run('CHECKPOINT');
  }

  async count(table: string): Promise<number> {
    const r = await this.one<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
    return Number(r?.n ?? 0);
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of DATA_TABLES) out[t] = await this.count(t);
    return out;
  }

  /** Closes the connection and the database, releasing the file lock for other processes. */
  close(): void {
    this.side?.closeSync();
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** How long a writer waits for a reader's lock to go (TRIAGE_LOCK_WAIT_MS, default 3 s). */
const lockWaitMs = () => Math.max(0, Number(process.env.TRIAGE_LOCK_WAIT_MS ?? 3000) || 0);

/** DuckDB's cache may otherwise grow to 80% of RAM (TRIAGE_DUCKDB_MEMORY overrides). */
const DEFAULT_MEMORY = '512MB';
/** dropCache()'s moment limit: evicts the cached blocks, not the few in use */
const CACHE_FLOOR = 16 * 2 ** 20;

const STAGE_TYPES = new Set(['BOOLEAN', 'DOUBLE', 'INTEGER', 'BIGINT']);

/**
 * Gives every parameter an explicit type: the driver cannot infer one for null, and string arrays become
 * VARCHAR lists. A typed NULL VARCHAR casts to whatever the column needs.
 */
function bind(params: DuckDBValue[]): [DuckDBValue[] | undefined, DuckDBType[] | undefined] {
  if (params.length === 0) return [undefined, undefined];
  const types: DuckDBType[] = [];
  const values = params.map((p): DuckDBValue => {
    if (p === null || p === undefined) {
      types.push(VARCHAR);
      return null;
    }
    if (Array.isArray(p)) {
      types.push(LIST(VARCHAR));
      return listValue(p.map((x) => (x === null ? null : String(x))));
    }
    if (typeof p === 'string') types.push(VARCHAR);
    else if (typeof p === 'boolean') types.push(BOOLEAN);
    else if (typeof p === 'bigint') types.push(BIGINT);
    else if (typeof p === 'number') types.push(Number.isInteger(p) && Math.abs(p) < 2 ** 53 ? BIGINT : DOUBLE);
    else {
      types.push(VARCHAR);
      return String(p);
    }
    return typeof p === 'number' && types[types.length - 1] === BIGINT ? BigInt(p) : p;
  });
  return [values, types];
}

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

function appendCell(a: Appender, cell: Cell, type: string): void {
  if (cell === null || cell === undefined) a.appendNull();
  else if (type === 'JSON') a.appendVarchar(JSON.stringify(cell));
  else if (type.endsWith('[]'))
    a.appendVarchar(`[${(cell as string[]).map((s) => `'${String(s).replace(/'/g, "''")}'`).join(', ')}]`);
  else if (type === 'BOOLEAN') a.appendBoolean(Boolean(cell));
  else if (type === 'DOUBLE') a.appendDouble(Number(cell));
  else if (type === 'INTEGER') a.appendInteger(Number(cell));
  else if (type === 'BIGINT') a.appendBigInt(BigInt(Math.round(Number(cell))));
  else a.appendVarchar(String(cell));
}

/** BigInt counts become numbers, dates ISO strings: callers see plain JSON-able values. */
function normaliseRow(row: Record<string, unknown>, dateCols: Set<string>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = dateCols.has(k) && v instanceof Date ? v.toISOString().slice(0, 10) : normaliseValue(v);
  }
  return out;
}

function normaliseValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(normaliseValue);
  return v;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
