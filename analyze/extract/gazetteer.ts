// Victim gazetteer lookup: token-indexed so a few hundred names cost one pass over the text.
import type { VictimRef } from './reference.ts';
import { fold } from './text.ts';

interface Surface { toks: string[]; entry: VictimRef; acronym: boolean }
export interface Gazetteer { byFirst: Map<string, Surface[]>; byName: Map<string, VictimRef> }
export interface GazHit { start: number; end: number; entry: VictimRef }

const WORD = /[\p{L}\p{N}]+/gu;
const foldTokens = (s: string) => (fold(s).match(WORD) ?? []);

export function buildGazetteer(entries: VictimRef[]): Gazetteer {
  const byFirst = new Map<string, Surface[]>();
  const byName = new Map<string, VictimRef>();
  for (const entry of entries) {
    for (const surface of [entry.name, ...(entry.aliases ?? [])]) {
      const toks = foldTokens(surface);
      if (!toks.length) continue;
      byName.set(toks.join(' '), entry);
      const list = byFirst.get(toks[0]!) ?? [];
      list.push({ toks, entry, acronym: /^[A-Z0-9&-]{2,}$/.test(surface) });
      byFirst.set(toks[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  return { byFirst, byName };
}

/** Longest gazetteer matches in the text; names must be capitalised as names are (acronyms in capitals). */
export function findGazetteer(gaz: Gazetteer, text: string): GazHit[] {
  const toks: { t: string; s: number; e: number }[] = [];
  for (const m of text.matchAll(WORD)) toks.push({ t: fold(m[0]), s: m.index, e: m.index + m[0].length });
  const hits: GazHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i]!;
    const cands = gaz.byFirst.get(first.t);
    if (!cands || !/[\p{Lu}\p{N}]/u.test(text[first.s]!)) continue;
    for (const c of cands) {
      if (i + c.toks.length > toks.length) continue;
      if (!c.toks.every((t, k) => toks[i + k]!.t === t)) continue;
      const end = toks[i + c.toks.length - 1]!.e;
      const span = text.slice(first.s, end);
      if (c.acronym && span !== span.toUpperCase()) continue;
      hits.push({ start: first.s, end, entry: c.entry });
      i += c.toks.length - 1;
      break;
    }
  }
  return hits;
}

/** Look a name up as a whole (diacritics and case ignored). */
export function lookupName(gaz: Gazetteer, name: string): VictimRef | undefined {
  return gaz.byName.get(foldTokens(name).join(' '));
}
