// Every kind of statement DuckDB parses (StatementType), aimed at what lies outside the store: the database file
// itself, a file beside it, /etc/passwd, a loopback URL, extensions, settings. Shared by the --sql tests.

export interface Targets {
  dir: string;
  db: string;
  outside: string;
  url: string;
}

/** Hostile statements, each named by the kind DuckDB gives it. */
export function hostileStatements(t: Targets): [kind: string, sql: string][] {
  return [
    ['SELECT read_csv', "SELECT * FROM read_csv('/etc/passwd')"],
    ['SELECT read_csv_auto', "SELECT * FROM read_csv_auto('/etc/passwd', header = false)"],
    ['SELECT read_text', "SELECT * FROM read_text('/etc/passwd')"],
    ['SELECT read_blob', "SELECT * FROM read_blob('/etc/passwd')"],
    ['SELECT read_json', "SELECT * FROM read_json('/etc/passwd')"],
    ['SELECT glob', "SELECT * FROM glob('/etc/*')"],
    ['SELECT sniff_csv', "SELECT * FROM sniff_csv('/etc/passwd')"],
    ['SELECT replacement scan', `SELECT * FROM '${t.outside}'`],
    ['SELECT parquet', `SELECT * FROM read_parquet('${t.outside}')`],
    ['SELECT http', `SELECT * FROM read_csv('${t.url}/x.csv')`],
    ['SELECT http text', `SELECT * FROM read_text('${t.url}/x.txt')`],
    ['SELECT extensions', 'SELECT * FROM duckdb_extensions()'],
    ['COPY TO file', `COPY incidents TO '${t.dir}/out.csv'`],
    ['COPY TO database', `COPY (SELECT 'x') TO '${t.db}' (FORMAT csv)`],
    ['COPY FROM', `COPY incidents FROM '${t.outside}'`],
    ['EXPORT DATABASE', `EXPORT DATABASE '${t.dir}/export'`],
    ['IMPORT DATABASE', `IMPORT DATABASE '${t.dir}'`],
    ['COPY FROM DATABASE', 'COPY FROM DATABASE memory TO store'],
    ['INSERT', "INSERT INTO sources (source_id, kind, url) VALUES ('x', 'rss', 'http://x')"],
    ['UPDATE', "UPDATE incidents SET victim = 'pwned'"],
    ['DELETE', 'DELETE FROM incidents'],
    ['TRUNCATE', 'TRUNCATE incidents'],
    ['MERGE', 'MERGE INTO incidents USING (SELECT 1 AS k) s ON false WHEN MATCHED THEN DELETE'],
    ['CREATE TABLE', 'CREATE TABLE pwned AS SELECT 1 AS x'],
    ['CREATE TEMP TABLE', 'CREATE TEMP TABLE pwned AS SELECT * FROM range(10)'],
    ['CREATE VIEW', 'CREATE VIEW pwned AS SELECT 1'],
    ['CREATE MACRO', 'CREATE MACRO pwned(x) AS x + 1'],
    ['CREATE SEQUENCE', 'CREATE SEQUENCE pwned'],
    ['CREATE INDEX', 'CREATE INDEX pwned ON incidents (victim)'],
    ['CREATE SCHEMA', 'CREATE SCHEMA pwned'],
    ['CREATE SECRET', "CREATE SECRET pwned (TYPE s3, KEY_ID 'a', SECRET 'b')"],
    ['CREATE PERSISTENT SECRET', "CREATE PERSISTENT SECRET pwned (TYPE s3, KEY_ID 'a', SECRET 'b')"],
    ['ALTER', 'ALTER TABLE incidents ADD COLUMN pwned INTEGER'],
    ['DROP', 'DROP TABLE incidents'],
    ['ATTACH file', `ATTACH '${t.dir}/new.duckdb' AS n`],
    ['ATTACH memory', "ATTACH ':memory:' AS m"],
    ['ATTACH the database read-write', `ATTACH '${t.db}' AS rw (READ_WRITE)`],
    ['DETACH', 'DETACH store'],
    ['USE', 'USE memory'],
    ['SET', "SET memory_limit = '100GB'"],
    ['SET external access', 'SET enable_external_access = true'],
    ['SET GLOBAL', "SET GLOBAL temp_directory = '/tmp'"],
    ['SET lock', 'SET lock_configuration = false'],
    ['RESET', 'RESET memory_limit'],
    ['SET VARIABLE', "SET VARIABLE pwned = 'x'"],
    ['PRAGMA set', "PRAGMA memory_limit = '100GB'"],
    ['PRAGMA profiling', `PRAGMA profiling_output = '${t.dir}/profile.json'`],
    ['INSTALL', 'INSTALL httpfs'],
    ['FORCE INSTALL', `FORCE INSTALL httpfs FROM '${t.url}'`],
    ['LOAD', 'LOAD httpfs'],
    ['LOAD file', `LOAD '${t.outside}'`],
    ['UPDATE EXTENSIONS', 'UPDATE EXTENSIONS'],
    ['CALL', 'CALL pragma_version()'],
    ['CHECKPOINT', 'CHECKPOINT'],
    ['FORCE CHECKPOINT', 'FORCE CHECKPOINT'],
    ['VACUUM', 'VACUUM'],
    ['ANALYZE', 'ANALYZE'],
    ['BEGIN', 'BEGIN TRANSACTION'],
    ['PREPARE', 'PREPARE p AS SELECT 1'],
    ['EXECUTE', 'EXECUTE p'],
    ['DEALLOCATE', 'DEALLOCATE p'],
  ];
}

/** Ways to hide a statement: bare, EXPLAIN (and EXPLAIN ANALYZE, which runs it), behind a query, in a comment. */
export const WRAPPERS: [name: string, wrap: (sql: string) => string][] = [
  ['bare', (s) => s],
  ['explain', (s) => `EXPLAIN ${s}`],
  ['explain analyze', (s) => `EXPLAIN ANALYZE ${s}`],
  ['explain (analyze)', (s) => `EXPLAIN (ANALYZE, FORMAT json) ${s}`],
  ['after a query', (s) => `SELECT 1; ${s}`],
  ['commented', (s) => `/* report */ -- weekly\n  ${s}`],
];
