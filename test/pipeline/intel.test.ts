// document_intel follows the documents: each current text is read once per reader version; a changed text is read
// again; the report gets the stored facts back (offsets, no sentences) for the documents it asks about.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../store/store.ts';
import { intelReference, readDocumentIntel } from '../../pipeline/intel.ts';
import { documentIntel } from '../../store/intel.ts';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triage-intel-'));
  store = await Store.open(join(dir, 't.duckdb'));
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const put = (id: string, hash: string, text: string) =>
  store.upsert('documents', ['doc_id', 'version_id', 'content_hash', 'text'], [[id, `${id}-${hash}`, hash, text]]);

describe('readDocumentIntel', () => {
  it('reads new and changed texts only, and stores offsets the report can cut quotes with', async () => {
    const text = 'The ransomware encrypted its servers. A phishing e-mail was the way in.';
    await put('d1', 'h1', text);
    await put('d2', 'h1', 'Nothing about an attack here.');
    expect(await readDocumentIntel(store)).toBe(2);
    expect(await readDocumentIntel(store)).toBe(0);
    const version = intelReference().version;
    const stored = (await documentIntel(store, version, ['d1', 'd2'])) as Map<
      string,
      [string, string, number, number][]
    >;
    expect(stored.get('d2')).toEqual([]);
    const facts = stored.get('d1')!;
    expect(facts.map(([k, v]) => `${k}:${v}`).sort()).toEqual(['technique:T1486', 'technique:T1566']);
    const [, , start, end] = facts.find(([, v]) => v === 'T1566')!;
    expect(text.slice(start, end)).toBe('A phishing e-mail was the way in.');
    // a new text for d1: its old facts no longer count, and the next run reads it again
    await put('d1', 'h2', 'A denial-of-service attack took the portal down.');
    expect((await documentIntel(store, version, ['d1'])).has('d1')).toBe(false);
    expect(await readDocumentIntel(store)).toBe(1);
    const again = (await documentIntel(store, version, ['d1'])).get('d1') as [string, string][];
    expect(again.map(([k, v]) => `${k}:${v}`)).toEqual(['technique:T1498']);
    // facts read by another reader version are not used
    expect((await documentIntel(store, 'intel-0.0.0+000000000000', ['d1'])).size).toBe(0);
  });
});
