// Key findings: short generated sentences, each tied to one figure in the JSON (by path) and to the
// chart or section that shows it (the HTML links there).
import { fmtDate, fmtDecimal, fmtInt, fmtNum, fmtShare, fmtSignedPct, fmtUsd } from './format.ts';
import { TRAILING_PERIODS } from './compute.ts';
import type { Finding, ReportJson } from './types.ts';

export const MAX_FINDINGS = 6;
export const MIN_FINDINGS = 3;

type Body = Omit<ReportJson, 'findings' | 'summary'>;

const plural = (n: number, one: string, many = `${one}s`) => `${fmtInt(n)} ${n === 1 ? one : many}`;
/** Country names that read with "the" in running text. */
const THE = new Set(['US', 'GB', 'NL', 'AE', 'PH']);
const place = (c: { code: string | null; name: string }) => (c.code && THE.has(c.code) ? `the ${c.name}` : c.name);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const weeksText = (r: Body) => `${r.series.trend.weeks.length} weeks to ${fmtDate(r.series.trend.end)}`;

function incidentsFinding(r: Body): Finding {
  const k = r.kpis;
  const unit = r.period.unit;
  const base = `${plural(k.incidents, 'incident')} ${k.incidents === 1 ? 'was' : 'were'} recorded in ${r.period.id}`;
  const text = k.vs_previous.suppressed
    ? `${base}; the change on the previous ${unit} is not shown because its base (${fmtInt(k.vs_previous.base)}) is under 5.`
    : `${base}, ${fmtSignedPct(k.vs_previous.pct!)} on the previous ${unit} (${fmtInt(k.vs_previous.base)}).`;
  return { id: 'incidents', text, figure: 'kpis.incidents', value: k.incidents, chart: 'kpis' };
}

/** Rows tied for first place (on `n`), so a four-way tie at one incident is not reported as a leader. */
function leaders<T>(rows: T[], n: (row: T) => number): T[] {
  const top = Math.max(0, ...rows.map(n));
  return top === 0 ? [] : rows.filter((x) => n(x) === top);
}

function countryFinding(r: Body): Finding | null {
  const top = leaders(
    r.tables.countries.filter((c) => c.code !== null),
    (c) => c.incidents,
  );
  if (top.length === 0) return null;
  const i = r.tables.countries.indexOf(top[0]);
  const names = cap(top.map(place).join(', '));
  const lead =
    top.length === 1 ? `${names} was the most affected country` : `${names} were the most affected countries`;
  return {
    id: 'top-country',
    figure: `tables.countries.${i}.share`,
    value: top[0].share,
    chart: 'countries',
    text: `${lead} with ${fmtInt(top[0].incidents)} of ${fmtInt(r.kpis.incidents)} incidents${top.length > 1 ? ' each' : ''} (${fmtShare(top[0].share)}); ${plural(r.kpis.countries_hit, 'country', 'countries')} ${r.kpis.countries_hit === 1 ? 'was' : 'were'} hit.`,
  };
}

/** The trend window in one sentence, with the country hit most often over it: context for a thin period. */
function windowFinding(r: Body): Finding | null {
  const total = r.series.trend.weeks.reduce((a, w) => a + w.total, 0);
  if (total === 0) return null;
  const top = leaders(
    r.tables.countries.filter((c) => c.code !== null),
    (c) => c.window_incidents,
  );
  const lead =
    top.length === 1
      ? `; ${place(top[0])} was hit most often (${fmtInt(top[0].window_incidents)}, ${fmtShare(top[0].window_share)})`
      : '';
  return {
    id: 'window',
    figure: 'series.trend.mean',
    value: r.series.trend.mean,
    chart: 'trend',
    text: `Over the ${weeksText(r)}, ${plural(total, 'incident')} ${total === 1 ? 'was' : 'were'} recorded, a weekly mean of ${fmtDecimal(r.series.trend.mean)}${lead}.`,
  };
}

function groupFinding(r: Body): Finding | null {
  const active = r.tables.groups.filter((g) => g.incidents > 0);
  if (active.length === 0) return null;
  const top = leaders(active, (g) => g.incidents);
  const fresh = active.filter((g) => g.is_new).map((g) => g.name);
  const lead =
    top.length === 1
      ? `${top[0].name} was the most active group (${plural(top[0].incidents, 'incident')})`
      : `${plural(active.length, 'group')} were named, none with more than ${plural(top[0].incidents, 'incident')}`;
  return {
    id: 'top-group',
    figure: 'tables.groups.0.incidents',
    value: top[0].incidents,
    chart: 'groups',
    text: `${lead}${fresh.length ? `; first seen this ${r.period.unit}: ${fresh.join(', ')}` : ''}.`,
  };
}

function optional(r: Body): (Finding | null)[] {
  const k = r.kpis;
  const spike = r.series.trend.weeks.find((w) => w.current && w.spike);
  return [
    spike
      ? {
          id: 'spike',
          figure: 'series.trend.threshold',
          value: r.series.trend.threshold,
          chart: 'trend',
          text: `${spike.week} is a spike: ${plural(spike.total, 'incident')}, above the ${r.series.trend.weeks.length}-week mean + 2 sd (${fmtDecimal(r.series.trend.threshold)}).`,
        }
      : null,
    countryFinding(r),
    windowFinding(r),
    groupFinding(r),
    k.incidents > 0
      ? {
          id: 'ransomware',
          figure: 'kpis.ransomware.share',
          value: k.ransomware.share,
          chart: 'kpis',
          text: `Ransomware was involved in ${fmtShare(k.ransomware.share)} of incidents (${fmtInt(k.ransomware.count)} of ${fmtInt(k.incidents)}).`,
        }
      : null,
    k.records_affected.known > 0
      ? {
          id: 'records',
          figure: 'kpis.records_affected.total',
          value: k.records_affected.total,
          chart: 'records',
          text: `${fmtInt(k.records_affected.total)} records were reported affected, from the ${fmtInt(k.records_affected.known)} of ${fmtInt(k.incidents)} incidents with a known figure.`,
        }
      : null,
    !k.vs_trailing_mean.suppressed
      ? {
          id: 'trailing',
          figure: 'kpis.vs_trailing_mean.pct',
          value: k.vs_trailing_mean.pct,
          chart: 'trend',
          text: `Against the trailing ${TRAILING_PERIODS}-${r.period.unit} mean of ${fmtNum(k.vs_trailing_mean.base)}, incidents changed by ${fmtSignedPct(k.vs_trailing_mean.pct!)}.`,
        }
      : null,
    k.median_ransom_demanded_usd.value !== null
      ? {
          id: 'ransom',
          figure: 'kpis.median_ransom_demanded_usd.value',
          value: k.median_ransom_demanded_usd.value,
          chart: 'ransom',
          text: `The median demanded ransom was ${fmtUsd(k.median_ransom_demanded_usd.value)} (n = ${fmtInt(k.median_ransom_demanded_usd.known)}).`,
        }
      : null,
  ];
}

/** Used only to reach MIN_FINDINGS in a quiet period. */
function fallbacks(r: Body): Finding[] {
  return [
    {
      id: 'trend-mean',
      figure: 'series.trend.mean',
      value: r.series.trend.mean,
      chart: 'trend',
      text: `Over the ${weeksText(r)}, the weekly mean was ${fmtDecimal(r.series.trend.mean)} incidents.`,
    },
    {
      id: 'sources',
      figure: 'sources.failed',
      value: r.sources.failed,
      chart: 'header',
      text: `${fmtInt(r.sources.polled - r.sources.failed)} of ${plural(r.sources.polled, 'source')} were polled successfully.`,
    },
  ];
}

export function buildFindings(r: Body): Finding[] {
  const picked = [incidentsFinding(r), ...optional(r).filter((f): f is Finding => f !== null)].slice(0, MAX_FINDINGS);
  for (const f of fallbacks(r))
    if (picked.length < MIN_FINDINGS && !picked.some((p) => p.id === 'window' && f.id === 'trend-mean')) picked.push(f);
  return picked;
}
