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
/** victims named per profile (the count is in `incidents`) */
export const MAX_VICTIMS = 8;
export const MAX_REGULATOR = 60;

type Intel = Record<string, IncidentIntel[]>;
/** Only absolute http(s) links leave the model, whatever the input says. */
const safe = (s: IncidentIntel['source']) => ({ ...s, href: safeHref(s.href) });
function values(intel: Intel, incs: Incident[], kind: IncidentIntel['kind']): string[] {
  const out = new Set<string>();
  for (const i of incs) for (const f of intel[i.incident_id] ?? []) if (f.kind === kind) out.add(f.value);
  return [...out].sort(cmp);
}

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
  const by = <T>(xs: T[], actor: (x: T) => string | null) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const a = actor(x);
      if (a === null) continue;
      const list = m.get(a);
      if (list) list.push(x);
      else m.set(a, [x]);
    }
    return m;
  };
  const allBy = by(all, (d) => d.inc.actor);
  const windowBy = by(window, (d) => d.inc.actor);
  const currentBy = by(current, (i) => i.actor);
  return active
    .map((name) => {
      const mine = allBy.get(name) ?? [];
      const inWindow = windowBy.get(name) ?? [];
      const now = currentBy.get(name) ?? [];
      const dates = mine.map((d) => d.date).sort(cmp);
      const incs = inWindow.map((d) => d.inc);
      const money = (kind: 'demanded' | 'paid') =>
        range(incs.map((i) => undisputedUsd(i, kind)).filter((x): x is number => x !== null));
      return {
        name,
        aliases: [...(cat?.aliases[name] ?? [])].sort(cmp),
        incidents: now.length,
        window_incidents: inWindow.length,
        first_seen: dates[0],
        last_seen: dates[dates.length - 1],
        is_new: dates[0] >= period.start,
        countries: distinct(incs.map((i) => countryName(i.country))),
        sectors: distinct(incs.map((i) => sectorLabel(i.sector))),
        demanded_usd: money('demanded'),
        paid_usd: money('paid'),
        techniques: values(intel, incs, 'technique'),
        victims: distinct(now.map((i) => i.victim)).slice(0, MAX_VICTIMS),
      };
    })
    .sort((a, b) => b.incidents - a.incidents || b.window_incidents - a.window_incidents || cmp(a.name, b.name));
}

// by where the quote is, not by its words: the words of most facts are read only for the few quoted
const quoteOrder = (a: Quote, b: Quote) =>
  cmp(a.victim, b.victim) || cmp(a.incident_id, b.incident_id) || cmp(a.doc_id, b.doc_id) || a.start - b.start;

/**
 * One pass over a list of incidents (the period's or the window's) and their facts: incidents per kind and value,
 * and the first QUOTES_PER_ROW quotes of each in quoteOrder. Cached per list: every technique and data row asks,
 * and a quarter may hold 100,000 incidents.
 */
interface Digest {
  intel: Intel;
  counts: Map<string, number>;
  best: Map<string, Quote[]>;
}
const digests = new WeakMap<Incident[], Digest>();
const keyOf = (kind: string, value: string) => `${kind}\u0001${value}`;
function digest(incs: Incident[], intel: Intel): Digest {
  const cached = digests.get(incs);
  if (cached && cached.intel === intel) return cached;
  const d: Digest = { intel, counts: new Map(), best: new Map() };
  for (const i of incs) {
    const facts = intel[i.incident_id];
    if (!facts) continue;
    for (const f of facts) {
      const key = keyOf(f.kind, f.value);
      d.counts.set(key, (d.counts.get(key) ?? 0) + 1);
      let best = d.best.get(key);
      if (!best) d.best.set(key, (best = []));
      if (best.length === QUOTES_PER_ROW) {
        const worst = best[best.length - 1];
        // most facts lose on the victim alone: no object is made for them
        const c = cmp(i.victim, worst.victim) || cmp(i.incident_id, worst.incident_id);
        if (c > 0) continue;
      }
      const q = {
        incident_id: i.incident_id,
        victim: i.victim,
        quote: f.quote,
        doc_id: f.doc_id,
        start: f.start,
        end: f.end,
        source: f.source,
      };
      if (best.length === QUOTES_PER_ROW && quoteOrder(q, best[best.length - 1]) >= 0) continue;
      best.push(q);
      best.sort(quoteOrder);
      if (best.length > QUOTES_PER_ROW) best.pop();
    }
  }
  digests.set(incs, d);
  return d;
}

function quotes(incs: Incident[], intel: Intel, kind: IncidentIntel['kind'], value: string): Quote[] {
  return (digest(incs, intel).best.get(keyOf(kind, value)) ?? []).map((q) => ({ ...q, source: safe(q.source) }));
}

/** Incidents of the list with this fact (incidentIntel keeps one fact per kind and value per incident). */
function countWith(incs: Incident[], intel: Intel, kind: IncidentIntel['kind'], value: string): number {
  return digest(incs, intel).counts.get(keyOf(kind, value)) ?? 0;
}

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
        doc_id: f.doc_id,
        start: f.start,
        end: f.end,
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
    .sort(
      (a, b) =>
        Number(b.filing !== null) - Number(a.filing !== null) ||
        cmp(a.date, b.date) ||
        cmp(a.victim, b.victim) ||
        cmp(a.incident_id, b.incident_id),
    )
    .slice(0, MAX_REGULATOR);
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
  // incidents per mitigation, in one pass over the period's incidents and their techniques
  const counts = new Map<string, number>();
  const mitigations = [...byMitigation];
  for (const i of current) {
    const facts = intel[i.incident_id];
    if (!facts) continue;
    for (const [m, techs] of mitigations)
      if (facts.some((f) => f.kind === 'technique' && techs.has(f.value))) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const rows: Recommendation[] = [...byMitigation].map(([id, techs]) => ({
    id,
    name: cat.mitigations[id] ?? id,
    advice: cat.advice[id] ?? '',
    techniques: [...techs].sort(cmp),
    incidents: counts.get(id) ?? 0,
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
