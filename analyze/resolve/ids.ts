// Incident IDs: a function of the incident's content, never of input order (see README.md, "Incident IDs").
import { idFrom } from '../../core/hash.ts';
import type { Incident } from '../../core/records.ts';
import { nameKey } from './names.ts';
import { cmpBy } from './util.ts';

type Draft = Omit<Incident, 'incident_id'>;

/** normalised victim + country + month first reported */
export function baseId(d: Pick<Draft, 'victim' | 'country' | 'first_reported'>): string {
  return idFrom('inc', nameKey(d.victim), d.country ?? '', d.first_reported?.slice(0, 7) ?? '');
}

/** What an incident's ID depends on; a caller that cannot hold every draft keeps only these. */
export interface IdKey {
  base: string;
  first_reported: string | null;
  earliest: string;
}

export const idKeyOf = (d: Draft): IdKey => ({
  base: baseId(d),
  first_reported: d.first_reported,
  earliest: d.sources[0]?.doc_id ?? '',
});

const byKey = cmpBy<IdKey>(
  (k) => k.base,
  (k) => k.first_reported,
  (k) => k.earliest,
);

/** The ID of each key, in the order given. On a collision the incident reported first keeps the plain ID,
 * others add their earliest source's doc_id (ties keep input order: the sort is stable). */
export function idsFor(keys: IdKey[]): string[] {
  const order = keys.map((_, i) => i).sort((a, b) => byKey(keys[a], keys[b]));
  const ids = new Array<string>(keys.length);
  const used = new Set<string>();
  for (const i of order) {
    const { base, earliest } = keys[i];
    ids[i] = used.has(base) ? idFrom('inc', base, earliest) : base;
    used.add(ids[i]);
  }
  return ids;
}

/** IDs for all drafts; returns incidents sorted by first_reported, then victim, then ID. */
export function assignIds(drafts: Draft[]): Incident[] {
  const ids = idsFor(drafts.map(idKeyOf));
  return sortIncidents(drafts.map((d, i) => ({ incident_id: ids[i], ...d })));
}

export const sortIncidents = (incidents: Incident[]): Incident[] =>
  incidents.sort(
    cmpBy(
      (i) => i.first_reported,
      (i) => i.victim,
      (i) => i.incident_id,
    ),
  );
