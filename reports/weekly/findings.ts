// Key findings: short generated sentences, each tied to one figure in the JSON (by path).
import { fmtDecimal, fmtInt, fmtNum, fmtShare, fmtSignedPct, fmtUsd } from './format.ts';
import { TRAILING_PERIODS, TREND_WEEKS } from './compute.ts';
import type { Finding, ReportJson } from './types.ts';

export const MAX_FINDINGS = 6;
export const MIN_FINDINGS = 3;

type Body = Omit<ReportJson, 'findings'>;

const plural = (n: number, one: string, many = `${one}s`) => `${fmtInt(n)} ${n === 1 ? one : many}`;

function incidentsFinding(r: Body): Finding {
  const k = r.kpis;
  const unit = r.period.kind;
  const base = `${plural(k.incidents, 'incident')} ${k.incidents === 1 ? 'was' : 'were'} recorded in ${r.period.id}`;
  const text = k.vs_previous.suppressed
    ? `${base}; the change on the previous ${unit} is not shown because its base (${fmtInt(k.vs_previous.base)}) is under 5.`
    : `${base}, ${fmtSignedPct(k.vs_previous.pct!)} on the previous ${unit} (${fmtInt(k.vs_previous.base)}).`;
  return { id: 'incidents', text, figure: 'kpis.incidents', value: k.incidents };
}

/** Names tied for first place, so a four-way tie at one incident is not reported as a leader. */
function leaders<T extends { incidents: number }>(rows: T[]): T[] {
  return rows.filter((x) => x.incidents === rows[0]?.incidents);
}

function countryFinding(r: Body): Finding | null {
  const top = leaders(r.tables.countries.filter((c) => c.code !== null));
  if (top.length === 0) return null;
  const names = top.map((c) => c.name).join(', ');
  const lead = top.length === 1 ? `${names} was the most affected country` : `${names} were the most affected countries`;
  return { id: 'top-country', figure: 'tables.countries.0.share', value: top[0].share,
    text: `${lead} with ${fmtInt(top[0].incidents)} of ${fmtInt(r.kpis.incidents)} incidents${top.length > 1 ? ' each' : ''} (${fmtShare(top[0].share)}); ${plural(r.kpis.countries_hit, 'country', 'countries')} were hit.` };
}

function groupFinding(r: Body): Finding | null {
  const groups = r.tables.groups;
  if (groups.length === 0) return null;
  const top = leaders(groups);
  const fresh = groups.filter((g) => g.is_new).map((g) => g.name);
  const lead = top.length === 1
    ? `${top[0].name} was the most active group (${plural(top[0].incidents, 'incident')})`
    : `${plural(groups.length, 'group')} were named, none with more than ${plural(top[0].incidents, 'incident')}`;
  return { id: 'top-group', figure: 'tables.groups.0.incidents', value: top[0].incidents,
    text: `${lead}${fresh.length ? `; first seen this ${r.period.kind}: ${fresh.join(', ')}` : ''}.` };
}

function optional(r: Body): (Finding | null)[] {
  const k = r.kpis;
  const spike = r.series.trend.weeks.find((w) => w.current && w.spike);
  return [
    spike ? { id: 'spike', figure: 'series.trend.threshold', value: r.series.trend.threshold,
      text: `${spike.week} is a spike: ${plural(spike.total, 'incident')}, above the ${TREND_WEEKS}-week mean + 2 sd (${fmtDecimal(r.series.trend.threshold)}).` } : null,
    k.incidents > 0 ? { id: 'ransomware', figure: 'kpis.ransomware.share', value: k.ransomware.share,
      text: `Ransomware was involved in ${fmtShare(k.ransomware.share)} of incidents (${fmtInt(k.ransomware.count)} of ${fmtInt(k.incidents)}).` } : null,
    countryFinding(r),
    groupFinding(r),
    k.records_affected.known > 0 ? { id: 'records', figure: 'kpis.records_affected.total', value: k.records_affected.total,
      text: `${fmtInt(k.records_affected.total)} records were reported affected, from the ${fmtInt(k.records_affected.known)} of ${fmtInt(k.incidents)} incidents with a known figure.` } : null,
    !k.vs_trailing_mean.suppressed ? { id: 'trailing', figure: 'kpis.vs_trailing_mean.pct', value: k.vs_trailing_mean.pct,
      text: `Against the trailing ${TRAILING_PERIODS}-${r.period.kind} mean of ${fmtNum(k.vs_trailing_mean.base)}, incidents changed by ${fmtSignedPct(k.vs_trailing_mean.pct!)}.` } : null,
    k.median_ransom_demanded_usd.value !== null ? { id: 'ransom', figure: 'kpis.median_ransom_demanded_usd.value',
      value: k.median_ransom_demanded_usd.value,
      text: `The median demanded ransom was ${fmtUsd(k.median_ransom_demanded_usd.value)} (n = ${fmtInt(k.median_ransom_demanded_usd.known)}).` } : null,
  ];
}

/** Used only to reach MIN_FINDINGS in a quiet period. */
function fallbacks(r: Body): Finding[] {
  return [
    { id: 'trend-mean', figure: 'series.trend.mean', value: r.series.trend.mean,
      text: `Over the ${TREND_WEEKS} weeks to ${r.period.end}, the weekly mean was ${fmtDecimal(r.series.trend.mean)} incidents.` },
    { id: 'sources', figure: 'sources.failed', value: r.sources.failed,
      text: `${fmtInt(r.sources.polled - r.sources.failed)} of ${plural(r.sources.polled, 'source')} were polled successfully.` },
  ];
}

export function buildFindings(r: Body): Finding[] {
  const picked = [incidentsFinding(r), ...optional(r).filter((f): f is Finding => f !== null)].slice(0, MAX_FINDINGS);
  for (const f of fallbacks(r)) if (picked.length < MIN_FINDINGS) picked.push(f);
  return picked;
}
