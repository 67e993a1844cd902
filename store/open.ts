// Why a database file could not be opened, in the user's terms: who holds it, or why it is not a database.
// Every open (the store, the --sql sandbox, the snapshot readers) maps DuckDB's errors here.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BusyError, ConfigError, StopError } from '../core/errors.ts';

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

/** Another process holds the file's lock; `holder` names it ("another Triage process, PID 12 (…)"). */
export class LockedError extends BusyError {
  constructor(
    readonly holder: string,
    path: string,
  ) {
    super(
      `database is in use by ${holder}; one process writes a file at a time, and a reader cannot open it ` +
        'while it writes',
      path,
    );
  }
}

export const isLockError = (err: unknown): boolean => /Could not set lock|Conflicting lock/i.test(firstLine(err));

/** "PID 123 (node triage.js ingest --dir x)" from DuckDB's lock message and /proc, or null when it names none. */
export function lockHolder(message: string): { pid: number; command: string } | null {
  const pid = /\bPID (\d+)/.exec(message)?.[1];
  if (!pid) return null;
  let command = '';
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // the interpreter's full path says little; the script and its arguments say which command holds the file
    command = [basename(argv[0] ?? ''), ...argv.slice(1).map((a) => (a.includes('/') ? basename(a) : a))].join(' ');
  } catch {
    /* another user's process, or it has just ended */
  }
  // the command line is another process's text: no control characters reach the terminal
  return { pid: Number(pid), command: command.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 200) };
}

export function describeHolder(message: string): string {
  const h = lockHolder(message);
  if (!h) return 'another process';
  const who = /\btriage(\.js|\.ts)?\b/.test(h.command) ? 'another Triage process' : 'another program';
  return `${who}, PID ${h.pid}${h.command ? ` (${h.command})` : ''}`;
}

/** The typed error for a failed open of PATH: busy (exit 2), not a database (exit 2), missing, or a stop. */
export function openFailure(err: unknown, path: string, readOnly: boolean): Error {
  const msg = firstLine(err);
  if (isLockError(err)) {
    return new LockedError(describeHolder(msg), path);
  }
  if (/Is a directory/i.test(msg)) return new ConfigError('--db is a folder, not a DuckDB database file', path);
  if (
    /not a valid DuckDB database|created by (an older|a newer)|database file with version|Corrupt|checksum/i.test(msg)
  ) {
    return new ConfigError(
      `--db is not a DuckDB database Triage can read: ${msg.replace(/\s*"[^"]*"/g, '').replace(/^IO Error: /, '')}`,
      path,
    );
  }
  if (readOnly && /does not exist|No such file|Cannot open/i.test(msg)) {
    return new ConfigError('no database yet: run `triage run --demo` or `triage ingest` first', path);
  }
  return new StopError(`cannot open database: ${msg}`, path);
}
