// Atomic folder writes: everything goes into a sibling temp folder, which then replaces the target by rename.
// A reader sees the old export or the new one, never half of one; a failure leaves the old one in place.
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError } from '../../core/errors.ts';

/**
 * Only an empty folder or an earlier export (its README starts with the export heading) may be replaced:
 * `--out .` or `--out ~/papers` must never delete what the user keeps there.
 */
async function assertReplaceable(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) throw new ConfigError('--out is a file, not a folder: refusing to replace it', dir);
  if ((await readdir(dir)).length === 0) return;
  const readme = await readFile(join(dir, 'README.md'), 'utf8').catch(() => '');
  if (!readme.startsWith('# Triage export')) {
    throw new ConfigError('--out holds files that are not a Triage export: refusing to replace them (choose a new or empty folder)', dir);
  }
}

export async function writeFolderAtomically<T>(out: string, fill: (tmp: string) => Promise<T>): Promise<{ dir: string; result: T }> {
  const dir = resolve(out);
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
  await assertReplaceable(dir);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp);
  let result: T;
  try {
    result = await fill(tmp);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const exists = await stat(dir).then(() => true, () => false);
  if (exists) await rename(dir, old);
  try {
    await rename(tmp, dir);
  } catch (err) {
    if (exists) await rename(old, dir);
    throw err;
  }
  if (exists) await rm(old, { recursive: true, force: true });
  return { dir, result };
}
