// Small statistics helpers with the report's rounding and suppression rules.
import { fmtNum, fmtSignedPct, round } from './format.ts';
import type { Change } from './types.ts';

/** Changes on a base under this are noise, so they are shown as n/a rather than as a percentage. */
export const MIN_BASE = 5;

export function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Population standard deviation: the 16 weeks are the whole window, not a sample of it. */
export function sd(xs: number[]): number {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function change(current: number, base: number): Change {
  const b = round(base, 2);
  if (base < MIN_BASE) return { base: b, pct: null, suppressed: true, display: `n/a (base < ${MIN_BASE})` };
  const pct = round(((current - base) / base) * 100, 1);
  return { base: b, pct, suppressed: false, display: `${fmtSignedPct(pct)} (base ${fmtNum(b)})` };
}

/** Code-point comparison: localeCompare would depend on the host ICU. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
