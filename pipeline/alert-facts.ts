// What an incident's alert is about (its version): analyze queues an alert when these facts change.
import type { Incident } from '../core/records.ts';
import type { AlertVersion } from '../store/alerts.ts';

/** The facts an alert is about: a new figure, a group claim, a record count or a status change alerts again. */
export function alertVersionOf(i: Incident): AlertVersion {
  const figures = [...new Set(i.ransom.map((r) => `${r.kind} ${r.as_written}${r.disputed ? ' (disputed)' : ''}`))];
  const latest = [...i.sources].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))[0];
  return {
    incident_id: i.incident_id,
    victim: i.victim,
    facts: {
      status: i.status,
      actor: i.actor,
      attack_types: i.attack_types,
      ransom_demanded_usd: i.ransom_demanded_usd === null ? null : Math.round(i.ransom_demanded_usd),
      ransom_paid_usd: i.ransom_paid_usd === null ? null : Math.round(i.ransom_paid_usd),
      ransom_figures: figures.sort(),
      records_affected: i.records_affected,
    },
    link: latest?.url ?? null,
  };
}
