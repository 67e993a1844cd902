// `triage show ID|VICTIM`: one incident whole, every field's reported values with outlet, date, quote and link.
import { ConfigError } from '../../core/errors.ts';
import type { Incident } from '../../core/records.ts';
import { escapeControls } from '../../core/safe-text.ts';
import { incidentIdsByVictim } from '../../store/evidence.ts';
import type { Store } from '../../store/store.ts';
import { incidentEvidence, valueText, type IncidentEvidence } from './evidence.ts';
import { getIncident, queryIncidents } from './incidents.ts';

export interface Shown {
  incident: Incident;
  evidence: IncidentEvidence;
  /** other incidents the name could mean, best first (empty for an ID or a single match) */
  others: { incident_id: string; victim: string; date: string | null }[];
}

/** An incident ID, else a victim: its exact name or acronym, else the fuzzy --victim match (latest first). */
export async function findIncident(store: Store, arg: string): Promise<Shown> {
  const given = arg.trim();
  if (!given) throw new ConfigError('give an incident ID or a victim name');
  let incident = /^inc_[0-9a-f]+$/.test(given) ? await getIncident(store, given) : null;
  let others: Incident[] = [];
  if (!incident) {
    const exact = await incidentIdsByVictim(store, given);
    const hits = exact.length
      ? (await Promise.all(exact.map((id) => getIncident(store, id)))).filter((x): x is Incident => !!x)
      : await queryIncidents(store, { victim: given, limit: 10 });
    [incident = null, ...others] = hits;
  }
  if (!incident) throw new ConfigError(`no incident has the ID or victim "${given}" (try triage query --victim)`);
  const { snippets: _s, score: _score, ...plain } = incident as Incident & { snippets?: unknown; score?: unknown };
  return {
    incident: plain,
    evidence: await incidentEvidence(store, plain),
    others: others.map((o) => ({
      incident_id: o.incident_id,
      victim: o.victim,
      date: o.attack_date ?? o.first_reported,
    })),
  };
}

/** Fields in reading order; history fields not listed here follow. */
const ORDER = [
  'victim',
  'country',
  'sector',
  'actor',
  'attack_types',
  'attack_date',
  'ransom',
  'payment_method',
  'records_affected',
  'downtime_days',
  'confirmed',
];

const safe = (s: string | null | undefined) => escapeControls(s ?? '');

/** The terminal rendering: untrusted text has its control characters escaped. */
export function showText(s: Shown): string {
  const i = s.incident;
  const money = (n: number | null) => (n === null ? '—' : `US$${Math.round(n).toLocaleString('en-US')}`);
  const lines = [
    `${safe(i.victim)}  (${i.incident_id})`,
    `  country ${i.country ?? '—'} · sector ${i.sector} · group ${safe(i.actor) || '—'} · status ${i.status}`,
    `  attack ${i.attack_date ?? '—'} · first reported ${i.first_reported ?? '—'} · types ${i.attack_types.join(', ') || '—'}`,
    `  ransom demanded ${money(i.ransom_demanded_usd)} · paid ${money(i.ransom_paid_usd)} · records ` +
      `${i.records_affected?.toLocaleString('en-US') ?? '—'} · downtime ${i.downtime_days ?? '—'} days · ` +
      `${i.sources.length} source${i.sources.length === 1 ? '' : 's'}`,
  ];
  if (i.regulator_filing) {
    const r = i.regulator_filing;
    lines.push(
      `  HHS OCR filing: ${safe(r.name)} (${r.state}), ${r.individuals_affected ?? '?'} affected, ${r.submitted}`,
    );
  }
  const fields = [...ORDER.filter((f) => s.evidence[f]), ...Object.keys(s.evidence).filter((f) => !ORDER.includes(f))];
  for (const f of fields) {
    const list = s.evidence[f];
    if (!list.length) continue;
    lines.push('', f.replace(/_/g, ' '));
    for (const e of list) {
      const marks = [
        e.superseded && 'older version',
        e.shared && 'article names several victims',
        e.duplicate_of && 'copy',
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(
        `  • ${safe(valueText(f, e.value))} — ${safe(e.outlet) || 'unknown outlet'}, ${e.published ?? 'undated'}` +
          (marks ? ` [${marks}]` : ''),
      );
      const quote = e.sentence ?? e.quote;
      if (quote) lines.push(`    “${safe(quote.replace(/\s+/g, ' '))}”${e.page ? ` (p. ${e.page})` : ''}`);
      if (e.link) lines.push(`    ${safe(e.link)}`);
    }
  }
  if (s.others.length) {
    lines.push('', 'other incidents this name may mean:');
    for (const o of s.others) lines.push(`  ${o.incident_id}  ${o.date ?? '          '}  ${safe(o.victim)}`);
  }
  return lines.join('\n');
}
