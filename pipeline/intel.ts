// After analyze: reads the threat-intelligence facts (analyze/extract/intel) of every document whose current text
// this reader version has not read yet, and keeps them in document_intel for the reports.
import { extractIntel } from '../analyze/extract/intel/extract.ts';
import { loadIntelReference, type IntelReference } from '../analyze/extract/intel/reference.ts';
import { PROJECT } from '../core/paths.ts';
import { eachUnreadDocument, saveDocumentIntel, type DocIntelRow } from '../store/intel.ts';
import type { IntelItem } from '../core/records.ts';
import type { Store } from '../store/store.ts';

const refs = new Map<string, IntelReference>();
/** Loaded once per folder (a bench or a test builds many reports). */
export function intelReference(dir: string = PROJECT.reference): IntelReference {
  let r = refs.get(dir);
  if (!r) refs.set(dir, (r = loadIntelReference(dir)));
  return r;
}

/**
 * Stored without the sentences, [kind, value, start, end] each: a report of 100,000 incidents reads every row, and
 * the bytes are what cost (quotes made it 2.2 s against 0.6 s); it cuts the few sentences it quotes from the text.
 */
export function packIntel(items: IntelItem[]): [string, string, number, number][] {
  return items.map((i) => [i.kind, i.value, i.evidence.start, i.evidence.end]);
}

/** Returns how many documents were read. */
export async function readDocumentIntel(store: Store, ref: IntelReference = intelReference()): Promise<number> {
  const rows: DocIntelRow[] = [];
  // the stream holds the connection: facts are collected (small) and saved after it ends
  await eachUnreadDocument(store, ref.version, (docs) => {
    for (const d of docs)
      rows.push({ doc_id: d.doc_id, content_hash: d.content_hash, items: packIntel(extractIntel(d.text ?? '', ref)) });
  });
  for (let i = 0; i < rows.length; i += 5000)
    await store.transaction(() => saveDocumentIntel(store, ref.version, rows.slice(i, i + 5000)));
  return rows.length;
}
