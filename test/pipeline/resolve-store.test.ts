// analyze resolves from the store with texts streamed (pipeline/resolve-store.ts): the result must equal
// resolveStored() over every text held at once, older versions included, on a real DuckDB file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/hash.ts';
import { EXTRACTOR_VERSION } from '../../analyze/extract/index.ts';
import { resolveStored } from '../../analyze/resolve/versions.ts';
import { loadRegulatorReference } from '../../analyze/resolve/regulator-data.ts';
import { Store } from '../../store/store.ts';
import { saveArticles } from '../../store/documents.ts';
import { currentArticles, currentExtractions, olderVersions } from '../support/references.ts';
import { olderExtractions, saveExtractions } from '../../store/analysis.ts';
import { resolveStore } from '../../pipeline/resolve-store.ts';
import { sortIncidents } from '../../analyze/resolve/ids.ts';
import type { Incident } from '../../core/records.ts';
import { loadDemo } from '../resolve/demo-corpus.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-resolve-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveStore', () => {
  it('equals resolveStored() over the whole store, older versions included', async () => {
    const store = await Store.open(join(dir, 'demo.duckdb'));
    const items = loadDemo().map((i) => ({
      article: i.doc,
      extraction: { ...i.ext, extractor_version: EXTRACTOR_VERSION },
    }));
    // an earlier draft of one relevant article arrives late: an older version with its own (different) claims
    const base = items.find((i) => i.extraction.relevant && i.extraction.ransom.length > 0)!;
    const text = `${base.article.text}\n\nThis story is developing.`;
    const draft = {
      ...base.article,
      text,
      content_hash: contentHash(text),
      published: '2000-01-01T00:00:00Z',
      modified: null,
    };
    await saveArticles(store, [...items.map((i) => i.article), draft]);
    await saveExtractions(store, [...items, { article: draft, extraction: { ...base.extraction, ransom: [] } }]);
    const regulator = await loadRegulatorReference(fileURLToPath(new URL('../../data/reference', import.meta.url)));

    const olderExts = await olderExtractions(store, EXTRACTOR_VERSION);
    const older = (await olderVersions(store)).map((v) => ({ ...v, extraction: olderExts.get(v.version_id) ?? null }));
    expect(older).toHaveLength(1);
    const expected = resolveStored(
      await currentArticles(store),
      await currentExtractions(store, EXTRACTOR_VERSION),
      older,
      { regulator },
    );
    const emitted: Incident[][] = [];
    const got = await resolveStore(store, { regulator }, async (batch) => {
      emitted.push(batch);
    });
    store.close();
    expect(expected.incidents.length).toBeGreaterThan(10);
    expect(
      expected.incidents.some((i) =>
        Object.values(i.history)
          .flat()
          .some((e) => e.superseded),
      ),
    ).toBe(true);
    expect(JSON.stringify({ clusters: got.clusters, incidents: sortIncidents(emitted.flat()) })).toBe(
      JSON.stringify(expected),
    );
    expect(got.documents.size).toBe(items.length);
  });
});
