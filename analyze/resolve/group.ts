// Incident grouping: candidates joined by victim identity, country and date window.
// Edges are scored pairwise and merged greedily, strongest first, in an order fixed by content (never by input
// order), refusing merges that would put two victims of one document, two countries, or attack dates further
// apart than the window into one incident.
import type { Candidate } from './candidates.ts';
import { matchNameSets, type NameMatch } from './names.ts';
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

function edges(cands: Candidate[], s: Settings): Edge[] {
  const cache = new Map<string, NameMatch | null>();
  const out: Edge[] = [];
  for (let a = 0; a < cands.length; a++) {
    for (let b = a + 1; b < cands.length; b++) {
      const x = cands[a];
      const y = cands[b];
      const g = gap(x, y);
      if (x.source.doc_id === y.source.doc_id || g > s.windowDays) continue;
      const sig = `${x.names.join('|')}\u241f${y.names.join('|')}`;
      if (!cache.has(sig)) cache.set(sig, matchNameSets(x.names, y.names, s.jaroWinkler));
      const m = cache.get(sig)!;
      if (m && countriesAgree(x, y, m)) out.push({ a, b, score: m.score, gap: g });
    }
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
