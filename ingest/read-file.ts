// Reading a local file without trusting it: its kind and size come from `stat` before a byte is read, so a
// device (/dev/zero), a FIFO (which would block the open until a writer comes) or a 1.5 GB sparse file is refused
// at once; the file is then opened non-blocking, checked again on the open descriptor (it may have been swapped
// since), and read in a loop that stops one byte past the cap (it may be growing).
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { SkipError } from '../core/errors.ts';

/** What a non-regular file is, in words. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function refuse(st: Stats, maxBytes: number, label: string): void {
  if (!st.isFile()) throw new SkipError('special_file', `not a regular file: ${kindOf(st)}`, label);
  if (st.size > maxBytes) throw new SkipError('too_large', `file is ${st.size} bytes, cap ${maxBytes}`, label);
}

const WHY: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'not permitted',
  ELOOP: 'too many levels of symbolic links', ENAMETOOLONG: 'name too long', EIO: 'input/output error' };

// Node's own message repeats the path; the label names the file once.
const unreadable = (label: string) => (err: NodeJS.ErrnoException): never => {
  const why = err.code ? `${err.code}: ${WHY[err.code] ?? 'cannot read'}` : err.message;
  throw new SkipError('unreadable_file', why, label);
};

/** The bytes of a regular file of at most `maxBytes`; SkipError (special_file, too_large, unreadable_file) else.
 * `label` names the file in messages (the path the user gave). */
export async function readBounded(path: string, maxBytes: number, label = path): Promise<Buffer> {
  refuse(await stat(path).catch(unreadable(label)), maxBytes, label);
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(unreadable(label));
  try {
    const st = await fh.stat();
    refuse(st, maxBytes, label);
    let buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > maxBytes) throw new SkipError('too_large', `file grew past the cap of ${maxBytes} bytes`, label);
        const more = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(more, 0, 0, got);
        buf = more;
      }
      const { bytesRead } = await fh.read(buf, got, buf.length - got, null).catch(unreadable(label));
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

/** Like readBounded, but a missing file is null (optional sidecars). */
export async function readOptional(path: string, maxBytes: number, label = path): Promise<Buffer | null> {
  try {
    return await readBounded(path, maxBytes, label);
  } catch (err) {
    if (err instanceof SkipError && err.reason === 'unreadable_file' && /^ENOENT/.test(err.detail)) return null;
    throw err;
  }
}
