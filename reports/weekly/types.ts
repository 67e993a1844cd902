// Input and output shapes of the weekly report. ReportJson is the single source of every
// figure: the HTML, Markdown and charts are all rendered from it.
import type { AttackType, Incident, Sector } from '../../core/records.ts';
import type { Period, PeriodKind } from './period.ts';

export const SCHEMA_VERSION = 1;

export interface SourceStatus { id: string; publisher: string; ok: boolean; error: string | null; items: number }
export interface Revision { incident_id: string; field: string; old: unknown; new: unknown }

export interface ReportInput {
  incidents: Incident[];
  period: Period;
  /** when the data was snapshotted (ISO); the report never reads the clock */
  snapshotAt: string;
  sources: SourceStatus[];
  documents: number;
  revisions?: Revision[];
}

/** A period-over-period change; `pct` is null when suppressed (base < 5) */
export interface Change { base: number; pct: number | null; suppressed: boolean; display: string }

export interface Kpis {
  incidents: number;
  vs_previous: Change;
  vs_trailing_mean: Change;
  ransomware: { count: number; share: number | null };
  countries_hit: number;
  records_affected: { total: number; known: number; of: number };
  median_ransom_demanded_usd: { value: number | null; known: number };
  ransom_paid: { known: number; total_usd: number };
}

export interface TrendWeek {
  week: string; start: string; total: number; spike: boolean; current: boolean;
  by_type: Record<AttackType, number>;
}
export interface Trend { weeks: TrendWeek[]; mean: number; sd: number; threshold: number }

export interface CountryRow { code: string | null; name: string; incidents: number; share: number }
export interface GroupRow { name: string; incidents: number; is_new: boolean; first_seen: string }
export interface SectorRow { sector: Sector; incidents: number; share: number }
export interface RecordsRow { code: string | null; name: string; records: number; incidents: number }
export interface RansomRow {
  incident_id: string; victim: string; date: string; demanded_usd: number | null; paid_usd: number | null;
}
export interface SourceLink { label: string; href: string | null }
export interface NotableRow {
  incident_id: string; victim: string; country: string | null; country_name: string; sector: Sector;
  group: string | null; date: string; status: Incident['status']; ransom_as_written: string[];
  demanded_usd: number | null; paid_usd: number | null; records: number | null; downtime_days: number | null;
  sources: SourceLink[]; earlier: boolean;
}
export interface RevisionRow { incident_id: string; victim: string | null; field: string; old: string; new: string }

export interface Finding { id: string; text: string; figure: string; value: number | string | null }

export interface ReportJson {
  schema_version: number;
  period: { kind: PeriodKind; id: string; label: string; start: string; end: string; previous: string };
  snapshot_at: string;
  sources: { polled: number; failed: number; items: number; documents: number;
    failures: { id: string; publisher: string; error: string | null }[] };
  kpis: Kpis;
  findings: Finding[];
  series: { trend: Trend; periods: { id: string; incidents: number }[] };
  tables: {
    countries: CountryRow[]; groups: GroupRow[]; unattributed: number; sectors: SectorRow[];
    records_by_country: RecordsRow[]; ransom: RansomRow[]; notable: NotableRow[]; revisions: RevisionRow[] | null;
  };
  methodology: {
    counted: number; undated_excluded: number; fx_months: string[]; hedged_claims: number;
    disputed_claims: number; notes: string[];
  };
}
