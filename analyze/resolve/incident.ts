// One incident record from one group of candidates (its id is given later, once all incidents are known).
import type { Incident, IncidentSource } from '../../core/records.ts';
import { bySource, type Candidate, type Source } from './candidates.ts';
import {
  attackTypes,
  bestActor,
  bestAttackDate,
  bestCountry,
  bestDowntime,
  bestRecords,
  bestSector,
  bestVictim,
  largestUsd,
  ransomClaims,
  status,
} from './best.ts';
import { entriesOf, history } from './history.ts';

function toIncidentSource(s: Source): IncidentSource {
  return { doc_id: s.doc_id, url: s.url, file: s.file, outlet: s.outlet, title: s.title, published: s.published };
}

/** Documents behind the incident, one each; superseded versions stay in history only. */
function sourcesOf(group: Candidate[]): Source[] {
  const byDoc = new Map(group.map((c) => [c.source.doc_id, c.source]));
  return [...byDoc.values()].sort(bySource);
}

export function buildIncident(group: Candidate[]): Omit<Incident, 'incident_id'> {
  const entries = group.flatMap(entriesOf);
  const all = sourcesOf(group);
  const published = all
    .map((s) => s.published)
    .filter((p): p is string => p !== null)
    .sort();
  const first_reported = published[0] ?? null;
  const actor = bestActor(entries);
  const ransom = ransomClaims(entries);
  return {
    victim: bestVictim(entries),
    country: bestCountry(entries),
    sector: bestSector(entries),
    actor,
    attack_types: attackTypes(entries),
    first_reported,
    attack_date: bestAttackDate(entries, first_reported),
    ransom,
    ransom_demanded_usd: largestUsd(ransom, 'demanded'),
    ransom_paid_usd: largestUsd(ransom, 'paid'),
    records_affected: bestRecords(entries),
    downtime_days: bestDowntime(entries),
    status: status(ransom, actor, entries),
    sources: all.filter((s) => !s.role.superseded).map(toIncidentSource),
    history: history(entries),
  };
}

/** A group made only of superseded versions was withdrawn by the newer text: it is no incident. */
export function isCurrent(group: Candidate[]): boolean {
  return group.some((c) => !c.source.role.superseded);
}
