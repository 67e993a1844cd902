// A sign several countries write for their own currency ("Rs": the rupees of India, Pakistan, Sri Lanka, Nepal …)
// is read by the money grammar as the one most written about; the country the text places its victim in names the
// one meant (currencies.yaml by_country). Its dollar value is then taken at that currency's rate, or none.
import type { RansomClaim } from '../../core/records.ts';
import { toUsd } from './fx.ts';
import type { Reference } from './reference.ts';

const LETTER_FIRST = /^\p{L}/u;

/** The sign or word of `table` a sum is written with: before the figure ("Rs45 lakh") or after it ("500 rupees"). */
function writtenWith(
  asWritten: string,
  table: Record<string, Record<string, string>>,
  afterOnly = false,
): string | null {
  const w = asWritten.trim();
  for (const sign of Object.keys(table)) {
    const before = !afterOnly && w.startsWith(sign) && !LETTER_FIRST.test(w.slice(sign.length).replace(/^\./, ''));
    const after = w.toLowerCase().endsWith(` ${sign.toLowerCase()}`);
    if (before || after) return sign;
  }
  return null;
}

export function localCurrency(
  claims: RansomClaim[],
  country: string | null,
  ref: Pick<Reference, 'currencies' | 'fx'>,
  rateMonth: string | null,
): RansomClaim[] {
  const table = ref.currencies.by_country ?? {};
  const afterTable = ref.currencies.after_by_country ?? {};
  if (!country) return claims;
  return claims.map((c) => {
    const afterSign = writtenWith(c.as_written, afterTable, true);
    const sign = afterSign ?? writtenWith(c.as_written, table);
    const local = sign ? (afterSign ? afterTable : table)[sign]?.[country] : undefined;
    // (only a sum the grammar read in that sign's default currency: a restatement in dollars stays as it is)
    const dflt = sign ? (ref.currencies.prefix[sign] ?? ref.currencies.suffix[sign]) : undefined;
    if (!local || c.currency !== dflt || local === c.currency) return c;
    const usd = toUsd(ref.fx, c.amount, local, rateMonth);
    return { ...c, currency: local, usd: usd?.usd ?? null, usd_rate_date: usd?.rate_month ?? null };
  });
}
