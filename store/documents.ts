// Documents and their versions. doc_id is the hash of the canonical URL, so an edited article keeps its
// doc_id and gains a version; the newest version (by modified, else published, else fetch time) is current.
import { CleanArticle } from '../core/records.ts';
import { idFrom } from '../core/hash.ts';
import { stripUserinfo } from '../core/safe-text.ts';
import type { Store } from './store.ts';

export type SaveOutcome = 'new' | 'updated' | 'unchanged' | 'older-version';

export const versionIdOf = (a: Pick<CleanArticle, 'doc_id' | 'content_hash'>): string =>
  idFrom('ver', a.doc_id, a.content_hash);

const DOC_COLUMNS = [
  'doc_id',
  'version_id',
  'canonical_url',
  'url',
  'file',
  'content_hash',
  'title',
  'byline',
  'outlet',
  'site_name',
  'published',
  'modified',
  'language',
  'text',
  'bytes_sha256',
  'fetched_at',
  'source_id',
];
const VERSION_COLUMNS = [
  'version_id',
  'doc_id',
  'content_hash',
  'url',
  'title',
  'published',
  'modified',
  'text',
  'bytes_sha256',
  'fetched_at',
  'superseded_by',
];

/** Newest first by modified ?? published, then fetch time, then version_id: instants, not strings (a stored
 * timestamp comes back in UTC, a fresh one may carry an offset), and a full tie still has one answer. */
type Timed = { modified: string | null; published: string | null; fetched_at: string | null; version_id: string };
const instant = (iso: string | null): number => (iso ? Date.parse(iso) || 0 : 0);
export function newerThan(a: Timed, b: Timed): boolean {
  const d =
    instant(a.modified ?? a.published) - instant(b.modified ?? b.published) ||
    instant(a.fetched_at) - instant(b.fetched_at);
  return d !== 0 ? d > 0 : a.version_id > b.version_id;
}

// Stored links never keep a user name or password, whatever stage let one through (core/safe-text.ts).
function docRow(a: CleanArticle): unknown[] {
  return [
    a.doc_id,
    versionIdOf(a),
    stripUserinfo(a.canonical_url),
    stripUserinfo(a.url),
    a.file,
    a.content_hash,
    a.title,
    a.byline,
    a.outlet,
    a.site_name,
    a.published,
    a.modified,
    a.lang,
    a.text,
    a.bytes_sha256,
    a.fetched_at,
    a.source_id,
  ];
}

function versionRow(a: CleanArticle, supersededBy: string | null): unknown[] {
  return [
    versionIdOf(a),
    a.doc_id,
    a.content_hash,
    stripUserinfo(a.url),
    a.title,
    a.published,
    a.modified,
    a.text,
    a.bytes_sha256,
    a.fetched_at,
    supersededBy,
  ];
}

/** Stores one cleaned article; re-saving the same text is a no-op, so re-runs add nothing. The read-decide-
 * write runs in one transaction: pages are cleaned concurrently, and two versions of one page must not both
 * find "no current version" and both become current. */
export function saveArticle(store: Store, a: CleanArticle): Promise<SaveOutcome> {
  return store.transaction(async () => {
    const versionId = versionIdOf(a);
    if (await store.one('SELECT 1 FROM document_versions WHERE version_id = ?', [versionId])) return 'unchanged';
    const current = await store.one<Timed>(
      'SELECT version_id, modified, published, fetched_at FROM documents WHERE doc_id = ?',
      [a.doc_id],
    );
    if (current && newerThan(current, { ...a, version_id: versionId })) {
      // An older version arrived late (an archive copy): keep it as history only.
      await store.upsert('document_versions', VERSION_COLUMNS, [versionRow(a, current.version_id)] as never);
      return 'older-version';
    }
    if (current) {
      await store.run('UPDATE document_versions SET superseded_by = ? WHERE doc_id = ? AND version_id <> ?', [
        versionId,
        a.doc_id,
        versionId,
      ]);
    }
    await store.upsert('document_versions', VERSION_COLUMNS, [versionRow(a, null)] as never);
    await store.upsert('documents', DOC_COLUMNS, [docRow(a)] as never);
    return current ? 'updated' : 'new';
  });
}

/**
 * Stores many cleaned articles in one transaction with the same outcome, row for row, as calling saveArticle on
 * each in order: the version and current-document checks are two set-based reads, the decisions are replayed
 * in memory, and the writes are one UPDATE and Appender inserts (an upsert for documents stored before).
 */
export function saveArticles(store: Store, articles: CleanArticle[]): Promise<SaveOutcome[]> {
  if (articles.length === 0) return Promise.resolve([]);
  return store.transaction(async () => {
    const versionIds = articles.map(versionIdOf);
    const docIds = [...new Set(articles.map((a) => a.doc_id))];
    const known = new Set(
      (
        await store.all<{ version_id: string }>(
          'SELECT version_id FROM document_versions WHERE version_id IN (SELECT unnest(?::VARCHAR[]))',
          [versionIds as never],
        )
      ).map((r) => r.version_id),
    );
    const current = new Map(
      (
        await store.all<Timed & { doc_id: string }>(
          'SELECT doc_id, version_id, modified, published, fetched_at FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))',
          [docIds as never],
        )
      ).map((r) => [r.doc_id, r as Timed]),
    );
    const stored = new Set(current.keys());
    const replay = replaySaves(articles, versionIds, known, current);
    if (replay.superseding.size > 0) {
      const pairs = [...replay.superseding];
      await store.run(
        `UPDATE document_versions SET superseded_by = m.cur
        FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS cur) m
        WHERE document_versions.doc_id = m.doc_id AND document_versions.version_id <> m.cur`,
        [pairs.map((p) => p[0]) as never, pairs.map((p) => p[1]) as never],
      );
    }
    // Rows whose key the table does not hold yet are appended: the upsert's delete-by-key join and its conflict
    // checks cost ~0.7 s of 5,000 new documents' ~3 s of saving. New versions are never stored (`known` says so).
    await store.append('document_versions', VERSION_COLUMNS, replay.versions as never);
    const docs = [...replay.docs.values()];
    await store.upsert('documents', DOC_COLUMNS, docs.filter((a) => stored.has(a.doc_id)).map(docRow) as never);
    await store.append('documents', DOC_COLUMNS, docs.filter((a) => !stored.has(a.doc_id)).map(docRow) as never);
    return replay.outcomes;
  });
}

interface Replay {
  outcomes: SaveOutcome[];
  /** new version rows, superseded_by already final */
  versions: unknown[][];
  /** the final current article of every document that changed */
  docs: Map<string, CleanArticle>;
  /** doc_id → its new current version: every other version of it (stored or new) is superseded by that one */
  superseding: Map<string, string>;
}

/** saveArticle's decisions for each article in order, against the stored state plus the batch so far. */
function replaySaves(
  articles: CleanArticle[],
  versionIds: string[],
  known: Set<string>,
  current: Map<string, Timed>,
): Replay {
  const r: Replay = { outcomes: [], versions: [], docs: new Map(), superseding: new Map() };
  const added: { a: CleanArticle; versionId: string; supersededBy: string | null }[] = [];
  articles.forEach((a, i) => {
    const versionId = versionIds[i];
    if (known.has(versionId)) return r.outcomes.push('unchanged');
    known.add(versionId);
    const cur = current.get(a.doc_id);
    const timed: Timed = {
      modified: a.modified,
      published: a.published,
      fetched_at: a.fetched_at,
      version_id: versionId,
    };
    if (cur && newerThan(cur, timed)) {
      added.push({ a, versionId, supersededBy: cur.version_id });
      return r.outcomes.push('older-version');
    }
    // Like the UPDATE in saveArticle: every other version of this document, earlier in the batch too.
    for (const x of added) if (x.a.doc_id === a.doc_id) x.supersededBy = versionId;
    if (cur) r.superseding.set(a.doc_id, versionId);
    added.push({ a, versionId, supersededBy: null });
    current.set(a.doc_id, timed);
    r.docs.set(a.doc_id, a);
    r.outcomes.push(cur ? 'updated' : 'new');
  });
  r.versions = added.map((x) => versionRow(x.a, x.supersededBy));
  return r;
}

export interface DocRow {
  doc_id: string;
  version_id: string;
  canonical_url: string | null;
  url: string | null;
  file: string | null;
  content_hash: string;
  title: string | null;
  byline: string | null;
  outlet: string | null;
  site_name: string | null;
  published: string | null;
  modified: string | null;
  language: string | null;
  text: string;
  bytes_sha256: string | null;
  fetched_at: string | null;
  source_id: string | null;
}

function toArticle(r: DocRow): CleanArticle {
  return CleanArticle.parse(articleOf(r));
}

/** The row as an article, unchecked: for the text-less reads analyze makes of every row this store wrote from
 * checked articles (checking 100k rows again cost seconds of every incremental analyze). */
export function articleOf(r: DocRow): CleanArticle {
  return {
    doc_id: r.doc_id,
    content_hash: r.content_hash,
    url: r.url,
    canonical_url: r.canonical_url,
    file: r.file,
    title: r.title,
    byline: r.byline,
    outlet: r.outlet,
    site_name: r.site_name,
    published: r.published,
    modified: r.modified,
    lang: r.language,
    text: r.text,
    bytes_sha256: r.bytes_sha256,
    fetched_at: r.fetched_at,
    source_id: r.source_id,
  };
}

/** Every current article, in no particular order, streamed: `each` sees one chunk at a time, so a caller that
 * keeps only part of each article (analyze drops the texts) never holds the whole table. */
export function eachCurrentArticle(store: Store, each: (a: CleanArticle) => void, texts = true): Promise<void> {
  const sql = texts ? 'SELECT * FROM documents' : `SELECT * EXCLUDE (text), '' AS text FROM documents`;
  const read = texts ? toArticle : articleOf;
  return store.each<DocRow>(sql, [], (rows) => rows.forEach((r) => each(read(r))));
}

/** Texts by id: a document's current text under its doc_id, an older version's under its version_id (the ids
 * analyze resolves with). Unknown ids are left out. */
export async function textsByIds(store: Store, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await store.all<{ id: string; text: string }>(
    `SELECT doc_id AS id, text FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))
     UNION ALL SELECT version_id AS id, text FROM document_versions WHERE version_id IN (SELECT unnest(?::VARCHAR[]))`,
    [ids as never, ids as never],
  );
  for (const r of rows) if (!out.has(r.id)) out.set(r.id, r.text);
  return out;
}

/** Every version's fields: its own text, title, URL and dates; the page-level rest from the document. */
export const VERSION_SELECT = `SELECT v.version_id, v.doc_id, d.canonical_url, v.url, d.file, v.content_hash, v.title, d.byline,
  d.outlet, d.site_name, v.published, v.modified, d.language, v.text, v.bytes_sha256, v.fetched_at, d.source_id
  FROM document_versions v JOIN documents d ON d.doc_id = v.doc_id`;

/** Versions of documents (current and older) with no extraction by this extractor version yet; with `all`,
 * every version. Older versions are read too, so their claims reach incident history as superseded. */
export async function versionsToExtract(store: Store, extractorVersion: string, all = false): Promise<CleanArticle[]> {
  const rows = await store.all<DocRow>(
    `${VERSION_SELECT}
     WHERE ? OR NOT EXISTS (SELECT 1 FROM extractions e WHERE e.version_id = v.version_id AND e.extractor_version = ?)
     ORDER BY v.doc_id, v.version_id`,
    [all, extractorVersion],
  );
  return rows.map(toArticle);
}

/** One page of versionsToExtract in (doc_id, version_id) order, after the given key: analyze streams through
 * the versions instead of holding every text at once. */
export async function versionsToExtractPage(
  store: Store,
  extractorVersion: string,
  all: boolean,
  after: { doc_id: string; version_id: string } | null,
  limit: number,
): Promise<(CleanArticle & { version_id: string })[]> {
  // The page's keys are chosen from narrow columns first; only those rows' texts are read. The keys go into the
  // second statement as a literal list, a filter of the scan itself: joined with the page as a subquery, every
  // version's text was read for each page (5,000 copies, 11 pages: ~1.0 s of CPU, ~0.55 s so).
  const page = await store.all<{ version_id: string }>(
    `SELECT v.version_id FROM document_versions v
     WHERE (? OR NOT EXISTS (SELECT 1 FROM extractions e WHERE e.version_id = v.version_id AND e.extractor_version = ?))
       AND (v.doc_id > ? OR (v.doc_id = ? AND v.version_id > ?))
     ORDER BY v.doc_id, v.version_id LIMIT ?`,
    [all, extractorVersion, after?.doc_id ?? '', after?.doc_id ?? '', after?.version_id ?? '', limit],
  );
  if (page.length === 0) return [];
  const keys = page.map((p) => `'${p.version_id.replace(/'/g, "''")}'`).join(', ');
  const rows = await store.all<DocRow>(
    `${VERSION_SELECT} WHERE v.version_id IN (${keys}) ORDER BY v.doc_id, v.version_id`,
  );
  return rows.map((r) => Object.assign(toArticle(r), { version_id: r.version_id }));
}

export interface OlderVersion {
  version_id: string;
  article: CleanArticle;
}

/** Versions replaced by a newer text of the same document, in no particular order, streamed like eachCurrentArticle. */
export function eachOlderVersion(store: Store, each: (v: OlderVersion) => void, texts = true): Promise<void> {
  const select = texts ? VERSION_SELECT : VERSION_SELECT.replace('v.text,', `'' AS text,`);
  return store.each<DocRow>(`${select} WHERE v.version_id <> d.version_id`, [], (rows) =>
    rows.forEach((r) => each({ version_id: r.version_id, article: (texts ? toArticle : articleOf)(r) })),
  );
}
