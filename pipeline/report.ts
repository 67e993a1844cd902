// Report stage runner: reads the store and builds the weekly (or monthly) report for a period. A separate step
// records the figures a report showed (report_snapshots) so the next one can list revisions since.
import { buildReportJson, renderReport } from '../reports/weekly/index.ts';
import { periodOfDate, periodRange, shiftPeriod } from '../reports/weekly/period.ts';
import type { Period } from '../reports/weekly/period.ts';
import { diffSnapshots, snapshotRows, type SnapshotRow } from '../reports/weekly/revisions.ts';
import type { ReportJson, Revision } from '../reports/weekly/types.ts';
import { ConfigError } from '../core/errors.ts';
import { PROJECT } from '../core/paths.ts';
import { intelCatalogue } from '../analyze/extract/intel/reference.ts';
import { intelReference } from './intel.ts';
import { addDays } from '../reports/weekly/period.ts';
import { fillQuotes, incidentIntel } from './report-intel.ts';
import type { Clock } from '../core/effects.ts';
import type { Incident } from '../core/records.ts';
import type { Store } from '../store/store.ts';
import { loadIncidents } from '../store/analysis.ts';
import {
  dataSnapshotTime,
  incidentDates,
  previousSnapshot,
  replaceSnapshot,
  sourceHealth,
} from '../store/report-data.ts';

export interface BuiltReport {
  period: Period;
  html: string;
  markdown: string;
  json: ReportJson;
  /** what the report was built from (recordReportSnapshot keeps their figures) */
  incidents: Incident[];
}

export interface PeriodOpts {
  week?: string;
  month?: string;
  quarter?: string;
  from?: string;
  to?: string;
}

/** A period says something once it holds this many incidents (the small-base guard's threshold). */
export const ENOUGH_INCIDENTS = 5;

/** The period asked for (validated), or null when none was. */
function askedPeriod(opts: PeriodOpts): Period | null {
  const given = [opts.week, opts.month, opts.quarter, opts.from ?? opts.to].filter((x) => x !== undefined);
  if (given.length > 1) throw new ConfigError('give one of --week, --month, --quarter or --from/--to');
  if (opts.week) {
    if (!/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(opts.week))
      throw new ConfigError(`--week must look like 2022-W47, got "${opts.week}"`);
    return { kind: 'week', id: opts.week };
  }
  if (opts.month) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month))
      throw new ConfigError(`--month must look like 2022-11, got "${opts.month}"`);
    return { kind: 'month', id: opts.month };
  }
  if (opts.quarter) {
    if (!/^\d{4}-Q[1-4]$/.test(opts.quarter))
      throw new ConfigError(`--quarter must look like 2022-Q4, got "${opts.quarter}"`);
    return { kind: 'quarter', id: opts.quarter };
  }
  if (opts.from !== undefined || opts.to !== undefined) {
    if (!opts.from || !opts.to) throw new ConfigError('--from and --to go together (YYYY-MM-DD each)');
    const id = `${opts.from}..${opts.to}`;
    try {
      periodRange({ kind: 'range', id });
    } catch {
      throw new ConfigError(
        `--from/--to must be real dates YYYY-MM-DD, --from not after --to; got ${opts.from}, ${opts.to}`,
      );
    }
    return { kind: 'range', id };
  }
  return null;
}

export interface ChosenPeriod extends Period {
  /** why this period, when none was asked for (shown in the report's header); null when asked for */
  chosen: string | null;
}

/**
 * The period asked for; else the latest complete week, month or quarter (in that order) holding at least
 * ENOUGH_INCIDENTS incidents, so a first report is never near-empty; else the latest complete quarter.
 */
export async function choosePeriod(store: Store, clock: Clock, opts: PeriodOpts): Promise<ChosenPeriod> {
  const asked = askedPeriod(opts);
  if (asked) return { ...asked, chosen: null };
  const dates = await incidentDates(store);
  const latest = dates.sort().at(-1);
  if (!latest)
    throw new ConfigError('no dated incidents in the database yet: run `triage run --demo` or `triage ingest` first');
  const today = clock.now().toISOString().slice(0, 10);
  const skipped: string[] = [];
  let last: Period | null = null;
  for (const kind of ['week', 'month', 'quarter'] as const) {
    // the period of the latest incident, unless it is still running: then the one before it
    const holding: Period = { kind, id: periodOfDate(kind, latest)! };
    const p = periodRange(holding).end < today ? holding : shiftPeriod(holding, -1);
    const r = periodRange(p);
    const n = dates.filter((d) => d >= r.start && d <= r.end).length;
    last = p;
    if (n >= ENOUGH_INCIDENTS)
      return {
        ...p,
        chosen: `the latest complete ${kind} with at least ${ENOUGH_INCIDENTS} incidents${skipped.length ? ` (${skipped.join('; ')})` : ''}`,
      };
    skipped.push(`${p.id} had ${n}`);
  }
  return {
    ...last!,
    chosen: `the latest complete quarter; no recent week, month or quarter had ${ENOUGH_INCIDENTS} incidents (${skipped.join('; ')})`,
  };
}

/** Revisions against the latest earlier report of the same kind recorded in this database, if any. */
async function revisionsSince(
  store: Store,
  period: Period,
  incidents: Incident[],
): Promise<{ since: string; revisions: Revision[] } | null> {
  const prev = await previousSnapshot(store, period.kind, period.id);
  if (!prev) return null;
  const end = periodRange({ kind: period.kind, id: prev.id }).end;
  return { since: prev.id, revisions: diffSnapshots(prev.rows as SnapshotRow[], end, incidents) };
}

export interface ReportOptions {
  tlp?: string;
  /** the reference folder (data/reference): the ATT&CK subset, cue lists, advice, group aliases */
  reference?: string;
}

/** Builds the report from the store, reading only; the output depends only on the data, never on the clock. */
export async function buildPeriodReport(
  store: Store,
  period: Period | ChosenPeriod,
  opts: ReportOptions = {},
): Promise<BuiltReport> {
  const incidents = await loadIncidents(store);
  const refDir = opts.reference ?? PROJECT.reference;
  const ref = intelReference(refDir);
  const catalogue = intelCatalogue(ref, refDir);
  const end = periodRange(period).end;
  // the facts of the incidents up to the period's end: the window's give the actor profiles their techniques
  const intel = await incidentIntel(
    store,
    incidents.filter((i) => {
      const d = i.attack_date ?? i.first_reported;
      return d !== null && d <= end && d >= addDays(end, -7 * 53);
    }),
    ref,
  );
  const sources = await sourceHealth(store);
  const documents = await store.count('documents');
  // The snapshot time comes from the data, not the clock, so the same database gives the same report.
  const snapshotAt = (await dataSnapshotTime(store)) ?? '1970-01-01T00:00:00.000Z';
  const rev = await revisionsSince(store, period, incidents);
  const json = buildReportJson({
    incidents,
    period,
    snapshotAt,
    sources,
    documents,
    revisions: rev?.revisions,
    revisionsSince: rev?.since ?? null,
    chosen: 'chosen' in period ? period.chosen : null,
    tlp: opts.tlp,
    intel,
    catalogue,
  });
  await fillQuotes(store, json);
  return { period: { kind: period.kind, id: period.id }, incidents, ...renderReport(json) };
}

/** The separate writing step: keeps the figures a built report showed (the rows of its trend window) as the
 * period's snapshot, for the next report's revisions. */
export async function recordReportSnapshot(store: Store, built: BuiltReport): Promise<void> {
  const { json } = built;
  const rows = snapshotRows(built.incidents, json.series.trend.start, json.period.end);
  await replaceSnapshot(store, json.period.kind, json.period.id, json.snapshot_at, rows);
}
