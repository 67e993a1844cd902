// Scoring extract() against CASIE (UMBC cyber-event corpus; ../shared/benchmarks/casie/casie.jsonl), used by the bench.
//
// Our output is read as CASIE ransom events by ransomView (below): victims and payment method count only for articles
// the extraction reads as a ransom incident (attack_types ransomware/extortion, or a ransom claim); price claims always
// count (the extractor keeps them only for incidents).
// What is measured (issue 4: "Ransom events with realis Actual"), document level, micro-averaged over all 1,000
// articles (every article is scored, so predictions in articles without a ransom event are false positives):
// - Events: only CASIE events of subtype Ransom whose realis is "Actual". Arguments of Generic or Other Ransom events
//   ("ransomware typically asks for $300") are not gold; predicting them is a false positive.
// - price: gold = the Price arguments of those events, read by an independent normaliser (goldSums below, kept apart
//   from the extractor's money parser) into amount + currency. Spans with no figure ("a sum of money", "millions of
//   dollars") cannot be compared and are left out (counted, printed by the bench). Sums that restate each other —
//   inside one span ("€1m ($1.07m)", "£75,000 / $94,000") or in adjacent spans ("40 bitcoin, about $17,000") — are
//   one claim, and the same value told twice in an article is one claim. A restatement may stand further off in the
//   same sentence when a restating cue leads it ("hand 2 bitcoin to the gang by Friday, a sum worth $18,000 today",
//   "3 Bitcoin on the note (the equivalent of $11,000 when it appeared)"): a later span in another currency, in the
//   same sentence and directly after "worth", "valued at", "equivalent of/to" or "equal to", joins the claim before
//   it. A predicted claim with an amount is a true positive when its amount (±0.5 %) and currency equal any sum of a
//   gold claim; a second prediction of an already matched claim is ignored; any other predicted amount is a false
//   positive. Per article, per distinct claim — not per mention. The claim's kind (demanded/paid) is not scored:
//   CASIE's Price role does not tell it.
// - payment: the gold Payment-Method arguments of those events, mapped to categories (bitcoin, monero, ether,
//   gift card, cryptocurrency, paysafecard, ukash, wire transfer, western union, …; a span naming two methods
//   gives both), plus the coin of a gold Price written in a cryptocurrency ("0.2 bitcoins": CASIE annotators
//   seldom add a separate Payment-Method when the price itself is in bitcoin, and Triage's payment_method is "the
//   currency/method the ransom is to be paid in"). The article's payment_method, mapped the same way, is a true
//   positive when it is among them. One value per article: a wrong value where gold exists counts one false
//   positive and one false negative. The bench also prints "payment-strict" (Payment-Method spans only).
// - victims: gold = Victim arguments of those events with entity type Organization whose span is a name (nameLike:
//   its head word is capitalised — "Hancock Health", "the city of Atlanta" — not a description such as "an Indiana
//   hospital" or "German businesses", and not a sentence-initial common word like "Victims"). Gold mentions that
//   overlap are one organisation (per article, per organisation — not per mention). Overlap match: one name's
//   tokens contain the other's on word boundaries (determiners and legal suffixes ignored), or token Jaccard ≥ 0.5.
//   A predicted victim (name or canonical) overlapping a gold organisation is a true positive (once per
//   organisation); one overlapping only a "don't care" span is ignored — the victims of the article's other Actual
//   attack events (Databreach, Phishing; Triage reports victims of any attack), and ransom victims that are not
//   scored as names (descriptions, persons, systems: "computers at Hollywood Presbyterian"); any other is a false
//   positive.
import { readFileSync, existsSync } from 'node:fs';
import type { CleanArticle, Extraction } from '../../core/records.ts';
import { finish, type Counts, type FieldScore } from './score.ts';
import { fold } from '../../analyze/extract/text.ts';

interface Arg {
  role: string;
  text: string;
  start: number;
  end: number;
  entity_type?: string;
}
interface Event {
  type: string;
  realis: string;
  arguments: Arg[];
}
export interface CasieArticle {
  id: string;
  date: string;
  title: string;
  text: string;
  events: Event[];
}
interface Sum {
  amount: number;
  currency: string;
}

export function loadCasie(path: string): CasieArticle[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CasieArticle);
}

export function casieArticle(a: CasieArticle): CleanArticle {
  const published = /^\d{4}_\d{2}_\d{2}$/.test(a.date) ? `${a.date.replace(/_/g, '-')}T12:00:00Z` : null;
  return {
    doc_id: `casie-${a.id}`,
    content_hash: '',
    url: null,
    canonical_url: null,
    file: null,
    title: a.title ?? null,
    byline: null,
    outlet: null,
    site_name: null,
    published,
    modified: null,
    lang: 'en',
    text: a.text,
    bytes_sha256: null,
    fetched_at: null,
    source_id: null,
  };
}

// ---- gold normalisers (kept apart from the extractor's own money parser on purpose) ----
const WORDNUM: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const FIG =
  /(?:(us\$|nz\$|s\$|t\$|a\$|c\$|\$|£|€|usd\s?|rm)\s?)?(\d[\d,. ]*\d|\d|\.\d+)\s*(million|billion|thousand|m|bn|k)?\b\s*([a-z]+(?:\s[a-z]+)?)?/g;

function currencyOf(cue: string, fallback: string): string | null {
  const s = cue.toLowerCase();
  if (/^(?:us)?\$|^usd/.test(s)) return 'USD';
  if (/^nz\$/.test(s)) return 'NZD';
  if (/^s\$/.test(s)) return 'SGD';
  if (/^t\$/.test(s)) return 'TOP';
  if (/^a\$/.test(s)) return 'AUD';
  if (/^c\$/.test(s)) return 'CAD';
  if (/^rm/.test(s)) return 'MYR';
  if (/^£/.test(s)) return 'GBP';
  if (/^€/.test(s)) return 'EUR';
  if (/^(?:bitcoins?|btc)\b/.test(s)) return 'BTC';
  if (/^(?:monero|xmr)\b/.test(s)) return 'XMR';
  if (/^(?:ether|ethereum|eth)\b/.test(s)) return 'ETH';
  if (/^(?:pounds?)\b/.test(s)) return 'GBP';
  if (/^(?:euros?)\b/.test(s)) return 'EUR';
  if (/^(?:(?:us |u\.s\. )?dollars?|usd)\b/.test(s)) return 'USD';
  if (/^(?:russian )?(?:rubles?|roubles?)\b/.test(s)) return 'RUB';
  return fallback ? currencyOf(fallback, '') : null;
}

/** Every sum in a gold Price span, in order: "$300", "0.2 BTC", "€1m ($1.07m)" → two sums, "six bitcoins". */
export function goldSums(span: string): Sum[] {
  const s = span.toLowerCase();
  // a coin named anywhere in a span with no symbol ("eight units of the digital currency Bitcoin")
  const coin = /bitcoin|\bbtc\b/.test(s)
    ? 'bitcoin'
    : /monero|\bxmr\b/.test(s)
      ? 'monero'
      : /\bether(?:eum)?\b/.test(s)
        ? 'ether'
        : '';
  const out: Sum[] = [];
  for (const m of s.matchAll(FIG)) {
    let fig = m[2]!.trim().replace(/[ ,](?=\d{3}\b)/g, '');
    if (/^\d+,\d{1,2}$/.test(fig)) fig = fig.replace(',', '.');
    const n = Number(fig.replace(/,/g, '').replace(/ /g, ''));
    const unit = m[3];
    const scale =
      unit === 'million' || unit === 'm'
        ? 1e6
        : unit === 'billion' || unit === 'bn'
          ? 1e9
          : unit === 'thousand' || unit === 'k'
            ? 1e3
            : 1;
    const currency =
      currencyOf(m[1] ?? m[4] ?? '', coin) ??
      (m[1] ? null : (currencyOf(m[4] ?? '', '') ?? (coin ? currencyOf(coin, '') : null)));
    if (currency && Number.isFinite(n)) out.push({ amount: n * scale, currency });
  }
  if (!out.length && !/\b(?:tens|hundreds|thousands|millions|few|several) (?:of )?\b/.test(s)) {
    const w = /\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/.exec(s);
    const currency = currencyOf(s.slice(w ? w.index + w[0].length : 0).trim(), coin);
    if (w && currency) out.push({ amount: WORDNUM[w[1]!]!, currency });
  }
  return out;
}

const CATEGORIES: [string, RegExp][] = [
  ['bitcoin', /bitcoin|\bbtc\b/],
  ['monero', /monero|\bxmr\b/],
  ['ether', /\bether(?:eum)?\b|\beth\b/],
  ['gift card', /itunes|gift ?cards?|vouchers?|pre-?paid card/],
  ['paysafecard', /paysafe/],
  ['ukash', /ukash/],
  ['moneypak', /moneypak/],
  ['western union', /western union/],
  ['wire transfer', /wire transfer|bank transfer/],
  ['dash', /\bdash\b/],
  ['litecoin', /litecoin/],
];

/** Payment categories named in a span; generic crypto words only when no coin is named. */
export function paymentCategories(span: string): string[] {
  const s = span.toLowerCase();
  const found = CATEGORIES.filter(([, re]) => re.test(s)).map(([name]) => name);
  if (found.length) return found;
  if (/crypto|digital currency|online currenc/.test(s)) return ['cryptocurrency'];
  return [`other:${s}`];
}
const COIN_METHOD: Record<string, string> = { BTC: 'bitcoin', XMR: 'monero', ETH: 'ether' };
export const paymentCategory = (span: string): string => paymentCategories(span)[0]!;

const DET = /^(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+/i;
const WORD_STOP = new Set(['the', 'a', 'an', 'of', 'and', '&', 'in', 'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 's']);
const toks = (s: string) =>
  fold(s)
    .replace(DET, '')
    .match(/[\p{L}\p{N}]+/gu)
    ?.filter((t) => !WORD_STOP.has(t)) ?? [];

/**
 * A span that names an organisation rather than describing one: its head (last word, a parenthesised acronym
 * aside) is capitalised. A single sentence-initial word that the article also prints in lower case ("Victims",
 * "Officials") is a common word.
 */
export function nameLike(span: string, text = ''): boolean {
  const words = span
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(DET, '')
    .split(/\s+/)
    .filter(Boolean);
  const head = words[words.length - 1] ?? '';
  if (!/^[\p{Lu}\d]/u.test(head)) return false;
  if (words.length === 1 && /^(?:It|They|We|You|Companies|Company|Hospitals?|Victims|Officials|None)$/.test(head))
    return false;
  if (
    words.length === 1 &&
    !/^[\p{Lu}\d]+$/u.test(head) &&
    new RegExp(`(?<![\\p{L}])${head.toLowerCase()}(?![\\p{L}])`, 'u').test(text)
  )
    return false;
  return true;
}

export function overlaps(a: string, b: string): boolean {
  const x = toks(a),
    y = toks(b);
  if (!x.length || !y.length) return false;
  const xs = ` ${x.join(' ')} `,
    ys = ` ${y.join(' ')} `;
  if (xs.includes(ys) || ys.includes(xs)) return true;
  const inter = x.filter((t) => y.includes(t)).length;
  return inter / new Set([...x, ...y]).size >= 0.5;
}

function cluster(names: string[]): string[][] {
  const groups: string[][] = [];
  for (const n of names) {
    const hit = groups.filter((g) => g.some((m) => overlaps(m, n)));
    if (!hit.length) {
      groups.push([n]);
      continue;
    }
    const merged = [n, ...hit.flat()];
    for (const h of hit) groups.splice(groups.indexOf(h), 1);
    groups.push(merged);
  }
  return groups;
}

// Between two gold Price spans that are one claim: a restatement in another currency ("three Bitcoins, worth
// approximately $34,000", "4 BTC (equal to $45 000", "1,000 bitcoins, translating to approximately US$6.3 million")
// or the two ends of a range ("$300 to $600").
const CONV_GAP =
  /^[\s([,/–—~-]*(?:or |i\.e\. |which (?:is|was) )?(?:currently |then |at the time )?(?:worth|valued at|equal to|equivalent to|translating to|converted to|roughly equivalent to)?\s*(?:about|around|roughly|approximately|nearly|some|almost|over|a little over|just over|~)?\s*$/i;
const NEXT_SENTENCE_CONV =
  /^[.\s]*(?:this|that|which) (?:is|was|'s) (?:equivalent|equal) to (?:about |around |roughly |approximately |a little over |just over )?$/i;
const RANGE_GAP = /^\s*(?:to|-|–|and)\s*$/i;
// A restatement further off in the same sentence, led by a restating cue (see the header); no sentence end between.
const RESTATE_CUE =
  /\b(?:worth|valued at|equivalent (?:of|to)|equal to)\s*(?:about|around|roughly|approximately|nearly|some|almost|over|a little over|just over|~)?\s*$/i;
const restates = (gap: string, prev: Sum[], sums: Sum[]) =>
  gap.length < 150 &&
  !/[.!?]["”’)]?\s+\p{Lu}/u.test(gap) &&
  RESTATE_CUE.test(gap) &&
  sums.every((s) => prev.every((p) => p.currency !== s.currency));

export interface CasieScores {
  price: FieldScore;
  payment: FieldScore;
  paymentStrict: FieldScore;
  victims: FieldScore;
  articles: number;
  priceUnreadable: number;
}
export interface CasieMiss {
  id: string;
  field: string;
  gold: unknown;
  pred: unknown;
}

/** Gold price claims of an article: groups of sums that restate each other, deduplicated by value. */
export function goldPrices(a: CasieArticle, ransomArgs: Arg[]): { claims: Sum[][]; unreadable: number } {
  const prices = ransomArgs.filter((g) => g.role === 'Price').sort((p, q) => p.start - q.start);
  const groups: Sum[][] = [];
  let last: Arg | null = null,
    unreadable = 0;
  for (const p of prices) {
    const sums = goldSums(p.text);
    if (!sums.length) {
      unreadable++;
      continue;
    }
    // inside a span, only sums printed as a restatement ("€1m ($1.07m)") join the first
    const inSpan = [sums[0]!, ...sums.slice(1).filter(() => /^[^(/]*[(/]|\bor\b|\babout\b/.test(p.text.slice(1)))];
    const gap = last && p.start >= last.end && p.start - last.end < 60 ? a.text.slice(last.end, p.start) : null;
    const far = last && p.start >= last.end ? a.text.slice(last.end, p.start) : '';
    const conv =
      (gap !== null && (CONV_GAP.test(gap) || NEXT_SENTENCE_CONV.test(gap) || RANGE_GAP.test(gap))) ||
      (groups.length > 0 && restates(far, groups[groups.length - 1]!, inSpan));
    if (conv) groups[groups.length - 1]!.push(...inSpan);
    else groups.push(inSpan);
    last = p;
  }
  const out: Sum[][] = [];
  for (const g of groups) {
    const hit = out.find((o) => o.some((v) => g.some((w) => v.currency === w.currency && v.amount === w.amount)));
    if (hit) hit.push(...g);
    else out.push([...g]);
  }
  return { claims: out, unreadable };
}

/**
 * Our output read as CASIE "ransom events": victims, price and payment method count only when the extraction
 * reports a ransom incident — attack_types has ransomware or extortion, or a ransom claim was extracted. Victims of
 * an article we read as a breach, a phishing campaign or a vulnerability report are not ransom-event predictions.
 */
export function ransomView(x: Extraction): Extraction {
  if (x.ransom.length || x.attack_types.includes('ransomware') || x.attack_types.includes('extortion')) return x;
  return { ...x, victims: [], payment_method: null };
}

export function scoreCasie(
  items: CasieArticle[],
  run: (a: CleanArticle) => Extraction,
): { scores: CasieScores; misses: CasieMiss[] } {
  const payStrict: Counts = { tp: 0, fp: 0, fn: 0 };
  const price: Counts = { tp: 0, fp: 0, fn: 0 },
    pay: Counts = { tp: 0, fp: 0, fn: 0 },
    vic: Counts = { tp: 0, fp: 0, fn: 0 };
  const misses: CasieMiss[] = [];
  let unreadable = 0;
  for (const a of items) {
    const x = ransomView(run(casieArticle(a)));
    const actual = a.events.filter((e) => e.realis === 'Actual');
    const ransomArgs = actual.filter((e) => e.type === 'Ransom').flatMap((e) => e.arguments);
    // price
    const gp = goldPrices(a, ransomArgs);
    unreadable += gp.unreadable;
    const same = (g: Sum, c: { amount: number | null; currency: string }) =>
      c.amount !== null && g.currency === c.currency && Math.abs(g.amount - c.amount) <= 0.005 * g.amount;
    const matched = new Set<number>();
    const predClaims = x.ransom.filter((c) => c.amount !== null);
    const seen = new Set<string>();
    let pf = 0;
    for (const c of predClaims) {
      const key = `${c.amount}|${c.currency}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const gi = gp.claims.findIndex((g) => g.some((v) => same(v, c)));
      if (gi < 0) pf++;
      else matched.add(gi);
    }
    price.tp += matched.size;
    price.fp += pf;
    price.fn += gp.claims.length - matched.size;
    if (pf || matched.size < gp.claims.length)
      misses.push({
        id: a.id,
        field: 'price',
        gold: gp.claims,
        pred: predClaims.map((c) => `${c.kind}|${c.amount}|${c.currency}`),
      });
    // payment method
    const strict = new Set(
      ransomArgs.filter((g) => g.role === 'Payment-Method').flatMap((g) => paymentCategories(g.text)),
    );
    const coins = ransomArgs
      .filter((g) => g.role === 'Price')
      .flatMap((g) => goldSums(g.text))
      .map((v) => COIN_METHOD[v.currency])
      .filter((c): c is string => !!c);
    const gm = new Set([...strict, ...coins]);
    const pm = x.payment_method === null ? null : paymentCategory(x.payment_method);
    const hit = pm !== null && gm.has(pm);
    pay.tp += hit ? 1 : 0;
    pay.fp += pm !== null && !hit ? 1 : 0;
    pay.fn += gm.size && !hit ? 1 : 0;
    const sHit = pm !== null && strict.has(pm);
    payStrict.tp += sHit ? 1 : 0;
    payStrict.fp += pm !== null && !sHit ? 1 : 0;
    payStrict.fn += strict.size && !sHit ? 1 : 0;
    if ((pm !== null || gm.size) && !hit) misses.push({ id: a.id, field: 'payment', gold: [...gm], pred: pm });
    // victims
    const ransomVictims = ransomArgs.filter((g) => g.role === 'Victim');
    const named = (g: Arg) => g.entity_type === 'Organization' && nameLike(g.text, a.text);
    const gv = cluster([...new Set(ransomVictims.filter(named).map((g) => g.text))]);
    const dontCare = [
      ...ransomVictims.filter((g) => !named(g)),
      ...actual
        .filter((e) => e.type === 'Databreach' || e.type === 'Phishing')
        .flatMap((e) => e.arguments)
        .filter((g) => g.role === 'Victim'),
    ].map((g) => g.text);
    const pv = x.victims.map((v) => [v.name, v.canonical]);
    const vm = new Set<number>();
    let vfp = 0;
    for (const names of pv) {
      const gi = gv.findIndex((g) => g.some((n) => names.some((p) => overlaps(n, p))));
      if (gi >= 0) vm.add(gi);
      else if (!dontCare.some((n) => names.some((p) => overlaps(n, p)))) vfp++;
    }
    vic.tp += vm.size;
    vic.fp += vfp;
    vic.fn += gv.length - vm.size;
    if (vfp || vm.size < gv.length)
      misses.push({ id: a.id, field: 'victims', gold: gv.map((g) => g[0]), pred: pv.map((p) => p[0]) });
  }
  return {
    scores: {
      price: finish(price),
      payment: finish(pay),
      paymentStrict: finish(payStrict),
      victims: finish(vic),
      articles: items.length,
      priceUnreadable: unreadable,
    },
    misses,
  };
}
