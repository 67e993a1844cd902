// Every value each source reported for an incident field, with the marks that say how much it counts.
import type { Reported } from '../../core/records.ts';
import type { Candidate } from './candidates.ts';
import { confirmationIn } from './confirm.ts';
import { cmpBy } from './util.ts';

/** One reported value, still tied to its candidate (cluster, instant) for the best-value rules. */
export interface Entry {
  field: string;
  value: unknown;
  c: Candidate;
  /** the value may belong to another victim of the same document */
  shared: boolean;
}

export const HISTORY_FIELDS = [
  'actor',
  'attack_date',
  'attack_types',
  'confirmed',
  'country',
  'downtime_days',
  'payment_method',
  'ransom',
  'records_affected',
  'sector',
  'victim',
] as const;
export type Field = (typeof HISTORY_FIELDS)[number];

/** The values one candidate reports. Victim, country and sector describe this victim; the rest of a
 * several-victim document is shared. Nulls and empty lists are "not reported" and left out. */
export function entriesOf(c: Candidate): Entry[] {
  const e = c.ext;
  const own = (field: Field, value: unknown): Entry => ({ field, value, c, shared: false });
  const any = (field: Field, value: unknown): Entry => ({ field, value, c, shared: c.shared });
  const out: Entry[] = [own('victim', c.victim.name), own('sector', c.victim.sector)];
  if (c.country) out.push(own('country', c.country));
  for (const a of new Set(e.actors.map((x) => x.family ?? x.canonical))) out.push(any('actor', a));
  if (e.attack_types.length > 0) out.push(any('attack_types', [...new Set(e.attack_types)].sort()));
  if (e.attack_date) out.push(any('attack_date', e.attack_date));
  for (const r of e.ransom) {
    const { evidence: _evidence, ...claim } = r;
    out.push(any('ransom', claim));
  }
  if (e.records_affected) {
    out.push(any('records_affected', { count: e.records_affected.count, as_written: e.records_affected.as_written }));
  }
  if (e.downtime_days !== null) out.push(any('downtime_days', e.downtime_days));
  if (e.payment_method) out.push(any('payment_method', e.payment_method));
  // The victim's own confirmation names it (or, in an article about it alone, "the hospital"): never shared.
  const confirmation = confirmationIn(c.source.text, c.names, !c.shared);
  if (confirmation) out.push(own('confirmed', confirmation));
  return out;
}

/** Entries that may decide a best value: not from a superseded version, not shared between victims. */
export function counted(entries: Entry[]): Entry[] {
  return entries.filter((x) => !x.c.source.role.superseded && !x.shared);
}

function toReported(x: Entry): Reported {
  const role = x.c.source.role;
  const r: Reported = {
    value: x.value,
    doc_id: x.c.source.doc_id,
    published: x.c.source.published,
    outlet: x.c.source.outlet,
  };
  if (role.superseded) r.superseded = true;
  if (role.duplicate_of) r.duplicate_of = role.duplicate_of;
  if (x.shared) r.shared = true;
  return r;
}

const byWhen = cmpBy<Entry>(
  (x) => x.c.source.published,
  (x) => x.c.source.at,
  (x) => x.c.source.doc_id,
  (x) => JSON.stringify(x.value),
);

/** The history record: every field present (possibly empty), keys and entries sorted. */
export function history(entries: Entry[]): Record<string, Reported[]> {
  const out: Record<string, Reported[]> = {};
  for (const f of HISTORY_FIELDS) {
    out[f] = entries
      .filter((x) => x.field === f)
      .sort(byWhen)
      .map(toReported);
  }
  return out;
}

export function sortedEntries(entries: Entry[]): Entry[] {
  return [...entries].sort(byWhen);
}
