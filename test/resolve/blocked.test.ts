// The blocked resolver (texts read back per block) must give exactly what resolve() gives with every text held.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { resolve, storiesOf } from '../../analyze/resolve/resolve.ts';
import { resolveBlockedAll } from '../support/references.ts';
import { nearDuplicatePairs } from '../../analyze/resolve/minhash.ts';
import { DEFAULTS } from '../../analyze/resolve/types.ts';
import { loadRegulatorReference } from '../../analyze/resolve/regulator-data.ts';
import { loadDemo } from './demo-corpus.ts';
import { storyIndex } from '../../analyze/resolve/stories.ts';

const REF_DIR = fileURLToPath(new URL('../../data/reference', import.meta.url));

describe('resolveBlocked', () => {
  it('equals resolve() on the demo corpus, texts loaded a few groups at a time', async () => {
    const items = loadDemo();
    const docs = items.map((i) => i.doc);
    const exts = items.map((i) => i.ext);
    const regulator = await loadRegulatorReference(REF_DIR);
    const texts = new Map(docs.map((d) => [d.doc_id, d.text]));
    const asked: string[][] = [];
    const loadTexts = async (ids: string[]) => {
      asked.push(ids);
      return new Map(ids.filter((id) => texts.has(id)).map((id) => [id, texts.get(id)!]));
    };
    const nearPairs = nearDuplicatePairs(
      docs.map((d) => ({ id: d.doc_id, text: d.text })),
      DEFAULTS.nearDuplicate,
      DEFAULTS.minhashPerms,
      DEFAULTS.minhashSeed,
    );
    const slim = docs.map((d) => ({ ...d, text: '' }));
    const expected = resolve(docs, exts, { regulator });
    // every text-reading step is exercised: near-duplicates, confirmations, states named for the cross-check
    expect(expected.clusters.some((c) => c.reason === 'near-duplicate' || c.reason === 'exact')).toBe(true);
    expect(expected.incidents.some((i) => i.history.confirmed.length > 0)).toBe(true);
    expect(expected.incidents.some((i) => i.regulator_filing?.state_matched)).toBe(true);
    const got = await resolveBlockedAll(
      slim,
      exts,
      { regulator },
      { nearPairs, stories: storiesOf(docs, exts), loadTexts, block: 3 },
    );
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    expect(asked.length).toBeGreaterThan(3);
    expect(Math.max(...asked.map((a) => a.length))).toBeLessThan(docs.length);
    // the texts matter: without them (no confirmations, no states) the result differs
    const blind = await resolveBlockedAll(
      slim,
      exts,
      { regulator },
      { nearPairs: [], stories: storyIndex(), loadTexts: async () => new Map() },
    );
    expect(JSON.stringify(blind)).not.toBe(JSON.stringify(expected));
  });
});
