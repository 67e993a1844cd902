// Assembles ReportJson from the input: the one place where every figure is computed.
import {
  computeKpis,
  computeTrend,
  datedIncidents,
  inRange,
  periodCounts,
  periodHeader,
  trendWeeks,
} from './compute.ts';
import { buildFindings } from './findings.ts';
import {
  actorProfiles,
  dataRows,
  heatCells,
  indicatorRows,
  mapCountries,
  recommendations,
  regulatorRows,
  techniqueRows,
} from './intel.ts';
import { buildSummary } from './summary.ts';
import { periodRange } from './period.ts';
import { cmp } from './stats.ts';
import {
  countryRows,
  groupRows,
  notableRows,
  ransomRows,
  recordsRows,
  revisionRows,
  sectorRows,
  sortKeys,
} from './tables.ts';
import { SCHEMA_VERSION, type ReportInput, type ReportJson } from './types.ts';

const NOTES = [
  'An incident is one attack on one organisation; reports from several outlets about it are merged (deduplicated) upstream and counted once.',
  'An incident is placed in a period by its attack date, or by the date it was first reported when the attack date is unknown; incidents with neither are not counted.',
  'In the trend chart each incident is counted once, under its first attack type in the order ransomware, data-breach, DDoS, extortion, phishing, other.',
  "The trend window reaches back to the first dated incident in the dataset, at least 16 and at most 52 weeks. A week is flagged as a spike when its count is above the window's weekly mean plus two (population) standard deviations.",
  "Ranked tables and their charts show this period's counts and, for context, the counts over the whole trend window (which includes this period); shares are of the period's or the window's incidents respectively.",
  'Period-over-period changes are not shown when the base is under 5 incidents: small counts swing by large percentages.',
  "Ransom amounts are shown as written and in USD. USD figures are converted upstream at the average rate of the month recorded with each claim (listed below); crypto amounts use the same month's rate.",
  'Hedged ("reportedly", "up to") and disputed ransom claims are kept and marked; the median uses each incident\'s best demanded figure.',
  'Records affected are as reported by the victim, regulator or press, and are often revised; the total covers only incidents with a known figure.',
  'Groups are marked "new" when no earlier incident in the dataset is attributed to them.',
  "Disputed ransom sums (a claim any report says was denied or contested) are listed and marked but never enter a headline figure: the median, the executive summary or an actor profile's range. A claim repeated by several articles is listed once.",
  "Techniques, kinds of data exposed and indicators are read sentence by sentence from each incident's source articles with cue lists (data/reference/intel/); a sentence that denies, doubts or advises is skipped, and an article about several incidents is not used for them. Each row quotes the sentence it rests on. Statements that data was taken without naming a channel are filed under T1041.",
  'Indicators (CVE IDs, leak sites, domains) are as reported by the articles and have not been verified.',
  'MITRE ATT&CK technique and mitigation IDs and names © The MITRE Corporation, reproduced with its permission; the recommendations are written by the Triage authors.',
  'Country shapes: world-atlas (Natural Earth, public domain), 1:110m; small countries may not show on the map but are in the table.',
  'With no period asked for, the report covers the latest complete week, month or quarter (in that order) with at least 5 incidents; the header says which was chosen and why.',
];

export function buildReportJson(input: ReportInput): ReportJson {
  const { period } = input;
  const range = periodRange(period);
  const all = datedIncidents(input.incidents);
  const currentDated = all.filter((d) => inRange(d.date, range));
  const current = currentDated.map((d) => d.inc);
  const intel = input.intel ?? {};
  const cat = input.catalogue;
  const counts = periodCounts(all, period);
  const weeks = trendWeeks(all, period);
  const trend = computeTrend(all, period, weeks);
  const inWindow = all.filter((d) => inRange(d.date, trend));
  const window = inWindow.map((d) => d.inc);
  const claims = current.flatMap((i) => i.ransom);
  const failures = input.sources
    .filter((s) => !s.ok)
    .map((s) => ({ id: s.id, publisher: s.publisher, error: s.error }))
    .sort((a, b) => cmp(a.id, b.id));
  const techniques = techniqueRows(current, window, intel, cat);
  const body: Omit<ReportJson, 'findings' | 'summary'> = {
    schema_version: SCHEMA_VERSION,
    period: periodHeader(period, input.chosen ?? null),
    tlp: input.tlp ?? 'TLP:CLEAR',
    snapshot_at: input.snapshotAt,
    sources: {
      polled: input.sources.length,
      failed: failures.length,
      failures,
      documents: input.documents,
      items: input.sources.reduce((a, s) => a + s.items, 0),
    },
    kpis: computeKpis(current, counts),
    series: { trend, periods: counts },
    tables: {
      countries: countryRows(current, window),
      groups: groupRows(current, window, all, range),
      unattributed: current.filter((i) => i.actor === null).length,
      sectors: sectorRows(current, window),
      records_by_country: recordsRows(current, window),
      ransom: ransomRows(inWindow),
      notable: notableRows(all, range),
      revisions: revisionRows(input.revisions, input.incidents),
      revisions_since: input.revisions ? (input.revisionsSince ?? null) : null,
      actors: actorProfiles(current, inWindow, all, range, intel, cat),
      techniques,
      heat: heatCells(current, window, intel, cat),
      indicators: indicatorRows(current, intel),
      data_exposed: dataRows(current, window, intel, cat),
      regulator: regulatorRows(currentDated),
      recommendations: recommendations(techniques, current, intel, cat),
      map: mapCountries(current),
    },
    methodology: {
      counted: current.length,
      trend_weeks: weeks.length,
      undated_excluded: input.incidents.length - all.length,
      fx_months: [...new Set(claims.map((c) => c.usd_rate_date).filter((m): m is string => m !== null))].sort(cmp),
      hedged_claims: claims.filter((c) => c.hedged).length,
      disputed_claims: claims.filter((c) => c.disputed).length,
      notes: NOTES,
    },
  };
  return sortKeys({ ...body, summary: buildSummary(body), findings: buildFindings(body) }) as ReportJson;
}
