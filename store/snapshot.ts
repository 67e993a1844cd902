// Readers beside a writer. DuckDB lets one process write a file and refuses every other open (read-only too)
// while it does; a reader holding the file read-only in turn locks the writer out. So a writing run ends by
// publishing a read snapshot, `<db>.snapshot`: after a CHECKPOINT, with its lock still held, the file is copied
// and renamed into place (atomic: a reader sees the old copy or the new one, never half of one). Readers open the
// snapshot when it is current, else the file itself, else — the file is being written — the last snapshot.
// The copy rewrites only what changed since the snapshot before last (snapshot-copy.ts).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../core/effects.ts';
import { BusyError, ConfigError, describe } from '../core/errors.ts';
import type { Store } from './store.ts';
import { LockedError } from './open.ts';
import { publishCopy, syncPath } from './snapshot-copy.ts';

export const snapshotOf = (db: string): string => `${db}.snapshot`;

export interface Published {
  path: string;
  bytes: number;
  ms: number;
  /** bytes written: the changed blocks of the spare (snapshot-copy.ts) when `reused`, else the whole file */
  written?: number;
  reused?: boolean;
}

/** Writer side, with the writer's lock held: a consistent copy of the checkpointed file for readers. (Reading the
 * file from Node closes a descriptor of it, which drops the writer's POSIX lock: only at the end of a run.) */
export async function publishSnapshot(store: Store): Promise<Published> {
  const started = performance.now();
  await store.run('CHECKPOINT'); // everything in the main file, the WAL empty: the file alone is the database
  const dest = snapshotOf(store.path);
  // A run that changed nothing (a no-op analyze) leaves the file older than the last snapshot: no copy needed.
  if (snapshotIsCurrent(store.path)) return { path: dest, bytes: statSync(dest).size, ms: performance.now() - started };
  const { written, reused } = publishCopy(store.path, dest);
  return { path: dest, bytes: statSync(dest).size, ms: performance.now() - started, written, reused };
}

/**
 * publishSnapshot() for a writer that keeps the file open afterwards (`triage watch`): DuckDB copies the database
 * into the new file itself. Copying the file from Node would open and close it in this process, and closing any
 * descriptor of a file drops the process's POSIX locks on it: the writer's lock would be gone.
 */
export async function publishSnapshotKeepingLock(store: Store): Promise<Published> {
  const started = performance.now();
  const dest = snapshotOf(store.path);
  const tmp = `${dest}.tmp-${process.pid}`;
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const name = (await store.one<{ db: string }>('SELECT current_database() AS db'))!.db;
  rmSync(tmp, { force: true });
  try {
    await store.run(`ATTACH ${quote(tmp)} AS triage_snapshot`);
    try {
      await store.run(`COPY FROM DATABASE "${name.replace(/"/g, '""')}" TO triage_snapshot`);
    } finally {
      await store.run('DETACH triage_snapshot');
    }
    syncPath(tmp);
    renameSync(tmp, dest);
    syncPath(dirname(dest));
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw err;
  }
  return { path: dest, bytes: statSync(dest).size, ms: performance.now() - started };
}

const mtime = (path: string): number => (existsSync(path) ? statSync(path).mtimeMs : -1);

/** The snapshot holds what the file holds: published after the file's (and its WAL's) last change. */
export function snapshotIsCurrent(db: string): boolean {
  const snap = mtime(snapshotOf(db));
  return snap >= 0 && mtime(db) >= 0 && snap >= Math.max(mtime(db), mtime(`${db}.wal`));
}

/**
 * Opens DB for reading without taking the writer's place: the current snapshot, else the file itself, else the
 * last snapshot while a writer holds the file (said on the log). With no snapshot yet, the BusyError names the
 * writer.
 */
export async function openReader<T>(db: string, open: (path: string) => Promise<T>, log: Logger): Promise<T> {
  const snap = snapshotOf(db);
  if (snapshotIsCurrent(db)) return open(snap);
  try {
    return await open(db);
  } catch (err) {
    if (!(err instanceof LockedError)) throw err;
    if (!existsSync(snap)) {
      throw new BusyError(
        `database is being written by ${err.holder} and has no read snapshot yet (one is ` +
          'published when a writing run ends): try again when it has finished',
        db,
      );
    }
    log.info(
      `${db} is being written by ${err.holder}; reading ` +
        `the snapshot its last run published at ${new Date(statSync(snap).mtimeMs).toISOString()}`,
    );
    return open(snap);
  }
}

/** A database file's identity: a replaced snapshot has another inode, size or time. */
const identity = (path: string): string => {
  const st = statSync(path);
  return `${st.ino}:${st.size}:${st.mtimeMs}`;
};

interface Held {
  store: Store;
  id: string;
  users: number;
  retired: boolean;
}

/**
 * For a long-running reader (`serve`): holds the snapshot open read-only, and when a writer publishes a new one,
 * opens that for the next request and closes the old one once its requests are done. Never holds `db` itself.
 */
export class SnapshotReader {
  private constructor(
    readonly snapshot: string,
    private held: Held,
    private readonly openStore: (path: string) => Promise<Store>,
  ) {}

  /**
   * `publish` makes a snapshot when there is no current one and no writer (it opens the file as a writer for the
   * copy); while a writer holds the file, the last snapshot serves, or the BusyError names the writer. Where no
   * snapshot can be written (a read-only folder), the file itself is held, with a warning.
   */
  static async open(
    db: string,
    openStore: (path: string) => Promise<Store>,
    publish: () => Promise<void>,
    log: Logger,
  ): Promise<SnapshotReader> {
    if (!existsSync(db)) throw new ConfigError('no database yet: run `triage run --demo` or `triage ingest` first', db);
    let path = snapshotOf(db);
    if (!snapshotIsCurrent(db)) {
      try {
        await publish();
      } catch (err) {
        if (err instanceof LockedError && existsSync(path)) {
          log.info(
            `${db} is being written by ${err.holder}; serving the snapshot its last run published at ` +
              `${new Date(statSync(path).mtimeMs).toISOString()} until it publishes the next`,
          );
        } else if (!(err instanceof BusyError) && !(err instanceof ConfigError)) {
          log.warn(
            `cannot write a read snapshot beside ${db} (${describe(err)}): serving the file itself, ` +
              'which keeps writers out until serve stops',
          );
          path = db;
        } else throw err;
      }
    }
    return new SnapshotReader(
      path,
      { store: await openStore(path), id: identity(path), users: 0, retired: false },
      openStore,
    );
  }

  private switching: Promise<void> | null = null;

  /** Runs `fn` on the newest published snapshot. */
  async use<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    await this.refresh();
    const held = this.held;
    held.users++;
    try {
      return await fn(held.store);
    } finally {
      held.users--;
      if (held.retired && held.users === 0) held.store.close();
    }
  }

  private refresh(): Promise<void> {
    let id: string;
    try {
      id = identity(this.snapshot);
    } catch {
      return Promise.resolve();
    } // removed: keep the one we hold
    if (id === this.held.id) return Promise.resolve();
    this.switching ??= this.openStore(this.snapshot)
      .then((store) => {
        const old = this.held;
        this.held = { store, id, users: 0, retired: false };
        old.retired = true;
        if (old.users === 0) old.store.close();
      })
      .finally(() => {
        this.switching = null;
      });
    return this.switching;
  }

  close(): void {
    this.held.retired = true;
    if (this.held.users === 0) this.held.store.close();
  }
}
