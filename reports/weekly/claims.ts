// Ransom claims as the report counts them: a disputed figure never enters a headline (KPI, summary, profile
// range), and one claim repeated by several articles, or in several spellings, is listed once.
import type { Incident } from '../../core/records.ts';
import { cmp } from './stats.ts';

type Kind = 'demanded' | 'paid';

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, 0.01 * Math.max(a, b));

/** The incident's best figure of this kind unless a report disputes it (then another undisputed one, or null). */
export function undisputedUsd(i: Incident, kind: Kind): number | null {
  const best = kind === 'demanded' ? i.ransom_demanded_usd : i.ransom_paid_usd;
  if (best === null) return null;
  const behind = i.ransom.filter((c) => c.kind === kind && c.usd !== null && close(c.usd, best));
  if (!behind.some((c) => c.disputed)) return best;
  // disputed by any report (a denial outweighs repetition): another claim, never disputed, stands in if any
  const disputed = i.ransom.filter((c) => c.kind === kind && c.usd !== null && c.disputed).map((c) => c.usd as number);
  const other = i.ransom
    .filter((c) => c.kind === kind && c.usd !== null && !disputed.some((d) => close(d, c.usd as number)))
    .map((c) => c.usd as number);
  return other.length ? Math.max(...other) : null;
}

/** True when the best figure of this kind rests only on disputed claims. */
export function isDisputed(i: Incident, kind: Kind): boolean {
  const best = kind === 'demanded' ? i.ransom_demanded_usd : i.ransom_paid_usd;
  return best !== null && undisputedUsd(i, kind) !== best;
}

/**
 * One line per distinct claim: same kind, currency and amount (or, with no amount, same wording) is one claim,
 * however many articles repeat it; it is marked hedged only when every report of it hedges, disputed when any does.
 */
export function distinctClaims(i: Incident): string[] {
  const claims = new Map<string, { text: string; hedged: boolean; disputed: boolean }>();
  for (const c of i.ransom) {
    const key = `${c.kind}|${c.currency}|${c.amount ?? c.as_written.toLowerCase()}`;
    const seen = claims.get(key);
    if (!seen) claims.set(key, { text: `${c.kind}: ${c.as_written}`, hedged: c.hedged, disputed: c.disputed });
    else {
      seen.hedged &&= c.hedged;
      seen.disputed ||= c.disputed;
    }
  }
  return [...claims.values()]
    .map((c) => `${c.text}${c.hedged ? ' (hedged)' : ''}${c.disputed ? ' (disputed)' : ''}`)
    .sort(cmp);
}
