// Plain-text inputs (`ingest --dir` .txt files): optional "Published:" / "Title:" header lines, then the body.
import { SkipError } from '../../core/errors.ts';
import { contentHash, idFrom, sha256 } from '../../core/hash.ts';
import type { CleanArticle } from '../../core/records.ts';
import { toIsoUtc } from '../dates.ts';
import type { CleanOutcome } from './html.ts';
import { postClean } from './text.ts';

export interface PlainTextOptions {
  file: string | null;
  /** from a sidecar; a "Published:" line in the text wins */
  published?: string | null;
  url?: string | null;
  outlet?: string | null;
  fetchedAt?: string | null;
  sourceId?: string | null;
  minChars?: number;
}

const HEADER = /^(published|title)\s*:\s*(.+)$/i;

/**
 * Blank-line separated blocks are paragraphs; a text without blank lines has one paragraph per line. Inside a block a
 * line break still ends a paragraph before a list item, and after a line that ends without a stop before a capital (a
 * headline, a caption), unless the line was wrapped mid-sentence.
 */
function splitParagraphs(body: string): string[] {
  const blocks = /\n\s*\n/.test(body) ? body.split(/\n\s*\n/) : body.split('\n');
  return blocks
    .flatMap((b) => b.split(BLOCK_BREAK))
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
// a line break before a bullet, or after a line with no closing stop or wrap word and before a capital, or before a
// short heading line or a labelled one
const BLOCK_BREAK = new RegExp(
  String.raw`\n(?=[ \t]*(?:[-*•]|\d{1,2}[.)])\s)` +
    String.raw`|(?<=[^\s.!?:;,(–-])(?<!\b(?:the|a|an|of|and|or|to|in|at|for|with|by|from|on|as|its|their|de|la|el` +
    String.raw`|der|die|das|le|les|des|du|et|y|e))` +
    String.raw`\n(?=[ \t]*[“"‘(]?[\p{Lu}\p{N}])` +
    // …and after a sentence, before a short line of its own with no stop (a heading: "Don't miss", "Latest news")
    String.raw`|(?<=[.!?]["'”’]?)\n(?=[ \t]*\p{Lu}[^\n.!?]{0,40}\n)` +
    // …or before a line opening on a short label and its colon or bar ("Related: …", "READ MORE | …")
    String.raw`|(?<=[.!?]["'”’]?)\n(?=[ \t]*\p{Lu}[\p{L}'’]*(?:[ \t]+[\p{L}'’]+){0,2}[ \t]*[:|»›][ \t])`,
  'u',
);

export function cleanPlainText(text: string, opts: PlainTextOptions): CleanOutcome {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let published = toIsoUtc(opts.published);
  let title: string | null = null;
  while (lines.length && (HEADER.test(lines[0]) || (!lines[0].trim() && lines.length > 1 && HEADER.test(lines[1])))) {
    const m = HEADER.exec(lines.shift() ?? '');
    if (!m) continue;
    if (m[1].toLowerCase() === 'published') published = toIsoUtc(m[2]) ?? published;
    else title = m[2].trim();
  }
  const paragraphs = postClean(splitParagraphs(lines.join('\n')), { title, standfirst: null });
  const body = paragraphs.join('\n\n');
  const where = opts.file ?? opts.url ?? '(text)';
  if (body.length < (opts.minChars ?? 200)) {
    return { ok: false, error: new SkipError('not_article', `only ${body.length} characters of text`, where) };
  }
  const article: CleanArticle = {
    doc_id: idFrom('doc', opts.url ?? opts.file),
    content_hash: contentHash(body),
    url: opts.url ?? null,
    canonical_url: null,
    file: opts.file,
    title,
    byline: null,
    outlet: opts.outlet ?? null,
    site_name: null,
    published,
    modified: null,
    lang: null,
    text: body,
    bytes_sha256: sha256(text),
    fetched_at: opts.fetchedAt ?? null,
    source_id: opts.sourceId ?? null,
  };
  return { ok: true, article, charset: 'utf-8' };
}
