// Reading a local file without trusting it: its kind and size come from `stat` before a byte is read, so a 1.5 GB
// sparse file is refused at once, and a device or FIFO too unless the caller reads streams (`triage clean` of a
// path the user named: /dev/stdin); the file is then opened non-blocking (a FIFO nobody writes to would block the
// open), checked again on the open descriptor (it may have been swapped since), and read in a loop that stops one
// byte past the cap (a file may be growing, /dev/zero never ends).
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

const WHY: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'name too long',
  EIO: 'input/output error',
};

// Node's own message repeats the path; the label names the file once.
const unreadable =
  (label: string) =>
  (err: NodeJS.ErrnoException): never => {
    const why = err.code ? `${err.code}: ${WHY[err.code] ?? 'cannot read'}` : err.message;
    throw new SkipError('unreadable_file', why, label);
  };

export interface ReadOptions {
  /** names the file in messages (the path the user gave); default the path */
  label?: string;
  /** read a FIFO or character device the user named (`/dev/stdin`, `<(curl …)`), bounded like a file, instead
   * of refusing it; a folder listing never sets this */
  streams?: boolean;
  /** a stream that gives no byte for this long is given up as `timeout` (default 30 s) */
  idleMs?: number;
}

const isStream = (st: Stats) => st.isFIFO() || st.isCharacterDevice();
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** The bytes of a regular file (or, with `streams`, of a FIFO or character device) of at most `maxBytes`;
 * SkipError (special_file, too_large, unreadable_file, timeout) else. */
export async function readBounded(path: string, maxBytes: number, opts: ReadOptions = {}): Promise<Buffer> {
  const label = opts.label ?? path;
  const check = (st: Stats) => {
    if (!(opts.streams && isStream(st))) refuse(st, maxBytes, label);
  };
  check(await stat(path).catch(unreadable(label)));
  // Non-blocking: opening a FIFO nobody writes to returns at once (and reads then see its end).
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(unreadable(label));
  try {
    const st = await fh.stat();
    check(st);
    const stream = isStream(st);
    // Chunks, joined once at the end: a file's first chunk is its size (a buffer the caller may hand over whole,
    // without a copy), and a small one after it sees the end or the file grow; a stream comes in 1 MB chunks, so
    // /dev/zero costs the cap in memory, not twice the cap.
    const chunks: Buffer[] = [];
    let buf = Buffer.allocUnsafe(stream ? Math.min(1 << 20, maxBytes) + 1 : st.size);
    let used = 0;
    let got = 0;
    let heard = Date.now();
    for (;;) {
      if (got > maxBytes) {
        const what = stream
          ? `${kindOf(st)} gave more than ${maxBytes} bytes`
          : `file grew past the cap of ${maxBytes} bytes`;
        throw new SkipError('too_large', what, label);
      }
      if (used === buf.length) {
        chunks.push(buf);
        buf = Buffer.allocUnsafe(Math.min(stream ? 1 << 20 : 64 << 10, maxBytes + 1 - got));
        used = 0;
      }
      let bytesRead: number;
      try {
        ({ bytesRead } = await fh.read(buf, used, buf.length - used, null));
      } catch (err) {
        // A stream with nothing to give yet: wait for its writer, within the idle limit.
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EAGAIN' || !stream) unreadable(label)(err as NodeJS.ErrnoException);
        const idle = opts.idleMs ?? 30_000;
        if (Date.now() - heard > idle) throw new SkipError('timeout', `no data for ${idle / 1000} s`, label);
        await sleep(10);
        continue;
      }
      if (bytesRead === 0) break;
      used += bytesRead;
      got += bytesRead;
      heard = Date.now();
    }
    if (used > 0 || !chunks.length) chunks.push(buf.subarray(0, used));
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, got);
  } finally {
    await fh.close();
  }
}

/** Like readBounded, but a missing file is null (optional sidecars). */
export async function readOptional(path: string, maxBytes: number, label = path): Promise<Buffer | null> {
  try {
    return await readBounded(path, maxBytes, { label });
  } catch (err) {
    if (err instanceof SkipError && err.reason === 'unreadable_file' && /^ENOENT/.test(err.detail)) return null;
    throw err;
  }
}
