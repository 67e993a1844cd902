// Confirmation by the victim: a sentence whose subject is the victim (its name, or "the hospital" in an article
// about it alone) and whose verb is confirmed / acknowledged / admitted, not negated ("has not confirmed").
// The extractor has no field for it, so it is read from the text here; the sentence is kept as evidence.
import { GENERIC as GENERIC_WORDS, STOP } from './names.ts';

const VERB = /\b(?:confirmed|acknowledged|admitted)\b/giu;
/** Words between subject and verb that turn it into a non-confirmation or a different speaker. */
const BLOCK =
  /\b(?:not|n't|never|yet|declined|refused|would|could|cannot|neither|nor|denied|whether|police|officials? of|spokes\w+ for)\b|n't\b/iu;
/** A victim named by its kind, possibly with a few qualifiers: "the south Ottawa clinic", "hospital officials". */
const KIND =
  /\b(?:(?:the|its)\s+(?:[\p{L}-]+\s+){0,3}(?:hospital|clinic|trust|company|insurer|laboratory|lab|health system|institute|pharmacy|provider|centre|center|organi[sz]ation|group|firm|health service)|hospital officials|hospital authorities)\b/giu;
/** "was confirmed (by someone)": the passive leaves the confirming party unknown or someone else. */
const PASSIVE = /\b(?:was|were|been|being|be|is|are)\s+$/iu;
const MAX_GAP = 90;

/** "Karoo Pathology Laboratories" is also written "Karoo Pathology": the name without its trailing generic
 * words (and legal forms), when something distinctive is left. */
export function shortName(name: string): string | null {
  const words = name.split(/\s+/);
  while (
    words.length > 1 &&
    /^[\p{L}.]+$/u.test(words.at(-1)!) &&
    (GENERIC_WORDS.has(words.at(-1)!.toLowerCase()) || STOP.has(words.at(-1)!.toLowerCase().replace(/\./g, '')))
  )
    words.pop();
  const short = words.join(' ');
  return short !== name && words.some((w) => !GENERIC_WORDS.has(w.toLowerCase())) ? short : null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sentences, roughly: split after . ! ? followed by space and a capital or quote. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”’]?)\s+(?=["“‘\p{Lu}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function subjects(names: string[], single: boolean): RegExp[] {
  const forms = names.flatMap((n) => [n, shortName(n)]).filter((n): n is string => n !== null);
  const named = [...new Set(forms.filter((n) => n.trim().length >= 3))].map(
    (n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(n)}(?![\\p{L}\\p{N}])`, 'giu'),
  );
  return single ? [...named, KIND] : named;
}

/** True when a subject match ends at most MAX_GAP characters before the verb, with nothing blocking between. */
function confirms(sentence: string, subjectRes: RegExp[]): boolean {
  for (const verb of sentence.matchAll(VERB)) {
    for (const re of subjectRes) {
      for (const m of sentence.matchAll(new RegExp(re.source, re.flags))) {
        const end = m.index + m[0].length;
        if (end > verb.index || verb.index - end > MAX_GAP) continue;
        const between = sentence.slice(end, verb.index);
        if (!BLOCK.test(between) && !PASSIVE.test(between)) return true;
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
