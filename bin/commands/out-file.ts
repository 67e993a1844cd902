// `--out FILE` for a single output (the report): never overwrites what the user has without --force, never
// writes into a folder, a device or a pipe, and never leaves its temp file behind, also when writing fails.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError, isFull, outputError } from '../../core/errors.ts';

/** Errors that say the path is wrong for this user (exit 2); a full disk stays itself (exit 4). */
const PATH_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EISDIR', 'ENAMETOOLONG', 'ELOOP']);

function pathError(err: unknown, path: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (isFull(err)) return outputError(err, path);
  if (!PATH_ERRORS.has(e?.code ?? '')) return err;
  return new ConfigError(`--out cannot be written: ${e.message.split(',')[0]}`, path);
}

const EXISTS = '--out exists: refusing to overwrite it (add --force to replace it)';

/** Refuses (exit 2) a folder, a device, pipe or socket, and an existing file unless FORCE. */
export async function assertOutFile(path: string, force: boolean): Promise<void> {
  const info = await lstat(resolve(path)).catch(() => null);
  if (info?.isDirectory()) throw new ConfigError('--out is a folder: give a file name, e.g. out/report.html', path);
  if (info && !info.isFile() && !info.isSymbolicLink()) {
    throw new ConfigError('--out is not a regular file (a device, pipe or socket): refusing to replace it', path);
  }
  if (info && !force) throw new ConfigError(EXISTS, path);
}

/**
 * Writes DATA to PATH through a temp file beside it, so a reader sees the old file or the new one. Without
 * FORCE the temp file is published by a hard link, which fails if PATH appeared meanwhile: nothing is replaced.
 */
export async function writeOutFile(path: string, data: string | Uint8Array, force: boolean): Promise<void> {
  const target = resolve(path);
  await assertOutFile(path, force);
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  let made: string | undefined;
  try {
    made = await mkdir(dirname(target), { recursive: true });
    await writeFile(tmp, data, { flag: 'wx' });
    if (force) await rename(tmp, target);
    else await publishNew(tmp, target, path);
    made = undefined;
  } catch (err) {
    throw pathError(err, path);
  } finally {
    await rm(tmp, { force: true });
    // a failed write leaves no folder it created either (rmdir: only while empty)
    if (made) await rmdir(made).catch(() => {});
  }
}

async function publishNew(tmp: string, target: string, path: string): Promise<void> {
  try {
    await link(tmp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ConfigError(EXISTS, path);
    // a file system without hard links: an exclusive copy still never overwrites
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    await copyFile(tmp, target, constants.COPYFILE_EXCL).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') throw new ConfigError(EXISTS, path);
      await rm(target, { force: true }); // created by this copy (EXCL), so ours to remove
      throw e;
    });
  }
}
