// A text with no cyber cue at all: general news in a feed, a health story with no attack. Relevance needs a strong
// cyber cue (relevance.ts: without one the score stays below 0.5) and an incident an incident word (hasIncident),
// so such a text tells no incident. With no type cue, no ransom incident told and no sum in a ransom's setting (a
// claim's only source) the rules give it no fact either: it is told before the victim finder runs, which it spares.
import type { Extraction } from '../../core/records.ts';
import { listRe, type Lists } from './lists.ts';
import { relevanceScore } from './relevance.ts';
import { factless } from './language.ts';
import { TYPE_CUE_LISTS, ransomIncident } from './attack-types.ts';
import { findMoney } from './money.ts';
import type { Reference } from './reference.ts';
import type { Span } from './text.ts';

// every language's strong cyber cues and the incident words, a superset of what relevance and hasIncident read, and
// the attack types' cues: a text the type rules would give a type (a stolen laptop's breach) is read whole
const CUE_LISTS = /^cyber-(?!weak-|denials-|defence-)[a-z]{2}$/;
// (two regexes, not one: V8 ran the union of all these lists three times slower than its two halves together)
const cueCache = new WeakMap<Lists, RegExp[]>();
function cueRes(lists: Lists): RegExp[] {
  let res = cueCache.get(lists);
  if (!res) {
    const cyber = [...lists.keys()].filter((n) => CUE_LISTS.test(n)).sort();
    // (the commoner words first: a text that holds one is told at its first match)
    res = [listRe(lists, ['victim-incident-words', ...TYPE_CUE_LISTS]), listRe(lists, cyber)];
    cueCache.set(lists, res);
  }
  return res;
}

const contextRe = (lists: Lists) => listRe(lists, 'ransom-context');

/** No cyber cue in the text or its title in any language the lists cover, no ransom incident, no sum in its setting. */
export function quiet(
  text: string,
  sents: Span[],
  title: string | null,
  ref: Pick<Reference, 'lists' | 'currencies'>,
): boolean {
  return (
    cueRes(ref.lists).every((re) => !re.test(text) && !(title && re.test(title))) &&
    !ransomIncident(sents) &&
    // (a sum is a claim only beside a word of the ransom's setting, roles.ts: with none in the text, none is read)
    (!contextRe(ref.lists).test(text) || findMoney(text, ref.currencies).length === 0)
  );
}

// Its relevance is the score of no evidence for (relevance.ts WEIGHTS' bias): with no cyber cue every feature left
// can only lower it, and the sentences are not scanned for those.
const NO_EVIDENCE = relevanceScore({
  leadLink: 0,
  links: 0,
  strong: 0,
  namedHealth: 0,
  leadDenial: 0,
  physical: 0,
  trend: 0,
  leadOther: 0,
  plural: 0,
});

/** The extraction of a quiet text: not relevant, with its language, and no facts. */
export function quietExtraction(
  base: Pick<Extraction, 'doc_id' | 'extractor_version' | 'published' | 'language'>,
): Extraction {
  return factless({ ...base, relevant: false, relevance: NO_EVIDENCE });
}
