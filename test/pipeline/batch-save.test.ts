// Batch saving stores the same rows as saving one article at a time: versions, late older copies, repeats
// and new documents mixed in one batch; and `ingest --dir`'s batch path matches the one-by-one storePage path.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, silentLogger } from '../../core/effects.ts';
import { idFrom } from '../../core/hash.ts';
import type { CleanArticle } from '../../core/records.ts';
import { Store } from '../../store/store.ts';
import { saveArticle, saveArticles, type SaveOutcome } from '../../store/documents.ts';
import { readLocalDir } from '../../ingest/local.ts';
import { emptyStats } from '../../pipeline/ingest-stats.ts';
import { storePage } from '../support/store-page.ts';
import { ingestPages } from '../../pipeline/ingest-dir.ts';
import { createPool } from '../../pipeline/pool.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-batch-'));
const stores: Store[] = [];
const open = async (name: string) => {
  const s = await Store.open(join(dir, `${name}.duckdb`));
  stores.push(s);
  return s;
};
afterAll(() => stores.forEach((s) => s.close()));

function article(page: string, text: string, published: string, modified: string | null = null): CleanArticle {
  const url = `https://news.example/${page}`;
  return {
    doc_id: idFrom('doc', url),
    content_hash: idFrom('txt', text),
    url,
    canonical_url: url,
    file: null,
    title: `${page} title`,
    byline: null,
    outlet: 'News',
    site_name: 'News',
    published,
    modified,
    lang: 'en',
    text,
    bytes_sha256: idFrom('b', text),
    fetched_at: '2023-01-02T00:00:00.000Z',
    source_id: null,
  };
}

const snapshot = async (s: Store) => ({
  documents: await s.all('SELECT * FROM documents ORDER BY doc_id'),
  versions: await s.all('SELECT * FROM document_versions ORDER BY version_id'),
});

// Two rounds: the second meets stored state (updates, late older versions, repeats of stored text).
const ROUND1 = [
  article('a', 'first text of a', '2023-01-01T10:00:00Z'),
  article('b', 'text of b', '2023-01-01T10:00:00Z'),
  article('a', 'second text of a', '2023-01-01T10:00:00Z', '2023-01-01T12:00:00Z'),
  article('a', 'first text of a', '2023-01-01T10:00:00Z'),
  article('c', 'newest c', '2023-01-03T10:00:00Z', '2023-01-03T12:00:00Z'),
  article('c', 'older c arriving late', '2023-01-03T10:00:00Z'),
];
const ROUND2 = [
  article('b', 'text of b', '2023-01-01T10:00:00Z'),
  article('a', 'archive copy of a', '2023-01-01T10:00:00Z'),
  article('b', 'b corrected', '2023-01-01T10:00:00Z', '2023-01-02T09:00:00Z'),
  article('b', 'b corrected again', '2023-01-01T10:00:00Z', '2023-01-02T10:00:00Z'),
  article('d', 'text of d', '2023-01-04T10:00:00Z'),
  article('c', 'c final', '2023-01-03T10:00:00Z', '2023-01-05T12:00:00Z'),
];

describe('saveArticles', () => {
  it('gives the same outcomes and rows as saveArticle one by one', async () => {
    const one = await open('one');
    const batch = await open('batch');
    const seq: SaveOutcome[] = [];
    for (const a of [...ROUND1, ...ROUND2]) seq.push(await saveArticle(one, a));
    const got = [...(await saveArticles(batch, ROUND1)), ...(await saveArticles(batch, ROUND2))];
    expect(got).toEqual(seq);
    expect(seq).toContain('older-version');
    expect(seq).toContain('updated');
    expect(await snapshot(batch)).toEqual(await snapshot(one));
    expect((await snapshot(batch)).versions.filter((v) => v.superseded_by !== null).length).toBeGreaterThan(3);
  });

  it('is idempotent: saving the same batch again changes nothing', async () => {
    const s = await open('again');
    await saveArticles(s, ROUND1);
    const before = await snapshot(s);
    expect(new Set(await saveArticles(s, ROUND1))).toEqual(new Set(['unchanged']));
    expect(await snapshot(s)).toEqual(before);
  });
});

describe('ingest --dir batch path', () => {
  it('stores the same documents, versions and failures as storePage one file at a time', async () => {
    const folder = fileURLToPath(new URL('../fixtures/local-dir', import.meta.url));
    const clock = fixedClock('2023-06-01T00:00:00Z');
    const one = await open('dir-one');
    const statsOne = emptyStats();
    for await (const page of readLocalDir(folder, { clock }))
      await storePage({ store: one, clock, log: silentLogger }, page, statsOne);
    const batch = await open('dir-batch');
    const statsBatch = emptyStats();
    const pool = createPool({ size: 2 });
    try {
      await ingestPages(
        { store: batch, clock, log: silentLogger, pool, batchSize: 2 },
        readLocalDir(folder, { clock }),
        statsBatch,
      );
    } finally {
      await pool.close();
    }
    expect(statsBatch).toEqual(statsOne);
    expect(statsOne.documents_new).toBeGreaterThan(1);
    expect(await snapshot(batch)).toEqual(await snapshot(one));
    const failures = (s: Store) => s.all('SELECT failure_id, stage, item, reason FROM failures ORDER BY failure_id');
    expect(await failures(batch)).toEqual(await failures(one));
  });
});
