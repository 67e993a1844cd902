// Which versions of a page of extraction work still lack a signature by the current rules, and which are current
// texts the intel reader has not read or the search index does not hold (pipeline/derived.ts makes those in the
// extraction task).
import type { Store } from './store.ts';

export interface DerivedNeed {
  sign: boolean;
  intel: boolean;
  /** a current text the search index does not hold (with the title the index reads: the document's) */
  search: boolean;
  /** the document is in the search index with another version: its postings are replaced */
  known: boolean;
}

export async function derivedNeeds(
  store: Store,
  versionIds: string[],
  signer: string,
  intelVersion: string,
): Promise<Map<string, DerivedNeed>> {
  const out = new Map<string, DerivedNeed>();
  if (versionIds.length === 0) return out;
  const rows = await store.all<DerivedNeed & { version_id: string }>(
    `SELECT v.version_id,
       NOT EXISTS (SELECT 1 FROM version_signatures s WHERE s.version_id = v.version_id AND s.signer = ?) AS sign,
       d.version_id = v.version_id AND (i.doc_id IS NULL OR i.reader_version IS DISTINCT FROM ?
         OR i.content_hash IS DISTINCT FROM d.content_hash) AS intel,
       d.version_id = v.version_id AND d.title IS NOT DISTINCT FROM v.title
         AND sd.version_id IS DISTINCT FROM d.version_id AS search,
       sd.doc_id IS NOT NULL AS known
     FROM document_versions v JOIN documents d ON d.doc_id = v.doc_id
     LEFT JOIN document_intel i ON i.doc_id = d.doc_id LEFT JOIN search_docs sd ON sd.doc_id = d.doc_id
     WHERE v.version_id IN (SELECT unnest(?::VARCHAR[]))`,
    [signer, intelVersion, versionIds as never],
  );
  for (const r of rows)
    out.set(r.version_id, { sign: !!r.sign, intel: !!r.intel, search: !!r.search, known: !!r.known });
  return out;
}
