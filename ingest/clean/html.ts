// HTML page → CleanArticle. Parse once (parse.ts: htmlparser2 + domhandler), read metadata, pre-clean, score
// the containers of the paragraphs (extract.ts), post-clean the text.
import { SkipError } from '../../core/errors.ts';
import { contentHash, idFrom, sha256 } from '../../core/hash.ts';
import type { CleanArticle } from '../../core/records.ts';
import { decodeChunks } from '../charset.ts';
import { pickDate } from '../dates.ts';
import { precleanTree } from './dom.ts';
import { nonTextShare } from './binary.ts';
import { density, pickArticle, type Stat } from './extract.ts';
import { readMeta } from './meta.ts';
import { paragraphsOf, postClean } from './text.ts';
import { parsePage } from './parse.ts';
import { textOf, type HNode } from './tree.ts';

export interface HtmlInput {
  bytes: Uint8Array;
  url: string | null;
  /** charset from the HTTP header, if any */
  charset: string | null;
  fetchedAt: string | null;
  file?: string | null;
  outlet?: string | null;
  sourceId?: string | null;
  /** sha256 of `bytes` when the caller has it already (FetchedPage.bytes_sha256): a 170 KB page hashes in ~0.3 ms */
  bytesSha256?: string | null;
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

const LISTS = new Set(['ul', 'ol', 'dl', 'table', 'div', 'section', 'nav', 'p', 'li', 'header']);

/** Inside the article: headlines and blocks that are mostly links (related stories, tag lists) are not text. */
function skipper(stats: Map<HNode, Stat>): (el: HNode) => boolean {
  return (el) => {
    const name = el.name as string;
    if (name === 'h1') return true;
    const s = stats.get(el);
    if (!s || !s.text) return false;
    const ld = density(s);
    if (LISTS.has(name)) return ld > 0.5 || (ld > 0.3 && s.text < 200 && name !== 'p');
    return false;
  };
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
  const skip = (reason: ConstructorParameters<typeof SkipError>[0], msg: string): CleanOutcome => ({
    ok: false,
    error: new SkipError(reason, msg, where),
  });
  const max = opts.maxBytes ?? DEFAULT_MAX;
  if (input.bytes.byteLength > max) return skip('too_large', `page is ${input.bytes.byteLength} bytes, cap ${max}`);
  // in pieces: a whole page as one string costs V8 far more to make and free (charset.ts)
  const decoded = decodeChunks(input.bytes, input.charset);
  if (decoded.chunks.every((c) => !c.trim())) return skip('not_article', 'empty page');
  const garbled = nonTextShare(decoded.chunks);
  if (garbled) return skip('not_article', garbled);

  const { root, meta: found } = parsePage(decoded.chunks);
  const meta = readMeta(found, input.url, input.fetchedAt);
  precleanTree(root);
  const bodyText = squash(textOf(root));
  const picked = pickArticle(root);
  if (!picked) return skip('not_article', 'no article body found');
  const st = picked.stats.get(picked.top);
  if (density(st) > 0.5) return skip('not_article', 'mostly links: a listing page');

  const title = meta.title ?? input.feedTitle ?? null;
  const paragraphs = postClean(paragraphsOf(picked.nodes, skipper(picked.stats)), {
    title,
    standfirst: printedTwice(meta.description, bodyText),
  });
  const text = paragraphs.join('\n\n');
  if (text.length < (opts.minChars ?? 200)) return skip('not_article', `only ${text.length} characters of text`);

  const url = input.url;
  const byline = meta.byline?.replace(/^by\s+/i, '').trim() ?? null;
  const article: CleanArticle = {
    doc_id: idFrom('doc', meta.canonical ?? url ?? input.file ?? null),
    content_hash: contentHash(text),
    url,
    canonical_url: meta.canonical,
    file: input.file ?? null,
    title,
    byline: byline || null,
    outlet: input.outlet ?? null,
    site_name: meta.siteName ?? null,
    published: meta.published ?? pickDate([input.feedPublished], input.fetchedAt),
    modified: meta.modified,
    lang: meta.lang,
    text,
    bytes_sha256: input.bytesSha256 ?? sha256(input.bytes),
    fetched_at: input.fetchedAt,
    source_id: input.sourceId ?? null,
  };
  return { ok: true, article, charset: decoded.charset };
}
