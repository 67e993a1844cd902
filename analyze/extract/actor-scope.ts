// A group named only as the attacker of another organisation is that case's, not this one's: "It is the second
// hospital hit this month, after the Rhysida gang attacked Bellmont Hospital" (the article's victim is another).
import type { Actor } from '../../core/records.ts';
import { fold, sentenceAt, type Span } from './text.ts';
import { withTwin } from './fastre.ts';
import { words, type Lists } from './lists.ts';
import { earlierYear } from './scope.ts';

// the group's own verb of attack and its named object, right after the name (a kind word may stand between)
const ACTS_ON = withTwin(
  new RegExp(
    String.raw`^(?:['’]s)?(?:\s+(?:ransomware|extortion|hacking|cybercrime|criminal))?(?:\s+(?:gang|group|crew|operation|` +
      String.raw`operators?|affiliates?|hackers))?\s+(?:also\s+|previously\s+|had\s+|has\s+)?` +
      String.raw`(?:attacked|hit|targeted|breached|struck|compromised|encrypted|claimed(?:\s+an?\s+attack\s+on)?)\s+` +
      String.raw`(?:the\s+)?(\p{Lu}[\p{L}’'.&-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}’'.&-]*){0,5})`,
    'u',
  ),
);
const WORD = /[\p{L}\p{N}]+/gu;

/** The actors less those named only as acting on an organisation that is none of the victims. */
export function actorsOfIncident(
  actors: Actor[],
  text: string,
  sents: Span[],
  victims: string[],
  lists: Lists,
  // the incident's year: a group named only in sentences of an earlier year's case is that case's ("In 2023, X paid
  // $1.1 million to the LockBit gang")
  year: number | null = null,
): Actor[] {
  if (!actors.length) return actors;
  const dated = (at: number) => {
    const s = sentenceAt(sents, at);
    return !!s && earlierYear(s.text, year);
  };
  actors = actors.filter((a) => {
    for (let i = text.indexOf(a.name); i >= 0; i = text.indexOf(a.name, i + a.name.length)) if (!dated(i)) return true;
    return false;
  });
  if (!victims.length || !actors.length) return actors;
  // (words many names share tell no organisation apart: lists/name-generic-words)
  const generic = new Set(words(lists, 'name-generic-words'));
  const own = (name: string) => (fold(name).match(WORD) ?? []).filter((t) => !generic.has(t));
  const victimWords = new Set(victims.flatMap(own));
  const other = (object: string) => {
    const ws = own(object);
    return ws.length > 0 && !ws.some((w) => victimWords.has(w));
  };
  return actors.filter((a) => {
    const mentions: number[] = [];
    for (let i = text.indexOf(a.name); i >= 0; i = text.indexOf(a.name, i + a.name.length)) mentions.push(i);
    return mentions.some((at) => {
      const s = sentenceAt(sents, at);
      const m = s ? ACTS_ON.exec(text.slice(at + a.name.length, s.end)) : null;
      return !m || !other(m[1]!);
    });
  });
}
