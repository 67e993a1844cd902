// Ransom claims: sums with a demanded/paid role, hedges and denials, USD value, payment method.
import type { RansomClaim } from '../../core/records.ts';
import type { Reference } from './reference.ts';
import { findMoney, isConversion, type Money } from './money.ts';
import { roleOf, isGeneric } from './roles.ts';
import { isHedged, demandDenied, paymentDenied } from './hedges.ts';
import { toUsd } from './fx.ts';
import { evidence, sentenceAt, type Span } from './text.ts';

export interface Skipped { reason: string; quote: string }

const CRYPTO_ONLY = /\b(?:in|via|using|through) (?:crypto-?currenc(?:y|ies)|crypto)\b/i;
const DEMAND_VERB = /\b(?:demand(?:ed|s|ing)?|sought|asked for|ransom)\b/i;

export function findRansom(text: string, sents: Span[], ref: Reference, rateMonth: string | null):
  { claims: RansomClaim[]; skipped: Skipped[] } {
  const claims: RansomClaim[] = [];
  const skipped: Skipped[] = [];
  const money = findMoney(text, ref.currencies);
  const seen = new Set<string>();
  let prev: Money | null = null;
  for (const m of money) {
    const conversion = prev !== null && isConversion(text, prev, m);
    prev = m;
    if (conversion) continue;
    if (m.skip || m.currency === null) { skipped.push({ reason: m.skip ?? 'unknown_currency', quote: m.as_written }); continue; }
    const s = sentenceAt(sents, m.start);
    if (!s) continue;
    const i = sents.indexOf(s);
    const context = [sents[i - 1]?.text, s.text, sents[i + 1]?.text].join(' ');
    const role = roleOf(s.text, m.start - s.start, m.end - s.start, context);
    if (!role || role === 'other') continue;
    const key = `${role}|${m.amount}|${m.currency}`;
    if (seen.has(key)) continue;
    seen.add(key);
    claims.push(claim(text, ref, role, m.amount, m.currency, m.as_written, s, rateMonth, m.start, m.end));
  }
  const demanded = claims.some((c) => c.kind === 'demanded');
  if (!demanded) {
    // "demanded a ransom in cryptocurrency" with no figure → one CRYPTO claim, amount unknown
    const s = sents.find((x) => DEMAND_VERB.test(x.text) && CRYPTO_ONLY.test(x.text) && !isGeneric(x.text)
      && roleOf(x.text, x.text.search(CRYPTO_ONLY), x.text.search(CRYPTO_ONLY) + 1, x.text) === 'demanded');
    if (s) {
      const at = s.text.search(/crypto/i);
      const word = /crypto-?currenc(?:y|ies)|crypto/i.exec(s.text.slice(at))![0];
      claims.push(claim(text, ref, 'demanded', null, 'CRYPTO', word, s, rateMonth, s.start + at, s.start + at + word.length));
    }
  }
  const disputeDemand = demandDenied(sents), disputePaid = paymentDenied(sents);
  for (const c of claims) c.disputed = c.kind === 'paid' ? disputePaid : c.kind === 'demanded' && disputeDemand;
  return { claims, skipped };
}

function claim(text: string, ref: Reference, kind: RansomClaim['kind'], amount: number | null, currency: string,
  as_written: string, s: Span, rateMonth: string | null, start: number, end: number): RansomClaim {
  const usd = toUsd(ref.fx, amount, currency, rateMonth);
  void start; void end;
  return {
    kind, amount, currency, usd: usd?.usd ?? null, usd_rate_date: usd?.rate_month ?? null, as_written,
    disputed: false, hedged: isHedged(s.text), evidence: evidence(text, s.start, s.end),
  };
}

const METHODS: [string, RegExp][] = [
  ['bitcoin', /\b(?:bitcoins?|BTC)\b/i], ['monero', /\b(?:monero|XMR)\b/i], ['ether', /\b(?:ether|ETH)\b/],
  ['cryptocurrency', /\bcrypto-?currenc(?:y|ies)\b/i],
];

/** How the ransom was asked for or paid, when the text names it near a claim. */
export function paymentMethod(claims: RansomClaim[], sents: Span[]): string | null {
  if (!claims.length) return null;
  for (const c of claims) if (c.currency === 'BTC') return 'bitcoin'; else if (c.currency === 'XMR') return 'monero';
  const ransomText = sents.filter((s) => /\b(?:ransom|paid|demand\w*|payment|wallet|middleman)\b/i.test(s.text)).map((s) => s.text).join(' ');
  for (const [name, re] of METHODS) if (re.test(ransomText)) return name;
  return null;
}
