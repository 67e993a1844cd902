// Near-duplicate detection: word 5-gram shingles, MinHash signatures with a fixed seed, LSH banding to find
// candidate pairs, then the exact Jaccard of the shingle sets to confirm (cheap, and it keeps results exact).

const WORD = /[\p{L}\p{N}]+/gu;
const SHINGLE = 5;
/** Bands × rows = signature length; 4 rows per band finds pairs from Jaccard ≈ 0.4 up, well under the threshold. */
const ROWS = 4;

export function shingles(text: string, n = SHINGLE): Set<string> {
  const words = text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** FNV-1a, 32 bits. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3 finaliser: a good 32-bit mix; `x ^ seed_i` then mix gives the i-th hash function. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function seeds(perms: number, seed: number): number[] {
  return Array.from({ length: perms }, (_, i) => mix(seed + Math.imul(i + 1, 0x9e3779b9)));
}

export function signature(set: Set<string>, perms: number, seed: number): number[] {
  const s = seeds(perms, seed);
  const sig = new Array<number>(perms).fill(0xffffffff);
  for (const sh of set) {
    const x = fnv1a(sh);
    for (let i = 0; i < perms; i++) {
      const h = mix(x ^ s[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** Texts too short to shingle meaningfully are left to the exact content hash. */
const MIN_SHINGLES = 5;

export interface Signed {
  id: string;
  sig: Uint32Array;
}

/** The MinHash signature of a text, or null when it is too short to shingle meaningfully. */
export function signatureOf(text: string, perms: number, seed: number): Uint32Array | null {
  const set = shingles(text);
  return set.size >= MIN_SHINGLES ? Uint32Array.from(signature(set, perms, seed)) : null;
}

/** LSH banding: index pairs (i < j, into `items` as given) that share at least one band, sorted. Only the
 * signatures are read, so a caller may hold signatures alone and fetch texts for these few pairs later. Each band
 * is bucketed by sorting one index array on the band's values (no string key per item and band). */
export function lshCandidates(items: Signed[], perms: number): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  const order = new Uint32Array(items.length);
  for (let b = 0; b * ROWS < perms; b++) {
    const from = b * ROWS;
    const to = Math.min(from + ROWS, perms);
    const cmpBand = (x: number, y: number) => {
      for (let r = from; r < to; r++) if (items[x].sig[r] !== items[y].sig[r]) return items[x].sig[r] - items[y].sig[r];
      return x - y;
    };
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort(cmpBand);
    for (let start = 0; start < order.length; ) {
      let end = start + 1;
      while (end < order.length && sameBand(items[order[start]].sig, items[order[end]].sig, from, to)) end++;
      // a run of equal band values is one bucket, its indices ascending (the sort's tie-break)
      for (let i = start; i < end; i++) {
        for (let j = i + 1; j < end; j++) {
          const key = `${order[i]}|${order[j]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push([order[i], order[j]]);
        }
      }
      start = end;
    }
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function sameBand(a: Uint32Array, b: Uint32Array, from: number, to: number): boolean {
  for (let r = from; r < to; r++) if (a[r] !== b[r]) return false;
  return true;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Signed items in id order (LSH pair indices refer to this order). */
export const sortedSigned = <T extends { id: string }>(items: T[]): T[] => [...items].sort(byId);

/** Candidate pairs whose texts are fetched at once. */
const PAIR_CHUNK = 1000;

/**
 * The one near-duplicate pairing: pairs of ids (signed in id order, see sortedSigned) whose texts have shingle
 * Jaccard ≥ threshold; ids sorted within and across pairs. Only the signatures are held: LSH bands give the
 * candidate pairs, and texts are asked for one chunk of pairs at a time. A generator, so the same steps run
 * with texts at hand (nearDuplicatePairs) or read from the store between steps (pipeline/resolve-store.ts):
 * it yields the ids whose texts it needs and is resumed with them.
 */
export function* nearPairSteps(
  signed: Signed[],
  threshold: number,
  perms: number,
): Generator<string[], [string, string][], Map<string, string>> {
  const candidates = lshCandidates(signed, perms);
  const out: [string, string][] = [];
  for (let i = 0; i < candidates.length; i += PAIR_CHUNK) {
    const chunk = candidates.slice(i, i + PAIR_CHUNK);
    const texts = yield [...new Set(chunk.flatMap(([a, b]) => [signed[a].id, signed[b].id]))];
    const sets = new Map<string, Set<string>>();
    const setOf = (id: string) => {
      let set = sets.get(id);
      if (!set) sets.set(id, (set = shingles(texts.get(id) ?? '')));
      return set;
    };
    for (const [a, b] of chunk) {
      if (jaccard(setOf(signed[a].id), setOf(signed[b].id)) >= threshold) out.push([signed[a].id, signed[b].id]);
    }
  }
  return sortPairs(out);
}

/** nearPairSteps over texts at hand. */
export function nearDuplicatePairs(
  texts: { id: string; text: string }[],
  threshold: number,
  perms: number,
  seed: number,
): [string, string][] {
  const signed: Signed[] = [];
  const byId = new Map<string, string>();
  for (const t of sortedSigned(texts)) {
    const sig = signatureOf(t.text, perms, seed);
    if (sig) {
      signed.push({ id: t.id, sig });
      byId.set(t.id, t.text);
    }
  }
  const steps = nearPairSteps(signed, threshold, perms);
  for (let step = steps.next(new Map()); ; step = steps.next(new Map(step.value.map((id) => [id, byId.get(id)!])))) {
    if (step.done) return step.value;
  }
}

export const sortPairs = (pairs: [string, string][]): [string, string][] =>
  pairs.sort((p, q) => (p.join('|') < q.join('|') ? -1 : 1));
