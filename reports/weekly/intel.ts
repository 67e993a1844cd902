// Threat-intelligence sections: actor profiles, ATT&CK techniques and their heat by tactic, indicators as
// reported, data exposed, the regulator view, recommendations and the map's counts. Pure functions over the
// incidents and the facts pipeline/report.ts read from their sources.
import type { IntelCatalogue } from '../../analyze/extract/intel/reference.ts';
import type { Incident } from '../../core/records.ts';
import { undisputedUsd } from './claims.ts';
import type { Dated } from './compute.ts';
import { countryName, round, safeHref, sectorLabel } from './format.ts';
import type { DateRange } from './period.ts';
import { cmp } from './stats.ts';
import type {
  ActorProfile,
  DataRow,
  HeatCell,
  IncidentIntel,
  IndicatorRow,
  MapCountry,
  Quote,
  Recommendation,
  RegulatorRow,
  TechniqueRow,
} from './types.ts';

export const QUOTES_PER_ROW = 3;
export const MAX_RECOMMENDATIONS = 8;
export const MAX_INDICATORS = 40;

type Intel = Record<string, IncidentIntel[]>;
/** Only absolute http(s) links leave the model, whatever the input says. */
const safe = (s: IncidentIntel['source']) => ({ ...s, href: safeHref(s.href) });
const factsOf = (intel: Intel, i: Incident, kind: IncidentIntel['kind']) =>
  (intel[i.incident_id] ?? []).filter((f) => f.kind === kind);

function range(xs: number[]): { min: number; max: number; n: number } | null {
  if (xs.length === 0) return null;
  return { min: round(Math.min(...xs), 2), max: round(Math.max(...xs), 2), n: xs.length };
}

const distinct = (xs: string[]) => [...new Set(xs)].sort(cmp);

/** A profile of every group active in the period, over the period and the trend window. */
export function actorProfiles(
  current: Incident[],
  window: Dated[],
  all: Dated[],
  period: DateRange,
  intel: Intel,
  cat: IntelCatalogue | undefined,
): ActorProfile[] {
  const active = distinct(current.map((i) => i.actor).filter((a): a is string => a !== null));
  return active
    .map((name) => {
      const mine = all.filter((d) => d.inc.actor === name);
      const inWindow = window.filter((d) => d.inc.actor === name);
      const dates = mine.map((d) => d.date).sort(cmp);
      const incs = inWindow.map((d) => d.inc);
      const money = (kind: 'demanded' | 'paid') =>
        range(incs.map((i) => undisputedUsd(i, kind)).filter((x): x is number => x !== null));
      return {
        name,
        aliases: [...(cat?.aliases[name] ?? [])].sort(cmp),
        incidents: current.filter((i) => i.actor === name).length,
        window_incidents: inWindow.length,
        first_seen: dates[0],
        last_seen: dates[dates.length - 1],
        is_new: dates[0] >= period.start,
        countries: distinct(incs.map((i) => countryName(i.country))),
        sectors: distinct(incs.map((i) => sectorLabel(i.sector))),
        demanded_usd: money('demanded'),
        paid_usd: money('paid'),
        techniques: distinct(incs.flatMap((i) => factsOf(intel, i, 'technique').map((f) => f.value))),
        victims: distinct(current.filter((i) => i.actor === name).map((i) => i.victim)),
      };
    })
    .sort((a, b) => b.incidents - a.incidents || b.window_incidents - a.window_incidents || cmp(a.name, b.name));
}

function quotes(incs: Incident[], intel: Intel, kind: IncidentIntel['kind'], value: string): Quote[] {
  return incs
    .flatMap((i) =>
      factsOf(intel, i, kind)
        .filter((f) => f.value === value)
        .map((f) => ({ incident_id: i.incident_id, victim: i.victim, quote: f.quote, source: safe(f.source) })),
    )
    .sort((a, b) => cmp(a.victim, b.victim) || cmp(a.quote, b.quote))
    .slice(0, QUOTES_PER_ROW);
}

const countWith = (incs: Incident[], intel: Intel, kind: IncidentIntel['kind'], value: string) =>
  incs.filter((i) => factsOf(intel, i, kind).some((f) => f.value === value)).length;

/** Techniques seen in the period (with quotes), ranked by incidents, then by the window's count. */
export function techniqueRows(current: Incident[], window: Incident[], intel: Intel, cat?: IntelCatalogue) {
  const rows: TechniqueRow[] = (cat?.techniques ?? [])
    .map((t) => ({
      ...t,
      incidents: countWith(current, intel, 'technique', t.id),
      window_incidents: countWith(window, intel, 'technique', t.id),
      evidence: quotes(current, intel, 'technique', t.id),
    }))
    .filter((t) => t.incidents > 0)
    .sort((a, b) => b.incidents - a.incidents || b.window_incidents - a.window_incidents || cmp(a.id, b.id));
  return rows;
}

/** Every technique of the reference under each of its tactics, tactic order as ATT&CK's, with counts. */
export function heatCells(current: Incident[], window: Incident[], intel: Intel, cat?: IntelCatalogue): HeatCell[] {
  if (!cat) return [];
  return cat.tactics.flatMap((tactic) =>
    cat.techniques
      .filter((t) => t.tactics.includes(tactic))
      .map((t) => ({
        tactic,
        technique: t.id,
        name: t.name,
        incidents: countWith(current, intel, 'technique', t.id),
        window_incidents: countWith(window, intel, 'technique', t.id),
      }))
      .filter((c) => c.window_incidents > 0),
  );
}

/** CVE IDs, leak sites and attack domains the period's articles name, as reported. */
export function indicatorRows(current: Incident[], intel: Intel): IndicatorRow[] {
  const order = { cve: 0, 'leak-site': 1, domain: 2 } as const;
  const rows: IndicatorRow[] = [];
  for (const i of current)
    for (const f of intel[i.incident_id] ?? []) {
      if (f.kind !== 'cve' && f.kind !== 'domain' && f.kind !== 'leak-site') continue;
      // a leak site with no address is worth listing only as the named group's
      if (f.kind === 'leak-site' && f.value === '' && i.actor === null) continue;
      const value = f.kind === 'leak-site' && f.value === '' ? `${i.actor} leak site (no address given)` : f.value;
      rows.push({
        kind: f.kind,
        value,
        incident_id: i.incident_id,
        victim: i.victim,
        group: i.actor,
        quote: f.quote,
        source: safe(f.source),
      });
    }
  return rows
    .sort((a, b) => order[a.kind] - order[b.kind] || cmp(a.value, b.value) || cmp(a.victim, b.victim))
    .slice(0, MAX_INDICATORS);
}

export function dataRows(current: Incident[], window: Incident[], intel: Intel, cat?: IntelCatalogue): DataRow[] {
  return (cat?.categories ?? [])
    .map((c) => ({
      id: c.id,
      label: c.label,
      incidents: countWith(current, intel, 'data', c.id),
      window_incidents: countWith(window, intel, 'data', c.id),
      evidence: quotes(current, intel, 'data', c.id),
    }))
    .filter((c) => c.window_incidents > 0)
    .sort((a, b) => b.incidents - a.incidents || b.window_incidents - a.window_incidents || cmp(a.id, b.id));
}

/** US incidents of the period with their HHS OCR breach-list entry (or none found). */
export function regulatorRows(current: Dated[]): RegulatorRow[] {
  return current
    .filter((d) => d.inc.country === 'US')
    .map((d) => {
      const f = d.inc.regulator_filing ?? null;
      return {
        incident_id: d.inc.incident_id,
        victim: d.inc.victim,
        date: d.date,
        filing: f && {
          name: f.name,
          state: f.state,
          entity_type: f.entity_type,
          individuals_affected: f.individuals_affected,
          submitted: f.submitted,
          breach_type: f.breach_type,
          state_matched: f.state_matched,
        },
      };
    })
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.victim, b.victim));
}

/** Our advice for the mitigations ATT&CK links to the period's techniques, most incidents covered first. */
export function recommendations(techniques: TechniqueRow[], current: Incident[], intel: Intel, cat?: IntelCatalogue) {
  if (!cat) return [];
  const byMitigation = new Map<string, Set<string>>();
  for (const t of techniques)
    for (const m of cat.advise[t.id] ?? []) {
      const set = byMitigation.get(m) ?? new Set<string>();
      set.add(t.id);
      byMitigation.set(m, set);
    }
  const rows: Recommendation[] = [...byMitigation].map(([id, techs]) => ({
    id,
    name: cat.mitigations[id] ?? id,
    advice: cat.advice[id] ?? '',
    techniques: [...techs].sort(cmp),
    incidents: current.filter((i) => factsOf(intel, i, 'technique').some((f) => techs.has(f.value))).length,
  }));
  return rows
    .sort((a, b) => b.incidents - a.incidents || b.techniques.length - a.techniques.length || cmp(a.id, b.id))
    .slice(0, MAX_RECOMMENDATIONS);
}

export function mapCountries(current: Incident[]): MapCountry[] {
  const counts = new Map<string, number>();
  for (const i of current) if (i.country) counts.set(i.country, (counts.get(i.country) ?? 0) + 1);
  return [...counts]
    .map(([code, incidents]) => ({ code, name: countryName(code), incidents }))
    .sort((a, b) => b.incidents - a.incidents || cmp(a.code, b.code));
}
