// `ingest --dir`: local .html/.htm/.html.gz/.txt/.pdf files as FetchedPage records, streamed in path order.
// A sidecar NAME.meta.json ({url, published, outlet}) supplies what a file cannot say about itself. Files are
// listed without being opened (folder.ts) and read within a cap whatever they claim to be (read-file.ts).
import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { systemClock, type Clock } from '../core/effects.ts';
import { SkipError } from '../core/errors.ts';
import { sha256 } from '../core/hash.ts';
import type { FetchedPage } from '../core/records.ts';
import { pdfAsText } from './clean/page.ts';
import { toIsoUtc } from './dates.ts';
import { stripUserinfo } from '../core/safe-text.ts';
import { INPUT, listFolder } from './folder.ts';
import { readBounded, readOptional } from './read-file.ts';

export interface LocalDirOptions {
  clock?: Clock;
  /** called for files that cannot be read; without it the SkipError is thrown (never dropped silently) */
  onError?: (file: string, error: SkipError) => void | Promise<void>;
  /** cap on the bytes of a file, and on a .gz file's content (default 20 MB) */
  maxBytes?: number;
  /** told how many regular files were left alone because their name is no input */
  onIgnored?: (count: number) => void;
}

interface Sidecar {
  url?: string;
  published?: string;
  outlet?: string;
}

/** null for a name without an input extension (/dev/stdin): its "sidecar" would be the file itself. */
function sidecarPath(file: string): string | null {
  return INPUT.test(file) ? file.replace(INPUT, '.meta.json') : null;
}

const SIDECAR_MAX = 64 * 1024;

/** `root`: in a folder, the sidecar must lie inside it too (a link out is refused like a linked input).
 * `listed`: in a folder, the sidecar names its listing found (a file without one costs no failing look-ups). */
async function readSidecar(file: string, root: string | null, listed?: Set<string>): Promise<Sidecar> {
  const path = sidecarPath(file);
  if (path === null || (listed && !listed.has(path))) return {};
  const real = root ? await realpath(path).catch(() => null) : null;
  if (root && real && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    throw new SkipError('outside_folder', `sidecar ${path} links to ${real}, outside the folder`, file);
  }
  let bytes: Buffer | null;
  try {
    bytes = await readOptional(path, SIDECAR_MAX, path);
  } catch (err) {
    if (!(err instanceof SkipError)) throw err;
    throw new SkipError(err.reason, `sidecar ${path}: ${err.detail}`, file);
  }
  if (bytes === null) return {};
  const raw = bytes.toString('utf8');
  try {
    const parsed = JSON.parse(raw) as Sidecar;
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    throw new SkipError('unreadable_file', `sidecar ${path} is not valid JSON`, file);
  }
}

async function readBody(file: string, maxBytes: number, streams: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const raw = await readBounded(file, maxBytes, { streams });
  // a file read whole owns its buffer (readBounded): the page takes it as it is, a pooled or partial one is copied
  // (the worker pool moves a page's buffer to the thread that cleans it, which needs it whole)
  const whole = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength && raw.buffer instanceof ArrayBuffer;
  if (!/\.gz$/i.test(file)) return whole ? new Uint8Array(raw.buffer as ArrayBuffer) : new Uint8Array(raw);
  try {
    return new Uint8Array(gunzipSync(raw, { maxOutputLength: maxBytes }));
  } catch (err) {
    const tooLarge = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new SkipError(tooLarge ? 'too_large' : 'unreadable_file', `cannot gunzip: ${(err as Error).message}`, file);
  }
}

/** `root`: the folder being ingested (null for a file named on the command line, which may also be a stream) */
interface ReadOptions {
  clock: Clock;
  maxBytes: number;
  pdfMaxBytes?: number;
  root: string | null;
  /** the folder listing's sidecar paths (listFolder) */
  sidecars?: Set<string>;
}

async function toPage(file: string, opts: ReadOptions): Promise<FetchedPage> {
  const { clock, maxBytes, pdfMaxBytes, root } = opts;
  const [raw, side] = await Promise.all([
    readBody(file, maxBytes, root === null),
    readSidecar(file, root, opts.sidecars),
  ]);
  const url = typeof side.url === 'string' && /^https?:\/\//i.test(side.url) ? stripUserinfo(side.url) : file;
  const page: FetchedPage = {
    url,
    final_url: url,
    status: 200,
    content_type: /\.txt$/i.test(file) ? 'text/plain' : /\.pdf$/i.test(file) ? 'application/pdf' : 'text/html',
    etag: null,
    last_modified: null,
    charset: null,
    bytes_sha256: sha256(raw),
    body: raw,
    fetched_at: clock.now().toISOString(),
    source_id: null,
    feed_title: null,
    feed_published: toIsoUtc(typeof side.published === 'string' ? side.published : null),
    file,
    outlet: typeof side.outlet === 'string' ? side.outlet : null,
  };
  if (page.content_type !== 'application/pdf') return page;
  // PDF text is read here, where we may wait, so every later stage sees a plain-text page.
  const text = await pdfAsText(page, { maxBytes: pdfMaxBytes });
  return {
    ...page,
    content_type: 'text/plain; charset=utf-8',
    charset: 'utf-8',
    body: new Uint8Array(Buffer.from(text, 'utf8')),
  };
}

const DEFAULT_MAX = 20 * 1024 * 1024;

export async function* readLocalDir(dir: string, opts: LocalDirOptions = {}): AsyncGenerator<FetchedPage> {
  const { entries, ignored, sidecars } = await listFolder(dir);
  opts.onIgnored?.(ignored);
  const read: ReadOptions = {
    clock: opts.clock ?? systemClock,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX,
    root: await realpath(dir),
    sidecars,
  };
  for (const entry of entries) {
    try {
      if (!entry.read) throw new SkipError(entry.reason, entry.message, entry.path);
      yield await toPage(entry.path, read);
    } catch (err) {
      if (!(err instanceof SkipError) || !opts.onError) throw err;
      await opts.onError(entry.path, err);
    }
  }
}

/** One local file as a FetchedPage (for `triage clean` and `triage extract`); throws SkipError if unreadable.
 * A FIFO or character device is read too, within the cap (`triage clean /dev/stdin < page.html`). */
export function readLocalFile(
  file: string,
  opts: { clock?: Clock; maxBytes?: number; pdfMaxBytes?: number } = {},
): Promise<FetchedPage> {
  return toPage(file, {
    clock: opts.clock ?? systemClock,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX,
    pdfMaxBytes: opts.pdfMaxBytes,
    root: null,
  });
}
