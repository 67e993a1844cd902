// Resolve units kept between analyze runs (analyze/resolve/units.ts): one row per document and per older version
// (`rid`: the id resolve knows it by), with a stamp of every stored field it was made from (the rules, the version,
// the document's current version, the fields document clustering and sources read, whether an extraction exists).
// A unit whose stamp differs is made again; a new extraction of its version deletes it (saveExtractions).
import type { CleanArticle } from '../core/records.ts';
import { articleOf, VERSION_SELECT, type DocRow } from './documents.ts';
import type { Store } from './store.ts';

/** Every unit resolve reads, with its current stamp: `rules` names the code and settings units are made by. */
const UNITS_NOW = `
  SELECT d.doc_id AS rid, NULL::VARCHAR AS doc_of,
    hash(?, d.version_id, d.canonical_url, d.url, d.file, d.content_hash, d.title, d.outlet, d.published,
      d.modified, d.fetched_at, e.version_id IS NOT NULL)::VARCHAR AS stamp
  FROM documents d LEFT JOIN extractions e ON e.version_id = d.version_id AND e.extractor_version = ?
  UNION ALL
  SELECT v.version_id, v.doc_id,
    hash(?, v.version_id, d.version_id, d.canonical_url, v.url, d.file, v.content_hash, v.title, d.outlet,
      v.published, v.modified, v.fetched_at, e.version_id IS NOT NULL)::VARCHAR
  FROM document_versions v JOIN documents d ON d.doc_id = v.doc_id
  LEFT JOIN extractions e ON e.version_id = v.version_id AND e.extractor_version = ?
  WHERE v.version_id <> d.version_id AND v.version_id NOT IN (SELECT doc_id FROM documents)`;

export interface StaleUnit {
  rid: string;
  doc_of: string | null;
  stamp: string;
}

/** Units to make (none stored, or made from other fields or rules); units of rows gone are deleted. */
export async function staleUnits(store: Store, rules: string, extractorVersion: string): Promise<StaleUnit[]> {
  const params = [rules, extractorVersion, rules, extractorVersion];
  // the stamps are computed once (a join and a hash over every document and version) for both statements
  await store.run(`CREATE OR REPLACE TEMP TABLE units_now AS ${UNITS_NOW}`, params);
  try {
    await store.run('DELETE FROM resolve_units WHERE rid NOT IN (SELECT rid FROM units_now)');
    return await store.all<StaleUnit>(
      `SELECT n.rid, n.doc_of, n.stamp FROM units_now n LEFT JOIN resolve_units u ON u.rid = n.rid
       WHERE u.stamp IS DISTINCT FROM n.stamp ORDER BY n.rid`,
    );
  } finally {
    await store.run('DROP TABLE IF EXISTS units_now');
  }
}

export interface UnitRow {
  rid: string;
  /** the document (an older version: its own fields, under its document's doc_id), without its text */
  article: CleanArticle;
  /** the extraction's JSON by this extractor version, if any */
  record: string | null;
  /** the version's story terms' JSON by `signer` (store/signatures.ts), if signed */
  story: string | null;
}

/** Documents (current: by doc_id) and older versions (by version_id) with their extractions' JSON. Three narrow
 * reads: a join with extractions would scan every stored record. */
export async function unitRows(
  store: Store,
  rids: string[],
  extractorVersion: string,
  /** null: no story terms (hydrating a unit reads none) */
  signer: string | null,
): Promise<UnitRow[]> {
  if (rids.length === 0) return [];
  const list = 'SELECT unnest(?::VARCHAR[])';
  const current = await store.all<DocRow>(
    `SELECT * EXCLUDE (text), '' AS text FROM documents WHERE doc_id IN (${list})`,
    [rids as never],
  );
  const older = await store.all<DocRow>(
    `${VERSION_SELECT.replace('v.text,', `'' AS text,`)} WHERE v.version_id IN (${list}) AND v.version_id <> d.version_id`,
    [rids as never],
  );
  const rows = [...current.map((r) => ({ rid: r.doc_id, r })), ...older.map((r) => ({ rid: r.version_id, r }))];
  const records = new Map(
    (
      await store.all<{ version_id: string; record: string }>(
        `SELECT version_id, record FROM extractions WHERE version_id IN (${list}) AND extractor_version = ?`,
        [rows.map((x) => x.r.version_id) as never, extractorVersion],
      )
    ).map((x) => [x.version_id, x.record]),
  );
  const versions = rows.map((x) => x.r.version_id);
  const stories = new Map(
    signer === null
      ? []
      : (
          await store.all<{ version_id: string; story: string }>(
            `SELECT version_id, story::VARCHAR AS story FROM version_signatures
             WHERE version_id IN (${list}) AND signer = ?`,
            [versions as never, signer],
          )
        ).map((x) => [x.version_id, x.story]),
  );
  return rows.map(({ rid, r }) => ({
    rid,
    article: articleOf(r),
    record: records.get(r.version_id) ?? null,
    story: stories.get(r.version_id) ?? null,
  }));
}

export function saveUnits(store: Store, rows: { rid: string; stamp: string; body: unknown }[]): Promise<void> {
  return store.upsert(
    'resolve_units',
    ['rid', 'stamp', 'body'],
    rows.map((r) => [r.rid, r.stamp, r.body as object]),
  );
}

/** Every stored unit's JSON, a chunk at a time (read as VARCHAR: the driver converts JSON values slower). */
export function eachUnit(store: Store, each: (body: string) => void): Promise<void> {
  return store.each<{ body: string }>('SELECT body::VARCHAR AS body FROM resolve_units', [], (rows) => {
    for (const r of rows) each(r.body);
  });
}

/** unitRows() for every document and older version at once, streamed table by table (a run that makes most units
 * again: --full, new rules): four scans instead of three lookups per page. `each` gets rows in no order. */
export async function eachUnitRow(
  store: Store,
  extractorVersion: string,
  signer: string,
  each: (row: UnitRow) => void,
): Promise<void> {
  const articles = new Map<string, { rid: string; article: CleanArticle }>();
  await store.each<DocRow>(`SELECT * EXCLUDE (text), '' AS text FROM documents`, [], (rows) => {
    for (const r of rows) articles.set(r.version_id, { rid: r.doc_id, article: articleOf(r) });
  });
  const older = VERSION_SELECT.replace('v.text,', `'' AS text,`);
  await store.each<DocRow>(`${older} WHERE v.version_id <> d.version_id`, [], (rows) => {
    for (const r of rows) articles.set(r.version_id, { rid: r.version_id, article: articleOf(r) });
  });
  const stories = new Map<string, string>();
  await store.each<{ v: string; s: string }>(
    'SELECT version_id AS v, story::VARCHAR AS s FROM version_signatures WHERE signer = ?',
    [signer],
    (rows) => {
      for (const r of rows) if (articles.has(r.v)) stories.set(r.v, r.s);
    },
  );
  const extracted = new Set<string>();
  await store.each<{ v: string; record: string }>(
    'SELECT version_id AS v, record FROM extractions WHERE extractor_version = ?',
    [extractorVersion],
    (rows) => {
      for (const r of rows) {
        const a = articles.get(r.v);
        if (!a) continue;
        extracted.add(r.v);
        each({ ...a, record: r.record, story: stories.get(r.v) ?? null });
      }
    },
  );
  for (const [v, a] of articles) if (!extracted.has(v)) each({ ...a, record: null, story: stories.get(v) ?? null });
}
