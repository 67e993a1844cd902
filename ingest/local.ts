// `ingest --dir`: local .html/.htm/.html.gz/.txt/.pdf files as FetchedPage records, streamed in path order.
// A sidecar NAME.meta.json ({url, published, outlet}) supplies what a file cannot say about itself.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { systemClock, type Clock } from '../core/effects.ts';
import { ConfigError, SkipError } from '../core/errors.ts';
import { sha256 } from '../core/hash.ts';
import type { FetchedPage } from '../core/records.ts';
import { pdfAsText } from './clean/page.ts';
import { toIsoUtc } from './dates.ts';
import { stripUserinfo } from '../core/safe-text.ts';

export interface LocalDirOptions {
  clock?: Clock;
  /** called for files that cannot be read; without it the SkipError is thrown (never dropped silently) */
  onError?: (file: string, error: SkipError) => void | Promise<void>;
  maxBytes?: number;
}

interface Sidecar { url?: string; published?: string; outlet?: string }

const INPUT = /\.(html?|html\.gz|txt|pdf)$/i;

/** All matching files under dir, recursively, sorted by path so runs are repeatable. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && INPUT.test(e.name))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

function sidecarPath(file: string): string {
  return file.replace(/\.(html?|html\.gz|txt|pdf)$/i, '.meta.json');
}

async function readSidecar(file: string): Promise<Sidecar> {
  const raw = await readFile(sidecarPath(file), 'utf8').catch(() => null);
  if (raw === null) return {};
  try {
    const parsed = JSON.parse(raw) as Sidecar;
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    throw new SkipError('unreadable_file', `sidecar ${sidecarPath(file)} is not valid JSON`, file);
  }
}

async function readBody(file: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const raw = await readFile(file).catch((err: Error) => { throw new SkipError('unreadable_file', err.message, file); });
  if (!/\.gz$/i.test(file)) return new Uint8Array(raw);
  try {
    return new Uint8Array(gunzipSync(raw, { maxOutputLength: maxBytes }));
  } catch (err) {
    const tooLarge = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new SkipError(tooLarge ? 'too_large' : 'unreadable_file', `cannot gunzip: ${(err as Error).message}`, file);
  }
}

async function toPage(file: string, clock: Clock, maxBytes: number, pdfMaxBytes?: number): Promise<FetchedPage> {
  const [raw, side] = await Promise.all([readBody(file, maxBytes), readSidecar(file)]);
  const url = typeof side.url === 'string' && /^https?:\/\//i.test(side.url) ? stripUserinfo(side.url) : file;
  const page: FetchedPage = {
    url, final_url: url, status: 200,
    content_type: /\.txt$/i.test(file) ? 'text/plain' : /\.pdf$/i.test(file) ? 'application/pdf' : 'text/html',
    etag: null, last_modified: null, charset: null, bytes_sha256: sha256(raw), body: raw,
    fetched_at: clock.now().toISOString(), source_id: null, feed_title: null,
    feed_published: toIsoUtc(typeof side.published === 'string' ? side.published : null),
    file, outlet: typeof side.outlet === 'string' ? side.outlet : null,
  };
  if (page.content_type !== 'application/pdf') return page;
  // PDF text is read here, where we may wait, so every later stage sees a plain-text page.
  const text = await pdfAsText(page, { maxBytes: pdfMaxBytes });
  return { ...page, content_type: 'text/plain; charset=utf-8', charset: 'utf-8', body: new Uint8Array(Buffer.from(text, 'utf8')) };
}

export async function* readLocalDir(dir: string, opts: LocalDirOptions = {}): AsyncGenerator<FetchedPage> {
  const clock = opts.clock ?? systemClock;
  let files: string[];
  try {
    files = await listFiles(dir);
  } catch (err) {
    throw new ConfigError(`cannot list directory: ${(err as Error).message}`, dir);
  }
  for (const file of files) {
    try {
      yield await toPage(file, clock, opts.maxBytes ?? 20 * 1024 * 1024);
    } catch (err) {
      if (!(err instanceof SkipError) || !opts.onError) throw err;
      await opts.onError(file, err);
    }
  }
}

/** One local file as a FetchedPage (for `triage clean` and `triage extract`); throws SkipError if unreadable. */
export function readLocalFile(file: string, opts: { clock?: Clock; maxBytes?: number; pdfMaxBytes?: number } = {}): Promise<FetchedPage> {
  return toPage(file, opts.clock ?? systemClock, opts.maxBytes ?? 20 * 1024 * 1024, opts.pdfMaxBytes);
}
