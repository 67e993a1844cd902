// Executive summary: four to six sentences written from the figures, each chosen and worded by the situation
// (a rise, a fall, a tie, a thin base) and linked to the section that shows its figure.
import { fmtDecimal, fmtInt, fmtShare, fmtSignedPct, sectorLabel } from './format.ts';
import type { ReportJson, SummarySentence } from './types.ts';

type Body = Omit<ReportJson, 'findings' | 'summary'>;

const THE = new Set(['US', 'GB', 'NL', 'AE', 'PH']);
const place = (code: string | null, name: string) => (code && THE.has(code) ? `the ${name}` : name);
const n = (k: number, one: string, many = `${one}s`) => `${fmtInt(k)} ${k === 1 ? one : many}`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** 'Q4 2022', 'week 49 of 2022', 'November 2022', '1 Oct 2022 – 15 Oct 2022' */
function shortLabel(r: Body): string {
  if (r.period.kind === 'week') return `week ${Number(r.period.id.slice(6))} of ${r.period.id.slice(0, 4)}`;
  return r.period.kind === 'quarter' ? r.period.label.replace(/ \(.*\)$/, '') : r.period.label;
}
const PLURAL: Record<string, string> = {
  hospital: 'Hospitals',
  'health-system': 'Health systems',
  clinic: 'Clinics',
  lab: 'Laboratories',
  pharma: 'Pharmaceutical companies',
  insurer: 'Health insurers',
  'health-agency': 'Health agencies',
  'health-it-vendor': 'Health IT vendors',
  'medical-device': 'Medical device makers',
  other: 'Other healthcare organisations',
};

function volume(r: Body): SummarySentence {
  const k = r.kpis;
  const unit = r.period.unit;
  const t = k.vs_trailing_mean;
  const short = shortLabel(r);
  let text: string;
  if (!t.suppressed && t.pct !== null) {
    const verb = t.pct >= 20 ? 'rose' : t.pct <= -20 ? 'fell' : 'held close to the usual level';
    const how = t.pct >= 20 || t.pct <= -20 ? ` ${fmtSignedPct(t.pct)} against` : ', at';
    text = `Recorded attacks on healthcare ${verb}${how} the trailing ${r.series.periods.length - 1}-${unit} mean: ${n(k.incidents, 'incident')} in ${short} (mean ${fmtDecimal(t.base)}).`;
  } else if (!k.vs_previous.suppressed && k.vs_previous.pct !== null) {
    const p = k.vs_previous.pct;
    const verb = p >= 20 ? 'rose' : p <= -20 ? 'fell' : 'held steady';
    text = `Recorded attacks on healthcare ${verb}: ${n(k.incidents, 'incident')} in ${short}, ${fmtSignedPct(p)} on the ${unit} before (${fmtInt(k.vs_previous.base)}); the trailing mean (${fmtDecimal(t.base)}) is too small a base to compare.`;
  } else {
    const prev = k.vs_previous.base;
    const dir = k.incidents > prev ? 'up from' : k.incidents < prev ? 'down from' : 'the same as';
    text = `${cap(n(k.incidents, 'incident'))} ${k.incidents === 1 ? 'was' : 'were'} recorded in ${short}, ${dir} ${fmtInt(prev)} in the ${unit} before; counts this small give no meaningful percentage.`;
  }
  return { id: 'volume', text, section: 'kpis', value: k.incidents };
}

function actor(r: Body): SummarySentence | null {
  const a = r.tables.actors;
  if (a.length === 0) {
    if (r.kpis.incidents === 0) return null;
    return {
      id: 'actor',
      text: `No group claimed any of the ${n(r.kpis.incidents, 'incident')}.`,
      section: 'actors',
      value: 0,
    };
  }
  const top = a.filter((x) => x.incidents === a[0].incidents);
  const total = r.kpis.incidents;
  const share = total >= 5 ? ` (${fmtShare(a[0].incidents / total)})` : '';
  const text =
    top.length === 1
      ? `${a[0].name} was behind the most attacks, ${fmtInt(a[0].incidents)} of ${fmtInt(total)}${share}, hitting ${a[0].countries.slice(0, 3).join(', ')}.`
      : `No single group led: ${top.map((x) => x.name).join(', ')} each claimed ${n(a[0].incidents, 'attack')}, and ${n(r.tables.unattributed, 'incident')} went unclaimed.`;
  return { id: 'actor', text, section: 'actors', value: a[0].incidents };
}

function target(r: Body): SummarySentence | null {
  const sectors = r.tables.sectors.filter((x) => x.incidents > 0).sort((a, b) => b.incidents - a.incidents);
  const c = r.tables.countries.filter((x) => x.code && x.incidents > 0).sort((a, b) => b.incidents - a.incidents)[0];
  if (sectors.length === 0 || !c) return null;
  const s = sectors[0];
  const tiedS = sectors.filter((x) => x.incidents === s.incidents).length > 1;
  const tiedC = r.tables.countries.filter((x) => x.code && x.incidents === c.incidents).length > 1;
  const sector = tiedS
    ? `Victims were spread over ${n(sectors.length, 'sub-sector')}, none with more than ${n(s.incidents, 'incident')}`
    : `${PLURAL[s.sector] ?? sectorLabel(s.sector)} were the most frequent victims (${fmtInt(s.incidents)} of ${fmtInt(r.kpis.incidents)})`;
  const country = tiedC
    ? c.incidents === 1
      ? `each of the ${n(r.kpis.countries_hit, 'country', 'countries')} hit was hit once`
      : `no country stood out (${n(r.kpis.countries_hit, 'country', 'countries')} hit, none more than ${fmtInt(c.incidents)} times)`
    : `${place(c.code, c.name)} was hit most often (${fmtInt(c.incidents)})`;
  return { id: 'target', text: `${sector}, and ${country}.`, section: 'map', value: s.incidents };
}

function impact(r: Body): SummarySentence | null {
  const rows = r.tables.notable.filter((x) => !x.earlier && x.records !== null && x.status === 'confirmed-by-victim');
  const big = rows.sort((a, b) => (b.records ?? 0) - (a.records ?? 0))[0];
  if (big)
    return {
      id: 'impact',
      text: `The largest confirmed impact was at ${big.victim} (${big.country_name}): ${fmtInt(big.records!)} records affected, as the organisation itself said.`,
      section: 'notable',
      value: big.records,
    };
  const down = r.tables.notable
    .filter((x) => !x.earlier && x.downtime_days !== null)
    .sort((a, b) => b.downtime_days! - a.downtime_days!)[0];
  return down
    ? {
        id: 'impact',
        text: `The longest reported outage was at ${down.victim}, ${n(down.downtime_days!, 'day')} of disrupted services.`,
        section: 'notable',
        value: down.downtime_days,
      }
    : null;
}

function fresh(r: Body): SummarySentence | null {
  const f = r.tables.actors.filter((a) => a.is_new);
  if (f.length === 0) return null;
  const text =
    f.length === 1
      ? `${f[0].name} appeared for the first time in the dataset, with ${n(f[0].incidents, 'attack')} (${f[0].victims.join(', ')}).`
      : `${n(f.length, 'group')} appeared for the first time: ${f.map((a) => `${a.name} (${fmtInt(a.incidents)})`).join(', ')}.`;
  return { id: 'new-group', text, section: 'actors', value: f.length };
}

function technique(r: Body): SummarySentence | null {
  const t = r.tables.techniques[0];
  if (!t) return null;
  const data = r.tables.data_exposed[0];
  const tail =
    data && data.incidents > 0
      ? `; ${data.label.toLowerCase()} were the data most often reported exposed (${fmtInt(data.incidents)})`
      : '';
  return {
    id: 'technique',
    text: `Articles most often described ${t.name} (${t.id}), in ${n(t.incidents, 'incident')}${tail}.`,
    section: 'techniques',
    value: t.incidents,
  };
}

export const MAX_SUMMARY = 6;

export function buildSummary(r: Body): SummarySentence[] {
  return [volume(r), actor(r), target(r), impact(r), fresh(r), technique(r)]
    .filter((s): s is SummarySentence => s !== null)
    .slice(0, MAX_SUMMARY);
}
