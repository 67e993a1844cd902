// Input and output shapes of the weekly report. ReportJson is the single source of every
// figure: the HTML, Markdown and charts are all rendered from it.
import type { IntelCatalogue } from '../../analyze/extract/intel/reference.ts';
import type { AttackType, Incident, IntelItem, Sector } from '../../core/records.ts';
import type { Period, PeriodKind } from './period.ts';

export const SCHEMA_VERSION = 2;

export interface SourceStatus {
  id: string;
  publisher: string;
  ok: boolean;
  error: string | null;
  items: number;
}
/** `victim` is given when the incident no longer exists (merged or dropped) */
export interface Revision {
  incident_id: string;
  field: string;
  old: unknown;
  new: unknown;
  victim?: string;
}

export interface ReportInput {
  incidents: Incident[];
  period: Period;
  /** when the data was snapshotted (ISO); the report never reads the clock */
  snapshotAt: string;
  sources: SourceStatus[];
  documents: number;
  revisions?: Revision[];
  /** the earlier report the revisions are measured against (its period id) */
  revisionsSince?: string | null;
  /** why the period was chosen, when none was asked for */
  chosen?: string | null;
  /** Traffic Light Protocol marking (default TLP:CLEAR) */
  tlp?: string;
  /** threat-intelligence facts per incident ID, read from its sources (pipeline/report.ts) */
  intel?: Record<string, IncidentIntel[]>;
  catalogue?: IntelCatalogue;
}

/** One intelligence fact of an incident with the source that says it (the first, by publication date). */
export interface IncidentIntel {
  kind: IntelItem['kind'];
  value: string;
  /** the sentence; '' when it is still to be cut from the document (pipeline/report.ts fills the quoted ones) */
  quote: string;
  doc_id: string;
  start: number;
  end: number;
  source: SourceLink;
}

/** A quote behind a figure: who it is about, what the article says, where. */
export interface Quote {
  incident_id: string;
  victim: string;
  quote: string;
  /** where the quote is: offsets into the document's text */
  doc_id: string;
  start: number;
  end: number;
  source: SourceLink;
}
export interface ActorProfile {
  name: string;
  aliases: string[];
  incidents: number;
  window_incidents: number;
  first_seen: string;
  last_seen: string;
  is_new: boolean;
  countries: string[];
  sectors: string[];
  /** undisputed USD figures over the window; null when none */
  demanded_usd: { min: number; max: number; n: number } | null;
  paid_usd: { min: number; max: number; n: number } | null;
  techniques: string[];
  victims: string[];
}
export interface TechniqueRow {
  id: string;
  name: string;
  tactics: string[];
  incidents: number;
  window_incidents: number;
  evidence: Quote[];
}
export interface HeatCell {
  tactic: string;
  technique: string;
  name: string;
  incidents: number;
  window_incidents: number;
}
export interface IndicatorRow {
  kind: 'cve' | 'domain' | 'leak-site';
  value: string;
  incident_id: string;
  victim: string;
  group: string | null;
  quote: string;
  doc_id: string;
  start: number;
  end: number;
  source: SourceLink;
}
export interface DataRow {
  id: string;
  label: string;
  incidents: number;
  window_incidents: number;
  evidence: Quote[];
}
export interface RegulatorRow {
  incident_id: string;
  victim: string;
  date: string;
  filing: {
    name: string;
    state: string;
    entity_type: string;
    individuals_affected: number | null;
    submitted: string;
    breach_type: string;
    state_matched: boolean;
  } | null;
}
export interface Recommendation {
  id: string;
  name: string;
  advice: string;
  techniques: string[];
  incidents: number;
}
export interface MapCountry {
  code: string;
  name: string;
  incidents: number;
}
/** A sentence of the executive summary; `section`: the anchor it links to */
export interface SummarySentence {
  id: string;
  text: string;
  section: string;
  value: number | string | null;
}

/** A period-over-period change; `pct` is null when suppressed (base < 5) */
export interface Change {
  base: number;
  pct: number | null;
  suppressed: boolean;
  display: string;
}

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
  week: string;
  start: string;
  total: number;
  spike: boolean;
  current: boolean;
  by_type: Record<AttackType, number>;
}
/** `start`…`end` (the period's last day): the trend window, over which ranked tables also count for context */
export interface Trend {
  weeks: TrendWeek[];
  start: string;
  end: string;
  mean: number;
  sd: number;
  threshold: number;
}

// Ranked rows: `incidents`/`share` are this period's, `window_*` the trend window's (which includes it).
// A thin week would otherwise draw one bar per chart; rows are ranked by period, then by window count.
export interface CountryRow {
  code: string | null;
  name: string;
  incidents: number;
  share: number | null;
  window_incidents: number;
  window_share: number;
}
export interface GroupRow {
  name: string;
  incidents: number;
  is_new: boolean;
  first_seen: string;
  window_incidents: number;
}
export interface SectorRow {
  sector: Sector;
  incidents: number;
  share: number | null;
  window_incidents: number;
  window_share: number;
}
export interface RecordsRow {
  code: string | null;
  name: string;
  records: number;
  incidents: number;
  window_records: number;
  window_incidents: number;
}
export interface RansomRow {
  incident_id: string;
  victim: string;
  date: string;
  demanded_usd: number | null;
  paid_usd: number | null;
  /** a figure shown rests only on disputed claims (kept, marked, never in a headline) */
  disputed: boolean;
}
/** `label`: the outlet (else host, else title); `title`: the document's headline, untrusted text */
export interface SourceLink {
  label: string;
  href: string | null;
  title: string | null;
  published: string | null;
}
export interface NotableRow {
  incident_id: string;
  victim: string;
  country: string | null;
  country_name: string;
  sector: Sector;
  group: string | null;
  date: string;
  status: Incident['status'];
  ransom_as_written: string[];
  demanded_usd: number | null;
  paid_usd: number | null;
  records: number | null;
  downtime_days: number | null;
  sources: SourceLink[];
  earlier: boolean;
}
export interface RevisionRow {
  incident_id: string;
  victim: string | null;
  field: string;
  old: string;
  new: string;
}

/** `figure`: path of the quoted value in this JSON; `chart`: the chart or section that shows it */
export interface Finding {
  id: string;
  text: string;
  figure: string;
  value: number | string | null;
  chart: string;
}

export interface ReportJson {
  schema_version: number;
  period: {
    kind: PeriodKind;
    id: string;
    label: string;
    start: string;
    end: string;
    previous: string;
    /** the period's noun in running text: week, month, quarter or period (a --from/--to span) */
    unit: string;
    /** why this period was chosen when none was asked for; null when it was asked for */
    chosen: string | null;
  };
  /** Traffic Light Protocol marking of the whole report */
  tlp: string;
  snapshot_at: string;
  sources: {
    polled: number;
    failed: number;
    items: number;
    documents: number;
    failures: { id: string; publisher: string; error: string | null }[];
  };
  kpis: Kpis;
  summary: SummarySentence[];
  findings: Finding[];
  series: { trend: Trend; periods: { id: string; incidents: number }[] };
  tables: {
    countries: CountryRow[];
    groups: GroupRow[];
    unattributed: number;
    sectors: SectorRow[];
    records_by_country: RecordsRow[];
    ransom: RansomRow[];
    notable: NotableRow[];
    revisions: RevisionRow[] | null;
    revisions_since: string | null;
    actors: ActorProfile[];
    techniques: TechniqueRow[];
    heat: HeatCell[];
    indicators: IndicatorRow[];
    data_exposed: DataRow[];
    regulator: RegulatorRow[];
    recommendations: Recommendation[];
    map: MapCountry[];
  };
  methodology: {
    counted: number;
    undated_excluded: number;
    trend_weeks: number;
    fx_months: string[];
    hedged_claims: number;
    disputed_claims: number;
    notes: string[];
  };
}
