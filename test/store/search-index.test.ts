// The BM25 index tables follow the documents incrementally: new, changed and removed documents only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../store/store.ts';
import { updateSearchIndex } from '../../store/search-index.ts';
import { acronym, stem, terms } from '../../store/search-terms.ts';
import { makeSnippet, markSnippet } from '../../reports/query/snippets.ts';
import { proximityBonus } from '../../reports/query/proximity.ts';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-idx-'));
  store = await Store.open(join(dir, 't.duckdb'));
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const putDoc = (id: string, version: string, title: string, text: string) =>
  store.upsert('documents', ['doc_id', 'version_id', 'title', 'text'], [[id, version, title, text]]);

/** Document frequencies as a full recount would give them. */
async function statsConsistent(): Promise<boolean> {
  const diff = await store.one<{ n: number }>(`SELECT count(*) AS n FROM (
    (SELECT term, df FROM search_term_stats EXCEPT SELECT term, count(*)::INTEGER FROM search_terms GROUP BY term)
    UNION ALL (SELECT term, count(*)::INTEGER FROM search_terms GROUP BY term EXCEPT SELECT term, df FROM search_term_stats))`);
  return diff!.n === 0;
}

describe('search index', () => {
  it('indexes new documents once, re-indexes changed ones, drops removed ones', async () => {
    for (let i = 0; i < 8; i++)
      await putDoc(`d${i}`, `v${i}`, `Hospital ${i}`, `Ransomware hit clinic number ${i}. Patients were diverted.`);
    expect((await updateSearchIndex(store, new Map())).indexed).toBe(8);
    expect((await updateSearchIndex(store, new Map())).indexed).toBe(0);
    expect(await statsConsistent()).toBe(true);

    await putDoc('d1', 'v1b', 'Hospital 1', 'Crore demanded in cryptocurrency from the hospital.');
    const r = await updateSearchIndex(store, new Map());
    expect(r).toMatchObject({ indexed: 1, removed: 0 });
    expect(await store.all(`SELECT doc_id FROM search_terms WHERE term = 'crore'`)).toEqual([{ doc_id: 'd1' }]);
    expect(await store.all(`SELECT doc_id FROM search_terms WHERE term = 'diverted' AND doc_id = 'd1'`)).toEqual([]);
    expect(await statsConsistent()).toBe(true);

    await store.run(`DELETE FROM documents WHERE doc_id = 'd2'`);
    expect((await updateSearchIndex(store, new Map())).removed).toBe(1);
    expect(await store.count('search_docs')).toBe(7);
    expect(await store.one(`SELECT 1 AS x FROM search_terms WHERE doc_id = 'd2'`)).toBeNull();
    expect(await statsConsistent()).toBe(true);
  });

  it('rebuilds postings made by another stemmer', async () => {
    await putDoc('d1', 'v1', 'Hospital', 'Hospitals were hit.');
    await updateSearchIndex(store, new Map());
    await store.run(`UPDATE meta SET value = 'plurals only' WHERE key = 'search_stemmer'`);
    await store.run(`UPDATE search_terms SET term = 'hospital' WHERE term = 'hospit'`);
    expect((await updateSearchIndex(store, new Map())).indexed).toBe(1);
    expect(await store.all(`SELECT DISTINCT term FROM search_terms WHERE term LIKE 'hosp%'`)).toEqual([
      { term: 'hospit' },
    ]);
    expect(await statsConsistent()).toBe(true);
  });
});

describe('tokens, snippets, proximity', () => {
  it('tokenises Unicode words, drops stop words, stems with Porter (natural)', () => {
    expect(terms('Hospitals in São Paulo: 3 clinics, ₹50 lakh!')).toEqual([
      'hospit',
      'são',
      'paulo',
      '3',
      'clinic',
      '50',
      'lakh',
    ]);
    expect([stem('policies'), stem('breaches'), stem('hacked'), stem('hacking')]).toEqual([
      'polici',
      'breach',
      'hack',
      'hack',
    ]);
    expect(terms('hospitals')).toEqual(terms('hospital'));
    expect(acronym('All India Institute of Medical Sciences')).toBe('aiims');
  });

  it('marks every matched word and keeps the best window', () => {
    const text = `${'Filler words here. '.repeat(30)}They asked for Rs 200 crore in cryptocurrency, police said. ${'More filler. '.repeat(30)}`;
    const s = makeSnippet('d', text, 'crore cryptocurrency');
    expect(s.text.startsWith('…') && s.text.endsWith('…')).toBe(true);
    expect(markSnippet(s)).toContain('**crore** in **cryptocurrency**');
  });

  it('rewards query words that stand close together', () => {
    const q = terms('crore cryptocurrency');
    const idf = new Map(q.map((t) => [t, 2]));
    const near = proximityBonus('Rs 200 crore in cryptocurrency', q, idf);
    const far = proximityBonus(`crore ${'word '.repeat(50)} cryptocurrency`, q, idf);
    expect(near).toBeGreaterThan(far);
    expect(proximityBonus('crore crore', ['crore'], idf)).toBe(0);
  });
});
