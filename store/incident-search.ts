// The SQL behind journalists' incident queries (reports/query/incidents.ts): every filter is a bound parameter,
// never pasted into the SQL text; --victim looks names up in the search index, --text ranks by BM25.
import type { DuckDBValue } from '@duckdb/node-api';
import { isCalendarDate } from '../core/records.ts';
import { ConfigError } from '../core/errors.ts';
import type { Store } from './store.ts';
import { normaliseName, STEMMER, terms } from './search-terms.ts';

export interface IncidentFilters {
  victim?: string;
  country?: string;
  actor?: string;
  type?: string;
  sector?: string;
  since?: string;
  until?: string;
  minRansomUsd?: number;
  text?: string;
  limit?: number;
}

/** Incidents whose best documents are re-scored with term proximity (and get snippets). */
export const RERANK = 50;
/** Best documents per incident re-scored for proximity (only multi-word queries have any). */
export const DOCS_PER_INCIDENT = 2;

/** Store.bind types string arrays as VARCHAR lists. */
type Param = DuckDBValue | string[];
export interface Sql {
  sql: string;
  params: Param[];
}

/**
 * Matches an incident whose victim was ever written like `q`: substring at a word start, acronym, or every
 * query word meeting a name word (`words[k]`: the name words close to query word k).
 */
function victimClause(q: string, words: string[][]): Sql {
  const norm = normaliseName(q);
  // `%` and `_` in a name are characters, not wildcards ("%" alone matched every victim)
  const literal = q.replace(/[\\%_]/g, '\\$&');
  // punctuation only ("---") normalises to '', which the LIKE below would match against every name
  if (!norm) return { sql: `victim ILIKE '%' || ? || '%' ESCAPE '\\'`, params: [literal] };
  const params: Param[] = [norm, norm.replace(/ /g, ''), norm, ...words, literal];
  const sql = `(incident_id IN (SELECT incident_id FROM search_names
      WHERE (' ' || norm) LIKE '% ' || ? || '%' OR acronym = ? OR jaro_winkler_similarity(norm, ?) >= 0.9
      ${words.length ? `OR (${words.map(() => 'list_has_any(tokens, ?)').join(' AND ')})` : ''})
    OR victim ILIKE '%' || ? || '%' ESCAPE '\\')`;
  return { sql, params };
}

/**
 * Name words a query word `t` may mean, before the caller's edit-distance and phonetic checks: equal, extended,
 * of a near length with the first or last letter kept (`edits` apart at most), and from 4 letters every word
 * of letters within two of its length (for sound-alike spellings).
 */
export async function nameWordCandidates(store: Store, t: string, edits: number): Promise<string[]> {
  const rows = await store.all<{ word: string }>(
    `SELECT word FROM search_name_words WHERE word = ?
      OR (length(?) >= 3 AND starts_with(word, ?)) OR (abs(length(word) - ?) <= ? AND (word[1] = ? OR word[-1] = ?))
      OR (length(?) >= 4 AND abs(length(word) - ?) <= 2 AND NOT regexp_matches(word, '[0-9]'))`,
    [t, t, t, t.length, edits, t[0], t[t.length - 1], t, t.length],
  );
  return rows.map((r) => r.word);
}

/**
 * BM25 (k1 1.2, b 0.75) per document over the index tables; an incident scores its best document. Terms are
 * listed as placeholders (not a joined list) so DuckDB can push them into the scan and skip row groups.
 */
const bm25 = (nTerms: number) => `WITH st AS (SELECT count(*)::DOUBLE AS n, avg(len) AS avgdl FROM search_docs),
  p AS (SELECT t.doc_id, t.tf, t.len, ts.df FROM search_terms t JOIN search_term_stats ts USING (term)
    WHERE t.term IN (${new Array(nTerms).fill('?').join(', ')})),
  ds AS MATERIALIZED (SELECT p.doc_id, sum(ln(1 + (st.n - p.df + 0.5) / (p.df + 0.5)) * p.tf * 2.2
      / (p.tf + 1.2 * (0.25 + 0.75 * p.len / st.avgdl))) AS score
    FROM p CROSS JOIN st GROUP BY p.doc_id),
  hits AS (SELECT s.incident_id, max(ds.score) AS score FROM ds JOIN incident_sources s USING (doc_id) GROUP BY s.incident_id)`;

/** The query for `f`: `actors` are the canonical group names --actor may mean, `words` as victimClause's. */
export function incidentQuery(f: IncidentFilters, actors: string[] | null, words: string[][] = []): Sql {
  const where: string[] = [];
  const params: Param[] = [];
  const add = (clause: string, ...values: Param[]) => {
    where.push(clause);
    params.push(...values);
  };
  for (const [name, v] of [
    ['since', f.since],
    ['until', f.until],
  ] as const) {
    if (v && !isCalendarDate(v)) throw new ConfigError(`--${name} must be YYYY-MM-DD, got "${v}"`);
  }
  if (f.victim?.trim()) {
    const v = victimClause(f.victim.trim(), words);
    add(v.sql, ...v.params);
  }
  if (f.country) add('country = ?', f.country.toUpperCase());
  if (actors)
    add(
      'list_contains(?, lower(actor))',
      actors.map((a) => a.toLowerCase()),
    );
  if (f.type) add('list_contains(attack_types, ?)', f.type.toLowerCase());
  if (f.sector) add('sector = ?', f.sector.toLowerCase());
  if (f.since) add('coalesce(attack_date, first_reported) >= ?::DATE', f.since);
  if (f.until) add('coalesce(attack_date, first_reported) <= ?::DATE', f.until);
  if (f.minRansomUsd !== undefined) add('ransom_demanded_usd >= ?', f.minRansomUsd);
  const limit = Math.max(1, Math.min(Math.trunc(f.limit ?? 50), 100000));
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  if (f.text !== undefined) {
    const t = [...new Set(terms(f.text))];
    if (t.length === 0) throw new ConfigError(`--text needs at least one searchable word, got "${f.text}"`);
    // rank and cut on the narrow columns first; records and best documents only for the rows kept
    return {
      sql: `${bm25(t.length)},
        top AS (SELECT h.incident_id, h.score FROM hits h JOIN incidents USING (incident_id) ${cond}
          ORDER BY h.score DESC, h.incident_id LIMIT ${Math.max(limit, RERANK)})
        SELECT i.record, top.score, (SELECT list({'doc_id': ds.doc_id, 'score': ds.score} ORDER BY ds.score DESC, ds.doc_id)[1:${DOCS_PER_INCIDENT}]
            FROM ds JOIN incident_sources s USING (doc_id) WHERE s.incident_id = top.incident_id) AS docs
        FROM top JOIN incidents i USING (incident_id) ORDER BY top.score DESC, top.incident_id`,
      params: [...t, ...params],
    };
  }
  return {
    sql: `WITH top AS (SELECT incident_id, coalesce(attack_date, first_reported) AS d FROM incidents ${cond}
        ORDER BY d DESC NULLS LAST, incident_id LIMIT ${limit})
      SELECT i.record FROM top JOIN incidents i USING (incident_id) ORDER BY top.d DESC NULLS LAST, top.incident_id`,
    params,
  };
}

export interface IncidentRow {
  record: string;
  score?: number;
  docs?: { doc_id: string; score: number }[];
}

export function runIncidentQuery(store: Store, q: Sql): Promise<IncidentRow[]> {
  return store.all<IncidentRow>(q.sql, q.params as DuckDBValue[]);
}

/** Refuses --text on a store whose full-text index is missing or was built by another stemmer. */
export async function assertTextIndex(store: Store): Promise<void> {
  const indexed = await store.one('SELECT 1 FROM search_docs LIMIT 1');
  if (!indexed && (await store.one('SELECT 1 FROM documents LIMIT 1'))) {
    throw new ConfigError('the full-text index is empty: run `triage analyze` once to build it');
  }
  if (
    indexed &&
    (await store.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'search_stemmer'`))?.value !== STEMMER
  ) {
    throw new ConfigError(
      'the full-text index was built with an older stemmer: run `triage analyze` once to rebuild it',
    );
  }
}

/** Indexed documents, and the document frequency of each of `terms` that occurs. */
export async function termStats(store: Store, q: string[]): Promise<{ n: number; df: Map<string, number> }> {
  const n = (await store.one<{ n: number }>('SELECT count(*) AS n FROM search_docs'))?.n ?? 0;
  const rows = await store.all<{ term: string; df: number }>(
    `SELECT term, df FROM search_term_stats WHERE term IN (${q.map(() => '?').join(', ')})`,
    q,
  );
  return { n, df: new Map(rows.map((r) => [r.term, r.df])) };
}

/** One incident's record by ID. */
export async function incidentRecord(store: Store, id: string): Promise<string | null> {
  return (
    (await store.one<{ record: string }>('SELECT record FROM incidents WHERE incident_id = ?', [id]))?.record ?? null
  );
}

export interface DocText {
  doc_id: string;
  title: string | null;
  text: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

/** Texts of a few documents. One placeholder per ID: DuckDB pushes an IN list into the scan and reads the
 * text column only for matching rows (a list parameter would read every text). */
export async function docTexts(store: Store, ids: string[]): Promise<DocText[]> {
  if (ids.length === 0) return [];
  return store.all(
    `SELECT doc_id, title, text, outlet, coalesce(canonical_url, url, file) AS url,
      strftime(published, '%Y-%m-%d') AS published
    FROM documents WHERE doc_id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
}
