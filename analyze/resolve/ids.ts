// Incident IDs: a function of the incident's content, never of input order (see README.md, "Incident IDs").
import { idFrom } from '../../core/hash.ts';
import type { Incident } from '../../core/records.ts';
import { nameKey } from './names.ts';
import { cmpBy } from './util.ts';

type Draft = Omit<Incident, 'incident_id'>;

/** normalised victim + country + month first reported */
export function baseId(d: Draft): string {
  return idFrom('inc', nameKey(d.victim), d.country ?? '', d.first_reported?.slice(0, 7) ?? '');
}

const earliestDoc = (d: Draft) => d.sources[0]?.doc_id ?? '';

/** IDs for all drafts; on a collision the incident reported first keeps the plain ID, others add their
 * earliest source's doc_id. Returns incidents sorted by first_reported, then victim, then ID. */
export function assignIds(drafts: Draft[]): Incident[] {
  const ordered = [...drafts].sort(cmpBy((d) => baseId(d), (d) => d.first_reported, (d) => earliestDoc(d)));
  const used = new Set<string>();
  const out = ordered.map((d) => {
    const base = baseId(d);
    const incident_id = used.has(base) ? idFrom('inc', base, earliestDoc(d)) : base;
    used.add(incident_id);
    return { incident_id, ...d };
  });
  return out.sort(cmpBy((i) => i.first_reported, (i) => i.victim, (i) => i.incident_id));
}
