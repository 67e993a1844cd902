// Revisions since the previous report: each rendered report keeps the figures of the incidents it covered
// (pipeline/report.ts stores them in report_snapshots); the next report diffs today's figures against them.
import type { Incident } from '../../core/records.ts';
import { incidentDate } from './compute.ts';
import { cmp } from './stats.ts';
import type { Revision } from './types.ts';

/** The figures a reader of the report saw for one incident. */
export interface Figures {
  victim: string;
  country: string | null;
  sector: string;
  actor: string | null;
  attack_types: string[];
  date: string | null;
  status: string;
  ransom_demanded_usd: number | null;
  ransom_paid_usd: number | null;
  records_affected: number | null;
  downtime_days: number | null;
  sources: number;
}

export interface SnapshotRow {
  incident_id: string;
  figures: Figures;
}

export function figuresOf(i: Incident): Figures {
  return {
    victim: i.victim,
    country: i.country,
    sector: i.sector,
    actor: i.actor,
    attack_types: [...i.attack_types].sort(cmp),
    date: incidentDate(i),
    status: i.status,
    ransom_demanded_usd: i.ransom_demanded_usd,
    ransom_paid_usd: i.ransom_paid_usd,
    records_affected: i.records_affected,
    downtime_days: i.downtime_days,
    sources: i.sources.length,
  };
}

/** The incidents a report covers: those dated in its trend window, up to the period's last day. */
export function snapshotRows(incidents: Incident[], start: string, end: string): SnapshotRow[] {
  return incidents
    .map((i) => ({ incident_id: i.incident_id, figures: figuresOf(i) }))
    .filter((r) => r.figures.date !== null && r.figures.date >= start && r.figures.date <= end)
    .sort((a, b) => cmp(a.incident_id, b.incident_id));
}

const FIELDS = [
  'victim',
  'country',
  'sector',
  'actor',
  'attack_types',
  'date',
  'status',
  'ransom_demanded_usd',
  'ransom_paid_usd',
  'records_affected',
  'downtime_days',
  'sources',
] as const satisfies readonly (keyof Figures)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Field changes of incidents the previous report showed, incidents it showed that are gone (merged or
 * dropped), and incidents added since that fall inside what it covered (reported late).
 */
export function diffSnapshots(previous: SnapshotRow[], previousEnd: string, incidents: Incident[]): Revision[] {
  const now = new Map(incidents.map((i) => [i.incident_id, figuresOf(i)]));
  const before = new Map(previous.map((r) => [r.incident_id, r.figures]));
  const out: Revision[] = [];
  for (const [id, old] of before) {
    const cur = now.get(id);
    if (!cur) {
      out.push({ incident_id: id, victim: old.victim, field: 'incident', old: 'listed', new: 'withdrawn or merged' });
      continue;
    }
    for (const f of FIELDS)
      if (!same(old[f], cur[f])) out.push({ incident_id: id, field: f, old: old[f], new: cur[f] });
  }
  const start = previous
    .map((r) => r.figures.date)
    .filter((d): d is string => d !== null)
    .sort(cmp)[0];
  for (const [id, cur] of now) {
    if (before.has(id) || start === undefined || cur.date === null) continue;
    if (cur.date >= start && cur.date <= previousEnd)
      out.push({ incident_id: id, field: 'incident', old: '—', new: `added (dated ${cur.date})` });
  }
  return out;
}
