// The stage entry point: FetchedPage (from the fetcher or readLocalDir) → CleanArticle, throwing SkipError.
import { SkipError } from '../../core/errors.ts';
import type { CleanArticle, FetchedPage } from '../../core/records.ts';
import { decodeBytes } from '../charset.ts';
import { cleanHtml, type CleanOptions, type CleanOutcome } from './html.ts';
import { cleanPlainText } from './plain.ts';

function isPlainText(page: FetchedPage): boolean {
  if (page.content_type) return /^text\/plain\b/i.test(page.content_type);
  return /\.txt$/i.test(page.file ?? page.final_url);
}

/** Local files carry their path as url unless a sidecar gave a real one. */
function realUrl(page: FetchedPage): string | null {
  const u = page.final_url || page.url;
  return /^https?:\/\//i.test(u) ? u : null;
}

export function cleanPageOutcome(page: FetchedPage, opts: CleanOptions = {}): CleanOutcome {
  const url = realUrl(page);
  if (isPlainText(page)) {
    const max = opts.maxBytes ?? 5 * 1024 * 1024;
    if (page.body.byteLength > max) {
      return { ok: false, error: new SkipError('too_large', `text is ${page.body.byteLength} bytes, cap ${max}`, page.file ?? page.url) };
    }
    const { text } = decodeBytes(page.body, page.charset);
    return cleanPlainText(text, { file: page.file, url, published: page.feed_published, outlet: page.outlet,
      fetchedAt: page.fetched_at, sourceId: page.source_id, minChars: opts.minChars });
  }
  return cleanHtml({
    bytes: page.body, url, charset: page.charset, fetchedAt: page.fetched_at, file: page.file, outlet: page.outlet,
    sourceId: page.source_id, feedTitle: page.feed_title, feedPublished: page.feed_published,
  }, opts);
}

/** Throws SkipError (not_article, too_large, parse_error) so the runner records the reason. */
export function cleanFetchedPage(page: FetchedPage, opts: CleanOptions = {}): CleanArticle {
  const outcome = cleanPageOutcome(page, opts);
  if (!outcome.ok) throw outcome.error;
  return outcome.article;
}
