// A long PDF report (a yearly review of many incidents) split into its sections, each stored as a document of its
// own (`report.pdf#page=N`), so extraction reads one incident's heading and paragraphs together and a victim's
// dates and figures are not shared with every other victim the report names; roundup rules (many victims, no
// single date) still apply inside a section that lists many. A short report stays one document.
import { contentHash, idFrom } from '../../core/hash.ts';
import { markedPage, pageMark } from '../../core/pages.ts';
import type { CleanArticle } from '../../core/records.ts';

/** Reports shorter than this many pages, or with fewer headings, are read whole. */
const MIN_PAGES = 4;
const MIN_HEADINGS = 3;
/** A section with less body text than this (a heading over a caption or a "see below") joins the next one; any
 * longer section stands alone, however short, since joining two cases would make a roundup of them. */
const MIN_BODY_CHARS = 80;

interface Para {
  text: string;
  page: number;
}

/** A heading: a short line that ends without a stop, starts with a capital or a number, and has a few words. */
function isHeading(p: string): boolean {
  if (p.length > 90 || /[.!?:;,"”’)]$/.test(p) || !/^[\p{Lu}\d]/u.test(p)) return false;
  const words = p.split(/\s+/).length;
  return words <= 12 && /\p{L}{2}/u.test(p) && !/^[-*•]\s/.test(p);
}

function parasOf(text: string): Para[] {
  const out: Para[] = [];
  let page = 1;
  for (const p of text.split('\n\n')) {
    const n = markedPage(p);
    if (n !== null) page = n;
    else out.push({ text: p, page });
  }
  return out;
}

/** A section's text with its inner page marks; its first page goes in its URL instead. */
function textOf(paras: Para[]): string {
  const out: string[] = [];
  paras.forEach((p, i) => {
    if (i > 0 && p.page !== paras[i - 1].page) out.push(pageMark(p.page));
    out.push(p.text);
  });
  return out.join('\n\n');
}

/** The sections of a long report as documents, or null when the article is read whole. */
export function reportSections(article: CleanArticle): CleanArticle[] | null {
  const paras = parasOf(article.text);
  const pages = paras.length ? paras[paras.length - 1].page : 1;
  const headings = paras.filter((p) => isHeading(p.text)).length;
  if (pages < MIN_PAGES || headings < MIN_HEADINGS) return null;
  const chunks: Para[][] = [];
  for (const p of paras) {
    const last = chunks[chunks.length - 1];
    if (!last || (isHeading(p.text) && last.some((x) => !isHeading(x.text)))) chunks.push([p]);
    else last.push(p);
  }
  // short chunks (a lone heading, a two-line note) join the next one; a short last one joins the one before
  const merged: Para[][] = [];
  let carry: Para[] = [];
  for (const c of chunks) {
    const all = [...carry, ...c];
    if (all.reduce((n, p) => n + (isHeading(p.text) ? 0 : p.text.length), 0) < MIN_BODY_CHARS) carry = all;
    else {
      merged.push(all);
      carry = [];
    }
  }
  if (carry.length) {
    if (merged.length) merged[merged.length - 1].push(...carry);
    else merged.push(carry);
  }
  if (merged.length < 2) return null;
  const taken = new Map<number, number>();
  return merged.map((paras) => {
    const page = paras[0].page;
    const k = (taken.get(page) ?? 0) + 1;
    taken.set(page, k);
    const fragment = k === 1 ? `#page=${page}` : `#page=${page}&section=${k}`;
    const heading = paras.find((p) => isHeading(p.text))?.text;
    const text = textOf(paras);
    return {
      ...article,
      doc_id: idFrom('doc', `${article.url ?? article.file}${fragment}`),
      content_hash: contentHash(text),
      url: article.url ? `${article.url}${fragment}` : null,
      canonical_url: article.canonical_url ? `${article.canonical_url}${fragment}` : null,
      file: article.file && !article.url ? `${article.file}${fragment}` : article.file,
      title: heading && article.title ? `${article.title} — ${heading}` : (article.title ?? heading ?? null),
      text,
    };
  });
}
