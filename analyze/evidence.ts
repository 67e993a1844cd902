// Quotes for the fields the extractor stores without one (downtime, attack date, payment method, attack types,
// country, sector): the same readers run again on the document's text, and the value they find must be the stored
// one. Nothing here changes what the extractor outputs; `triage show` and the exports call it to cite a sentence.
import type { Evidence } from '../core/records.ts';
import { findDowntime } from './extract/impact.ts';
import { attackDate } from './extract/attack-date.ts';
import { evidence, sentenceAt, sentences, type Span } from './extract/text.ts';
import { listRe, type Lists } from './extract/lists.ts';

export interface QuoteContext {
  text: string;
  published: string | null;
  lang: string;
  lists: Lists;
  sents?: Span[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sentence around the first match of `re` in the text. */
function sentenceOf(c: QuoteContext, re: RegExp): Evidence | null {
  const m = re.exec(c.text);
  if (!m) return null;
  const s = sentenceAt((c.sents ??= sentences(c.text)), m.index);
  return s ? evidence(c.text, s.start, s.end) : null;
}

/** The sentence that states `value` for `field` in the text, or null when no reader finds that very value. */
export function quoteFor(field: string, value: unknown, c: QuoteContext): Evidence | null {
  const sents = (c.sents ??= sentences(c.text));
  if (field === 'downtime_days') {
    const d = findDowntime(c.text, sents, c.lists, c.lang);
    return d && d.days === value ? d.evidence : null;
  }
  if (field === 'attack_date') {
    const d = attackDate(c.text, sents, c.published, c.lists, c.lang);
    if (!d || d.date !== value) return null;
    const s = sentenceAt(sents, d.start);
    return s ? evidence(c.text, s.start, s.end) : null;
  }
  if (field === 'attack_types' && Array.isArray(value)) {
    for (const t of value) {
      // the extractor's own cue list of that type (data/reference/lists/attack-<type>.yaml)
      const q = c.lists.has(`attack-${t}`) ? sentenceOf(c, listRe(c.lists, `attack-${t}`)) : null;
      if (q) return q;
    }
    return null;
  }
  if (typeof value === 'string' && value.length >= 3) {
    return sentenceOf(c, new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(value)}(?![\\p{L}\\p{N}])`, 'iu'));
  }
  return null;
}

/** The sentence holding offset `at` of the text (a short quote's context). */
export function sentenceAround(c: QuoteContext, at: number): string | null {
  return sentenceAt((c.sents ??= sentences(c.text)), at)?.text ?? null;
}
