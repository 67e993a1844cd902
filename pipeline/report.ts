// Report stage runner: reads the store and builds the weekly (or monthly) report for a period, and keeps
// the figures each report showed (report_snapshots) so the next one can list revisions since.
import { buildReport } from '../reports/weekly/index.ts';
import { isoWeekOf, periodRange, shiftPeriod, weekRange } from '../reports/weekly/period.ts';
import type { Period } from '../reports/weekly/period.ts';
import { diffSnapshots, snapshotRows, type SnapshotRow } from '../reports/weekly/revisions.ts';
import type { ReportJson, Revision } from '../reports/weekly/types.ts';
import { ConfigError } from '../core/errors.ts';
import type { Clock } from '../core/effects.ts';
import type { Incident } from '../core/records.ts';
import type { Store } from '../data/store.ts';
import { loadIncidents } from '../data/analysis.ts';

export interface BuiltReport { period: Period; html: string; markdown: string; json: ReportJson }

/** The period asked for, else the latest complete ISO week that has an incident in it. */
export async function choosePeriod(store: Store, clock: Clock, opts: { week?: string; month?: string }): Promise<Period> {
  if (opts.week && opts.month) throw new ConfigError('give --week or --month, not both');
  if (opts.week) {
    if (!/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(opts.week)) throw new ConfigError(`--week must look like 2022-W47, got "${opts.week}"`);
    return { kind: 'week', id: opts.week };
  }
  if (opts.month) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.month)) throw new ConfigError(`--month must look like 2022-11, got "${opts.month}"`);
    return { kind: 'month', id: opts.month };
  }
  const rows = await store.all<{ d: string }>(
    `SELECT strftime(coalesce(attack_date, first_reported), '%Y-%m-%d') AS d FROM incidents WHERE coalesce(attack_date, first_reported) IS NOT NULL`);
  const latest = rows.map((r) => r.d).sort().at(-1);
  if (!latest) throw new ConfigError('no dated incidents in the database yet: run `triage run --demo` or `triage ingest` first');
  // The week of the latest incident, unless that week is still running: then the one before it.
  const week: Period = { kind: 'week', id: isoWeekOf(latest) };
  const today = clock.now().toISOString().slice(0, 10);
  return weekRange(week.id).end < today ? week : shiftPeriod(week, -1);
}

/** Revisions against the latest earlier report of the same kind recorded in this database, if any. */
async function revisionsSince(store: Store, period: Period, incidents: Incident[]): Promise<{ since: string; revisions: Revision[] } | null> {
  // A database created before report_snapshots existed and opened read-only has no such table yet.
  const table = await store.one<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'report_snapshots'`);
  if (!Number(table?.n)) return null;
  const prev = await store.one<{ id: string }>(
    `SELECT max(period_id) AS id FROM report_snapshots WHERE period_kind = ? AND period_id < ?`, [period.kind, period.id]);
  if (!prev?.id) return null;
  const rows = await store.all<{ incident_id: string; figures: string }>(
    `SELECT incident_id, figures FROM report_snapshots WHERE period_kind = ? AND period_id = ? ORDER BY incident_id`,
    [period.kind, prev.id]);
  const previous: SnapshotRow[] = rows.map((r) => ({ incident_id: r.incident_id, figures: JSON.parse(r.figures) }));
  const end = periodRange({ kind: period.kind, id: prev.id }).end;
  return { since: prev.id, revisions: diffSnapshots(previous, end, incidents) };
}

/** Replaces the period's snapshot with the figures this report showed (the rows of its trend window). */
async function recordSnapshot(store: Store, json: ReportJson, incidents: Incident[]): Promise<void> {
  const rows = snapshotRows(incidents, json.series.trend.start, json.period.end);
  await store.transaction(async () => {
    await store.run(`DELETE FROM report_snapshots WHERE period_kind = ? AND period_id = ?`, [json.period.kind, json.period.id]);
    await store.upsert('report_snapshots', ['period_kind', 'period_id', 'incident_id', 'snapshot_at', 'figures'],
      rows.map((r) => [json.period.kind, json.period.id, r.incident_id, json.snapshot_at, r.figures as object]));
  });
}

/**
 * Builds the report from the store. With `record` (the default on a writable store) its figures are kept
 * for the next report's revisions; the output itself depends only on the data, never on the clock.
 */
export async function buildPeriodReport(store: Store, period: Period, opts: { record?: boolean } = {}): Promise<BuiltReport> {
  const incidents = await loadIncidents(store);
  const sources = await store.all<{ id: string; publisher: string; ok: boolean; error: string | null; items: number }>(
    `SELECT source_id AS id, publisher, coalesce(consecutive_failures, 0) = 0 AS ok, last_error AS error,
            coalesce(items_last_run, 0) AS items FROM sources WHERE enabled ORDER BY source_id`);
  const documents = await store.count('documents');
  // The snapshot time comes from the data, not the clock, so the same database gives the same report.
  const snap = await store.one<{ t: string | null }>(`SELECT max(fetched_at) AS t FROM documents`);
  const snapshotAt = snap?.t ?? '1970-01-01T00:00:00.000Z';
  const rev = await revisionsSince(store, period, incidents);
  const out = buildReport({ incidents, period, snapshotAt, sources, documents, revisions: rev?.revisions, revisionsSince: rev?.since ?? null });
  if (opts.record ?? !store.readOnly) await recordSnapshot(store, out.json, incidents);
  return { period, ...out };
}
