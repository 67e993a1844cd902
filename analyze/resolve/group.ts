// Incident grouping: candidates joined by victim identity, country and date window.
// Edges are scored pairwise and merged greedily, strongest first, in an order fixed by content (never by input
// order), refusing merges that would put two victims of one document, two countries, or attack dates further
// apart than the window into one incident.
import { createHash } from 'node:crypto';
import type { Candidate } from './candidates.ts';
import { identifying, initials, matchNameSets, nameTokens, type NameMatch } from './names.ts';
import type { Settings, StoryLinks } from './types.ts';
import { relieveHeap } from '../../core/heap.ts';

interface Edge {
  a: number;
  b: number;
  score: number;
  gap: number;
}

/** Days between two attack-date intervals; 0 when either is unknown or they overlap. */
export function gap(x: Pick<Candidate, 'lo' | 'hi'>, y: Pick<Candidate, 'lo' | 'hi'>): number {
  if (x.lo === null || x.hi === null || y.lo === null || y.hi === null) return 0;
  return Math.max(0, x.lo - y.hi, y.lo - x.hi);
}

function countriesAgree(x: Candidate, y: Candidate, m: NameMatch): boolean {
  if (m.kind === 'contained') return x.country !== null && x.country === y.country;
  return x.country === null || y.country === null || x.country === y.country;
}

/**
 * Blocking: two names are compared only when the first token of one (or the initials it may stand for, or
 * that a run starting there forms) occurs among the tokens or run initials of the other, or when their first
 * tokens start alike. Exact, acronym and contained matches all align the first token of one name with some
 * position of the other, so they always meet this way, and a match of identifying words in another order meets
 * through those words; a Jaro-Winkler match does unless the two first tokens differ within their first three
 * letters (then the names are rarely one victim anyway).
 */
export interface BlockKeys {
  all: string[];
  probe: string[];
}

export function blockKeys(names: string[]): BlockKeys {
  const all = new Set<string>();
  const probe = new Set<string>();
  for (const name of names) {
    const toks = nameTokens(name);
    if (toks.length === 0) continue;
    for (const t of toks) all.add(t);
    for (let i = 0; i + 3 <= toks.length; i++) {
      for (let j = i + 3; j <= toks.length; j++) all.add(`${initials(toks.slice(i, j))}`);
    }
    probe.add(toks[0]);
    // (a name's identifying words in another order meet through any of them: "Düsseldorf University Hospital")
    for (const t of toks) if (identifying(t)) probe.add(t);
    for (let j = 3; j <= toks.length; j++) probe.add(initials(toks.slice(0, j)));
    const prefix = `\u241f${toks[0].slice(0, 3)}`;
    all.add(prefix);
    probe.add(prefix);
  }
  return { all: [...all], probe: [...probe] };
}

/** Index pairs (a < b) that meet through a blocking key and whose attack-date intervals lie within the window.
 * Each key's candidates are kept in date order, so a lookup reads only the window, not the whole list. With
 * `fresh`, only the pairs with at least one fresh candidate (the others' pairs are known: cachedNameEdges). */
function* candidatePairs(cands: Candidate[], s: Settings, fresh?: (i: number) => boolean): Iterable<[number, number]> {
  // reports of one victim repeat its names: their keys are made once
  const made = new Map<string, BlockKeys>();
  const keys = cands.map((c) => {
    const names = c.names.join('\u0000');
    let k = made.get(names);
    if (!k) made.set(names, (k = blockKeys(c.names)));
    return k;
  });
  // with `fresh`, only the keys fresh candidates look up are indexed
  const looked = (pick: (k: BlockKeys) => string[]) =>
    fresh ? new Set(keys.flatMap((k, i) => (fresh(i) ? pick(k) : []))) : null;
  const index = (pick: (k: BlockKeys) => string[], wanted: Set<string> | null) => {
    const m = new Map<string, number[]>();
    keys.forEach((k, i) => {
      for (const key of pick(k)) {
        if (wanted && !wanted.has(key)) continue;
        const l = m.get(key);
        if (l) l.push(i);
        else m.set(key, [i]);
      }
    });
    for (const l of m.values()) l.sort((p, q) => (cands[p].lo ?? -Infinity) - (cands[q].lo ?? -Infinity) || p - q);
    return m;
  };
  const byAll = index(
    (k) => k.all,
    looked((k) => k.probe),
  );
  const byProbe = index(
    (k) => k.probe,
    looked((k) => k.all),
  );
  let span = 0;
  for (const c of cands) if (c.lo !== null && c.hi !== null) span = Math.max(span, c.hi - c.lo);
  /** Members of a date-sorted list whose interval may lie within the window of x (undated ones always). */
  const near = function* (list: number[], x: Candidate): Iterable<number> {
    let i = 0;
    while (i < list.length && cands[list[i]].lo === null) yield list[i++];
    if (x.lo === null || x.hi === null) {
      while (i < list.length) yield list[i++];
      return;
    }
    // first dated member with lo ≥ x.lo − window − span (binary search), then until lo > x.hi + window
    let lo = i,
      hi = list.length;
    const from = x.lo - s.windowDays - span;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cands[list[mid]].lo! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < list.length && cands[list[j]].lo! <= x.hi + s.windowDays; j++) yield list[j];
  };
  // a fresh candidate meets every other (an earlier one too, when that one is not fresh); the relation is symmetric
  const takes = fresh ? (a: number, b: number) => b > a || (b < a && !fresh(b)) : (a: number, b: number) => b > a;
  for (let a = 0; a < cands.length; a++) {
    if (fresh && !fresh(a)) continue;
    const partners = new Set<number>();
    for (const k of keys[a].probe) for (const b of near(byAll.get(k) ?? [], cands[a])) if (takes(a, b)) partners.add(b);
    for (const k of keys[a].all) for (const b of near(byProbe.get(k) ?? [], cands[a])) if (takes(a, b)) partners.add(b);
    for (const b of [...partners].sort((p, q) => p - q)) yield b > a ? [a, b] : [b, a];
  }
}

/** Weaker than any name match: candidates of two single-victim reports of one story (stories.ts). */
function storyEdges(cands: Candidate[], s: Settings, links: StoryLinks): Edge[] {
  const single = new Map<string, number>();
  const count = new Map<string, number>();
  cands.forEach((c, i) => {
    const d = c.source.doc_id;
    count.set(d, (count.get(d) ?? 0) + 1);
    if (!c.shared && !c.source.role.superseded) single.set(d, i);
  });
  const out: Edge[] = [];
  for (const [d, a] of single) {
    if (count.get(d) !== 1) continue;
    for (const [other, sim] of links.get(d) ?? []) {
      const b = single.get(other);
      if (b === undefined || b <= a || count.get(other) !== 1) continue;
      const x = cands[a],
        y = cands[b];
      const g = gap(x, y);
      if (g > s.windowDays || (x.country !== null && y.country !== null && x.country !== y.country)) continue;
      out.push({ a, b, score: STORY * sim, gap: g });
    }
  }
  return out;
}
const STORY = 0.5;

/** The name edge of each pair `pairs` gives (a < b): different documents, intervals within the window, a name
 * match whose countries agree. */
function nameEdges(cands: Candidate[], s: Settings, pairs: Iterable<[number, number]>): Edge[] {
  // Each distinct name list gets a number once, so a pair's cache key is a number, not a string built per pair
  // (tens of millions of pairs at 100k documents: that garbage alone grew the heap past a gigabyte).
  const listIds = new Map<string, number>();
  const listOf = cands.map((c) => {
    const k = c.names.join('|');
    let id = listIds.get(k);
    if (id === undefined) listIds.set(k, (id = listIds.size));
    return id;
  });
  const cache = new Map<number, NameMatch | null>();
  const out: Edge[] = [];
  for (const [a, b] of pairs) {
    relieveHeap(); // tens of millions of pairs at 100k documents: their garbage must not pile up
    const x = cands[a];
    const y = cands[b];
    const g = gap(x, y);
    if (x.source.doc_id === y.source.doc_id || g > s.windowDays) continue;
    const sig = listOf[a] * cands.length + listOf[b];
    if (!cache.has(sig)) {
      if (cache.size >= 100_000) cache.clear(); // bounded: most repeats are reports of one victim, close together
      cache.set(sig, matchNameSets(x.names, y.names, s.jaroWinkler));
    }
    const m = cache.get(sig)!;
    if (m && countriesAgree(x, y, m)) out.push({ a, b, score: m.score, gap: g });
  }
  return out;
}

/** Names the name-matching rules in kept edges: change it when a change to names.ts or nameEdges changes edges. */
export const MATCH_RULES = 'match-2';

/** What a candidate's name edges are a function of (nameEdges reads nothing else of it), as a short digest;
 * `rules` names the settings and code that match names, so that a change to them makes every candidate new. */
export function matchSig(c: Candidate, rules: string): string {
  return createHash('sha256')
    .update(JSON.stringify([rules, c.key, c.names, c.country, c.lo, c.hi]))
    .digest('base64url')
    .slice(0, 16);
}

/** A stored name edge: the two candidates' match signatures (a < b), its score and date gap. */
export type SigEdge = [a: string, b: string, score: number, gap: number];

/**
 * Name edges kept between runs (incremental analyze). A name edge is a function of its two candidates' match
 * signatures (matchSig: what nameEdges reads of them), so the edges among candidates `known` (paired with each
 * other by an earlier run) are read from `edges`, and only the pairs with a new candidate are searched and matched:
 * the same edges as nameEdges over every pair.
 */
export interface CachedEdges {
  sigOf: (c: Candidate) => string;
  known: Set<string>;
  edges: Iterable<SigEdge>;
  /** filled: the edges found this run (each has a candidate not known) */
  found: SigEdge[];
  /** filled: every candidate's signature this run (the next run's `known`) */
  current: string[];
}

function cachedNameEdges(cands: Candidate[], s: Settings, cached: CachedEdges): Edge[] {
  const sigs = cands.map(cached.sigOf);
  const at = new Map(sigs.map((g, i) => [g, i]));
  const fresh = sigs.map((g) => !cached.known.has(g));
  const out: Edge[] = [];
  for (const [x, y, score, g] of cached.edges) {
    const a = at.get(x);
    const b = at.get(y);
    if (a === undefined || b === undefined || fresh[a] || fresh[b]) continue;
    out.push(a < b ? { a, b, score, gap: g } : { a: b, b: a, score, gap: g });
  }
  for (const e of nameEdges(
    cands,
    s,
    candidatePairs(cands, s, (i) => fresh[i]),
  )) {
    out.push(e);
    cached.found.push(
      sigs[e.a] < sigs[e.b] ? [sigs[e.a], sigs[e.b], e.score, e.gap] : [sigs[e.b], sigs[e.a], e.score, e.gap],
    );
  }
  for (const g of sigs) cached.current.push(g);
  return out;
}

function edges(cands: Candidate[], s: Settings, links?: StoryLinks, cached?: CachedEdges): Edge[] {
  const out = cached ? cachedNameEdges(cands, s, cached) : nameEdges(cands, s, candidatePairs(cands, s));
  // a loop, not push(...): at 100k documents there are more story edges than a call's arguments may be
  if (links) for (const e of storyEdges(cands, s, links)) out.push(e);
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
export function groupCandidates(
  input: Candidate[],
  s: Settings,
  links?: StoryLinks,
  cached?: CachedEdges,
): Candidate[][] {
  const cands = [...input].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const groupOf = cands.map((_, i) => i);
  const members = new Map<number, number[]>(cands.map((_, i) => [i, [i]]));
  for (const e of edges(cands, s, links, cached)) {
    relieveHeap();
    const ga = groupOf[e.a];
    const gb = groupOf[e.b];
    if (ga === gb) continue;
    const xs = members.get(ga)!;
    const ys = members.get(gb)!;
    if (
      !canMerge(
        xs.map((i) => cands[i]),
        ys.map((i) => cands[i]),
        s.windowDays,
      )
    )
      continue;
    const [keep, drop] = ga < gb ? [ga, gb] : [gb, ga];
    const merged = [...xs, ...ys].sort((p, q) => p - q);
    members.set(keep, merged);
    members.delete(drop);
    for (const i of merged) groupOf[i] = keep;
  }
  return [...members.keys()].sort((p, q) => p - q).map((g) => members.get(g)!.map((i) => cands[i]));
}
