// Outage durations in the other languages the extractor reads: a lead, a count of days or weeks, and an outage word
// in the same sentence ("lleva cinco días sin sistemas", "depuis six jours … en mode dégradé", "seit drei Tagen
// offline"). The leads and outage words are lists (downtime-other, downtime-other-outage); English is impact.ts's.
import { listRe, type Lists } from './lists.ts';
import { NUMBER_WORD, OTHER_NUMBER_WORD, OTHER_ORDINAL_WORD, otherOrdinal, smallNumber } from './numbers.ts';
import { evidence, sentenceAt, type Span } from './text.ts';
import type { Evidence } from '../../core/records.ts';

interface Downtime {
  days: number;
  evidence: Evidence;
}

const DAYS =
  String.raw`d[ií]as|jours?|tagen?|giorni|dagen|semanas?|semaines?|wochen?|settimane|settimana|weken|week` +
  String.raw`|dager|dage|dagar|dygn|døgn|uker|uger|veckor|dni|tygodni|tygodnie`;
// the outage's Nth day: "pour le troisième jour", "am dritten Tag", "sjätte dygnet", "il quinto giorno"
const NTH_DAY = new RegExp(
  String.raw`(?<![\p{L}])(${OTHER_ORDINAL_WORD})\s+` +
    String.raw`(?:jour|d[ií]a|giorno|Tag|dag|dagen|dygnet|døgnet|døgn)(?![\p{L}])`,
  'giu',
);
const compiled = new WeakMap<Lists, RegExp>();

function durationRe(lists: Lists): RegExp {
  let re = compiled.get(lists);
  if (!re) {
    const lead = listRe(lists, 'downtime-other').source;
    re = new RegExp(
      String.raw`${lead}\s+(?:(?:m[aá]s de|casi|unos|unas|environ|plus de|près de|etwa|rund|über|circa|quasi|cerca de|mais de|ongeveer|bijna)\s+)?` +
        String.raw`(\d{1,3}|${OTHER_NUMBER_WORD}|${NUMBER_WORD})\s+(${DAYS})(?![\p{L}])(?!\s+(?:atr[aá]s|ago))`,
      'giu',
    );
    compiled.set(lists, re);
  }
  return re;
}

/** The longest outage such a sentence states, in days; null when none. */
export function otherDowntime(text: string, sents: Span[], lists: Lists): Downtime | null {
  const outage = listRe(lists, 'downtime-other-outage');
  const re = durationRe(lists);
  let best: Downtime | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = sentenceAt(sents, m.index);
    if (!s || !outage.test(s.text)) continue;
    const n = smallNumber(m[1]!);
    const days = n === null ? null : n * (/^(?:sem|woch|sett|wee?k|uke|uge|veck|tydz|tygod)/i.test(m[2]!) ? 7 : 1);
    if (days && days <= 365 && (!best || days > best.days)) best = { days, evidence: evidence(text, s.start, s.end) };
  }
  NTH_DAY.lastIndex = 0;
  for (let m = NTH_DAY.exec(text); m; m = NTH_DAY.exec(text)) {
    const s = sentenceAt(sents, m.index);
    const days = otherOrdinal(m[1]!);
    if (!s || !days || !outage.test(s.text)) continue;
    if (!best || days > best.days) best = { days, evidence: evidence(text, s.start, s.end) };
  }
  return best;
}
