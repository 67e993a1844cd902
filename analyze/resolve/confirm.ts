// Confirmation by the victim: a sentence whose subject is the victim (its name, or "the hospital" in an article
// about it alone) and whose verb is confirmed / acknowledged / admitted, not negated ("has not confirmed").
// The extractor has no field for it, so it is read from the text here; the sentence is kept as evidence.

const VERB = /\b(?:confirmed|acknowledged|admitted)\b/giu;
/** Words between subject and verb that turn it into a non-confirmation or a different speaker. */
const BLOCK = /\b(?:not|n't|never|yet|declined|refused|would|could|cannot|neither|nor|denied|whether|police|officials? of|spokes\w+ for)\b|n't\b/iu;
/** A victim named by its kind, possibly with a few qualifiers: "the south Ottawa clinic", "hospital officials". */
const GENERIC = /\b(?:(?:the|its)\s+(?:[\p{L}-]+\s+){0,3}(?:hospital|clinic|trust|company|insurer|laboratory|lab|health system|institute|pharmacy|provider|centre|center|organi[sz]ation|group|firm|health service)|hospital officials|hospital authorities)\b/giu;
const MAX_GAP = 90;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sentences, roughly: split after . ! ? followed by space and a capital or quote. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=["“‘\p{Lu}])/u).map((s) => s.trim()).filter((s) => s.length > 0);
}

function subjects(names: string[], single: boolean): RegExp[] {
  const named = [...new Set(names.filter((n) => n.trim().length >= 3))]
    .map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, 'giu'));
  return single ? [...named, GENERIC] : named;
}

/** True when a subject match ends at most MAX_GAP characters before the verb, with nothing blocking between. */
function confirms(sentence: string, subjectRes: RegExp[]): boolean {
  for (const verb of sentence.matchAll(VERB)) {
    for (const re of subjectRes) {
      for (const m of sentence.matchAll(new RegExp(re.source, re.flags))) {
        const end = m.index + m[0].length;
        if (end > verb.index || verb.index - end > MAX_GAP) continue;
        if (!BLOCK.test(sentence.slice(end, verb.index))) return true;
      }
    }
  }
  return false;
}

/**
 * The first sentence in which the victim confirms something about the attack, or null. `single`: the article
 * names only this victim, so "the hospital" can only be it.
 */
export function confirmationIn(text: string | null, names: string[], single: boolean): string | null {
  if (!text) return null;
  const res = subjects(names, single);
  return sentences(text).find((s) => confirms(s, res)) ?? null;
}
