// Document clustering: exact copies, versions of one page, syndicated reprints. Every rule is a property of
// a pair or a group of documents, never of input order, so any shuffle gives the same clusters.
import type { CleanArticle } from '../../core/records.ts';
import { idFrom } from '../../core/hash.ts';
import { nearDuplicatePairs } from './minhash.ts';
import type { DocCluster, DocRole, Settings } from './types.ts';
import { cmpBy, instant, sortedBy, UnionFind } from './util.ts';
import { relieveHeap } from '../../core/heap.ts';

type Reason = DocCluster['reason'];

/** The page a document is a version of: canonical URL, else fetched URL, lightly normalised. */
export function pageKey(doc: CleanArticle): string | null {
  const raw = doc.canonical_url ?? doc.url;
  if (!raw) return null;
  try {
    const u = new URL(raw);
    // a report's sections (`report.pdf#page=N`, ingest/clean/sections.ts) are documents of their own, not versions
    if (!/^#page=\d+(&section=\d+)?$/.test(u.hash)) u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^utm_/i.test(k)) u.searchParams.delete(k);
    const path = u.pathname.replace(/\/+$/, '') || '/';
    return `${u.protocol}//${u.host.toLowerCase()}${path}${u.search}${u.hash}`;
  } catch {
    return raw.trim();
  }
}

/** Newest first is decided by modified ?? published, then fetched_at, then doc_id. */
const byVersionTime = cmpBy<CleanArticle>(
  (d) => instant(d.modified ?? d.published),
  (d) => instant(d.fetched_at),
  (d) => d.doc_id,
);

/** Earliest published first; the original of a syndicated story. */
const PUBLISHED_KEYS = [
  (d: CleanArticle) => instant(d.published),
  (d: CleanArticle) => d.doc_id,
  (d: CleanArticle) => d.content_hash,
];
export const byPublished = cmpBy<CleanArticle>(...PUBLISHED_KEYS);

/** Clustering runs at resolve's memory peak (every unit held): its garbage is collected in smaller steps. */
const STEP = 64 * 1024 * 1024;

function groupBy<T>(items: T[], key: (x: T) => string | null): T[][] {
  const m = new Map<string, T[]>();
  for (const x of items) {
    relieveHeap(STEP); // a list and a key per document at 100k documents: the garbage of a pass must not pile up
    const k = key(x);
    if (k === null) continue;
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return [...m.values()];
}

/** Older versions of a page whose text differs from the newest one (or from the one the store says is current). */
function supersededIn(page: CleanArticle[], current: Set<string>): CleanArticle[] {
  const newest = page.find((d) => current.has(d.doc_id)) ?? [...page].sort(byVersionTime).at(-1)!;
  return page.filter((d) => d.content_hash !== newest.content_hash);
}

function reasonOf(members: CleanArticle[], superseded: Set<string>, keyOf: (d: CleanArticle) => string | null): Reason {
  if (members.some((d) => superseded.has(d.doc_id))) return 'version';
  if (groupBy(members, keyOf).some((g) => g.length > 1)) return 'canonical';
  if (new Set(members.map((d) => d.content_hash)).size === 1) return 'exact';
  return 'near-duplicate';
}

export interface DocumentClusters {
  clusters: DocCluster[];
  roles: Map<string, DocRole>;
}

/** `nearPairs`: the near-duplicate pairs when the caller found them already (from signatures streamed off the
 * store, see pipeline/resolve-store.ts); the documents' texts are then not read. */
export function clusterDocuments(input: CleanArticle[], s: Settings, nearPairs?: [string, string][]): DocumentClusters {
  const ids = new Set(input.map((d) => d.doc_id));
  // (an id given twice: the whole pass decides which copy counts)
  if (ids.size !== input.length) return clusterLinked(input, s, nearPairs, new Map());
  // (the pairs join the same sets in any order)
  const pairs = nearPairs ?? pairsOf(input, s);
  // Most documents have no copy, no other version and no near-duplicate: each stands alone, and only the others
  // go through the pass (at 100k documents it took seconds and ~150 MB for the few hundred that link).
  const hashes = new Map<string, number>();
  const keys = new Map<string, number>();
  const pageKeys = new Map<string, string | null>();
  for (const d of input) {
    relieveHeap(STEP); // a URL parse per document: its garbage must not pile up at resolve's peak
    hashes.set(d.content_hash, (hashes.get(d.content_hash) ?? 0) + 1);
    const k = pageKey(d);
    pageKeys.set(d.doc_id, k);
    if (k !== null) keys.set(k, (keys.get(k) ?? 0) + 1);
  }
  const linked = new Set<string>();
  for (const [a, b] of pairs) if (ids.has(a) && ids.has(b)) linked.add(a).add(b);
  for (const [old, cur] of Object.entries(s.versions)) if (ids.has(old) && ids.has(cur)) linked.add(old).add(cur);
  const some: CleanArticle[] = [];
  const roles = new Map<string, DocRole>();
  for (const d of input) {
    const k = pageKeys.get(d.doc_id)!;
    if (linked.has(d.doc_id) || hashes.get(d.content_hash)! > 1 || (k !== null && keys.get(k)! > 1)) some.push(d);
    else roles.set(d.doc_id, { cluster: d.doc_id, superseded: false, duplicate_of: null });
  }
  const found = clusterLinked(some, s, pairs, pageKeys);
  for (const [id, role] of found.roles) roles.set(id, role);
  return { clusters: found.clusters, roles };
}

const pairsOf = (docs: CleanArticle[], s: Settings) =>
  nearDuplicatePairs(
    docs.map((d) => ({ id: d.doc_id, text: d.text })),
    s.nearDuplicate,
    s.minhashPerms,
    s.minhashSeed,
  );

/** Clusters of documents, each of which may link to another; `pageKeys` holds the page keys parsed already. */
function clusterLinked(
  input: CleanArticle[],
  s: Settings,
  nearPairs: [string, string][] | undefined,
  parsed: Map<string, string | null>,
): DocumentClusters {
  const sorted = sortedBy(input, ...PUBLISHED_KEYS);
  const unique = new Map(sorted.map((d) => [d.doc_id, d]));
  // (sorted again only when an id came twice: the one kept may sort elsewhere than the first one's place)
  const docs = unique.size === sorted.length ? sorted : sortedBy([...unique.values()], ...PUBLISHED_KEYS);
  const uf = new UnionFind();
  const superseded = new Set<string>();
  // (a set of one joins nothing: most documents have no copy and no other version)
  for (const g of groupBy(docs, (d) => d.content_hash))
    if (g.length > 1) for (const d of g) uf.union(g[0].doc_id, d.doc_id);
  const ids = new Set(docs.map((d) => d.doc_id));
  const known = Object.entries(s.versions).filter(([old, cur]) => ids.has(old) && ids.has(cur));
  const current = new Set(known.map(([, cur]) => cur));
  // each document's page key is parsed once (a URL parse per document and per cluster cost seconds at 100k)
  const pageKeys = new Map(docs.map((d) => [d.doc_id, parsed.has(d.doc_id) ? parsed.get(d.doc_id)! : pageKey(d)]));
  const keyOf = (d: CleanArticle) => pageKeys.get(d.doc_id) ?? null;
  for (const page of groupBy(docs, keyOf)) {
    if (page.length > 1) for (const d of page) uf.union(page[0].doc_id, d.doc_id);
    for (const d of supersededIn(page, current)) superseded.add(d.doc_id);
  }
  for (const [old, cur] of known) {
    uf.union(old, cur);
    superseded.add(old);
  }
  for (const [a, b] of nearPairs ?? pairsOf(docs, s)) if (ids.has(a) && ids.has(b)) uf.union(a, b);

  const byId = new Map(docs.map((d) => [d.doc_id, d]));
  const roles = new Map<string, DocRole>();
  const clusters: DocCluster[] = [];
  for (const ids of uf.groups(docs.map((d) => d.doc_id))) {
    relieveHeap(STEP);
    const members = ids.map((id) => byId.get(id)!).sort(byPublished);
    if (members.length === 1) {
      roles.set(ids[0], { cluster: ids[0], superseded: false, duplicate_of: null });
      continue;
    }
    const current = members.filter((d) => !superseded.has(d.doc_id));
    const rep = (current[0] ?? members[0]).doc_id;
    const cluster_id = idFrom('clu', members[0].doc_id);
    for (const d of members) {
      const old = superseded.has(d.doc_id);
      roles.set(d.doc_id, { cluster: cluster_id, superseded: old, duplicate_of: old || d.doc_id === rep ? null : rep });
    }
    clusters.push({
      cluster_id,
      doc_ids: [...ids],
      representative: rep,
      reason: reasonOf(members, superseded, keyOf),
      superseded: ids.filter((id) => superseded.has(id)),
    });
  }
  clusters.sort((a, b) => (a.cluster_id < b.cluster_id ? -1 : 1));
  return { clusters, roles };
}
