// Atomic folder writes: everything goes into a sibling temp folder, which then replaces the target by rename.
// A reader sees the old export or the new one, never half of one; a failure leaves the old one in place.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export async function writeFolderAtomically<T>(out: string, fill: (tmp: string) => Promise<T>): Promise<{ dir: string; result: T }> {
  const dir = resolve(out);
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(dir)}.old-${process.pid}`);
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
