// Group table: curated groups.yaml (canonical names, rebrands, ambiguity) over the MISP galaxy rows in
// groups-galaxy.tsv, and a token index over every name so a 3,000-name table costs one pass over the text.
import { fold, wordTokens } from './text.ts';

/** curated: from groups.yaml; common: names that are also ordinary words (need group context); kind: galaxy cluster */
export interface GroupRef {
  canonical: string;
  aliases: string[];
  ambiguous?: boolean;
  curated?: boolean;
  common?: string[];
  kind?: 'ransomware' | 'actor';
}

const WORD = /[\p{L}\p{N}]+/gu;
export const nameKey = (s: string): string => (fold(s).match(WORD) ?? []).join(' ');

/** Merge the curated list with the galaxy rows; a galaxy row whose canonical name is a curated name adds its synonyms. */
export function mergeGroups(curated: GroupRef[], galaxyTsv: string): GroupRef[] {
  const out: GroupRef[] = curated.map((g) => ({
    ...g,
    aliases: g.aliases ?? [],
    curated: true,
    // curated ambiguous entries: their one-word names need context ("Royal", "Medusa"); "Wizard Spider" does not
    common: g.ambiguous ? [g.canonical, ...(g.aliases ?? [])].filter((n) => !/\s/.test(n.trim())) : [],
  }));
  const taken = new Map<string, GroupRef>();
  for (const g of out) for (const n of [g.canonical, ...g.aliases]) taken.set(nameKey(n), g);
  for (const line of galaxyTsv.split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('kind\t')) continue;
    const [kind, canonical, names, common] = line.split('\t');
    if (!canonical || !names) continue;
    const all = names.split('|'),
      commons = new Set((common ?? '').split('|').filter(Boolean));
    // "Lockbit3", "LockBit 4": a numbered version of a curated group is that group; so is a row naming it as a synonym
    const host =
      taken.get(nameKey(canonical)) ??
      taken.get(nameKey(canonical).replace(/\s*\d+(?:\s\d+)*$/, '')) ??
      all.map((n) => taken.get(nameKey(n))).find((g) => g?.curated);
    if (host?.curated) {
      for (const n of all) {
        if (taken.has(nameKey(n))) continue;
        host.aliases.push(n);
        if (commons.has(n)) host.common!.push(n);
        taken.set(nameKey(n), host);
      }
      continue;
    }
    const mine = all.filter((n) => !taken.has(nameKey(n)));
    if (!mine.length) continue;
    const g: GroupRef = {
      canonical: mine[0]!,
      aliases: mine.slice(1),
      kind: kind === 'actor' ? 'actor' : 'ransomware',
      common: mine.filter((n) => commons.has(n)),
    };
    for (const n of mine) taken.set(nameKey(n), g);
    out.push(g);
  }
  return out;
}

export interface Surface {
  toks: string[];
  group: GroupRef;
  common: boolean;
  written: string;
}
export interface GroupIndex {
  byFirst: Map<string, Surface[]>;
  byName: Map<string, Surface>;
}
const indexes = new WeakMap<GroupRef[], GroupIndex>();

export function groupIndex(groups: GroupRef[]): GroupIndex {
  const hit = indexes.get(groups);
  if (hit) return hit;
  const byFirst = new Map<string, Surface[]>(),
    byName = new Map<string, Surface>();
  for (const group of groups) {
    const common = new Set((group.common ?? []).map(nameKey));
    for (const written of [group.canonical, ...(group.aliases ?? [])]) {
      const k = nameKey(written);
      if (!k || byName.has(k)) continue;
      const s: Surface = { toks: k.split(' '), group, common: common.has(k), written };
      byName.set(k, s);
      const list = byFirst.get(s.toks[0]!) ?? [];
      list.push(s);
      byFirst.set(s.toks[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  const idx = { byFirst, byName };
  indexes.set(groups, idx);
  return idx;
}

/** A name that is certainly a group (curated, or a galaxy name that is no common word): not a victim. */
export function isGroupName(groups: GroupRef[], name: string): boolean {
  const s = groupIndex(groups).byName.get(nameKey(name));
  return !!s && !s.common && (!!s.group.curated || nameKey(name).length > 4);
}

export interface GroupHit {
  start: number;
  end: number;
  surface: Surface;
}

// the words of a name are joined by at most two spaces, dots, slashes or hyphens ("LockBit 3.0", "Black Basta")
const JOIN = /^[\s./-]{1,2}$/;

const NAME_CHAR = /[\p{Lu}\p{N}]/u;
/** Longest table names in the text. Galaxy names must start as names do (capital or digit). */
export function findGroupNames(groups: GroupRef[], text: string): GroupHit[] {
  const { byFirst } = groupIndex(groups);
  // (the words are shared with the victim gazetteer: text.ts wordTokens)
  const { starts, ends, folded } = wordTokens(text);
  const hits: GroupHit[] = [];
  for (let i = 0; i < starts.length; i++) {
    const cands = byFirst.get(folded[i]!);
    if (!cands) continue;
    const start = starts[i]!;
    // words i … i+joined−1 are read as one run; the next one joins when only JOIN lies between
    let joined = 1;
    const more = (k: number) => {
      for (; joined <= k; joined++) {
        const j = i + joined;
        if (j >= starts.length || !JOIN.test(text.slice(ends[j - 1]!, starts[j]!))) return false;
      }
      return true;
    };
    for (const c of cands) {
      let k = 1;
      while (k < c.toks.length && more(k) && folded[i + k] === c.toks[k]) k++;
      if (k < c.toks.length) continue;
      if (!c.group.curated && !NAME_CHAR.test(text[start]!)) continue;
      hits.push({ start, end: ends[i + k - 1]!, surface: c });
      i += k - 1;
      break;
    }
  }
  return hits;
}
