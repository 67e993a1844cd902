// Versions through the store: the newest version is current whatever the arrival order (also when saved
// concurrently), and older versions reach resolve so their claims stay in history, marked superseded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../store/store.ts';
import { newerThan, saveArticle, versionIdOf, versionsToExtract } from '../../store/documents.ts';
import { currentArticles, olderVersions } from '../support/references.ts';
import { resolveStored } from '../../analyze/resolve/versions.ts';
import { article, claim, extraction, story, victim } from './fixtures.ts';

const URL_ = 'https://news.example/aiims-ransom';
const v1 = article('doc_a', story('AIIMS', 'Hackers demanded Rs 200 crore.'), {
  canonical_url: URL_,
  published: '2022-11-28T10:40:00+05:30',
});
const v2 = article('doc_a', story('AIIMS', 'Hackers demanded Rs 200 crore. Delhi Police denied any demand.'), {
  canonical_url: URL_,
  published: '2022-11-28T10:40:00+05:30',
  modified: '2022-11-29T08:15:00+05:30',
});

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-versions-'));
  store = await Store.open(join(dir, 'v.duckdb'));
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

async function state() {
  const cur = await currentArticles(store);
  const rows = await store.all<{ version_id: string; superseded_by: string | null }>(
    'SELECT version_id, superseded_by FROM document_versions ORDER BY version_id',
  );
  return { current: cur.map((a) => a.content_hash), rows };
}

describe('document versions in the store', () => {
  it('compares instants, not strings: a stored UTC time against a fresh one with an offset', () => {
    const a = { modified: '2022-11-29T02:45:00.000Z', published: null, fetched_at: null, version_id: 'a' };
    const b = { modified: '2022-11-29T08:00:00+05:30', published: null, fetched_at: null, version_id: 'b' };
    expect(newerThan(a, b)).toBe(true); // 02:45Z is after 02:30Z
    expect(newerThan(b, a)).toBe(false);
  });

  it('keeps the newest version current in either arrival order, and concurrently', async () => {
    const expected = {
      current: [v2.content_hash],
      rows: [
        { version_id: versionIdOf(v1), superseded_by: versionIdOf(v2) },
        { version_id: versionIdOf(v2), superseded_by: null },
      ].sort((x, y) => x.version_id.localeCompare(y.version_id)),
    };
    expect(await saveArticle(store, v2)).toBe('new');
    expect(await saveArticle(store, v1)).toBe('older-version');
    expect(await state()).toEqual(expected);
    await store.run('DELETE FROM documents');
    await store.run('DELETE FROM document_versions');
    expect(await saveArticle(store, v1)).toBe('new');
    expect(await saveArticle(store, v2)).toBe('updated');
    expect(await saveArticle(store, v2)).toBe('unchanged');
    expect(await state()).toEqual(expected);
    await store.run('DELETE FROM documents');
    await store.run('DELETE FROM document_versions');
    await Promise.all([saveArticle(store, v1), saveArticle(store, v2)]);
    expect(await state()).toEqual(expected);
  });

  it('hands older versions to extraction and to resolve, whose history marks them superseded', async () => {
    await saveArticle(store, v1);
    await saveArticle(store, v2);
    expect((await versionsToExtract(store, 'test-1')).map((a) => a.content_hash).sort()).toEqual(
      [v1.content_hash, v2.content_hash].sort(),
    );
    const older = await olderVersions(store);
    expect(older).toHaveLength(1);
    expect(older[0]).toMatchObject({ version_id: versionIdOf(v1), article: { doc_id: 'doc_a', canonical_url: URL_ } });
    const aiims = [victim('All India Institute of Medical Sciences')];
    const current = extraction('doc_a', aiims, { ransom: [claim({ usd: 24e6, disputed: true })] });
    const old = extraction('doc_a', aiims, { ransom: [claim({ usd: 24e6 })] });
    const docs = await currentArticles(store);
    const { incidents, clusters } = resolveStored(docs, [current], [{ ...older[0], extraction: old }]);
    expect(incidents).toHaveLength(1);
    const [inc] = incidents;
    expect(inc.sources.map((s) => s.doc_id)).toEqual(['doc_a']);
    expect(inc.history.ransom.map((e) => [e.doc_id, e.version_id ?? null, e.superseded ?? false])).toEqual([
      ['doc_a', null, false],
      ['doc_a', versionIdOf(v1), true],
    ]);
    expect(inc.status).toBe('disputed'); // the superseded plain demand decides nothing
    expect(clusters).toEqual([
      expect.objectContaining({ reason: 'version', representative: 'doc_a', superseded: [versionIdOf(v1)] }),
    ]);
    // without the older version, nothing of it is left
    const alone = resolveStored(docs, [current], []);
    expect(alone.incidents[0].history.ransom.every((e) => !e.superseded)).toBe(true);
  });
});
