// Incremental incident writes (issue 19): analyze builds only the incidents whose inputs changed (their input
// digests, analyze/resolve/inputs.ts, are kept in incident_inputs), so only those rows are replaced; incidents
// that are gone are deleted. One transaction, like replaceIncidentsWith, so a stopped run changes nothing.
import type { Incident } from '../core/records.ts';
import { INCIDENT_COLUMNS, incidentRow, type ClusterRow } from './analysis.ts';
import type { Store } from './store.ts';

const WRITE_BATCH = 2000;

/** What each incident was built from: its input digest and its ID key (analyze/resolve/inputs.ts KeptInputs). */
export interface KeptRow {
  digest: string;
  key: { base: string; first_reported: string | null; earliest: string };
}

export async function storedInputDigests(store: Store): Promise<Map<string, KeptRow>> {
  const rows = await store.all<{ incident_id: string; digest: string; id_key: string | null }>(
    'SELECT incident_id, digest, id_key FROM incident_inputs WHERE id_key IS NOT NULL',
  );
  return new Map(rows.map((r) => [r.incident_id, { digest: r.digest, key: JSON.parse(r.id_key!) }]));
}

export interface Resolution {
  clusters: ClusterRow[];
  /** every incident's ID → its input digest and ID key, rebuilt or kept */
  digests: Map<string, KeptRow>;
}

/** `fill` hands the rebuilt incidents to `add` a batch at a time and returns every incident's digest and the cluster
 * rows; `full` deletes every incident first (analyze --full). `kept`: the digests stored before (storedInputDigests):
 * only the rows that differ are written, so a run that changed a few incidents writes a few rows. */
export function updateIncidentsWith(
  store: Store,
  full: boolean,
  kept: Map<string, KeptRow>,
  fill: (add: (batch: Incident[]) => Promise<void>) => Promise<Resolution>,
): Promise<void> {
  return store.transaction(async () => {
    if (full) for (const t of ['incident_sources', 'incidents', 'incident_inputs']) await store.run(`DELETE FROM ${t}`);
    const { clusters, digests } = await fill(async (batch) => {
      const ids = batch.map((x) => x.incident_id);
      await store.run('DELETE FROM incident_sources WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))', [
        ids as never,
      ]);
      await store.upsert('incidents', INCIDENT_COLUMNS, batch.map(incidentRow) as never);
      await store.upsert(
        'incident_sources',
        ['incident_id', 'doc_id'],
        batch.flatMap((x) => x.sources.map((s) => [x.incident_id, s.doc_id])),
      );
    });
    const keep = [...digests.keys()];
    for (const t of ['incident_sources', 'incidents']) {
      await store.run(`DELETE FROM ${t} WHERE incident_id NOT IN (SELECT unnest(?::VARCHAR[]))`, [keep as never]);
    }
    const same = (a: KeptRow | undefined, b: KeptRow) => a?.digest === b.digest && sameKey(a.key, b.key);
    const changed = [...digests].filter(([id, k]) => !same(kept.get(id), k));
    const gone = [...kept.keys()].filter((id) => !digests.has(id));
    await store.run(
      'DELETE FROM incident_inputs WHERE id_key IS NULL OR incident_id IN (SELECT unnest(?::VARCHAR[]))',
      [[...gone, ...changed.map(([id]) => id)] as never],
    );
    const inputs = changed.map(([id, k]) => [id, k.digest, k.key]);
    for (let i = 0; i < inputs.length; i += WRITE_BATCH) {
      await store.append('incident_inputs', ['incident_id', 'digest', 'id_key'], inputs.slice(i, i + WRITE_BATCH));
    }
    await replaceClusters(store, clusters);
  });
}

const sameKey = (a: KeptRow['key'], b: KeptRow['key']) =>
  a.base === b.base && a.first_reported === b.first_reported && a.earliest === b.earliest;

/** Writes the cluster rows that differ from the stored ones and deletes the rows of documents in no cluster now. */
async function replaceClusters(store: Store, clusters: ClusterRow[]): Promise<void> {
  const rowKey = (c: ClusterRow) => `${c.cluster_id}\u0000${c.reason}\u0000${c.representative}`;
  const now = new Map(clusters.map((c) => [c.doc_id, rowKey(c)]));
  const stale: string[] = [];
  await store.each<ClusterRow>(
    'SELECT doc_id, cluster_id, reason, representative FROM document_clusters',
    [],
    (rows) => {
      for (const r of rows) {
        if (now.get(r.doc_id) === rowKey(r)) now.delete(r.doc_id);
        else stale.push(r.doc_id);
      }
    },
  );
  await store.run('DELETE FROM document_clusters WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))', [stale as never]);
  const fresh = clusters.filter((c) => now.has(c.doc_id));
  for (let i = 0; i < fresh.length; i += WRITE_BATCH) {
    await store.append(
      'document_clusters',
      ['doc_id', 'cluster_id', 'reason', 'representative'],
      fresh.slice(i, i + WRITE_BATCH).map((c) => [c.doc_id, c.cluster_id, c.reason, c.representative]),
    );
  }
}
