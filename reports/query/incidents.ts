// Journalists' incident queries: --victim is fuzzy (names as written, aliases, acronyms, small typos, sound-alike
// spellings), --actor knows group aliases, --text ranks by BM25 then term proximity. The SQL lives in
// store/incident-search.ts; every filter is a bound parameter there.
import { DoubleMetaphone } from 'natural/lib/natural/phonetics/index.js';
import { Incident } from '../../core/records.ts';
import type { Store } from '../../store/store.ts';
import { nameTokens, terms } from '../../store/search-terms.ts';
import {
  assertTextIndex,
  docTexts,
  DOCS_PER_INCIDENT,
  incidentQuery,
  incidentRecord,
  nameWordCandidates,
  RERANK,
  runIncidentQuery,
  termStats,
  type IncidentFilters,
  type DocText,
  type IncidentRow,
  type Sql,
} from '../../store/incident-search.ts';
import { actorCandidates, editDistance, loadAliases, type Aliases } from './aliases.ts';
import { makeSnippet, markSnippet, victimMentions, victimNames, type Snippet } from './snippets.ts';
import { stripUserinfo } from '../../core/safe-text.ts';
import { idfOf, proximityBonus } from './proximity.ts';

export type { IncidentFilters } from '../../store/incident-search.ts';

/** An incident as returned by a query: with its BM25 score and snippets when --text was given. */
export type IncidentHit = Incident & { score?: number; snippets?: Snippet[] };

/**
 * For each word of a --victim query, the words of known victim names it may mean: equal, extended (a prefix
 * of 3+ letters), one edit away (two from 8 letters), or, from 4 letters, sounding alike (a Double Metaphone key
 * in common: "Medibanque" finds "medibank"). The store picks candidates from the name vocabulary with cheap
 * filters; edit distances and phonetic keys are computed here, on those few.
 */
export async function victimWords(store: Store, q: string): Promise<string[][]> {
  const out: string[][] = [];
  for (const t of nameTokens(q)) {
    const edits = t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0;
    const sound = t.length >= 4 ? soundsOf(t) : [];
    out.push(
      (await nameWordCandidates(store, t, edits)).filter(
        (w) =>
          w === t ||
          (t.length >= 3 && w.startsWith(t)) ||
          editDistance(w, t) <= edits ||
          (sound.length > 0 && soundsOf(w).some((k) => sound.includes(k))),
      ),
    );
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

/** The SQL of a query; --actor is read against the group aliases. */
export function buildIncidentQuery(f: IncidentFilters, aliases: Aliases = loadAliases(), words: string[][] = []): Sql {
  return incidentQuery(f, f.actor ? actorCandidates(f.actor, aliases) : null, words);
}

export async function queryIncidents(store: Store, f: IncidentFilters, aliases?: Aliases): Promise<IncidentHit[]> {
  if (f.text !== undefined) await assertTextIndex(store);
  const words = f.victim?.trim() ? await victimWords(store, f.victim) : [];
  const rows = await runIncidentQuery(store, buildIncidentQuery(f, aliases, words));
  const hits = rows.map((r) => Incident.parse(JSON.parse(r.record)) as IncidentHit);
  if (f.text === undefined) return hits;
  const limit = Math.max(1, Math.min(Math.trunc(f.limit ?? 50), 100000));
  return (await rerank(store, hits, rows, f.text)).slice(0, limit);
}

/** Adds term proximity to the BM25 of the top incidents' best documents, re-sorts them, attaches snippets. */
async function rerank(store: Store, hits: IncidentHit[], rows: IncidentRow[], text: string): Promise<IncidentHit[]> {
  const q = [...new Set(terms(text))];
  const perIncident = q.length > 1 ? DOCS_PER_INCIDENT : 1;
  const head = rows.slice(0, RERANK).map((r) => ({ ...r, docs: (r.docs ?? []).slice(0, perIncident) }));
  const ids = head.flatMap((r) => r.docs.map((d) => d.doc_id));
  const texts = new Map((await docTexts(store, ids)).map((d) => [d.doc_id, d]));
  const { n, df } = await termStats(store, q);
  const idf = new Map([...df].map(([term, d]) => [term, idfOf(n, d)]));
  head.forEach((r, i) => {
    const docs = r.docs
      .map((d) => {
        const t = texts.get(d.doc_id);
        return { ...d, score: d.score + proximityBonus(`${t?.title ?? ''}\n${t?.text ?? ''}`, q, idf) };
      })
      .sort((a, b) => b.score - a.score || a.doc_id.localeCompare(b.doc_id));
    hits[i].score = docs[0]?.score ?? r.score ?? 0;
    hits[i].snippets = docs
      .slice(0, 1)
      .filter((d) => texts.has(d.doc_id))
      .map((d) => snippetOf(hits[i], texts.get(d.doc_id)!, text));
  });
  rows.slice(RERANK).forEach((r, i) => {
    hits[RERANK + i].score = r.score;
  });
  const top = hits.slice(0, RERANK).sort((a, b) => b.score! - a.score! || a.incident_id.localeCompare(b.incident_id));
  return [...top, ...hits.slice(RERANK)];
}

/** A snippet from the passage of `d` that names the incident's victim, with the document's outlet, date and link. */
function snippetOf(hit: Incident, d: DocText, query: string): Snippet {
  const body = d.text ?? d.title ?? '';
  const anchors = victimMentions(victimNames(hit), body);
  return {
    ...makeSnippet(d.doc_id, body, query, anchors),
    outlet: d.outlet,
    published: d.published,
    url: stripUserinfo(d.url),
  };
}

/** The JSON form of a hit: snippets carry their matches marked **like this**, and their outlet, date and link. */
export function hitJson(h: IncidentHit): unknown {
  if (!h.snippets) return h;
  return {
    ...h,
    snippets: h.snippets.map((s) => ({
      doc_id: s.doc_id,
      text: markSnippet(s),
      outlet: s.outlet ?? null,
      published: s.published ?? null,
      url: s.url ?? null,
    })),
  };
}

/** One incident by ID; with `text`, snippets from each of its sources that contains the words. */
export async function getIncident(store: Store, id: string, text?: string): Promise<IncidentHit | null> {
  const record = await incidentRecord(store, id);
  if (!record) return null;
  const hit: IncidentHit = Incident.parse(JSON.parse(record));
  if (text && terms(text).length) {
    const docs = await docTexts(
      store,
      hit.sources.map((s) => s.doc_id),
    );
    hit.snippets = docs.map((d) => snippetOf(hit, d, text)).filter((s) => s.highlights.length > 0);
  }
  return hit;
}
