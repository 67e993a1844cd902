// What resolution needs per document version, computed once (pipeline/signatures.ts): LSH band keys of its
// MinHash signature, its story terms, and the near-duplicate pairs confirmed so far. Keyed by version_id: a
// version's text never changes, so neither do these.
import type { Store } from './store.ts';
import { EXTRACTIONS_SAVED } from './analysis.ts';

export interface SignatureRow {
  version_id: string;
  /** LSH band keys, or null for a text too short to shingle */
  keys: number[] | null;
  /** [term, count] pairs (analyze/resolve/stories.ts) */
  story: [string, number][];
}

/** One page of versions (id and text) without a signature by `signer`, in version_id order after `after`. */
export function unsignedVersions(
  store: Store,
  signer: string,
  after: string,
  limit: number,
): Promise<{ version_id: string; text: string }[]> {
  return store.all(
    `WITH page AS (
       SELECT v.version_id FROM document_versions v
       WHERE v.version_id > ? AND NOT EXISTS
         (SELECT 1 FROM version_signatures s WHERE s.version_id = v.version_id AND s.signer = ?)
       ORDER BY v.version_id LIMIT ?)
     SELECT version_id, text FROM document_versions WHERE version_id IN (SELECT version_id FROM page)
     ORDER BY version_id`,
    [after, signer, limit],
  );
}

/** Saves signatures (replacing any older ones of those versions) and their LSH rows. */
export function saveSignatures(store: Store, signer: string, rows: SignatureRow[]): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  // only versions without a signature are signed (signers that differ are cleared first: clearForSigner), so
  // there are no LSH rows to replace: a delete here would scan the whole table once per page
  return store.transaction(async () => {
    await store.upsert(
      'version_signatures',
      ['version_id', 'signer', 'story', 'paired'],
      rows.map((r) => [r.version_id, signer, r.story, false]),
    );
    await store.append(
      'version_lsh',
      ['band', 'bucket', 'version_id'],
      rows.flatMap((r) => (r.keys ?? []).map((k, b) => [b, k, r.version_id])),
    );
  });
}

/** Forgets every signature, LSH row and pair, and the name edges: `analyze --full` recomputes them from scratch. */
export async function clearSignatures(store: Store): Promise<void> {
  await store.transaction(async () => {
    for (const t of [
      'version_signatures',
      'version_lsh',
      'near_duplicates',
      'match_known',
      'match_edges',
      'resolve_units',
    ])
      await store.run(`DELETE FROM ${t}`);
  });
}

/** Forgets signatures made by other rules (and their LSH rows and pairs): every version is signed again. */
export async function clearForSigner(store: Store, signer: string): Promise<void> {
  const other = await store.one<{ n: number }>('SELECT count(*) AS n FROM version_signatures WHERE signer <> ?', [
    signer,
  ]);
  if (Number(other?.n ?? 0) > 0) await clearSignatures(store);
}

/** Buckets (sorted version ids) of two or more versions sharing a band key; with `touching`, only the buckets
 * holding one of those versions. Ordered by band, then bucket; read one band at a time, so that grouping millions
 * of rows stays within analyze's DuckDB memory limit. */
export async function lshBucketsStored(store: Store, touching: string[] | null): Promise<string[][]> {
  const filter = touching
    ? `AND bucket IN (SELECT bucket FROM version_lsh WHERE band = ? AND version_id IN (SELECT unnest(?::VARCHAR[])))`
    : '';
  const top = await store.one<{ b: number | null }>('SELECT max(band) AS b FROM version_lsh');
  const out: string[][] = [];
  for (let band = 0; band <= Number(top?.b ?? -1); band++) {
    const rows = await store.all<{ ids: string[] }>(
      `SELECT list(version_id ORDER BY version_id) AS ids FROM version_lsh WHERE band = ? ${filter}
       GROUP BY bucket HAVING count(*) > 1 ORDER BY bucket`,
      touching ? [band, band, touching as never] : [band],
    );
    for (const r of rows) out.push(r.ids);
  }
  return out;
}

export async function nearPairsStored(store: Store): Promise<[string, string][]> {
  const rows = await store.all<{ a: string; b: string }>('SELECT a, b FROM near_duplicates ORDER BY a, b');
  return rows.map((r) => [r.a, r.b]);
}

/** Saves the pairs found for `paired` versions and marks them paired, in one transaction. */
export function saveNearPairs(store: Store, pairs: [string, string][], paired: string[]): Promise<void> {
  return store.transaction(async () => {
    await store.upsert('near_duplicates', ['a', 'b'], pairs);
    await store.run('UPDATE version_signatures SET paired = true WHERE version_id IN (SELECT unnest(?::VARCHAR[]))', [
      paired as never,
    ]);
  });
}

/** Signed versions whose near-duplicate pairs are not found yet. */
export async function unpairedVersions(store: Store, signer: string): Promise<string[]> {
  const rows = await store.all<{ version_id: string }>(
    'SELECT version_id FROM version_signatures WHERE signer = ? AND NOT paired ORDER BY version_id',
    [signer],
  );
  return rows.map((r) => r.version_id);
}

/** Texts of versions by version_id. */
export async function versionTexts(store: Store, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await store.all<{ version_id: string; text: string }>(
    'SELECT version_id, text FROM document_versions WHERE version_id IN (SELECT unnest(?::VARCHAR[]))',
    [ids as never],
  );
  return new Map(rows.map((r) => [r.version_id, r.text]));
}

/** The near-duplicate pairs under the ids resolve knows versions by (doc_id when current, else the version_id;
 * a version without a document keeps its own), each pair sorted. Mapped here: reading the id of every version
 * cost more than the pairs. */
export async function nearPairsResolved(store: Store): Promise<[string, string][]> {
  const rid = (x: string) => `CASE WHEN d${x}.version_id = n.${x} THEN v${x}.doc_id ELSE n.${x} END`;
  const join = (x: string) =>
    `LEFT JOIN document_versions v${x} ON v${x}.version_id = n.${x} LEFT JOIN documents d${x} ON d${x}.doc_id = v${x}.doc_id`;
  const rows = await store.all<{ a: string; b: string }>(
    `SELECT least(x, y) AS a, greatest(x, y) AS b FROM (SELECT ${rid('a')} AS x, ${rid('b')} AS y
     FROM near_duplicates n ${join('a')} ${join('b')}) ORDER BY a, b`,
  );
  return rows.map((r) => [r.a, r.b]);
}

/** A digest of everything resolve reads from the store: documents and their versions, the extractions by this
 * extractor version (by version, and the mark of the last extraction save: a version read again keeps its key),
 * the signatures. Equal digests mean equal inputs (with the same code and reference data). */
export async function resolveInputsDigest(store: Store, extractorVersion: string, signer: string): Promise<string> {
  const r = await store.one<Record<string, unknown>>(
    `SELECT
       (SELECT count(*) || ':' || coalesce(bit_xor(hash(doc_id, version_id)), 0) FROM documents) AS docs,
       (SELECT count(*) || ':' || coalesce(bit_xor(hash(version_id, doc_id)), 0) FROM document_versions) AS versions,
       (SELECT count(*) || ':' || coalesce(bit_xor(hash(version_id)), 0) FROM extractions
         WHERE extractor_version = ?) AS extractions,
       (SELECT count(*) || ':' || coalesce(bit_xor(hash(version_id)), 0) FROM version_signatures
         WHERE signer = ?) AS signatures,
       (SELECT count(*) || ':' || coalesce(bit_xor(hash(a, b)), 0) FROM near_duplicates) AS pairs,
       (SELECT value FROM meta WHERE key = ?) AS saved`,
    [extractorVersion, signer, EXTRACTIONS_SAVED],
  );
  return JSON.stringify(r);
}

export async function metaValue(store: Store, key: string): Promise<string | null> {
  const r = await store.one<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
  return r?.value ?? null;
}

export function setMeta(store: Store, key: string, value: string): Promise<void> {
  return store.upsert('meta', ['key', 'value'], [[key, value]]);
}
