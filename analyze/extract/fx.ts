// USD conversion at the monthly rate of the attack (else publication) month.
// Missing month → nearest earlier month, which is what usd_rate_date then reports. Crypto data ends
// 2022-09, so later dates use the last available month (same rule).
import type { FxTables } from './reference.ts';

export interface UsdValue {
  usd: number;
  rate_month: string;
}

function rateAtOrBefore(series: Map<string, number> | undefined, month: string): [string, number] | null {
  if (!series || !series.size) return null;
  let best: [string, number] | null = null;
  for (const [m, v] of series) if (m <= month && (!best || m > best[0])) best = [m, v];
  return best;
}

export function toUsd(fx: FxTables, amount: number | null, currency: string, month: string | null): UsdValue | null {
  if (amount === null || !month) return null;
  if (currency === 'USD') return { usd: amount, rate_month: month };
  const crypto = fx.crypto.get(currency);
  if (crypto) {
    const r = rateAtOrBefore(crypto, month);
    return r ? { usd: round(amount * r[1]), rate_month: r[0] } : null;
  }
  const r = rateAtOrBefore(fx.fiat.get(currency), month);
  return r && r[1] > 0 ? { usd: round(amount / r[1]), rate_month: r[0] } : null;
}

/** Is there any rate for the currency (a currency of the world may have none here: its sums keep usd null)? */
export const hasRate = (fx: FxTables, currency: string): boolean =>
  currency === 'USD' || (fx.crypto.get(currency)?.size ?? 0) > 0 || (fx.fiat.get(currency)?.size ?? 0) > 0;

const round = (x: number) => Math.round(x * 100) / 100;
