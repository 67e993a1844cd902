// What an incident is built from, as a digest: its candidates (the extraction each one reads, the victim it
// stands for, its interval) and their sources (the document's fields, its text's hash, its role in its cluster),
// plus the run-wide settings and reference data. buildIncident and the regulator cross-check read nothing else,
// so an incident whose digest is unchanged since the last run is the incident a full rebuild would give again.
import { createHash } from 'node:crypto';
import type { CleanArticle } from '../../core/records.ts';
import type { Candidate } from './candidates.ts';
import type { IdKey } from './ids.ts';

/** What is kept per incident between runs: its input digest and what its ID was decided from (ids.ts). */
export interface KeptInputs {
  digest: string;
  key: IdKey;
}

/** The digest of a group's inputs (its ID is decided from the groups, so it is compared beside it). */
export function inputsDigest(group: Candidate[], byId: Map<string, CleanArticle>, runWide: string): string {
  const h = createHash('sha256').update(runWide);
  for (const c of group) {
    const s = c.source;
    h.update('\u0000');
    h.update(
      JSON.stringify([
        c.key,
        c.victim,
        c.names,
        c.country,
        c.lo,
        c.hi,
        c.shared,
        s.doc_id,
        byId.get(s.doc_id)?.content_hash ?? null,
        s.url,
        s.file,
        s.outlet,
        s.title,
        s.published,
        s.at,
        s.role,
        c.ext,
      ]),
    );
  }
  return h.digest('base64url').slice(0, 22);
}
