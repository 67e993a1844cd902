// Page numbers for the evidence of a paged document (a PDF report or one of its sections, core/pages.ts): each
// quote gets the page it starts on, so a reader can open the report at "p. 12". Runs after extraction and leaves
// every other field as the extractor made it; documents without pages are returned unchanged.
import { firstPageOf, pageAt, pageStarts } from '../core/pages.ts';
import type { CleanArticle, Extraction } from '../core/records.ts';

const isEvidence = (v: unknown): v is { quote: string; start: number; end: number; page?: number } =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as { quote?: unknown }).quote === 'string' &&
  typeof (v as { start?: unknown }).start === 'number';

/** Every evidence object in the extraction (victims, actors, ransom, records, and any field added later). */
function visit(v: unknown, fn: (e: { start: number; page?: number }) => void): void {
  if (Array.isArray(v)) for (const x of v) visit(x, fn);
  else if (isEvidence(v)) fn(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x, fn);
}

export function withPages(x: Extraction, article: Pick<CleanArticle, 'text' | 'url' | 'file'>): Extraction {
  const starts = pageStarts(article.text, firstPageOf(article.url ?? article.file));
  if (!starts) return x;
  const out = structuredClone(x);
  visit(out, (e) => {
    e.page = pageAt(starts, e.start);
  });
  return out;
}
