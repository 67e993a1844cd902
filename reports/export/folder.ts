// Atomic folder writes: everything goes into a sibling temp folder, which then replaces the target by rename.
// A reader sees the old export or the new one, never half of one; a failure leaves the old one in place.
// Nothing of the user's is deleted: a folder is replaced only when its manifest (written by the export that made
// it) lists every file in it, unchanged. A README that merely looks like an export's proves nothing.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigError, isFull, outputError } from '../../core/errors.ts';

export const MANIFEST = 'MANIFEST.json';
// the name earlier exports wrote it under (one file with MANIFEST.json on a case-insensitive disk)
const OLD_MANIFEST = 'manifest.json';

interface Manifest {
  generator: string;
  files: Record<string, string>;
  [provenance: string]: unknown;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every entry under ROOT (relative, `/`-separated) with its kind, the manifest itself left out. */
async function entries(root: string): Promise<{ rel: string; kind: 'file' | 'dir' | 'other' }[]> {
  const out: { rel: string; kind: 'file' | 'dir' | 'other' }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const full = join(dir, name);
      const rel = relative(root, full).split(sep).join('/');
      const st = await lstat(full);
      const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
      if (rel !== MANIFEST && rel !== OLD_MANIFEST) out.push({ rel, kind });
      if (kind === 'dir') await walk(full);
    }
  };
  await walk(root);
  return out;
}

/** Writes the manifest of a filled folder: every file it holds, with its SHA-256. */
export async function writeManifest(dir: string, about: Record<string, unknown> = {}): Promise<Manifest> {
  const files: Record<string, string> = {};
  for (const e of await entries(dir)) if (e.kind === 'file') files[e.rel] = await sha256File(join(dir, e.rel));
  const manifest: Manifest = { generator: 'triage export', ...about, files };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
  return manifest;
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const raw = await readFile(join(dir, MANIFEST), 'utf8').catch(() => readFile(join(dir, OLD_MANIFEST), 'utf8'));
    const m = JSON.parse(raw) as Partial<Manifest>;
    const ok =
      m?.generator === 'triage export' &&
      m.files &&
      typeof m.files === 'object' &&
      Object.values(m.files).every((h) => typeof h === 'string');
    return ok ? (m as Manifest) : null;
  } catch {
    return null;
  }
}

const some = (paths: string[]) =>
  paths.slice(0, 3).join(', ') + (paths.length > 3 ? `, … ${paths.length - 3} more` : '');
/** a/b/c.csv → a, a/b: the folders a listed file may sit in. */
const foldersOf = (file: string) =>
  file
    .split('/')
    .slice(0, -1)
    .map((_, k, a) => a.slice(0, k + 1).join('/'));

/**
 * Refuses (ConfigError, exit 2) anything but a missing or empty folder or an earlier export whose manifest lists
 * every file in it (files it lists may be missing: nothing is lost with them). `hashes`: also check that each
 * file is unchanged, which reads them all; done once more just before the swap.
 */
export async function assertReplaceable(dir: string, hashes: boolean): Promise<void> {
  const info = await lstat(dir).catch(() => null);
  if (!info) return;
  if (info.isSymbolicLink()) throw new ConfigError('--out is a symbolic link: refusing to replace it', dir);
  if (!info.isDirectory()) throw new ConfigError('--out is a file, not a folder: refusing to replace it', dir);
  const found = await entries(dir);
  const manifest = await readManifest(dir);
  if (found.length === 0 && !manifest) return;
  const refuse = (why: string) =>
    new ConfigError(
      `--out ${why}: refusing to replace it, nothing was deleted ` +
        '(choose a new or empty folder, or move those files away)',
      dir,
    );
  if (!manifest) throw refuse('holds files and no MANIFEST.json of an earlier Triage export');
  const listed = new Set(Object.keys(manifest.files));
  const folders = new Set([...listed].flatMap(foldersOf));
  const foreign = found.filter((e) =>
    e.kind === 'dir' ? !folders.has(e.rel) : e.kind !== 'file' || !listed.has(e.rel),
  );
  if (foreign.length) throw refuse(`holds files the earlier export did not write (${some(foreign.map((e) => e.rel))})`);
  if (!hashes) return;
  const changed: string[] = [];
  for (const e of found) {
    if (e.kind === 'file' && (await sha256File(join(dir, e.rel))) !== manifest.files[e.rel]) changed.push(e.rel);
  }
  if (changed.length) throw refuse(`holds files changed since the export wrote them (${some(changed)})`);
}

export async function writeFolderAtomically<T>(
  out: string,
  fill: (tmp: string) => Promise<T>,
  about: Record<string, unknown> = {},
): Promise<{ dir: string; result: T }> {
  const dir = resolve(out);
  const parent = dirname(dir);
  await assertReplaceable(dir, false);
  await mkdir(parent, { recursive: true });
  // a fresh, uniquely named sibling: never a path someone else may own, and on the same file system for rename
  const tmp = await mkdtemp(join(parent, `.${basename(dir)}.tmp-`));
  const old = `${tmp}-old`;
  let result: T;
  try {
    result = await fill(tmp);
    await writeManifest(tmp, about);
    // files may have been added while the export ran: look again, this time reading every file
    await assertReplaceable(dir, true);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw isFull(err) ? outputError(err, dir) : err;
  }
  const exists = await lstat(dir).then(
    () => true,
    () => false,
  );
  if (exists) await rename(dir, old);
  try {
    await rename(tmp, dir);
  } catch (err) {
    if (exists) await rename(old, dir);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  if (exists) await rm(old, { recursive: true, force: true });
  return { dir, result };
}
