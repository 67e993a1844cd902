// What an incident is built from, as a digest: its candidates (the victim each stands for, its names, country,
// interval, role in its document cluster) and their units' digests (units.ts: the extraction each one reads and its
// source's fields, the text's hash), plus the run-wide settings and reference data. buildIncident and the regulator
// cross-check read nothing else, so an incident whose digest is unchanged since the last run is the incident a full
// rebuild would give again.
import { createHash } from 'node:crypto';
import type { IdKey } from './ids.ts';
import type { UnitCand } from './units.ts';

/** What is kept per incident between runs: its input digest and what its ID was decided from (ids.ts). */
export interface KeptInputs {
  digest: string;
  key: IdKey;
}

/** The digest of a group's inputs (its ID is decided from the groups, so it is compared beside it). */
export function inputsDigest(group: UnitCand[], runWide: string): string {
  const h = createHash('sha256').update(runWide);
  for (const c of group) {
    h.update('\u0000');
    h.update(c.unit);
    h.update(JSON.stringify([c.key, c.victim, c.names, c.country, c.lo, c.hi, c.shared, c.source.role]));
  }
  return h.digest('base64url').slice(0, 22);
}
