// The full-text and victim-name search index, kept in DuckDB tables (the fts extension cannot be installed
// offline). Documents are re-indexed only when their current version changes, so re-runs cost little.
import type { Store } from './store.ts';
import { acronym, nameTokens, normaliseName, STEMMER, termFrequencies } from './search-terms.ts';

export interface IndexStats {
  indexed: number;
  removed: number;
  names: number;
}

const BATCH = 2000;
/** Past this share of changed documents, document frequencies are recounted whole rather than per term. */
const FULL_RECOUNT = 0.2;

/** Normalised victim name → its gazetteer aliases (reports/query/aliases.ts loads them). */
export type VictimAliases = Map<string, string[]>;

/** Brings the index in step with `documents` and `incidents`; the analyze stage calls it after each run. */
export async function updateSearchIndex(
  store: Store,
  victimAliases: VictimAliases,
  /** the incidents built this run, when the others are unchanged since the last run (incremental analyze):
   * only their names are read again; names of incidents that are gone are dropped */
  onlyIncidents?: string[],
  /** documents this run indexed already (indexTerms, after prepareSearchIndex) and the terms they touched */
  indexed: { count: number; affected: DfChanges } = { count: 0, affected: new Map() },
): Promise<IndexStats> {
  await dropIfOtherStemmer(store);
  const stale = await store.all<{ doc_id: string; known: boolean }>(`SELECT d.doc_id, s.doc_id IS NOT NULL AS known
    FROM documents d LEFT JOIN search_docs s USING (doc_id) WHERE s.version_id IS DISTINCT FROM d.version_id ORDER BY d.doc_id`);
  const gone = (
    await store.all<{ doc_id: string }>(
      `SELECT doc_id FROM search_docs WHERE doc_id NOT IN (SELECT doc_id FROM documents)`,
    )
  ).map((r) => r.doc_id);
  const affected = indexed.affected;
  for (let i = 0; i < stale.length; i += BATCH) await indexBatch(store, stale.slice(i, i + BATCH), affected);
  if (gone.length) await removeDocs(store, gone, affected);
  const changed = stale.length + gone.length + indexed.count;
  if (changed) await recountTerms(store, affected, changed);
  const names = await rebuildNames(store, victimAliases, onlyIncidents);
  return { indexed: stale.length, removed: gone.length, names };
}

/** Before a caller indexes documents itself (indexTerms): postings of another stemmer are dropped first. */
export const prepareSearchIndex = (store: Store): Promise<void> => dropIfOtherStemmer(store);

/** Postings made by another stemmer cannot answer this one's queries: the index is then rebuilt whole. */
async function dropIfOtherStemmer(store: Store): Promise<void> {
  const built = await store.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'search_stemmer'`);
  if (built?.value === STEMMER) return;
  await store.transaction(async () => {
    for (const t of ['search_docs', 'search_terms', 'search_term_stats']) await store.run(`DELETE FROM ${t}`);
    await store.upsert('meta', ['key', 'value'], [['search_stemmer', STEMMER]]);
  });
}

async function indexBatch(
  store: Store,
  batch: { doc_id: string; known: boolean }[],
  affected: DfChanges,
): Promise<void> {
  const ids = batch.map((b) => b.doc_id);
  const known = new Set(batch.filter((b) => b.known).map((b) => b.doc_id));
  const docs = await store.all<{ doc_id: string; version_id: string; body: string }>(
    `SELECT doc_id, version_id, coalesce(title, '') || chr(10) || coalesce(text, '') AS body FROM documents
     WHERE list_contains(?, doc_id)`,
    [ids as never],
  );
  const rows = docs.map((d): TermsRow => {
    const { tf, len } = termFrequencies(d.body);
    return {
      doc_id: d.doc_id,
      version_id: d.version_id,
      known: known.has(d.doc_id),
      len,
      terms: [...tf.keys()],
      tfs: [...tf.values()],
    };
  });
  await indexTerms(store, rows, affected);
}

/** One document's postings: its terms and their frequencies (search-terms.ts termFrequencies of its title and text). */
export interface TermsRow {
  doc_id: string;
  version_id: string;
  /** indexed before (an older version): its postings are replaced */
  known: boolean;
  len: number;
  terms: string[];
  tfs: number[];
}

/** The body a document is indexed by: what updateSearchIndex reads, for a caller that indexes texts it holds. */
export const searchBody = (title: string | null, text: string | null): string => `${title ?? ''}\n${text ?? ''}`;

/** Document frequency changes by term, summed over the postings a run added and removed (applied by recountTerms). */
export type DfChanges = Map<string, number>;

const change = (affected: DfChanges, term: string, by: number) => affected.set(term, (affected.get(term) ?? 0) + by);

/** The postings of these documents leave the index: their terms' document frequencies go down. */
async function dropping(store: Store, ids: string[], affected: DfChanges): Promise<void> {
  for (const r of await store.all<{ term: string; n: number }>(
    `SELECT term, count(*)::INTEGER AS n FROM search_terms WHERE list_contains(?, doc_id) GROUP BY term`,
    [ids as never],
  )) {
    change(affected, r.term, -r.n);
  }
}

/** Writes documents' postings in one transaction; their terms' df changes go into `affected` (recountTerms). */
export async function indexTerms(store: Store, rows: TermsRow[], affected: DfChanges): Promise<void> {
  if (rows.length === 0) return;
  // only documents indexed before (a new version) have postings to replace: new ones skip the scan
  const known = rows.filter((r) => r.known).map((r) => r.doc_id);
  for (const r of rows) for (const t of r.terms) change(affected, t, 1);
  await store.transaction(async () => {
    if (known.length) {
      await dropping(store, known, affected);
      await store.run(`DELETE FROM search_terms WHERE list_contains(?, doc_id)`, [known as never]);
    }
    // one staged row per document, its terms and frequencies joined by spaces (a term is a run of letters and
    // digits: search-terms.ts), split again by DuckDB: staged as lists, the terms were quoted here and parsed there
    // (1.46M postings of 5,000 real copies: 4.5 s of CPU as lists, 2.8 s so)
    await store.append('search_postings', ['doc_id', 'len', 'terms', 'tfs'], lastPerDoc(rows).map(joined));
    // two unnests in one SELECT zip the lists: (term, tf) pairs; a document without terms (NULL) gives none
    await store.run(
      `INSERT INTO search_terms SELECT unnest(string_split(terms, ' ')), doc_id,
         unnest(string_split(tfs, ' ')::INTEGER[]), len FROM search_postings`,
    );
    await store.run(`DELETE FROM search_postings`);
    await store.upsert(
      'search_docs',
      ['doc_id', 'version_id', 'len'],
      rows.map((r) => [r.doc_id, r.version_id, r.len]) as never,
    );
  });
}

/** A document listed twice keeps its last postings (as the primary key of the earlier staging table did). */
function lastPerDoc(rows: TermsRow[]): TermsRow[] {
  const last = new Map(rows.map((r) => [r.doc_id, r]));
  return last.size === rows.length ? rows : [...last.values()];
}

function joined(r: TermsRow): [string, number, string | null, string | null] {
  if (r.terms.some((t) => t === '' || t.includes(' '))) throw new Error(`search term with a space in ${r.doc_id}`);
  return r.terms.length ? [r.doc_id, r.len, r.terms.join(' '), r.tfs.join(' ')] : [r.doc_id, r.len, null, null];
}

async function removeDocs(store: Store, ids: string[], affected: DfChanges): Promise<void> {
  await store.transaction(async () => {
    await dropping(store, ids, affected);
    await store.run(`DELETE FROM search_terms WHERE list_contains(?, doc_id)`, [ids as never]);
    await store.run(`DELETE FROM search_docs WHERE list_contains(?, doc_id)`, [ids as never]);
  });
}

async function recountTerms(store: Store, affected: DfChanges, changed: number): Promise<void> {
  const total = await store.count('search_docs');
  await store.transaction(async () => {
    if (changed >= total * FULL_RECOUNT) {
      // a large change: rewrite the postings sorted by term, so a term's rows sit in few row groups and
      // DuckDB's min/max zone maps skip the rest when a query looks terms up
      await store.run(
        `CREATE OR REPLACE TEMP TABLE search_terms_sorted AS SELECT * FROM search_terms ORDER BY term, doc_id`,
      );
      await store.run(`DELETE FROM search_terms`);
      await store.run(`INSERT INTO search_terms SELECT * FROM search_terms_sorted`);
      await store.run(`DROP TABLE search_terms_sorted`);
      await store.run(`DELETE FROM search_term_stats`);
      await store.run(`INSERT INTO search_term_stats SELECT term, count(*) FROM search_terms GROUP BY term`);
      return;
    }
    // the changes added to the stored counts: counting the affected terms again scanned every posting (26M at
    // 100k documents, ~1 s of CPU for 1,000 new ones)
    const moved = [...affected].filter(([, by]) => by !== 0);
    if (moved.length === 0) return;
    await store.run(
      `INSERT INTO search_term_stats SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[])
       ON CONFLICT (term) DO UPDATE SET df = df + excluded.df`,
      [moved.map(([t]) => t) as never, moved.map(([, by]) => by) as never],
    );
    await store.run(`DELETE FROM search_term_stats WHERE df <= 0`);
  });
}

/**
 * Every name the victim of each incident was written as: the resolved name, the names in its history, the
 * spellings in its articles ("AIIMS") and the gazetteer's aliases, each with its tokens and acronym.
 */
async function rebuildNames(store: Store, aliases: VictimAliases, only?: string[]): Promise<number> {
  const these = only ? 'WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))' : '';
  const params = only ? [only as never] : [];
  const incidents = await store.all<{ incident_id: string; victim: string; hv: string | null }>(
    `SELECT incident_id, victim, (record->'history'->'victim')::VARCHAR AS hv FROM incidents ${these}`,
    params,
  );
  const names = new Map<string, Set<string>>();
  for (const i of incidents) {
    const set = new Set([i.victim]);
    for (const h of (i.hv ? JSON.parse(i.hv) : []) as { value: unknown }[])
      if (typeof h.value === 'string') set.add(h.value);
    names.set(i.incident_id, set);
  }
  const written = await store.all<{ incident_id: string; name: string | null; canonical: string | null }>(
    `SELECT DISTINCT s.incident_id, f.value->>'name' AS name, f.value->>'canonical' AS canonical
     FROM incident_sources s JOIN documents d ON d.doc_id = s.doc_id
     JOIN facts f ON f.version_id = d.version_id AND f.field = 'victim' ${these.replace('incident_id', 's.incident_id')}`,
    params,
  );
  for (const w of written) {
    const set = names.get(w.incident_id);
    const own =
      set &&
      [...set].some(
        (n) =>
          normaliseName(n) === normaliseName(w.canonical ?? '') || normaliseName(n) === normaliseName(w.name ?? ''),
      );
    if (own && w.name) set.add(w.name);
  }
  const rows: unknown[][] = [];
  for (const [id, set] of names) {
    for (const n of [...set]) for (const a of aliases.get(normaliseName(n)) ?? []) set.add(a);
    for (const n of set) rows.push([id, n, normaliseName(n), nameTokens(n), acronym(n)]);
  }
  await store.transaction(async () => {
    if (only) {
      await store.run(
        `DELETE FROM search_names WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))
         OR incident_id NOT IN (SELECT incident_id FROM incidents)`,
        params,
      );
    } else await store.run(`DELETE FROM search_names`);
    await store.upsert('search_names', ['incident_id', 'name', 'norm', 'tokens', 'acronym'], rows as never);
    await store.run(`DELETE FROM search_name_words`);
    await store.run(`INSERT INTO search_name_words SELECT DISTINCT unnest(tokens) FROM search_names`);
  });
  return rows.length;
}
