// Best value of each incident field from its history. The rules are listed in README.md; each is a pure
// function of the entries, so input order never matters.
import { ATTACK_TYPES, type AttackType, type Incident, type RansomClaim, type Sector } from '../../core/records.ts';
import { nameKey } from './names.ts';
import { counted, sortedEntries, type Entry } from './history.ts';

type IncidentRansom = Incident['ransom'][number];
type Claim = Omit<RansomClaim, 'evidence'>;

/** Most specific first: a single site before an organisation that runs many; 'other' last. */
const SPECIFICITY: Sector[] = [
  'hospital',
  'clinic',
  'lab',
  'pharma',
  'medical-device',
  'insurer',
  'health-it-vendor',
  'health-agency',
  'health-system',
  'other',
];

const of = (entries: Entry[], field: string) => entries.filter((x) => x.field === field);

/** Value with the most clusters reporting it (copies of one story count once); ties by `tie`. */
function majority<T extends string>(entries: Entry[], tie: (a: T, b: T) => number): T | null {
  const clusters = new Map<T, Set<string>>();
  for (const x of entries) {
    const v = x.value as T;
    clusters.set(v, (clusters.get(v) ?? new Set()).add(x.c.source.role.cluster));
  }
  const ranked = [...clusters].sort(([a, ca], [b, cb]) => cb.size - ca.size || tie(a, b));
  return ranked[0]?.[0] ?? null;
}

const lexical = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical name reported by most clusters; ties: the longer normalised name, then alphabetical. */
export function bestVictim(entries: Entry[]): string {
  const current = entries.filter((x) => !x.c.source.role.superseded);
  const pool = current.length > 0 ? current : entries;
  const names = pool.map((x) => ({ ...x, value: x.c.victim.canonical }));
  return majority<string>(names, (a, b) => nameKey(b).length - nameKey(a).length || lexical(a, b))!;
}

export function bestCountry(entries: Entry[]): string | null {
  return majority<string>(of(counted(entries), 'country'), lexical);
}

export function bestSector(entries: Entry[]): Sector {
  const reported = new Set(of(counted(entries), 'sector').map((x) => x.value as Sector));
  return SPECIFICITY.find((s) => reported.has(s)) ?? 'other';
}

/** Actor named by most clusters; ties: the one named first, then alphabetical. */
export function bestActor(entries: Entry[]): string | null {
  const named = sortedEntries(of(counted(entries), 'actor'));
  const first = (v: string) => named.findIndex((x) => x.value === v);
  return majority<string>(named, (a, b) => first(a) - first(b) || lexical(a, b));
}

export function attackTypes(entries: Entry[]): AttackType[] {
  const all = new Set(of(counted(entries), 'attack_types').flatMap((x) => x.value as AttackType[]));
  return ATTACK_TYPES.filter((t) => all.has(t));
}

/** Earliest reported attack date not after the first report (an attack cannot follow its own news). */
export function bestAttackDate(entries: Entry[], firstReported: string | null): string | null {
  const dates = of(counted(entries), 'attack_date')
    .map((x) => x.value as string)
    .sort();
  return dates.find((d) => firstReported === null || d <= firstReported) ?? dates[0] ?? null;
}

/** The latest report's figure: counts are revised as investigations go on. */
export function bestRecords(entries: Entry[]): number | null {
  const latest = sortedEntries(of(counted(entries), 'records_affected')).at(-1);
  return latest ? (latest.value as { count: number }).count : null;
}

export function bestDowntime(entries: Entry[]): number | null {
  const days = of(counted(entries), 'downtime_days').map((x) => x.value as number);
  return days.length > 0 ? Math.max(...days) : null;
}

/** Counted claims, one per cluster and claim (a syndicated copy repeats, it does not add), earliest kept. */
export function ransomClaims(entries: Entry[]): IncidentRansom[] {
  const seen = new Set<string>();
  const out: IncidentRansom[] = [];
  for (const x of sortedEntries(of(counted(entries), 'ransom'))) {
    const claim = x.value as Claim;
    const key = JSON.stringify([x.c.source.role.cluster, claim.kind, claim.amount, claim.currency, claim.disputed]);
    if (seen.has(key)) continue;
    seen.add(key);
    const evidence = x.c.ext.ransom.find((r) => r.as_written === claim.as_written && r.kind === claim.kind)?.evidence;
    const where = { doc_id: x.c.source.doc_id, quote: evidence?.quote ?? '', published: x.c.source.published };
    // a PDF report's page (analyze/pages.ts), only where there is one: other incidents' JSON stays as it was
    out.push({ ...claim, ...where, ...(evidence?.page ? { page: evidence.page } : {}) });
  }
  return out;
}

/** Largest undisputed USD figure of a kind, else the largest disputed one. */
export function largestUsd(claims: IncidentRansom[], kind: 'demanded' | 'paid'): number | null {
  const ofKind = claims.filter((c) => c.kind === kind && c.usd !== null);
  const pick = (cs: IncidentRansom[]) => (cs.length > 0 ? Math.max(...cs.map((c) => c.usd!)) : null);
  return pick(ofKind.filter((c) => !c.disputed)) ?? pick(ofKind.filter((c) => c.disputed));
}

/** 'disputed' when a demand is denied and none is stated plainly; else 'confirmed-by-victim' when a counted
 * report quotes the victim confirming; else by whether a group is named. */
export function status(claims: IncidentRansom[], actor: string | null, entries: Entry[] = []): Incident['status'] {
  const demanded = claims.filter((c) => c.kind === 'demanded');
  if (demanded.some((c) => c.disputed) && !demanded.some((c) => !c.disputed && !c.hedged)) return 'disputed';
  if (of(counted(entries), 'confirmed').length > 0) return 'confirmed-by-victim';
  return actor ? 'claimed-by-group' : 'reported';
}
