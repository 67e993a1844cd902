// Find sums of money in text: amount, currency, the words as written, and their offsets.
import type { Currencies } from './reference.ts';
import {
  NUM,
  SCALE,
  MONEY_SCALE_INTL,
  ANY_NUMBER_WORD,
  parseFigure,
  scaled,
  smallNumber,
  NUMBER_WORD_NO_ARTICLE,
} from './numbers.ts';
import { escapeRe } from './text.ts';
import { withTwin, withTwins } from './fastre.ts';

export interface Money {
  start: number;
  end: number;
  as_written: string;
  amount: number | null;
  currency: string | null;
  /** set when the sum is recognised but cannot be used (unknown_currency, unreadable figure) */
  skip?: string;
}

interface Compiled {
  prefix: RegExp;
  suffix: RegExp;
  worded: RegExp;
  words: RegExp;
  lower: Map<string, string>;
}
const compiled = new WeakMap<Currencies, Compiled>();

function compile(c: Currencies): Compiled {
  const hit = compiled.get(c);
  if (hit) return hit;
  const alt = (keys: string[]) =>
    keys
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|');
  const tailOf = (glued: string) =>
    String.raw`(?:\s?(?:-|–|to)\s?(?:PFX)?\s?(${NUM}))?` +
    String.raw`(?:[\s-]?(${SCALE}|${MONEY_SCALE_INTL}${glued})(?![\p{L}\d]))?`;
  const tail = tailOf('');
  const q = String.raw`(${NUM})` + tail;
  // after a symbol, thousands may be grouped with spaces: "$45 000", "€1 200 000"; "mil" glued to its figure is a
  // million, as Malaysian and Singaporean papers print it ("RM1.5mil"; not "5mil dólares", Spanish for five thousand)
  const qp = String.raw`(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)|${NUM})` + tailOf('|(?<=\\d)mil');
  // …and before a currency word, as French and German print them: "500 000 euros" (not "2022 500 euros")
  const qs = String.raw`((?<![\d.,]\s?)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)|${NUM})` + tail;
  // "R" alone is only a currency when glued to the figure ("R5 million"); "N", the naira's letter, only glued to a
  // figure with a scale word or thousands groups ("N150m", "N2,500,000"; not "N95"), and so "P", the Philippine
  // peso's letter ("P15 million")
  const pfx = alt(Object.keys(c.prefix).filter((k) => k !== 'R' && k !== 'N' && k !== 'P'));
  const glued = String.raw`R(?=\d)|[NP](?=\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?\s?(?:million|billion|bn|mn|m)\b)`;
  const prefix = new RegExp(String.raw`(?<![\p{L}\d])(?:(${pfx})\s?|(${glued}))` + qp.replace('PFX', pfx), 'gu');
  const words = alt([...new Set([...Object.keys(c.suffix), ...c.unsupported].map((w) => w.toLowerCase()))]);
  // currency words after the figure match in any case ("0.2 Bitcoins", "3 BitCoins")
  // "8 units of the digital currency Bitcoin"
  // "30-thousand-dollars": words of a compound may be joined by hyphens
  const suffix = new RegExp(qs.replace('PFX', pfx) + String.raw`[\s-]${UNITS_OF}(?:of\s)?(${words})(?![\p{L}])`, 'giu');
  // a number word and a scale before a currency word: "one million dollars", "un million d'euros", "zwei Millionen Euro"
  // (and a figure before a scale word of those languages: "1,5 millones de euros", "50 mil dólares")
  // (and a half of one: "half a million dollars", "mezzo milione di euro", "medio millón de dólares")
  const worded = new RegExp(
    String.raw`(?<![\p{L}\d])(${ANY_NUMBER_WORD}|${HALF}|${NUM})[\s-]+` +
      String.raw`(${WORD_SCALES})\s+` +
      String.raw`(?:of\s+|de\s+|di\s+|d['’]\s?)?(${words})(?![\p{L}])`,
    'giu',
  );
  const lower = new Map(Object.entries(c.suffix).map(([k, v]) => [k.toLowerCase(), v]));
  // a currency word right after a symbol's figure names the currency: "$50,000 pesos"
  const after = new RegExp(String.raw`^\s(${words})(?![\p{L}])`, 'iu');
  const out = withTwins({ prefix, suffix, worded, words: after, lower });
  compiled.set(c, out);
  return out;
}

function build(
  c: Currencies,
  m: RegExpExecArray,
  code: string | null,
  fig: string,
  scale: string | undefined,
  skip?: string,
): Money {
  // "50.000 dólares", "$45.000": a dot before three digits groups thousands for any currency but a coin
  const european = !scale && code !== null && !COINS.has(code);
  const n = parseFigure(fig, european);
  const amount = n === null ? null : scaled(n, scale === 'mil' ? 'million' : scale);
  return {
    start: m.index,
    end: m.index + m[0].length,
    as_written: m[0],
    amount,
    currency: code,
    ...(skip ? { skip } : n === null ? { skip: 'parse_error' } : {}),
  };
}

// half of a scale word in the languages read (the scale follows, after a hyphen in French: "un demi-million")
const HALF = String.raw`half a|mezzo|medio|meio|(?:un |une )?demi|(?:eine )?halbe|een half|halv`;
const HALF_RE = new RegExp(String.raw`^(?:${HALF})$`, 'i');
const WORD_SCALES =
  String.raw`millions?|billions?|thousand|milliards?|mille|mill[oó]n|millones|mil|Millionen|Million` +
  '|Milliarden?|mila|milion[ei]|miliard[oi]|milh(?:ão|ões)|bilh(?:ão|ões)|miljoen|miljard';
/** The English scale word of a French, Spanish or German one. */
function wordScale(w: string): string {
  const l = w.toLowerCase();
  return /^(?:mill(?:ion|ions|ón|on|ones|ionen)|milion[ei]|milh(?:ão|ões)|miljoen)$/.test(l)
    ? 'million'
    : /^(?:milliard|miliard|bilh|miljard)/.test(l)
      ? 'billion'
      : /^(?:mille|mil|mila)$/.test(l)
        ? 'thousand'
        : l;
}

const COINS = new Set(['BTC', 'XMR', 'ETH']);
const UNITS_OF = String.raw`(?:units?\sof\s(?:the\s)?(?:(?:digital|virtual|crypto)\s?currency\s)?)?`;
const WORD_COINS = withTwin(
  new RegExp(
    String.raw`(?<![\p{L}\d])(${NUMBER_WORD_NO_ARTICLE})\s+` +
      String.raw`${UNITS_OF}(bitcoins?|btc|monero|xmr|ether)(?![\p{L}])`,
    'giu',
  ),
);

// A coin name used as an adjective counts things, not coins: "three Bitcoin wallets", "two bitcoin addresses".
const COUNTED = /^[\s-](?:wallets?|address(?:es)?|accounts?|exchanges?|ATMs?|miners?|nodes?|transactions?)\b/i;

const LETTER_FIRST = /^\p{L}/u;
/** All sums in the text, in order; for ranges the amount is the lower bound. */
export function findMoney(text: string, c: Currencies): Money[] {
  const re = compile(c);
  const out: Money[] = [];
  re.prefix.lastIndex = 0;
  for (let m = re.prefix.exec(text); m; m = re.prefix.exec(text)) {
    const sym = m[1] ?? m[2]!;
    // a figure glued to letters that are no scale or currency code is no sum ("$10G" in a spam subject line)
    if (LETTER_FIRST.test(text.slice(re.prefix.lastIndex)) && !/^[A-Z]{3}\b/.test(text.slice(re.prefix.lastIndex)))
      continue;
    // (a coin name after a dollar figure is an adjective: "the $300 bitcoin ransom")
    const named = re.words.exec(text.slice(re.prefix.lastIndex));
    const code = named ? (re.lower.get(named[1]!.toLowerCase()) ?? null) : null;
    if (named && !(code && COINS.has(code))) {
      const full = Object.assign([m[0] + named[0]], { index: m.index }) as unknown as RegExpExecArray;
      out.push(build(c, full, code, m[3]!, m[5], code ? undefined : 'unknown_currency'));
      continue;
    }
    out.push(build(c, m, c.prefix[sym] ?? null, m[3]!, m[5]));
  }
  re.suffix.lastIndex = 0;
  for (let m = re.suffix.exec(text); m; m = re.suffix.exec(text)) {
    if (
      out.some((o) => m!.index < o.end && o.start < m!.index + m![0].length) ||
      COUNTED.test(text.slice(re.suffix.lastIndex))
    )
      continue;
    const code = re.lower.get(m[4]!.toLowerCase()) ?? null;
    out.push(build(c, m, code, m[1]!, m[3], code ? undefined : 'unknown_currency'));
  }
  re.worded.lastIndex = 0;
  for (let m = re.worded.exec(text); m; m = re.worded.exec(text)) {
    if (out.some((o) => m!.index < o.end && o.start < m!.index + m![0].length)) continue;
    const code = re.lower.get(m[3]!.toLowerCase()) ?? null;
    const w = m[1]!.toLowerCase();
    const n = HALF_RE.test(w) ? 0.5 : (smallNumber(w) ?? parseFigure(m[1]!, true));
    if (n === null) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      as_written: m[0],
      amount: scaled(n, wordScale(m[2]!)),
      currency: code,
      ...(code ? {} : { skip: 'unknown_currency' }),
    });
  }
  // "four bitcoins", "six Bitcoin": small number words before a coin name
  WORD_COINS.lastIndex = 0;
  for (let m = WORD_COINS.exec(text); m; m = WORD_COINS.exec(text)) {
    const code = re.lower.get(m[2]!.toLowerCase());
    if (
      !code ||
      out.some((o) => m!.index < o.end && o.start < m!.index + m![0].length) ||
      COUNTED.test(text.slice(WORD_COINS.lastIndex))
    )
      continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      as_written: m[0],
      amount: smallNumber(m[1]!),
      currency: code,
    });
  }
  return betweenRanges(
    text,
    out.sort((a, b) => a.start - b.start),
  );
}

/** "between €40 and €900" is one range, not two sums: the lower bound, the range kept as written. */
function betweenRanges(text: string, sums: Money[]): Money[] {
  const out: Money[] = [];
  for (const m of sums) {
    const prev = out[out.length - 1];
    if (
      prev &&
      !prev.skip &&
      !m.skip &&
      prev.currency === m.currency &&
      prev.amount !== null &&
      m.amount !== null &&
      /^\s*and\s*$/i.test(text.slice(prev.end, m.start)) &&
      /\bbetween\s*$/i.test(text.slice(Math.max(0, prev.start - 12), prev.start))
    ) {
      out[out.length - 1] = {
        ...prev,
        end: m.end,
        as_written: text.slice(prev.start, m.end),
        amount: Math.min(prev.amount, m.amount),
      };
      continue;
    }
    out.push(m);
  }
  return out;
}

const APPROX =
  String.raw`(?:about|around|roughly|approximately|approx\.?|nearly|some|almost|over|more than|just over|just under` +
  String.raw`|equivalent to|equal to|~|fast|rund|etwa|ca\.|environ|près de|unos|casi|aproximadamente` +
  String.raw`|cerca de|circa|ongeveer|omkring|cirka|knapp)`;
// Between a sum and its restatement: "Rs 200 crore ($24 million)", "0.2 Bitcoin (currently around $183)",
// "$100 worth of Bitcoin (0.18 BTC)", "40 bitcoin, worth about $800,000", "0.5 Bitcoin, which is around $500",
// "2.5 Bitcoin (BTC), roughly $5,000".
const CONVERSION_GAP = new RegExp(
  String.raw`^\s*(?:\((?:BTC|XMR|ETH)\)\s*)?(?:worth of (?:bitcoins?|btc|crypto-?currenc(?:y|ies)|monero|ether)\s*)?(?:in (?:bitcoins?|btc|crypto-?currenc(?:y|ies)|monero)\s*)?(?:ransom\s*)?[([,/–—-]?\s*(?:or\s+|i\.e\.\s+|which (?:is|was|were)\s+|then\s+|that is\s+)?(?:currently\s+|at the time\s+|at current (?:exchange )?rates\s+|at today's rates\s+)?(?:worth|valued at|then worth|im Gegenwert von|(?:d'|d’)?une valeur de|soit|equivalentes? a|por valor de)?\s*${APPROX}?\s*$`,
  'i',
);
// A restatement in a sentence of its own: "…, which worked out to roughly $405,000 Canadian", "That's the equivalent of $216,000".
const CONVERSION_LEAD = new RegExp(
  String.raw`\b(?:worked out to|works out to|work out at|(?:the )?equivalent (?:of|to)|equal to|translat(?:es|ed|ing) (?:to|into)|convert(?:s|ed)? to|worth)\s+${APPROX}?\s*$`,
  'i',
);

// A restatement set off by a dash and an approximation, after words of its own: "demanded 550 bitcoins to free the
// servers -- about $1.62 million" (another currency only: the same currency after a dash is a sum of its own).
const DASH_APPROX = new RegExp(String.raw`(?:--|[–—])\s*${APPROX}\s*$`, 'i');
// The next sentence that opens by restating the last one: "This means that the attackers are demanding a ransom of
// RM26.4 million", "That is about $1.5 million", "In other words, £80,000".
const RESTATING = new RegExp(
  String.raw`^[^.!?]*[.!?]["”’)]?\s+(?:(?:This|That)` +
    String.raw`(?:['’]s| is| was| means| meant| amounts| translates| equates| works out)|In other words)\b[^.!?]*$`,
);

/** A sum printed right after another restates it (same claim, other currency or unit). */
export function isConversion(text: string, prev: Money, next: Money): boolean {
  // "$75,000 in Bitcoin or $100,000 in gift cards": a sum in the same currency is an alternative unless the words say
  // it restates ("US$300,000, which worked out to roughly $405,000 Canadian")
  if (prev.currency !== null && prev.currency === next.currency) {
    // …or a sum written "US$" set beside a bare "$" one: an outlet that marks its US dollars writes its own dollar
    // bare ("US$350,000 (about $540,000)", "US$1.5 million, or roughly $2 million Canadian")
    const local = /^US\$/i.test(prev.as_written) && /^\$/.test(next.as_written);
    if (local && next.start - prev.end < 60 && CONVERSION_GAP.test(text.slice(prev.end, next.start))) return true;
    return (
      next.start - prev.end < 400 && CONVERSION_LEAD.test(text.slice(Math.max(prev.end, next.start - 60), next.start))
    );
  }
  if (next.start - prev.end < 60 && CONVERSION_GAP.test(text.slice(prev.end, next.start))) return true;
  const gap = text.slice(prev.end, next.start);
  if (gap.length < 120 && DASH_APPROX.test(gap)) return true;
  if (gap.length < 300 && RESTATING.test(gap)) return true;
  return (
    next.start - prev.end < 400 && CONVERSION_LEAD.test(text.slice(Math.max(prev.end, next.start - 60), next.start))
  );
}
