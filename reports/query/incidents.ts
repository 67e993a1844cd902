// Journalists' incident queries: every filter is a SQL parameter, never pasted into the SQL text. --victim is
// fuzzy (names as written, aliases, acronyms, small typos), --actor knows group aliases, --text ranks by BM25.
import type { DuckDBValue } from '@duckdb/node-api';
import { Incident, isCalendarDate } from '../../core/records.ts';
import { ConfigError } from '../../core/errors.ts';
import type { Store } from '../../data/store.ts';
import { actorCandidates, editDistance, loadAliases, type Aliases } from './aliases.ts';
import { DoubleMetaphone } from 'natural/lib/natural/phonetics/index.js';
import { nameTokens, normaliseName, STEMMER, terms } from './tokens.ts';
import { makeSnippet, markSnippet, type Snippet } from './snippets.ts';
import { idfOf, proximityBonus } from './proximity.ts';

export interface IncidentFilters {
  victim?: string; country?: string; actor?: string; type?: string; sector?: string; since?: string; until?: string;
  minRansomUsd?: number; text?: string; limit?: number;
}

/** An incident as returned by a query: with its BM25 score and snippets when --text was given. */
export type IncidentHit = Incident & { score?: number; snippets?: Snippet[] };

/** Incidents whose best documents are re-scored with term proximity (and get snippets). */
const RERANK = 50;
/** Best documents per incident re-scored for proximity (only multi-word queries have any). */
const DOCS_PER_INCIDENT = 2;

/** Store.bind types string arrays as VARCHAR lists. */
type Param = DuckDBValue | string[];
interface Sql { sql: string; params: Param[] }

/**
 * Matches an incident whose victim was ever written like `q`: substring at a word start, acronym, or every
 * query word meeting a name word (`words[k]`: the name words close to query word k, see victimWords).
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
 * For each word of a --victim query, the words of known victim names it may mean: equal, extended (a prefix
 * of 3+ letters), one edit away (two from 8 letters), or, from 4 letters, sounding alike (a Double Metaphone key
 * in common: "Filips" finds "philips"). Cheap SQL filters (length, first or last letter kept) pick the
 * candidates from the name vocabulary; edit distances and phonetic keys are computed here, on those few.
 */
export async function victimWords(store: Store, q: string): Promise<string[][]> {
  const out: string[][] = [];
  for (const t of nameTokens(q)) {
    const edits = t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0;
    const rows = await store.all<{ word: string }>(`SELECT word FROM search_name_words WHERE word = ?
      OR (length(?) >= 3 AND starts_with(word, ?)) OR (abs(length(word) - ?) <= ? AND (word[1] = ? OR word[-1] = ?))
      OR (length(?) >= 4 AND abs(length(word) - ?) <= 2 AND NOT regexp_matches(word, '[0-9]'))`,
    [t, t, t, t.length, edits, t[0], t[t.length - 1], t, t.length]);
    const sound = t.length >= 4 ? soundsOf(t) : [];
    out.push(rows.map((r) => r.word).filter((w) => w === t || (t.length >= 3 && w.startsWith(t))
      || editDistance(w, t) <= edits || (sound.length > 0 && soundsOf(w).some((k) => sound.includes(k)))));
  }
  return out;
}

const SOUNDS = new Map<string, string[]>();

/** A word's Double Metaphone keys (primary and alternate; none for a word without consonant sounds), memoised. */
function soundsOf(word: string): string[] {
  let keys = SOUNDS.get(word);
  if (!keys) {
    if (SOUNDS.size >= 200_000) SOUNDS.clear();
    keys = [...new Set(DoubleMetaphone.process(word))].filter((k) => k.length >= 2);
    SOUNDS.set(word, keys);
  }
  return keys;
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

export function buildIncidentQuery(f: IncidentFilters, aliases: Aliases = loadAliases(), words: string[][] = []): Sql {
  const where: string[] = [];
  const params: Param[] = [];
  const add = (clause: string, ...values: Param[]) => { where.push(clause); params.push(...values); };
  for (const [name, v] of [['since', f.since], ['until', f.until]] as const) {
    if (v && !isCalendarDate(v)) throw new ConfigError(`--${name} must be YYYY-MM-DD, got "${v}"`);
  }
  if (f.victim?.trim()) { const v = victimClause(f.victim.trim(), words); add(v.sql, ...v.params); }
  if (f.country) add('country = ?', f.country.toUpperCase());
  if (f.actor) add('list_contains(?, lower(actor))', actorCandidates(f.actor, aliases).map((a) => a.toLowerCase()));
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

interface Row { record: string; score?: number; docs?: { doc_id: string; score: number }[] }

export async function queryIncidents(store: Store, f: IncidentFilters, aliases?: Aliases): Promise<IncidentHit[]> {
  if (f.text !== undefined && !(await store.one('SELECT 1 FROM search_docs LIMIT 1')) && (await store.one('SELECT 1 FROM documents LIMIT 1'))) {
    throw new ConfigError('the full-text index is empty: run `triage analyze` once to build it');
  }
  if (f.text !== undefined && (await store.one('SELECT 1 FROM search_docs LIMIT 1'))
    && (await store.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'search_stemmer'`))?.value !== STEMMER) {
    throw new ConfigError('the full-text index was built with an older stemmer: run `triage analyze` once to rebuild it');
  }
  const words = f.victim?.trim() ? await victimWords(store, f.victim) : [];
  const { sql, params } = buildIncidentQuery(f, aliases, words);
  const rows = await store.all<Row>(sql, params as DuckDBValue[]);
  const hits = rows.map((r) => Incident.parse(JSON.parse(r.record)) as IncidentHit);
  if (f.text === undefined) return hits;
  const limit = Math.max(1, Math.min(Math.trunc(f.limit ?? 50), 100000));
  return (await rerank(store, hits, rows, f.text)).slice(0, limit);
}

/** Adds term proximity to the BM25 of the top incidents' best documents, re-sorts them, attaches snippets. */
async function rerank(store: Store, hits: IncidentHit[], rows: Row[], text: string): Promise<IncidentHit[]> {
  const q = [...new Set(terms(text))];
  const perIncident = q.length > 1 ? DOCS_PER_INCIDENT : 1;
  const head = rows.slice(0, RERANK).map((r) => ({ ...r, docs: (r.docs ?? []).slice(0, perIncident) }));
  const ids = head.flatMap((r) => r.docs.map((d) => d.doc_id));
  const texts = new Map((await docTexts(store, ids)).map((d) => [d.doc_id, d]));
  const n = (await store.one<{ n: number }>('SELECT count(*) AS n FROM search_docs'))?.n ?? 0;
  const idf = new Map((await store.all<{ term: string; df: number }>(
    `SELECT term, df FROM search_term_stats WHERE term IN (${q.map(() => '?').join(', ')})`, q)).map((r) => [r.term, idfOf(n, r.df)]));
  head.forEach((r, i) => {
    const docs = r.docs.map((d) => {
      const t = texts.get(d.doc_id);
      return { ...d, score: d.score + proximityBonus(`${t?.title ?? ''}\n${t?.text ?? ''}`, q, idf) };
    }).sort((a, b) => b.score - a.score || a.doc_id.localeCompare(b.doc_id));
    hits[i].score = docs[0]?.score ?? r.score ?? 0;
    hits[i].snippets = docs.slice(0, 1).filter((d) => texts.has(d.doc_id))
      .map((d) => makeSnippet(d.doc_id, texts.get(d.doc_id)!.text ?? texts.get(d.doc_id)!.title ?? '', text));
  });
  rows.slice(RERANK).forEach((r, i) => { hits[RERANK + i].score = r.score; });
  const top = hits.slice(0, RERANK).sort((a, b) => b.score! - a.score! || a.incident_id.localeCompare(b.incident_id));
  return [...top, ...hits.slice(RERANK)];
}

/** The JSON form of a hit: snippets carry their matches marked **like this**. */
export function hitJson(h: IncidentHit): unknown {
  if (!h.snippets) return h;
  return { ...h, snippets: h.snippets.map((s) => ({ doc_id: s.doc_id, text: markSnippet(s) })) };
}

/** One incident by ID; with `text`, snippets from each of its sources that contains the words. */
export async function getIncident(store: Store, id: string, text?: string): Promise<IncidentHit | null> {
  const row = await store.one<{ record: string }>('SELECT record FROM incidents WHERE incident_id = ?', [id]);
  if (!row) return null;
  const hit: IncidentHit = Incident.parse(JSON.parse(row.record));
  if (text && terms(text).length) {
    const docs = await docTexts(store, hit.sources.map((s) => s.doc_id));
    hit.snippets = docs.map((d) => makeSnippet(d.doc_id, d.text ?? '', text)).filter((s) => s.highlights.length > 0);
  }
  return hit;
}

/** Texts of a few documents. One placeholder per ID: DuckDB pushes an IN list into the scan and reads the
 * text column only for matching rows (a list parameter would read every text). */
async function docTexts(store: Store, ids: string[]): Promise<{ doc_id: string; title: string | null; text: string | null }[]> {
  if (ids.length === 0) return [];
  return store.all(`SELECT doc_id, title, text FROM documents WHERE doc_id IN (${ids.map(() => '?').join(', ')})`, ids);
}
