// HTML page → CleanArticle. Parse once (linkedom), read metadata, pre-clean, Readability, post-clean.
import { Readability } from '@mozilla/readability';
import { SkipError } from '../../core/errors.ts';
import { contentHash, idFrom, sha256 } from '../../core/hash.ts';
import type { CleanArticle } from '../../core/records.ts';
import { decodeBytes } from '../charset.ts';
import { pickDate } from '../dates.ts';
import { parseDocument, precleanDocument } from './dom.ts';
import { readMeta } from './meta.ts';
import { paragraphsOf, postClean } from './text.ts';

export interface HtmlInput {
  bytes: Uint8Array;
  url: string | null;
  /** charset from the HTTP header, if any */
  charset: string | null;
  fetchedAt: string | null;
  file?: string | null;
  outlet?: string | null;
  sourceId?: string | null;
  /** feed metadata, used only when the page lacks its own */
  feedTitle?: string | null;
  feedPublished?: string | null;
}

export interface CleanOptions {
  /** input cap in bytes (default 5 MB) */
  maxBytes?: number;
  /** shorter texts are not articles (default 200 characters) */
  minChars?: number;
}

export type CleanOutcome = { ok: true; article: CleanArticle; charset: string } | { ok: false; error: SkipError };

const DEFAULT_MAX = 5 * 1024 * 1024;

/** Share of the article's text that sits inside links: listing pages are mostly links. */
function linkDensity(el: Element): number {
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (!total) return 1;
  const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, '').length, 0);
  return linked / total;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

/**
 * The meta description often is just the first paragraph; it counts as a standfirst to strip only when the
 * page prints it twice (as a dek and again as the opening paragraph), else we would cut real text.
 */
function printedTwice(description: string | null, bodyText: string): string | null {
  if (!description) return null;
  const d = squash(description).trim();
  const first = bodyText.indexOf(d);
  return d && first >= 0 && bodyText.indexOf(d, first + d.length) >= 0 ? description : null;
}

export function cleanHtml(input: HtmlInput, opts: CleanOptions = {}): CleanOutcome {
  const where = input.url ?? input.file ?? '(input)';
  const skip = (reason: ConstructorParameters<typeof SkipError>[0], msg: string): CleanOutcome =>
    ({ ok: false, error: new SkipError(reason, msg, where) });
  const max = opts.maxBytes ?? DEFAULT_MAX;
  if (input.bytes.byteLength > max) return skip('too_large', `page is ${input.bytes.byteLength} bytes, cap ${max}`);
  const decoded = decodeBytes(input.bytes, input.charset);
  if (!decoded.text.trim()) return skip('not_article', 'empty page');

  const doc = parseDocument(decoded.text);
  if (!doc.body || !doc.documentElement) return skip('parse_error', 'no document body');
  const meta = readMeta(doc, input.url, input.fetchedAt);
  precleanDocument(doc);
  const bodyText = squash(doc.body.textContent ?? '');


  let result: ReturnType<Readability<Element>['parse']>;
  try {
    result = new Readability<Element>(doc, { serializer: (el) => el as Element, disableJSONLD: true }).parse();
  } catch (err) {
    return skip('parse_error', `readability failed: ${(err as Error).message}`);
  }
  if (!result?.content) return skip('not_article', 'no article body found');
  if (linkDensity(result.content) > 0.5) return skip('not_article', 'mostly links: a listing page');

  const title = meta.title ?? result.title?.trim() ?? input.feedTitle ?? null;
  const paragraphs = postClean(paragraphsOf(result.content), { title, standfirst: printedTwice(meta.description, bodyText) });
  const text = paragraphs.join('\n\n');
  if (text.length < (opts.minChars ?? 200)) return skip('not_article', `only ${text.length} characters of text`);

  const url = input.url;
  const byline = meta.byline ?? result.byline?.replace(/^by\s+/i, '').trim() ?? null;
  const article: CleanArticle = {
    doc_id: idFrom('doc', meta.canonical ?? url ?? input.file ?? null),
    content_hash: contentHash(text),
    url,
    canonical_url: meta.canonical,
    file: input.file ?? null,
    title,
    byline: byline || null,
    outlet: input.outlet ?? null,
    site_name: meta.siteName ?? result.siteName ?? null,
    published: meta.published ?? pickDate([input.feedPublished], input.fetchedAt),
    modified: meta.modified,
    lang: meta.lang ?? (result.lang || null),
    text,
    bytes_sha256: sha256(input.bytes),
    fetched_at: input.fetchedAt,
    source_id: input.sourceId ?? null,
  };
  return { ok: true, article, charset: decoded.charset };
}
