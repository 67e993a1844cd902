// Speed only: a Unicode regex (flag u, most often iu) with a twin compiled without u, used on the strings where both
// read alike. V8 runs the word-list and cue regexes two to three times slower under iu than under i; most sentences
// of news are ASCII plus typographic punctuation (’ “ ” – … € £), where nothing tells the two modes apart:
// - \p{L} and \p{N} there are [A-Za-z] and [0-9] (the twin spells them so), \p{M} matches nothing;
// - case folding differs only for letters (ſ and the Kelvin sign fold to ASCII under u alone: a pattern holding one
//   gets no twin); the punctuation admitted has no case, is no letter, number or mark, and is one code unit.
// Any other string runs the original regex. Results, lastIndex and flags are the original's.

// ASCII, Latin-1 punctuation and symbols (not ª µ º ² ³ ¹ ¼ ½ ¾), general punctuation, currency signs, ™.
const PLAIN = new RegExp(
  String.raw`^[\x00-\x7f\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7` +
    String.raw`\u2000-\u2027\u202a-\u206f\u20a0-\u20cf\u2122]*$`,
);

// what a property class holds among those characters (inside a character class: without the brackets)
const PROPS: Record<string, string> = { L: 'A-Za-z', N: '0-9', Lu: 'A-Z', Ll: 'a-z', M: '' };

// under u alone the long s and the Kelvin sign fold to "s" and "k"
const FOLDS_TO_ASCII = [0x17f, 0x212a];

/** The source of the twin, or null when the pattern holds something the rewrite does not read. */
function twinSource(src: string): string | null {
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
        const set = src[i + 2] === '{' && close > 0 ? PROPS[src.slice(i + 3, close)] : undefined;
        if (set === undefined || (n === 'P' && inClass)) return null;
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
        if (n !== undefined && !/[\p{L}\p{N}]/u.test(n)) cp = n.codePointAt(0)!;
        out += c + (n ?? '');
        i++;
      }
    }
    if (FOLDS_TO_ASCII.includes(cp)) return null;
    // a class range that takes one of them in: "[\u0100-\u024f]"
    if (dash && (cp < 0 || FOLDS_TO_ASCII.some((f) => prev <= f && f <= cp))) return null;
    prev = dash ? -1 : cp;
    dash = false;
  }
  return out;
}

class TwinRegExp extends RegExp {
  private twin: RegExp;
  private stateful: boolean;
  private lastInput: string | null = null;
  private lastPlain = false;
  constructor(pattern: string | RegExp, flags: string, twin: RegExp) {
    super(pattern, flags);
    this.twin = twin;
    this.stateful = flags.includes('g') || flags.includes('y');
  }
  // matchAll and split copy the regex through its constructor (Symbol.species): the copy runs the original
  static get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }
  override exec(input: string): RegExpExecArray | null {
    const s = String(input);
    if (s !== this.lastInput) {
      this.lastInput = s;
      this.lastPlain = PLAIN.test(s);
    }
    if (!this.lastPlain) return super.exec(s);
    const t = this.twin;
    if (!this.stateful) return t.exec(s);
    t.lastIndex = this.lastIndex;
    const m = t.exec(s);
    this.lastIndex = t.lastIndex;
    return m;
  }
}

/** `re` itself when it has no u flag or no twin can be written; else a regex that runs the twin where it may. */
export function withTwin(re: RegExp): RegExp {
  if (!re.flags.includes('u')) return re;
  const src = twinSource(re.source);
  if (src === null) return re;
  let twin: RegExp;
  try {
    twin = new RegExp(src, re.flags.replace('u', ''));
  } catch {
    return re;
  }
  return new TwinRegExp(re.source, re.flags, twin);
}
