// Speed only: a Unicode regex (flag u, most often iu) with a twin compiled without u, used on the strings where both
// read alike. V8 runs the word-list and cue regexes two to three times slower under iu than under i (and far slower
// still on some strings); most sentences of news are Latin letters (ASCII, Latin-1, Latin Extended-A and the Romanian
// comma letters) or Cyrillic ones, plus typographic punctuation (é ü ß ş ș ’ “ ” – … € £), where nothing tells the
// two modes apart:
// - a property class (\p{L}, \p{Lu}, \p{Ll}, \p{N}, \p{M}) holds there the characters the engine itself reads
//   as such (under i too: ß is \p{Lu} under iu, as the case partner of ẞ), and the twin spells them out;
// - case folding differs only where a letter folds into the range under u alone: ſ and the Kelvin sign to ASCII,
//   the Angstrom sign to å, ẞ to ß (a pattern holding one gets no twin); the punctuation admitted has no case, is no
//   letter, number or mark, and is one code unit.
// Any other string runs the original regex. Results, lastIndex and flags are the original's.
// test/extract/fastre.test.ts checks every character of the range against both modes.
// ASCII, Latin-1 (not ª µ º ² ³ ¹ ¼ ½ ¾), Latin Extended-A (not ſ), Ș ș Ț ț, Cyrillic and its supplement (Russian
// and Ukrainian pages ran every cue regex under u), general punctuation, currency signs, ™, the minus sign (Russian
// typesetting's dash)
export const PLAIN_RANGES: readonly [number, number][] = [
  [0x00, 0x7f],
  [0xa0, 0xa9],
  [0xab, 0xb1],
  [0xb4, 0xb4],
  [0xb6, 0xb8],
  [0xbb, 0xbb],
  [0xbf, 0x17e],
  [0x218, 0x21b],
  [0x400, 0x52f],
  [0x2000, 0x2027],
  [0x202a, 0x206f],
  [0x20a0, 0x20cf],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];
const DOMAIN = PLAIN_RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k));

/** A character class body (no brackets) holding exactly `cps` (ascending). */
function classOf(cps: number[]): string {
  const hex = (cp: number) => `\\u${cp.toString(16).padStart(4, '0')}`;
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    out += j > i ? `${hex(cps[i]!)}-${hex(cps[j]!)}` : hex(cps[i]!);
    i = j;
  }
  return out;
}

const PLAIN = new RegExp(`^[${classOf(DOMAIN)}]*$`);

// what a property class holds among those characters, without i and with i (inside a class: without the brackets)
function propsUnder(flags: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of ['L', 'Lu', 'Ll', 'N', 'M']) {
    const re = new RegExp(`^\\p{${p}}$`, flags);
    out[p] = classOf(DOMAIN.filter((cp) => re.test(String.fromCharCode(cp))));
  }
  return out;
}
const PROPS = propsUnder('u'),
  PROPS_I = propsUnder('iu');

// under u alone the long s and the Kelvin sign fold to "s" and "k", the Angstrom sign to "å", ẞ to "ß"
const FOLDS_ACROSS = [0x17f, 0x212a, 0x212b, 0x1e9e];

const ALNUM = /[\p{L}\p{N}]/u;
/** The source of the twin, or null when the pattern holds something the rewrite does not read. */
function twinSource(src: string, ignoreCase: boolean): string | null {
  const props = ignoreCase ? PROPS_I : PROPS;
  let out = '',
    inClass = false;
  // the code point of the class member just written, and whether a range dash follows it
  let prev = -1,
    dash = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    let cp = -1;
    if (c !== '\\') {
      if (c === '[' && !inClass) {
        inClass = true;
        prev = -1;
        dash = false;
        out += c;
        continue;
      }
      if (c === ']' && inClass) {
        inClass = false;
        dash = false;
        out += c;
        continue;
      }
      if (inClass && c === '-' && prev >= 0 && !dash) {
        dash = true;
        out += c;
        continue;
      }
      cp = c.codePointAt(0)!;
      out += c;
    } else {
      const n = src[i + 1];
      if (n === 'p' || n === 'P') {
        const close = src.indexOf('}', i);
        const name = src[i + 2] === '{' && close > 0 ? src.slice(i + 3, close) : '';
        const set = Object.hasOwn(props, name) ? props[name] : undefined;
        // (\P{Lu} under i holds the lower-case letters too: not read)
        if (set === undefined || (n === 'P' && (inClass || (ignoreCase && (name === 'Lu' || name === 'Ll')))))
          return null;
        out += inClass ? set : n === 'p' ? `[${set}]` : `[^${set}]`;
        i = close;
      } else if (n === 'u' && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        cp = parseInt(src.slice(i + 3, close), 16);
        if (!(cp <= 0xffff)) return null;
        out += `\\u${cp.toString(16).padStart(4, '0')}`;
        i = close;
      } else if (n === 'u' && /^[0-9a-f]{4}$/i.test(src.slice(i + 2, i + 6))) {
        cp = parseInt(src.slice(i + 2, i + 6), 16);
        out += src.slice(i, i + 6);
        i += 5;
      } else if (n === 'x' && /^[0-9a-f]{2}$/i.test(src.slice(i + 2, i + 4))) {
        cp = parseInt(src.slice(i + 2, i + 4), 16);
        out += src.slice(i, i + 4);
        i += 3;
      } else {
        // an escaped sign stands for itself; a class escape (\w, \s …) for no one code point
        if (n !== undefined && !ALNUM.test(n)) cp = n.codePointAt(0)!;
        out += c + (n ?? '');
        i++;
      }
    }
    if (FOLDS_ACROSS.includes(cp)) return null;
    // a class range that takes one of them in: "[\u0100-\u024f]"
    if (dash && (cp < 0 || FOLDS_ACROSS.some((f) => prev <= f && f <= cp))) return null;
    prev = dash ? -1 : cp;
    dash = false;
  }
  return out;
}

// The two latest strings asked about and whether they are plain: one sentence is put to many regexes in a row, the
// words before a name and those after it in turn…
let lastInput: string | null = null,
  lastPlain = false;
let prevInput: string | null = null,
  prevPlain = false;
function plainShared(s: string): boolean {
  if (s === lastInput) return lastPlain;
  const plain = s === prevInput ? prevPlain : PLAIN.test(s);
  prevInput = lastInput;
  prevPlain = lastPlain;
  lastInput = s;
  lastPlain = plain;
  return plain;
}

class TwinRegExp extends RegExp {
  private twin: RegExp;
  private stateful: boolean;
  // …and one regex scans a text with other asks between its steps: each keeps its own latest string too
  private ownInput: string | null = null;
  private ownPlain = false;
  constructor(pattern: string | RegExp, flags: string, twin: RegExp) {
    super(pattern, flags);
    this.twin = twin;
    this.stateful = flags.includes('g') || flags.includes('y');
  }
  // split copies the regex through its constructor (Symbol.species): the copy runs the original
  static get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }
  private plain(s: string): boolean {
    if (s !== this.ownInput) {
      this.ownInput = s;
      this.ownPlain = plainShared(s);
    }
    return this.ownPlain;
  }
  override exec(input: string): RegExpExecArray | null {
    const s = typeof input === 'string' ? input : String(input);
    if (!this.plain(s)) return super.exec(s);
    const t = this.twin;
    if (!this.stateful) return t.exec(s);
    t.lastIndex = this.lastIndex;
    const m = t.exec(s);
    this.lastIndex = t.lastIndex;
    return m;
  }
  // (RegExp.prototype.test would go through exec and build a match it throws away)
  override test(input: string): boolean {
    const s = typeof input === 'string' ? input : String(input);
    if (!this.plain(s)) return super.test(s);
    const t = this.twin;
    if (!this.stateful) return t.test(s);
    t.lastIndex = this.lastIndex;
    const hit = t.test(s);
    this.lastIndex = t.lastIndex;
    return hit;
  }
  // matchAll scans a copy made from the regex and its lastIndex: on a plain string, a copy of the twin
  override [Symbol.matchAll](input: string): IterableIterator<RegExpMatchArray> {
    const s = String(input);
    if (!this.plain(s)) return super[Symbol.matchAll](s);
    this.twin.lastIndex = this.lastIndex;
    return RegExp.prototype[Symbol.matchAll].call(this.twin, s);
  }
}

/** `re` itself when it has no u flag or no twin can be written; else a regex that runs the twin where it may. */
export function withTwin(re: RegExp): RegExp {
  if (!re.flags.includes('u') || re instanceof TwinRegExp) return re;
  const src = twinSource(re.source, re.flags.includes('i'));
  if (src === null) return re;
  let twin: RegExp;
  try {
    twin = new RegExp(src, re.flags.replace('u', ''));
  } catch {
    return re;
  }
  return new TwinRegExp(re.source, re.flags, twin);
}

/** `o` with every regex among its own values given its twin (a set of cues compiled together). */
export function withTwins<T extends object>(o: T): T {
  const r = o as Record<string, unknown>;
  for (const k of Object.keys(r)) if (r[k] instanceof RegExp) r[k] = withTwin(r[k]);
  return o;
}
