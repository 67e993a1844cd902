// Ransom claims: sums with a demanded/paid role, hedges and denials, USD value, payment method.
import type { RansomClaim } from '../../core/records.ts';
import type { Reference } from './reference.ts';
import { findMoney, isConversion, type Money } from './money.ts';
import { roleOf, isGeneric } from './roles.ts';
import { isHedged, findDenials, denies, paragraphOf } from './hedges.ts';
import { hasRate, toUsd } from './fx.ts';
import { evidence, sentenceAt, tokens, type Span } from './text.ts';
import { earlierYear, otherCase, type Scope } from './scope.ts';
import { withTwin } from './fastre.ts';
import { listRe, type Lists } from './lists.ts';

export interface Skipped {
  reason: string;
  quote: string;
}

// In an article that tells of no incident (a strain or a trend described), a sum is an incident fact only when its
// sentence tells it so.
// A sum told as a past event of its own: "the attacker demanded TicketFly pay 1 bitcoin".
// Also a campaign's take or a note left behind, told in the past: "the worm had brought in $20,000 in ransom payments",
// "was wiping databases and leaving a ransom note demanding 0.2 BTC", "the city was the victim of an attack … $250,000".
// A demand going on now, by people, is as specific: "the senders are asking for $800 each", "they are willing to
// accept vouchers instead", "a demand was made for £90,000" (a strain's habit is told in the simple present); and
// pressure told as past: "intruders pressured the practice to pay 12 bitcoin".
const PAST_CLAIM =
  /\b(?:demanded|paid|sought|asked for|requested|called for|insisted on|extorted|wanted|handed over|transferred|received|coughed up|forked over|shelled out|(?:chose|agreed|decided|opted|was forced|were forced) to pay|(?:had|has|have) (?:\w+ )?(?:brought in|raked in|netted|collected|earned|made)|(?:was|were|had been) (?:\w+ing|\w+ed)\b[^.]*\b(?:demand(?:ing)?|asking for|calling for|seeking|requesting|insisting on)|(?:was|were|has been|had been) (?:the )?victims? of|(?:are|’re|'re) (?:\w+ )?(?:demanding|asking for|seeking|requesting|wanting|calling for|insisting on|willing to accept)|(?:a|the) (?:ransom )?demand (?:was|has been|had been) (?:made|issued|sent)|(?:was|were) used to (?:coerce|force|extort|blackmail)|(?:coerced|forced|pressured) [^.;]{1,80}? to pay)\b/i;

// A threat made to one target, told as going on or done: "is threatening to publish the files unless …",
// "threatened to sell the records for 20 bitcoins" (a strain's habit is told in the simple present: "threatens").
const THREAT = /\b(?:threatened|threatening)\b/i;

// Software as the one asking, in an article that names no victim: what a strain or app asks of anyone who runs it
// ("the app sought 0.3 Bitcoin per phone", "a campaign spreading this variant demanded 0.05 bitcoins per server").
// Not "the ransomware demanded": news uses it for one attack as often as for a strain.
const SOFTWARE_ASKS =
  /\b(?:app|application|program|trojan|campaign|variant|strain|version)\b(?:\s+[\w’'-]+){0,5}?\s+(?:demanded|sought|asked for|requested|wanted)\b/i;

/** The sum's sentence tells of one incident: a ransom incident told in the article, a past or ongoing demand or
 * payment, or a threat; not software asking of anyone who runs it. (A sale price alone is not enough: data sold
 * "for $25 per customer" is a market's price.) */
export function incidentClaim(sentence: string, told: boolean): boolean {
  return (told || PAST_CLAIM.test(sentence) || THREAT.test(sentence)) && !SOFTWARE_ASKS.test(sentence);
}

const CRYPTO_ONLY = /\b(?:in|via|using|through) (?:the )?(?:crypto-?currenc(?:y|ies)|crypto|digital currency)\b/i;
const DEMAND_VERB = /\b(?:demand(?:ed|s|ing)?|sought|ask(?:ed|ing)? for|want(?:ed|s)?|ransom)\b/i;

// The figure's own sentence says it is not confirmed: "the amount … has not yet been confirmed".
const UNCONFIRMED = new RegExp(
  String.raw`\b(?:(?:has|have|had) not (?:yet )?been|(?:could|can)(?:not|n't| not) ` +
    String.raw`(?:yet )?be) (?:independently )?(?:confirmed|verified|corroborated)\b`,
  'i',
);

/**
 * Ransom claims in the text: every sum the money grammar reads is a candidate; its role comes from the cues around
 * it (roles.ts), and a sum told of another case (scope.ts) is dropped. `scope.victims` are the article's victims:
 * with one (or none) a denial anywhere concerns the claim; with several only a denial in the claim's paragraph or
 * naming its figure does.
 */
export function findRansom(
  text: string,
  sents: Span[],
  ref: Reference,
  rateMonth: string | null,
  scope: Scope = { victims: [], year: null },
): { claims: RansomClaim[]; skipped: Skipped[]; seen: number[][] } {
  // (`seen`: where the text writes the sum again; a headline's figure is often told as an event only in the body)
  const claims: (RansomClaim & { para: number; seen: number[] })[] = [];
  const skipped: Skipped[] = [];
  const victims = scope.victims.length;
  scope = { ...scope, lead: new Set(tokens(sents[0]?.text ?? '')) };
  const paras = sents.map((x) => paragraphOf(text, x.start));
  const para = (i: number) => paras[i] ?? -1;
  const money = findMoney(text, ref.currencies);
  let prev: Money | null = null;
  // the sums restating a claim ("1,000 bitcoins, translating to about US$6.3 million"): the same figure written
  // alone elsewhere ("Hackers Demand $6.3 Million in Bitcoin") is that claim again
  const restated: { m: Money; of: RansomClaim }[] = [];
  let claimedPrev = false;
  // (the unrated sum skipped for the rated one after it, and the claims so made: see below)
  let carried: Money | null = null;
  const carriers = new Map<(typeof claims)[number], Money>();
  // a sum in a currency with no rate here ("545,000 rubles") is no usable figure when restated in one that has
  const unrated = (x: Money) => x.skip === 'unknown_currency' || (x.currency !== null && !hasRate(ref.fx, x.currency));
  for (const [k, m] of money.entries()) {
    const carrying = carried;
    carried = null;
    // a restatement is the same claim — unless the first sum had no usable currency ("545,000 rubles (~$9,100)"):
    // then the restatement carries the claim
    const conversion = prev !== null && isConversion(text, prev, m) && !unrated(prev);
    prev = m;
    const next = money[k + 1];
    if (!m.skip && unrated(m) && next && isConversion(text, m, next) && !unrated(next)) {
      skipped.push({ reason: 'unknown_currency', quote: m.as_written });
      carried = m;
      continue;
    }
    if (conversion) {
      if (claimedPrev) restated.push({ m, of: claims[claims.length - 1]! });
      continue;
    }
    const before = claims.length;
    claimedPrev = false;
    if (m.skip || m.currency === null) {
      skipped.push({ reason: m.skip ?? 'unknown_currency', quote: m.as_written });
      continue;
    }
    const s0 = sentenceAt(sents, m.start);
    if (!s0) continue;
    const i = sents.indexOf(s0);
    const s = clause(text, sents, i);
    const context = [sents[i - 1]?.text, s.text, sents[i + 1]?.text].join(' ');
    // (a sentence naming this incident's attacker is a ransom setting of its own: "Qilin had demanded $5 million")
    const named = (scope.attackers ?? []).some((a) => a.length > 2 && s.text.includes(a));
    const hit = roleOf(s.text, m.start - s.start, m.end - s.start, context, ref.lists, named);
    if (!hit || hit.role === 'other') continue;
    if (otherCase(sents, i, m.start - s0.start, para, ref, scope)) continue;
    const same = claims.find((c) => c.amount === m.amount && c.currency === m.currency);
    if (same) {
      same.seen.push(m.start);
      // a later mention of the same sum ("the $5 million ransom") tells its role when the first did not
      if (same.kind === 'unknown' && hit.role !== 'unknown') same.kind = hit.role;
      if (hit.role === 'unknown' || same.kind === hit.role) continue;
    }
    const start = Math.min(m.start, s.start + hit.cueStart),
      end = Math.max(m.end, s.start + hit.cueEnd);
    claims.push({
      ...claim(text, ref, hit.role, m.amount, m.currency, m.as_written, s, sents[i + 1], rateMonth, start, end),
      para: paragraphOf(text, m.start),
      seen: [m.start],
    });
    claimedPrev = claims.length > before;
    if (claimedPrev && carrying) carriers.set(claims[claims.length - 1]!, carrying);
  }
  // a sum that carried an unrated one ("KSh 65 million (about US$500,000)") is that claim again where the unrated
  // sum is also a claim of its own (the headline's "Sh65 million")
  // (…which takes the carrier's dollar value, as its own currency has no rate here)
  for (const [c, m] of carriers) {
    const own = claims.find((o) => o !== c && o.kind === c.kind && o.currency === m.currency && o.amount === m.amount);
    if (!own) continue;
    if (own.usd === null) Object.assign(own, { usd: c.usd, usd_rate_date: c.usd_rate_date });
    claims.splice(claims.indexOf(c), 1);
  }
  if (!claims.some((c) => c.kind === 'demanded')) {
    // "demanded a ransom in cryptocurrency" with no figure → one CRYPTO claim, amount unknown
    const s = sents.find(
      (x) =>
        DEMAND_VERB.test(x.text) &&
        CRYPTO_ONLY.test(x.text) &&
        !isGeneric(x.text) &&
        roleOf(x.text, x.text.search(CRYPTO_ONLY), x.text.search(CRYPTO_ONLY) + 1, x.text, ref.lists)?.role ===
          'demanded',
    );
    if (s) {
      const at = s.text.search(/crypto|digital currency/i);
      const word = /crypto-?currenc(?:y|ies)|crypto|digital currency/i.exec(s.text.slice(at))![0];
      const next = sents[sents.indexOf(s) + 1];
      claims.push({
        ...claim(
          text,
          ref,
          'demanded',
          null,
          'CRYPTO',
          word,
          s,
          next,
          rateMonth,
          s.start + at,
          s.start + at + word.length,
        ),
        para: paragraphOf(text, s.start),
        seen: [s.start],
      });
    }
  }
  // a ransom named with no verb of its own ("a $5 million ransom", "the ransom amount was $3,400") is the sum asked
  for (const c of claims) if (c.kind === 'unknown') c.kind = 'demanded';
  // (of the same kind: "demanded 40 bitcoin, the equivalent of about $17,000" leaves "paid a $17,000 ransom")
  for (const { m, of } of restated) {
    const k = claims.findIndex(
      (c) => c !== of && c.kind === of.kind && c.currency === m.currency && roundOf(c.amount, m.amount),
    );
    if (k >= 0) claims.splice(k, 1);
  }
  // (no claim, no denial to read)
  const denials = claims.length ? findDenials(text, sents, ref.lists) : [];
  for (const c of claims) {
    c.disputed =
      denials.some((d) => denies(d, c.kind, c.as_written, c.para, victims <= 1)) ||
      UNCONFIRMED.test(sentenceAt(sents, c.evidence.start)?.text ?? '');
  }
  return { claims: claims.map(({ para: _p, seen: _s, ...c }) => c), skipped, seen: claims.map((c) => c.seen) };
}

const closeTo = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) <= 0.01 * b;
// `a` is `b` written with fewer figures (a headline's "RM26m" for the body's "RM26.42 million"), or within 1 %
function roundOf(a: number | null, b: number | null): boolean {
  if (a === null || b === null || a <= 0 || b <= 0) return false;
  if (closeTo(a, b)) return true;
  const figures = String(a)
    .replace(/\.|0+$/g, '')
    .replace(/^0+/, '').length;
  return Number(b.toPrecision(Math.max(1, figures))) === a && Math.abs(a - b) <= 0.05 * b;
}

const LOWER_FIRST = /^\p{Ll}/u;
// A sentence cut by a hard line break ("…, demanding\n\npayments of $300") goes on in a span that starts in lower
// case: the clause is read with the span before it.
function clause(text: string, sents: Span[], i: number): Span {
  const s = sents[i]!,
    prev = sents[i - 1];
  if (!prev || !LOWER_FIRST.test(s.text) || /[.!?:]["”’)]?$/.test(prev.text)) return s;
  return { start: prev.start, end: s.end, text: text.slice(prev.start, s.end) };
}

function claim(
  text: string,
  ref: Reference,
  kind: RansomClaim['kind'],
  amount: number | null,
  currency: string,
  as_written: string,
  s: Span,
  next: Span | undefined,
  rateMonth: string | null,
  start: number,
  end: number,
): RansomClaim {
  const usd = toUsd(ref.fx, amount, currency, rateMonth);
  return {
    kind,
    amount,
    currency,
    usd: usd?.usd ?? null,
    usd_rate_date: usd?.rate_month ?? null,
    as_written,
    disputed: false,
    hedged: isHedged(s.text, next?.text),
    evidence: evidence(text, start, end),
  };
}

const METHODS: [string, RegExp][] = [
  ['bitcoin', /\b(?:bitcoins?|BTC)\b/i],
  ['monero', /\b(?:monero|XMR)\b/i],
  ['ether', /\b(?:ether(?:eum)?|ETH)\b/i],
  ['gift card', /\b(?:itunes|gift ?cards?|(?:itunes|pre-?paid) vouchers?)\b/i],
  ['paysafecard', /\bpaysafe ?cards?\b/i],
  ['ukash', /\bukash\b/i],
  ['moneypak', /\bmoneypak\b/i],
  ['western union', /\bwestern union\b/i],
  ['wire transfer', /\b(?:wire|bank) transfers?\b/i],
  [
    'cryptocurrency',
    new RegExp(
      String.raw`\b(?:crypto-?currenc(?:y|ies)|digital currency|criptomonedas?|criptomoedas?` +
        String.raw`|criptovalut[ae]|cryptomonnaies?|Kryptow(?:ä|ae)hrung(?:en)?|cryptovaluta)\b`,
      'iu',
    ),
  ],
];
// (and the demand and payment words of the other languages read: "pidieron un pago", "réclament une rançon")
const PAYMENT_TALK = withTwin(
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:paid|pay(?:ing|s|able)?` +
      String.raw`|demand(?:ed|ing|s)?|asked for` +
      String.raw`|asking for|sought|wanted|requested|extorted|payments? (?:of|in|via)|ransom (?:of|in|was|is)` +
      String.raw`|(?:received|made|sent) (?:a|the) (?:\w+ )?payment|pag(?:o|os|ar|ó|aron|amento|ou|aram|ato)` +
      String.raw`|pid(?:e|en|ió|ieron)|exig\p{L}+|rescate|resgate|riscatto|chied\p{L}+` +
      String.raw`|ran[çc]on|r[ée]clam\p{L}+|L[öo]segeld|forder\p{L}*|verlang\p{L}*|(?:ge)?zahl\p{L}*|betaal\p{L}*` +
      String.raw`|losgeld|eis(?:en|t|te)?)(?![\p{L}\p{N}])`,
    'iu',
  ),
);
// The method printed right after a claimed sum: "$25,000 in bitcoin", "$100,000 in iTunes gift cards",
// "$51,000 in the cryptocurrency bitcoin", "$75,000 worth of Bitcoin", "$300 paid via Paysafecard",
// "$75,000 (in either the Bitcoin or Ethereum cryptocurrencies)".
const ATTACHED =
  /^[\s()]*(?:\w+\s+)?(?:in|of|via|using|through|worth of|paid (?:in|via|with|through))\s+(?:either\s+)?(?:the\s+)?(?:form of\s+)?(?:an?\s+)?(?:(?:crypto-?currency|digital currency|virtual currency)\s+)?([\w-]+(?:\s[\w-]+){0,2})/i;

/** A method named in `words` (the first named coin or card beats the generic "cryptocurrency"). */
function methodIn(words: string): { name: string; at: number } | null {
  let best: { name: string; at: number } | null = null;
  for (const [name, re] of METHODS) {
    const m = re.exec(words);
    if (m && (!best || (name !== 'cryptocurrency' && (best.name === 'cryptocurrency' || m.index < best.at))))
      best = { name, at: m.index };
  }
  return best;
}

/**
 * How the ransom was asked for or paid: the currency of a crypto claim, else the method printed beside a claimed
 * sum, else a method named in a sentence about paying.
 */
export function paymentMethod(
  claims: RansomClaim[],
  sents: Span[],
  text = '',
  lists?: Lists,
  year: number | null = null,
): string | null {
  for (const c of claims)
    if (c.currency === 'BTC') return 'bitcoin';
    else if (c.currency === 'XMR') return 'monero';
    else if (c.currency === 'ETH') return 'ether';
  for (const c of claims) {
    // the words after the sum itself (the evidence may run on to a cue after it)
    const at = c.evidence.quote.indexOf(c.as_written);
    const end = at < 0 ? c.evidence.end : c.evidence.start + at + c.as_written.length;
    const after = ATTACHED.exec(text.slice(end, end + 80));
    const hit = after && methodIn(after[0]);
    if (hit) return hit.name;
  }
  let best: { name: string; at: number } | null = null;
  for (const s of sents) {
    // (a group's take from all its victims tells how they paid, not how this one was asked to; nor does another case)
    if (
      !PAYMENT_TALK.test(s.text) ||
      isGeneric(s.text) ||
      earlierYear(s.text, year) ||
      (lists && listRe(lists, ['ransom-totals', 'ransom-other-case']).test(s.text))
    )
      continue;
    const hit = methodIn(s.text);
    if (hit) {
      best = hit;
      break;
    }
  }
  return best?.name ?? null;
}
