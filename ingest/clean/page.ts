// The stage entry point: FetchedPage (from the fetcher or readLocalDir) → CleanArticle, throwing SkipError.
import { SkipError } from '../../core/errors.ts';
import type { CleanArticle, FetchedPage } from '../../core/records.ts';
import { decodeBytes } from '../charset.ts';
import { binaryKind, nonTextShare } from './binary.ts';
import { cleanHtml, type CleanOptions, type CleanOutcome } from './html.ts';
import { isPdfBytes, readPdf } from './pdf.ts';
import { cleanPlainText } from './plain.ts';
import { pageMark } from '../../core/pages.ts';

function isPlainText(page: FetchedPage): boolean {
  if (page.content_type) return /^text\/plain\b/i.test(page.content_type);
  return /\.txt$/i.test(page.file ?? page.final_url);
}

export function isPdf(page: FetchedPage): boolean {
  if (isPdfBytes(page.body)) return true;
  if (page.content_type) return /^application\/(?:x-)?pdf\b/i.test(page.content_type);
  return /\.pdf$/i.test(page.file ?? page.final_url);
}

/** Local files carry their path as url unless a sidecar gave a real one. */
function realUrl(page: FetchedPage): string | null {
  const u = page.final_url || page.url;
  return /^https?:\/\//i.test(u) ? u : null;
}

const where = (page: FetchedPage) => page.file ?? page.url;

export function cleanPageOutcome(page: FetchedPage, opts: CleanOptions = {}): CleanOutcome {
  const url = realUrl(page);
  if (isPdf(page)) {
    return {
      ok: false,
      error: new SkipError('unsupported_type', 'PDF needs the asynchronous cleaner (cleanPageAsync)', where(page)),
    };
  }
  const binary = binaryKind(page.body, page.charset);
  if (binary) return { ok: false, error: new SkipError('not_article', `${binary}, not text`, where(page)) };
  if (isPlainText(page)) {
    const max = opts.maxBytes ?? 5 * 1024 * 1024;
    if (page.body.byteLength > max) {
      return {
        ok: false,
        error: new SkipError('too_large', `text is ${page.body.byteLength} bytes, cap ${max}`, where(page)),
      };
    }
    const { text } = decodeBytes(page.body, page.charset);
    const garbled = nonTextShare(text);
    if (garbled) return { ok: false, error: new SkipError('not_article', garbled, where(page)) };
    return cleanPlainText(text, {
      file: page.file,
      url,
      published: page.feed_published,
      outlet: page.outlet,
      fetchedAt: page.fetched_at,
      sourceId: page.source_id,
      minChars: opts.minChars,
    });
  }
  return cleanHtml(
    {
      bytes: page.body,
      url,
      charset: page.charset,
      fetchedAt: page.fetched_at,
      file: page.file,
      outlet: page.outlet,
      sourceId: page.source_id,
      bytesSha256: page.bytes_sha256,
      feedTitle: page.feed_title,
      feedPublished: page.feed_published,
    },
    opts,
  );
}

/**
 * The PDF text as a plain-text article: "Title:" and "Published:" header lines, then paragraphs, with a "[p. N]"
 * paragraph where page N starts (core/pages.ts), so evidence can cite its page. Title and date come from the
 * metadata, else the first page (its most prominent line, its first date), else the link that led here.
 */
export async function pdfAsText(page: FetchedPage, opts: CleanOptions = {}): Promise<string> {
  const max = opts.maxBytes ?? 5 * 1024 * 1024;
  if (page.body.byteLength > max)
    throw new SkipError('too_large', `PDF is ${page.body.byteLength} bytes, cap ${max}`, where(page));
  const pdf = await readPdf(page.body, where(page));
  const notFuture = (d: string | null) => (d && (!page.fetched_at || d <= page.fetched_at) ? d : null);
  const title = pdf.title ?? pdf.firstPageTitle ?? page.feed_title;
  const published = notFuture(pdf.created) ?? notFuture(pdf.firstPageDate);
  const head = [title ? `Title: ${title}` : null, published ? `Published: ${published}` : null].filter(Boolean);
  const body: string[] = [];
  pdf.paragraphs.forEach((p, i) => {
    const n = pdf.paragraphPages[i];
    if (i > 0 && n !== pdf.paragraphPages[i - 1]) body.push(pageMark(n));
    body.push(p);
  });
  return [...head, '', body.join('\n\n')].join('\n');
}

/** Every input kind, PDF included (pdfjs is asynchronous). */
export async function cleanPageAsync(page: FetchedPage, opts: CleanOptions = {}): Promise<CleanOutcome> {
  if (!isPdf(page)) return cleanPageOutcome(page, opts);
  let text: string;
  try {
    text = await pdfAsText(page, opts);
  } catch (err) {
    if (err instanceof SkipError) return { ok: false, error: err };
    return { ok: false, error: new SkipError('parse_error', `unreadable PDF: ${(err as Error).message}`, where(page)) };
  }
  return cleanPlainText(text, {
    file: page.file,
    url: realUrl(page),
    published: page.feed_published,
    outlet: page.outlet,
    fetchedAt: page.fetched_at,
    sourceId: page.source_id,
    minChars: opts.minChars,
  });
}

export async function cleanFetchedPageAsync(page: FetchedPage, opts: CleanOptions = {}): Promise<CleanArticle> {
  const outcome = await cleanPageAsync(page, opts);
  if (!outcome.ok) throw outcome.error;
  return outcome.article;
}
