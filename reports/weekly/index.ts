// Weekly (or monthly) trend report: one input, three byte-stable renderings of the same figures.
import { buildCharts } from './charts.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { buildReportJson } from './model.ts';
import { sortKeys } from './tables.ts';
import type { ReportInput, ReportJson } from './types.ts';

export { isoWeekOf, latestCompleteWeek, monthRange, shiftPeriod, weekRange } from './period.ts';
export type { Period, PeriodKind, DateRange } from './period.ts';
export { SCHEMA_VERSION } from './types.ts';
export type { IncidentIntel, ReportInput, ReportJson, Revision, SourceStatus } from './types.ts';
export { CSP } from './html.ts';

export interface Report {
  html: string;
  markdown: string;
  json: ReportJson;
}

export function buildReport(input: ReportInput): Report {
  return renderReport(buildReportJson(input));
}

/** The renderings of a built JSON (the pipeline fills its quotes between the two steps). */
export function renderReport(json: ReportJson): Report {
  return { html: renderHtml(json, buildCharts(json)), markdown: renderMarkdown(json), json };
}

export { buildReportJson };

/** Canonical JSON text for files: sorted keys, two-space indent, trailing newline. */
export function reportJsonText(json: ReportJson): string {
  return `${JSON.stringify(sortKeys(json), null, 2)}\n`;
}
