// The copy behind a read snapshot (snapshot.ts), made cheap for big files. Copying a 2.7 GB database after every
// writing run cost ~12 s (issue 19), though a run that adds 1,000 documents to 100,000 changes ~15% of its blocks.
// So the snapshot before last is kept as `<db>.snapshot.spare`, and the next publish rewrites only the blocks of it
// that differ from the database, then renames it into place: atomic as a full copy (readers see the old snapshot or
// the new one), and the file is synced before it is renamed. A spare that some reader still holds open (DuckDB
// locks the file it reads: /proc/locks lists it) is never written: that publish copies the whole file instead.
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  futimesSync,
  linkSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

export const spareOf = (dest: string): string => `${dest}.spare`;

/** Compared and written a chunk at a time: DuckDB's block size. */
const CHUNK = 256 * 1024;

export interface Copied {
  /** bytes written into the new snapshot (all of them when the file was copied whole) */
  written: number;
  /** the spare was brought up to date instead of copying the file */
  reused: boolean;
}

/** Puts a copy of `src` (a checkpointed database, its writer's lock held) at `dest`, atomically; the snapshot it
 * replaces becomes the spare. */
export function publishCopy(src: string, dest: string): Copied {
  const spare = spareOf(dest);
  const next = `${spare}.next`;
  rmSync(next, { force: true }); // left by a publish that stopped between its renames
  let made: Copied;
  let fresh = spare;
  if (existsSync(spare) && !lockedByAnyone(spare)) {
    made = { written: rewriteChanged(src, spare), reused: true };
  } else {
    fresh = `${dest}.tmp-${process.pid}`;
    try {
      copyFileSync(src, fresh, constants.COPYFILE_FICLONE); // a reflink where the file system has them
      syncPath(fresh);
    } catch (err) {
      rmSync(fresh, { force: true });
      throw err;
    }
    made = { written: statSync(fresh).size, reused: false };
  }
  // the snapshot in place now is the next spare: a second name first, so that `dest` is always a whole database
  let keep = false;
  if (existsSync(dest)) {
    try {
      linkSync(dest, next);
      keep = true;
    } catch {
      // no hard links here: every publish copies the whole file
    }
  }
  renameSync(fresh, dest);
  if (keep) renameSync(next, spare);
  else if (fresh !== spare) rmSync(spare, { force: true });
  syncPath(dirname(dest));
  return made;
}

/** Makes `target` byte for byte `src` by writing only the chunks that differ; synced, its time set to now (readers
 * compare the snapshot's time with the database's: snapshot.ts snapshotIsCurrent). Returns the bytes written. */
export function rewriteChanged(src: string, target: string): number {
  const from = openSync(src, 'r');
  const to = openSync(target, 'r+');
  try {
    const size = fstatSync(from).size;
    const old = fstatSync(to).size;
    const a = Buffer.allocUnsafe(CHUNK);
    const b = Buffer.allocUnsafe(CHUNK);
    let written = 0;
    for (let at = 0; at < size; at += CHUNK) {
      const n = readFully(from, a, at, Math.min(CHUNK, size - at));
      const m = at < old ? readFully(to, b, at, Math.min(CHUNK, old - at)) : 0;
      if (n === m && a.compare(b, 0, m, 0, n) === 0) continue;
      for (let w = 0; w < n; ) w += writeSync(to, a, w, n - w, at + w);
      written += n;
    }
    ftruncateSync(to, size);
    fsyncSync(to);
    const now = new Date();
    futimesSync(to, now, now);
    return written;
  } finally {
    closeSync(from);
    closeSync(to);
  }
}

function readFully(fd: number, buf: Buffer, at: number, length: number): number {
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, at + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Whether any process holds a POSIX lock on the file (a DuckDB reader has it open). Where the kernel's lock table
 * cannot be read, it counts as held: the spare is then never written. */
export function lockedByAnyone(path: string): boolean {
  let table: string;
  try {
    table = readFileSync('/proc/locks', 'utf8');
  } catch {
    return true;
  }
  const ino = String(statSync(path).ino);
  // lines like "2: POSIX  ADVISORY  READ 29610 fe:00:2163785 0 EOF": the file is major:minor:inode (an inode
  // of another device may match too: then the whole file is copied, which is merely slower)
  return table
    .split('\n')
    .some((line) => line.split(/\s+/).some((f) => /^[0-9a-f]+:[0-9a-f]+:\d+$/.test(f) && f.endsWith(`:${ino}`)));
}

export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
