// The connection `query --sql` runs on: its own DuckDB instance that can read the database file and nothing
// else. Safety lives in this configuration, not in any check of the SQL text: no file, URL or extension is
// reachable (COPY, read_csv, glob, ATTACH, INSTALL all fail), nothing is written (read-only, no temp files), and
// no statement can loosen it (configuration locked).
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { openFailure } from './open.ts';

export interface Sandbox {
  conn: DuckDBConnection;
  close(): void;
}

/** Memory and threads one ad-hoc query may use; past the memory limit it fails (nothing spills to disk). */
export const SANDBOX_LIMITS = { memory_limit: '256MB', threads: '2' } as const;

/**
 * The settings, in the order they must be applied: DuckDB refuses to change temp_directory once external
 * access is off, and refuses every change once the configuration is locked.
 */
export const SANDBOX_SETTINGS: [string, string][] = [
  ['temp_directory', ''], // no spilling: a query cannot write beside the database
  ['access_mode', 'READ_ONLY'],
  ['enable_external_access', 'false'], // files, URLs, ATTACH, COPY, INSTALL/LOAD, secrets
  ['autoinstall_known_extensions', 'false'],
  ['autoload_known_extensions', 'false'],
  ['allow_community_extensions', 'false'],
  ['allow_unsigned_extensions', 'false'],
  ['memory_limit', SANDBOX_LIMITS.memory_limit],
  ['threads', SANDBOX_LIMITS.threads],
  ['lock_configuration', 'true'],
];

/** Opens PATH in a sandbox and proves the settings took effect before any user SQL runs. */
export async function openSandbox(path: string): Promise<Sandbox> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, Object.fromEntries(SANDBOX_SETTINGS));
  } catch (err) {
    throw openFailure(err, path, true);
  }
  const conn = await instance.connect();
  const close = () => {
    conn.closeSync();
    instance.closeSync();
  };
  try {
    const names = SANDBOX_SETTINGS.map(([k]) => k).filter((k) => k !== 'access_mode');
    const reader = await conn.runAndReadAll(`SELECT name, value FROM duckdb_settings() WHERE name IN
      (${names.map((n) => `'${n}'`).join(', ')})`);
    const actual = new Map(reader.getRowsJS().map(([k, v]) => [String(k), String(v)]));
    for (const [k, v] of SANDBOX_SETTINGS) {
      if (k === 'access_mode' || k === 'memory_limit') continue; // reported in other units
      if (actual.get(k) !== v) throw new Error(`the --sql sandbox did not take ${k}=${v} (got ${actual.get(k)})`);
    }
  } catch (err) {
    close();
    throw err;
  }
  return { conn, close };
}
