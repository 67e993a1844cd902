// Incident grouping: candidates joined by victim identity, country and date window.
// Edges are scored pairwise and merged greedily, strongest first, in an order fixed by content (never by input
// order), refusing merges that would put two victims of one document, two countries, or attack dates further
// apart than the window into one incident.
import type { Candidate } from './candidates.ts';
import { GENERIC, initials, matchNameSets, nameTokens, type NameMatch } from './names.ts';
import type { Settings } from './types.ts';

interface Edge { a: number; b: number; score: number; gap: number }

/** Days between two attack-date intervals; 0 when either is unknown or they overlap. */
export function gap(x: Candidate, y: Candidate): number {
  if (x.lo === null || x.hi === null || y.lo === null || y.hi === null) return 0;
  return Math.max(0, x.lo - y.hi, y.lo - x.hi);
}

function countriesAgree(x: Candidate, y: Candidate, m: NameMatch): boolean {
  if (m.kind === 'contained') return x.country !== null && x.country === y.country;
  return x.country === null || y.country === null || x.country === y.country;
}

/**
 * Blocking keys of a candidate: what two names must share to be compared at all — the full key, the first
 * token, every identifying token and its 4-letter prefix (typos past it), and the initials of every run of ≥3
 * tokens (acronyms: "AIIMS" meets "All India Institute of Medical Sciences" through "aiims"). Exact, acronym
 * and contained matches always share one; a Jaro-Winkler match shares one unless every identifying word is
 * misspelt within its first four letters.
 */
export function blockKeys(names: string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const toks = nameTokens(name);
    if (toks.length === 0) continue;
    keys.add(`k:${toks.join(' ')}`);
    keys.add(toks[0]);
    for (const t of toks) {
      if (GENERIC.has(t) || /^\d+$/.test(t)) continue;
      keys.add(t);
      keys.add(`p:${t.slice(0, 4)}`);
    }
    for (let i = 0; i + 3 <= toks.length; i++) {
      for (let j = i + 3; j <= toks.length; j++) keys.add(initials(toks.slice(i, j)));
    }
  }
  return [...keys];
}

/** Index pairs (a < b) that share a blocking key and whose attack-date intervals lie within the window:
 * each key's candidates are swept in date order, so work grows with the pairs found, not with n². */
function candidatePairs(cands: Candidate[], s: Settings): Iterable<[number, number]> {
  const byKey = new Map<string, number[]>();
  cands.forEach((c, i) => {
    for (const k of blockKeys(c.names)) {
      const list = byKey.get(k);
      if (list) list.push(i); else byKey.set(k, [i]);
    }
  });
  const n = cands.length;
  const seen = new Set<number>();
  const add = (i: number, j: number) => seen.add(i < j ? i * n + j : j * n + i);
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const undated = list.filter((i) => cands[i].lo === null || cands[i].hi === null);
    const dated = list.filter((i) => cands[i].lo !== null && cands[i].hi !== null).sort((p, q) => cands[p].lo! - cands[q].lo!);
    // Undated candidates are within the window of everything.
    for (const u of undated) for (const o of list) if (o !== u) add(u, o);
    for (let x = 0; x < dated.length; x++) {
      const hi = cands[dated[x]].hi!;
      for (let y = x + 1; y < dated.length && cands[dated[y]].lo! - hi <= s.windowDays; y++) add(dated[x], dated[y]);
    }
  }
  return [...seen].sort((p, q) => p - q).map((v) => [Math.floor(v / n), v % n] as [number, number]);
}

function edges(cands: Candidate[], s: Settings): Edge[] {
  const cache = new Map<string, NameMatch | null>();
  const out: Edge[] = [];
  for (const [a, b] of candidatePairs(cands, s)) {
    const x = cands[a];
    const y = cands[b];
    const g = gap(x, y);
    if (x.source.doc_id === y.source.doc_id || g > s.windowDays) continue;
    const sig = `${x.names.join('|')}\u241f${y.names.join('|')}`;
    if (!cache.has(sig)) cache.set(sig, matchNameSets(x.names, y.names, s.jaroWinkler));
    const m = cache.get(sig)!;
    if (m && countriesAgree(x, y, m)) out.push({ a, b, score: m.score, gap: g });
  }
  return out.sort((p, q) => q.score - p.score || p.gap - q.gap || p.a - q.a || p.b - q.b);
}

function canMerge(xs: Candidate[], ys: Candidate[], windowDays: number): boolean {
  const docs = new Set(xs.map((c) => c.source.doc_id));
  if (ys.some((c) => docs.has(c.source.doc_id))) return false;
  const countries = new Set([...xs, ...ys].map((c) => c.country).filter((c) => c !== null));
  if (countries.size > 1) return false;
  return xs.every((x) => ys.every((y) => gap(x, y) <= windowDays));
}

/** Groups of candidates, one per incident; candidates sorted by key, groups by their first key. */
export function groupCandidates(input: Candidate[], s: Settings): Candidate[][] {
  const cands = [...input].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const groupOf = cands.map((_, i) => i);
  const members = new Map<number, number[]>(cands.map((_, i) => [i, [i]]));
  for (const e of edges(cands, s)) {
    const ga = groupOf[e.a];
    const gb = groupOf[e.b];
    if (ga === gb) continue;
    const xs = members.get(ga)!;
    const ys = members.get(gb)!;
    if (!canMerge(xs.map((i) => cands[i]), ys.map((i) => cands[i]), s.windowDays)) continue;
    const [keep, drop] = ga < gb ? [ga, gb] : [gb, ga];
    const merged = [...xs, ...ys].sort((p, q) => p - q);
    members.set(keep, merged);
    members.delete(drop);
    for (const i of merged) groupOf[i] = keep;
  }
  return [...members.keys()].sort((p, q) => p - q).map((g) => members.get(g)!.map((i) => cands[i]));
}
