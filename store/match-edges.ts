// Name edges between incident candidates, kept between analyze runs (analyze/resolve/group.ts, CachedEdges): a
// candidate is known by its match signature; `match_known` holds the candidates of the last run (every pair of them
// was searched), `match_edges` the edges found among them. A new candidate's pairs are searched once.
import type { Store } from './store.ts';

/** [signature a, signature b (a < b), score, date gap in days] */
export type StoredEdge = [string, string, number, number];

export async function knownMatchSigs(store: Store): Promise<Set<string>> {
  const out = new Set<string>();
  await store.each<{ sig: string }>('SELECT sig FROM match_known', [], (rows) => {
    for (const r of rows) out.add(r.sig);
  });
  return out;
}

/** Every stored edge (both ends known). */
export async function matchEdgesStored(store: Store): Promise<StoredEdge[]> {
  const out: StoredEdge[] = [];
  await store.each<{ a: string; b: string; score: number; gap: number }>(
    'SELECT a, b, score, gap FROM match_edges',
    [],
    (rows) => {
      for (const r of rows) out.push([r.a, r.b, r.score, r.gap]);
    },
  );
  return out;
}

/** Saves this run's new edges and makes `current` the known candidates (edges of candidates gone are dropped),
 * in one transaction. */
export function saveMatchEdges(
  store: Store,
  found: StoredEdge[],
  current: string[],
  known: Set<string>,
): Promise<void> {
  const now = new Set(current);
  const gone = [...known].filter((g) => !now.has(g));
  const added = current.filter((g) => !known.has(g));
  if (gone.length === 0 && added.length === 0 && found.length === 0) return Promise.resolve();
  return store.transaction(async () => {
    if (gone.length > 0) {
      const list = 'SELECT unnest(?::VARCHAR[])';
      await store.run(`DELETE FROM match_known WHERE sig IN (${list})`, [gone as never]);
      await store.run(`DELETE FROM match_edges WHERE a IN (${list}) OR b IN (${list})`, [gone as never, gone as never]);
    }
    await store.upsert('match_edges', ['a', 'b', 'score', 'gap'], found);
    await store.upsert(
      'match_known',
      ['sig'],
      added.map((g) => [g]),
    );
  });
}
