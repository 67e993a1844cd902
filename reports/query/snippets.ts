// Highlighted snippets: the stretch of an article where most of the searched words meet.
import { terms, words } from '../../store/search-terms.ts';

export interface Snippet {
  doc_id: string;
  text: string;
  highlights: [number, number][];
  /** where the passage was published: filled by the query from the document */
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
}

const WIDTH = 240;
const LEAD = 60;

/**
 * The window of `text` holding the most distinct query terms, with the offsets of each matched word. With
 * `anchors` (where the incident's victim is named), only a window near one of them counts, so a roundup's
 * snippet is the passage about this victim; without a query word near it, the passage naming the victim.
 */
export function makeSnippet(docId: string, text: string, query: string, anchors: number[] = []): Snippet {
  const wanted = new Set(terms(query));
  const near = (at: number) => !anchors.length || anchors.some((a) => a >= at - LEAD && a < at + WIDTH - LEAD);
  const hits = [...words(text)].filter((w) => wanted.has(w.term));
  let best = { start: anchors.length ? anchors[0] : 0, distinct: 0 };
  for (let i = 0; i < hits.length; i++) {
    if (!near(hits[i].start)) continue;
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

/** The names an incident's victim was written as, and their acronyms ("All India Institute of Medical Sciences"
 * → "AIIMS"), for victimMentions(). */
export function victimNames(incident: { victim: string; history: Record<string, { value: unknown }[]> }): string[] {
  const names = new Set([incident.victim]);
  for (const e of incident.history.victim ?? []) if (typeof e.value === 'string') names.add(e.value);
  for (const n of [...names]) {
    const initials = n
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
    if (initials.length >= 3) names.add(initials);
  }
  return [...names].filter((n) => n.trim().length >= 3);
}

/** Offsets where any of `names` is written in `text` (case-insensitive for names, exact for acronyms). */
export function victimMentions(names: string[], text: string): number[] {
  const lower = text.toLowerCase();
  const out: number[] = [];
  for (const n of names) {
    const acronym = /^\p{Lu}+$/u.test(n);
    const hay = acronym ? text : lower;
    const needle = acronym ? n : n.toLowerCase();
    for (let at = hay.indexOf(needle); at !== -1 && out.length < 1000; at = hay.indexOf(needle, at + needle.length)) {
      const before = hay[at - 1] ?? ' ';
      const after = hay[at + needle.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push(at);
    }
  }
  return out.sort((a, b) => a - b);
}
