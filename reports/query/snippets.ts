// Highlighted snippets: the stretch of an article where most of the searched words meet.
import { terms, words } from '../../store/search-terms.ts';

export interface Snippet {
  doc_id: string;
  text: string;
  highlights: [number, number][];
}

const WIDTH = 240;
const LEAD = 60;

/** The window of `text` holding the most distinct query terms, with the offsets of each matched word. */
export function makeSnippet(docId: string, text: string, query: string): Snippet {
  const wanted = new Set(terms(query));
  const hits = [...words(text)].filter((w) => wanted.has(w.term));
  let best = { start: 0, distinct: 0 };
  for (let i = 0; i < hits.length; i++) {
    const inside = new Set(
      hits.filter((h) => h.start >= hits[i].start && h.end <= hits[i].start + WIDTH - LEAD).map((h) => h.term),
    );
    if (inside.size > best.distinct) best = { start: hits[i].start, distinct: inside.size };
  }
  let start = Math.max(0, best.start - LEAD);
  let end = Math.min(text.length, start + WIDTH);
  // cut at spaces so no word is split
  if (start > 0) {
    const s = text.indexOf(' ', start);
    if (s !== -1 && s < best.start) start = s + 1;
  }
  if (end < text.length) {
    const e = text.lastIndexOf(' ', end);
    if (e > start) end = e;
  }
  const prefix = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const shown = `${prefix}${body}${end < text.length ? '…' : ''}`;
  // offsets are recomputed on the shown text, since whitespace was folded
  const highlights = [...words(shown)].filter((w) => wanted.has(w.term)).map((w): [number, number] => [w.start, w.end]);
  return { doc_id: docId, text: shown, highlights };
}

/** The snippet with its matches marked **like this**, for JSON and terminals. */
export function markSnippet(s: Snippet): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += `${s.text.slice(at, a)}**${s.text.slice(a, b)}**`;
    at = b;
  }
  return out + s.text.slice(at);
}
