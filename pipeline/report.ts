// Report stage runner: reads the store and builds the weekly (or monthly) report for a period. A separate step
// records the figures a report showed (report_snapshots) so the next one can list revisions since.
import { buildReport } from '../reports/weekly/index.ts';
import { isoWeekOf, periodRange, shiftPeriod, weekRange } from '../reports/weekly/period.ts';
import type { Period } from '../reports/weekly/period.ts';
import { diffSnapshots, snapshotRows, type SnapshotRow } from '../reports/weekly/revisions.ts';
import type { ReportJson, Revision } from '../reports/weekly/types.ts';
import { ConfigError } from '../core/errors.ts';
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

/** The period asked for, else the latest complete ISO week that has an incident in it. */
export async function choosePeriod(
  store: Store,
  clock: Clock,
  opts: { week?: string; month?: string },
): Promise<Period> {
  if (opts.week && opts.month) throw new ConfigError('give --week or --month, not both');
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
  const latest = (await incidentDates(store)).sort().at(-1);
  if (!latest)
    throw new ConfigError('no dated incidents in the database yet: run `triage run --demo` or `triage ingest` first');
  // The week of the latest incident, unless that week is still running: then the one before it.
  const week: Period = { kind: 'week', id: isoWeekOf(latest) };
  const today = clock.now().toISOString().slice(0, 10);
  return weekRange(week.id).end < today ? week : shiftPeriod(week, -1);
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

/** Builds the report from the store, reading only; the output depends only on the data, never on the clock. */
export async function buildPeriodReport(store: Store, period: Period): Promise<BuiltReport> {
  const incidents = await loadIncidents(store);
  const sources = await sourceHealth(store);
  const documents = await store.count('documents');
  // The snapshot time comes from the data, not the clock, so the same database gives the same report.
  const snapshotAt = (await dataSnapshotTime(store)) ?? '1970-01-01T00:00:00.000Z';
  const rev = await revisionsSince(store, period, incidents);
  const out = buildReport({
    incidents,
    period,
    snapshotAt,
    sources,
    documents,
    revisions: rev?.revisions,
    revisionsSince: rev?.since ?? null,
  });
  return { period, incidents, ...out };
}

/** The separate writing step: keeps the figures a built report showed (the rows of its trend window) as the
 * period's snapshot, for the next report's revisions. */
export async function recordReportSnapshot(store: Store, built: BuiltReport): Promise<void> {
  const { json } = built;
  const rows = snapshotRows(built.incidents, json.series.trend.start, json.period.end);
  await replaceSnapshot(store, json.period.kind, json.period.id, json.snapshot_at, rows);
}
