// Group and victim aliases from the reference tables, for query matching (BlackCat → ALPHV, AIIMS → All India
// Institute of Medical Sciences). Only the two YAML files are read: queries must start fast.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT } from '../../core/paths.ts';
import { normaliseName } from '../../store/search-terms.ts';

const Groups = z.array(z.object({ canonical: z.string(), aliases: z.array(z.string()).default([]) }).passthrough());
const Victims = z.array(z.object({ name: z.string(), aliases: z.array(z.string()).default([]) }).passthrough());

export interface Aliases {
  /** normalised group name or alias → canonical group names */
  groups: Map<string, string[]>;
  /** every group with its aliases (for STIX intrusion sets) */
  groupAliases: Map<string, string[]>;
  /** normalised victim name → its gazetteer aliases */
  victims: Map<string, string[]>;
}

const cache = new Map<string, Aliases>();

/** Compact form for group names: "Black Cat", "blackcat" and "BlackCat" compare equal. */
export const groupKey = (s: string) => normaliseName(s).replace(/ /g, '');

function readYaml(path: string): unknown {
  return existsSync(path) ? parse(readFileSync(path, 'utf8')) : [];
}

export function loadAliases(dir = PROJECT.reference): Aliases {
  const hit = cache.get(dir);
  if (hit) return hit;
  const groups = new Map<string, string[]>();
  const groupAliases = new Map<string, string[]>();
  for (const g of Groups.parse(readYaml(join(dir, 'groups.yaml')) ?? [])) {
    groupAliases.set(g.canonical, g.aliases);
    for (const name of [g.canonical, ...g.aliases]) {
      const k = groupKey(name);
      groups.set(k, [...new Set([...(groups.get(k) ?? []), g.canonical])]);
    }
  }
  const victims = new Map<string, string[]>();
  for (const v of Victims.parse(readYaml(join(dir, 'victims.yaml')) ?? []))
    victims.set(normaliseName(v.name), v.aliases);
  const out = { groups, groupAliases, victims };
  cache.set(dir, out);
  return out;
}

/** Canonical group names a user's --actor may mean; the text itself when no group is known by that name. */
export function actorCandidates(actor: string, aliases: Aliases): string[] {
  const k = groupKey(actor);
  const known = aliases.groups.get(k);
  if (known) return known;
  // a small typo ("Lockbti") still finds the group: one edit on names long enough to be distinctive
  const near = [...aliases.groups.entries()]
    .filter(([name]) => k.length >= 5 && editDistance(name, k) <= 1)
    .flatMap(([, c]) => c);
  return near.length ? [...new Set(near)] : [actor];
}

/** Levenshtein distance with transpositions counted once (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
