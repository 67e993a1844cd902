// Find sums of money in text: amount, currency, the words as written, and their offsets.
import type { Currencies } from './reference.ts';
import { NUM, SCALE, parseFigure, scaleOf } from './numbers.ts';
import { escapeRe } from './text.ts';

export interface Money {
  start: number; end: number; as_written: string;
  amount: number | null; currency: string | null;
  /** set when the sum is recognised but cannot be used (unknown_currency, unreadable figure) */
  skip?: string;
}

interface Compiled { prefix: RegExp; suffix: RegExp }
const compiled = new WeakMap<Currencies, Compiled>();

function compile(c: Currencies): Compiled {
  const hit = compiled.get(c);
  if (hit) return hit;
  const alt = (keys: string[]) => keys.sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const q = String.raw`(${NUM})(?:\s?(?:-|–|to)\s?(?:PFX)?\s?(${NUM}))?(?:[\s-]?(${SCALE})(?![\p{L}\d]))?`;
  // "R" alone is only a currency when glued to the figure ("R5 million").
  const pfx = alt(Object.keys(c.prefix).filter((k) => k !== 'R'));
  const prefix = new RegExp(String.raw`(?<![\p{L}\d])(?:(${pfx})\s?|(R)(?=\d))` + q.replace('PFX', pfx), 'gu');
  const words = alt([...Object.keys(c.suffix), ...c.unsupported]);
  const suffix = new RegExp(q.replace('PFX', pfx) + String.raw`\s(?:of\s)?(${words})(?![\p{L}])`, 'gu');
  const out = { prefix, suffix };
  compiled.set(c, out);
  return out;
}

function build(c: Currencies, m: RegExpExecArray, code: string | null, fig: string, scale: string | undefined,
  skip?: string): Money {
  const european = code === 'EUR' && !scale;
  const n = parseFigure(fig, european);
  const amount = n === null ? null : n * scaleOf(scale);
  return {
    start: m.index, end: m.index + m[0].length, as_written: m[0], amount, currency: code,
    ...(skip ? { skip } : n === null ? { skip: 'parse_error' } : {}),
  };
}

/** All sums in the text, in order; for ranges the amount is the lower bound. */
export function findMoney(text: string, c: Currencies): Money[] {
  const re = compile(c);
  const out: Money[] = [];
  re.prefix.lastIndex = 0;
  for (let m = re.prefix.exec(text); m; m = re.prefix.exec(text)) {
    const sym = m[1] ?? m[2]!;
    out.push(build(c, m, c.prefix[sym] ?? null, m[3]!, m[5]));
  }
  re.suffix.lastIndex = 0;
  for (let m = re.suffix.exec(text); m; m = re.suffix.exec(text)) {
    if (out.some((o) => m!.index < o.end && o.start < m!.index + m![0].length)) continue;
    const word = m[4]!;
    const code = c.suffix[word] ?? null;
    out.push(build(c, m, code, m[1]!, m[3], code ? undefined : 'unknown_currency'));
  }
  return out.sort((a, b) => a.start - b.start);
}

const CONVERSION_GAP = /^\s*[([,–—-]?\s*(?:or\s+)?(?:about|around|roughly|approximately|approx\.?|nearly|some|almost|over|more than|equivalent to|equal to|worth(?:\s+(?:about|around|roughly|nearly|some))?|valued at|then worth|~)?\s*$/i;

/** A sum printed right after another ("Rs 200 crore ($24 million)", "40 bitcoin, worth about $800,000") restates it. */
export function isConversion(text: string, prev: Money, next: Money): boolean {
  return next.start - prev.end < 40 && CONVERSION_GAP.test(text.slice(prev.end, next.start));
}
