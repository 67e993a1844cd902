// Cross-check of US incidents against the HHS OCR breach list (data/reference/hhs-breaches.csv): a covered
// entity files there itself, so a match fills the individuals affected and confirms the incident.
// Pure: the filings and the state gazetteer are handed in (loaded by regulator-data.ts).
import { idFrom } from '../../core/hash.ts';
import type { Incident, Reported } from '../../core/records.ts';
import { matchNames, nameKey, type NameMatch } from './names.ts';
import { dayNumber } from './util.ts';

export interface Filing {
  name: string;
  state: string;
  entity_type: string;
  individuals_affected: number | null;
  /** YYYY-MM-DD */
  submitted: string;
  breach_type: string;
}

export interface RegulatorReference {
  filings: Filing[];
  /** place name (state, large city) → USPS state code */
  places: Record<string, string>;
}

export type RegulatorFiling = NonNullable<Incident['regulator_filing']>;

export const REGULATOR_SOURCE = 'HHS OCR';
/** Filings may come up to a year after the attack (HIPAA allows 60 days from discovery, which can be late). */
export const FILING_WINDOW_DAYS = 365;
/** Without an attack date, the attack is taken to lie at most this long before the first report. */
export const UNDATED_LOOKBACK_DAYS = 60;

/** The names a filing goes by: "Legal Name, Inc. d/b/a Trade Name" and "A / B" list several. */
export function filingNames(name: string): string[] {
  return name
    .split(/\s+(?:d\/b\/a|dba|aka|f\/k\/a)\s+|\s+\/\s+|\s*;\s*/i)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/** USPS codes of the US places named in the texts, longest place names first so that "West Virginia" is not
 * also read as "Virginia". */
export function statesIn(texts: string[], places: Record<string, string>): Set<string> {
  const names = Object.keys(places).sort((a, b) => b.length - a.length);
  const found = new Set<string>();
  for (const raw of texts) {
    let text = raw;
    for (const place of names) {
      const re = new RegExp(
        `(?<![\\p{L}\\p{N}])${place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
        'gu',
      );
      if (!re.test(text)) continue;
      found.add(places[place]);
      text = text.replace(re, ' ');
    }
  }
  return found;
}

interface Hit {
  filing: Filing;
  match: NameMatch;
  days: number;
}

function nameMatch(victimNames: string[], filing: Filing, jw: number, stateAgrees: boolean): NameMatch | null {
  let best: NameMatch | null = null;
  for (const v of victimNames) {
    for (const f of filingNames(filing.name)) {
      const m = matchNames(v, f, jw);
      // "contained" (a short name inside a longer one) is too loose without a state to back it.
      if (!m || (m.kind === 'contained' && !stateAgrees)) continue;
      if (!best || m.score > best.score) best = m;
    }
  }
  return best;
}

/** Filings of this victim submitted within the window after the attack, best name match first, then the
 * nearest submission, then the larger count. */
export function findFiling(
  inc: Pick<Incident, 'victim' | 'attack_date' | 'first_reported'>,
  victimNames: string[],
  states: Set<string>,
  filings: Filing[],
  jw: number,
): { filing: Filing; stateMatched: boolean } | null {
  const anchor = inc.attack_date
    ? dayNumber(inc.attack_date)
    : inc.first_reported
      ? dayNumber(inc.first_reported) - UNDATED_LOOKBACK_DAYS
      : null;
  if (anchor === null) return null;
  const hits: Hit[] = [];
  for (const filing of filings) {
    const days = dayNumber(filing.submitted) - anchor;
    if (days < 0 || days > FILING_WINDOW_DAYS) continue;
    // Named states must include the filing's; an article that names none cannot contradict it.
    if (states.size > 0 && !states.has(filing.state)) continue;
    const match = nameMatch(victimNames, filing, jw, states.has(filing.state));
    if (match) hits.push({ filing, match, days });
  }
  hits.sort(
    (a, b) =>
      b.match.score - a.match.score ||
      a.days - b.days ||
      (b.filing.individuals_affected ?? 0) - (a.filing.individuals_affected ?? 0) ||
      (a.filing.name < b.filing.name ? -1 : a.filing.name > b.filing.name ? 1 : 0),
  );
  return hits[0] ? { filing: hits[0].filing, stateMatched: states.has(hits[0].filing.state) } : null;
}

export function toRegulatorFiling(f: Filing, stateMatched: boolean): RegulatorFiling {
  return {
    source: REGULATOR_SOURCE,
    name: f.name,
    state: f.state,
    entity_type: f.entity_type,
    individuals_affected: f.individuals_affected,
    submitted: f.submitted,
    breach_type: f.breach_type,
    state_matched: stateMatched,
  };
}

/** The filing's count as its own history entry: a regulator is a source like any outlet, but no document. */
export function filingEntry(f: RegulatorFiling): Reported {
  return {
    value: {
      count: f.individuals_affected,
      as_written: `${f.individuals_affected} individuals (HHS OCR breach report)`,
    },
    doc_id: idFrom('hhs', nameKey(f.name), f.state, f.submitted),
    published: f.submitted,
    outlet: 'HHS OCR breach portal',
    regulator: true,
  };
}

/** Adds the matching filing to each US incident: `regulator_filing`, a history entry, the individuals
 * affected when no report gave a figure, and `confirmed-by-victim` unless the incident is disputed. */
export function crossCheck(
  incidents: Incident[],
  ref: RegulatorReference | null,
  textsOf: (inc: Incident) => string[],
  namesOf: (inc: Incident) => string[],
  jw: number,
): Incident[] {
  return incidents.map((inc) => {
    if (!ref || inc.country !== 'US') return { ...inc, regulator_filing: null };
    const found = findFiling(inc, namesOf(inc), statesIn(textsOf(inc), ref.places), ref.filings, jw);
    if (!found) return { ...inc, regulator_filing: null };
    const filing = toRegulatorFiling(found.filing, found.stateMatched);
    const history = { ...inc.history };
    if (filing.individuals_affected !== null) {
      // stable sort: the filing goes after the reports of its day
      history.records_affected = [...(history.records_affected ?? []), filingEntry(filing)].sort((a, b) =>
        (a.published ?? '9999').localeCompare(b.published ?? '9999'),
      );
    }
    return {
      ...inc,
      regulator_filing: filing,
      records_affected: inc.records_affected ?? filing.individuals_affected,
      status: inc.status === 'disputed' ? inc.status : 'confirmed-by-victim',
      history,
    };
  });
}
