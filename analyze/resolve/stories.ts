// Story links: reports of one incident share its distinctive names and figures (the victim's name, its town, the
// group, the sums and counts) even where the extractor read different victims from them, or none: a vendor named
// first, a hospital only described. Two relevant reports published close together whose names and figures agree
// strongly are one story; group.ts joins their candidates (after every name match), and a relevant report that
// named no victim joins the incident of the report it most resembles (attachRiders).
//
// A document's terms: the words written with a capital letter away from the start of a sentence, and figures of
// three or more digits, counted, the TERMS most frequent kept. Two documents are compared by the cosine of their
// tf-idf vectors (smoothed idf over every document given, relevant or not).
import type { Candidate, Rider } from './candidates.ts';
import { nameKey } from './names.ts';
import type { Settings, StoryLinks } from './types.ts';
import { gap } from './group.ts';
import { dayNumber } from './util.ts';

export type StoryTerms = [term: string, count: number][];

/** Terms kept per document: bounded memory on large stores, enough for the names a report repeats. */
const TERMS = 20;

// a capitalised word (or acronym) or a figure; group 1 is set when it opens a sentence or a line
const TERM =
  /(^|[.!?:;"“”]\s+|\n\s*)?(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}'’&.-]*[\p{L}\p{N}]|\p{Lu}|\d[\d,.]*\d)(?![\p{L}\p{N}])/gu;

export function storyTerms(text: string): StoryTerms {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(TERM)) {
    if (m[1] !== undefined) continue;
    const w = m[2]!
      .replace(/['’]s$/, '')
      .replace(/,/g, '')
      .toLowerCase();
    if (w.length < 2 || /^\d{1,2}$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TERMS);
}

/** Terms of the documents that may link, and document frequencies over all documents. Terms are numbered once
 * (`ids`), and a kept document holds [term, count, term, count, …] as numbers: at 100k documents the strings and
 * pairs of every document's terms were the largest part of the index. */
export interface StoryIndex {
  ids: Map<string, number>;
  /** document frequency by term number */
  df: number[];
  terms: Map<string, Int32Array>;
  n: number;
}

export const storyIndex = (): StoryIndex => ({ ids: new Map(), df: [], terms: new Map(), n: 0 });

/** Counts a document; keeps its terms only when it may link (`keep`: a relevant extraction reads it). */
export function addStory(ix: StoryIndex, id: string, text: string, keep: boolean): void {
  addStoryTerms(ix, id, storyTerms(text), keep);
}

/** addStory() with the terms read earlier (stored per version: pipeline/signatures.ts). */
export function addStoryTerms(ix: StoryIndex, id: string, terms: StoryTerms, keep: boolean): void {
  ix.n++;
  const packed = new Int32Array(terms.length * 2);
  terms.forEach(([t, c], k) => {
    let i = ix.ids.get(t);
    if (i === undefined) {
      ix.ids.set(t, (i = ix.df.length));
      ix.df.push(0);
    }
    ix.df[i]++;
    packed[2 * k] = i;
    packed[2 * k + 1] = c;
  });
  if (keep) ix.terms.set(id, packed);
}

/** A term present in more documents than this does not propose pairs (it still counts in the cosine). */
const PROBE_DF = 50;

/**
 * Pairs of kept documents whose similarity reaches `s.storyLink`, published at most `s.storyWindowDays` apart
 * (undated documents pair with any): doc → (doc → similarity), both directions. Documents are numbered in id order
 * and their tf-idf vectors held as arrays; a similarity is summed in the first document's term order, as ever.
 */
export function storyLinks(ix: StoryIndex, published: Map<string, string | null>, s: Settings): StoryLinks {
  const idf = (t: number) => Math.log((1 + ix.n) / (1 + ix.df[t])) + 1;
  const docs = [...ix.terms.keys()].sort();
  const terms = docs.map((id) => ix.terms.get(id)!);
  const weights = terms.map((packed) => {
    const v = new Float64Array(packed.length / 2);
    for (let k = 0; k < v.length; k++) v[k] = (1 + Math.log(packed[2 * k + 1])) * idf(packed[2 * k]);
    let sum = 0;
    for (const w of v) sum += w * w;
    const norm = Math.sqrt(sum) || 1;
    for (let k = 0; k < v.length; k++) v[k] = v[k] / norm;
    return v;
  });
  const byTerm = new Map<number, number[]>();
  terms.forEach((packed, d) => {
    for (let k = 0; k < packed.length; k += 2) {
      const t = packed[k];
      if (ix.df[t] > PROBE_DF) continue;
      const l = byTerm.get(t);
      if (l) l.push(d);
      else byTerm.set(t, [d]);
    }
  });
  const days = docs.map((id) => {
    const p = published.get(id);
    return p ? dayNumber(p) : null;
  });
  /** b's weight of term t, 0 when b lacks it */
  const weightIn = (b: number, t: number): number => {
    const packed = terms[b];
    for (let k = 0; k < packed.length; k += 2) if (packed[k] === t) return weights[b][k / 2];
    return 0;
  };
  const out: StoryLinks = new Map();
  const link = (a: string, b: string, sim: number) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const m = out.get(x);
      if (m) m.set(y, sim);
      else out.set(x, new Map([[y, sim]]));
    }
  };
  const seen = new Int32Array(docs.length).fill(-1);
  for (let a = 0; a < docs.length; a++) {
    const pa = terms[a];
    const va = weights[a];
    const da = days[a];
    for (let k = 0; k < pa.length; k += 2) {
      for (const b of byTerm.get(pa[k]) ?? []) {
        if (b <= a || seen[b] === a) continue;
        seen[b] = a;
        const db = days[b];
        if (da !== null && db !== null && Math.abs(da - db) > s.storyWindowDays) continue;
        let sim = 0;
        for (let u = 0; u < va.length; u++) sim += va[u] * weightIn(b, pa[2 * u]);
        if (sim >= s.storyLink) link(docs[a], docs[b], sim);
      }
    }
  }
  return out;
}

/** The most similar linked document among `ids` (highest similarity, then smallest id). */
export function closest(links: StoryLinks, id: string, among: (other: string) => boolean): string | null {
  let best: [string, number] | null = null;
  for (const [other, sim] of links.get(id) ?? []) {
    if (!among(other)) continue;
    if (!best || sim > best[1] || (sim === best[1] && other < best[0])) best = [other, sim];
  }
  return best?.[0] ?? null;
}

/**
 * Relevant reports that named no victim join the incident of the single-victim report they most resemble, told
 * with that incident's victim. A rider adds a source and its facts; it never makes an incident of its own.
 */
export function attachRiders(groups: Candidate[][], riders: Rider[], links: StoryLinks, windowDays: number): void {
  const home = new Map<string, Candidate[]>();
  for (const g of groups) for (const c of g) if (!c.shared && !c.source.role.superseded) home.set(c.source.doc_id, g);
  for (const r of [...riders].sort((a, b) => (a.source.doc_id < b.source.doc_id ? -1 : 1))) {
    const to = closest(links, r.source.doc_id, (other) => home.has(other));
    if (!to) continue;
    const g = home.get(to)!;
    const host = g.find((c) => c.source.doc_id === to)!;
    if (r.country !== null && g.some((c) => c.country !== null && c.country !== r.country)) continue;
    if (g.some((c) => gap(c, r) > windowDays)) continue;
    if (g.some((c) => c.source.doc_id === r.source.doc_id)) continue;
    g.push({
      ...r,
      key: `${r.source.doc_id}\u241f${nameKey(host.victim.canonical)}`,
      victim: host.victim,
      names: host.names,
    });
    g.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  }
}
