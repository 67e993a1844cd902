// The entries of an `ingest --dir` folder, decided without opening any of them: regular files with an input name
// are read, subfolders are walked, and everything else that could be an input is recorded with a typed reason
// (never skipped silently): FIFOs, sockets and devices; symbolic links that lead out of the folder, that are
// broken, or that lead to a folder (its files are read where they are, so a link cannot loop or repeat them).
// A link to a file inside the folder is followed, under the link's name.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ConfigError, type FailureReason } from '../core/errors.ts';
import { kindOf } from './read-file.ts';

export const INPUT = /\.(html?|html\.gz|txt|pdf)$/i;
const SIDECAR = /\.meta\.json$/i;

export type Entry =
  | { path: string; read: true }
  | { path: string; read: false; reason: FailureReason; message: string };

export interface Listing {
  /** in path order, so runs are repeatable */
  entries: Entry[];
  /** regular files whose name is no input (sidecars not counted): left alone, only counted */
  ignored: number;
  /** every entry named like a sidecar (NAME.meta.json), whatever its kind: an input without one has none to read */
  sidecars: Set<string>;
}

const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

async function linkEntry(root: string, path: string, name: string): Promise<Entry | null> {
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    return { path, read: false, reason: 'unreadable_file', message: 'broken symbolic link' };
  }
  if (!inside(root, target)) {
    return { path, read: false, reason: 'outside_folder', message: `symbolic link to ${target}, outside the folder` };
  }
  const st = await stat(target).catch(() => null);
  if (!st) return { path, read: false, reason: 'unreadable_file', message: 'broken symbolic link' };
  if (st.isDirectory()) {
    const message = 'symbolic link to a folder: not walked (its files are read where they are)';
    return { path, read: false, reason: 'linked_folder', message };
  }
  if (!st.isFile()) return { path, read: false, reason: 'special_file', message: `symbolic link to ${kindOf(st)}` };
  return INPUT.test(name) ? { path, read: true } : null;
}

function specialKind(e: Dirent): string {
  if (e.isFIFO()) return 'a FIFO (named pipe)';
  if (e.isSocket()) return 'a socket';
  if (e.isCharacterDevice()) return 'a character device';
  if (e.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Every entry under `dir` (recursively), decided from lstat-like directory entries and link targets. */
export async function listFolder(dir: string): Promise<Listing> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch (err) {
    throw new ConfigError(`cannot list folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, dir);
  }
  const entries: Entry[] = [];
  const sidecars = new Set<string>();
  let ignored = 0;
  const folders = [dir];
  while (folders.length) {
    const folder = folders.pop()!;
    let items: Dirent[];
    try {
      items = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      if (folder === dir) throw new ConfigError(`cannot list folder: ${code}`, dir);
      entries.push({ path: folder, read: false, reason: 'unreadable_file', message: `cannot list folder: ${code}` });
      continue;
    }
    for (const e of items) {
      const path = join(folder, e.name);
      if (SIDECAR.test(e.name)) sidecars.add(path);
      if (e.isDirectory()) folders.push(path);
      else if (e.isFile()) {
        if (INPUT.test(e.name)) entries.push({ path, read: true });
        else if (!SIDECAR.test(e.name)) ignored++;
      } else if (e.isSymbolicLink()) {
        const entry = await linkEntry(root, path, e.name);
        if (entry) entries.push(entry);
        else ignored++;
      } else {
        entries.push({ path, read: false, reason: 'special_file', message: `not a regular file: ${specialKind(e)}` });
      }
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, ignored, sidecars };
}
