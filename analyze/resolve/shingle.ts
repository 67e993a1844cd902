// Word 5-gram shingles as 32-bit hashes, straight from the text: the words are found by scanning characters and
// hashed as they are read (FNV-1a over their UTF-16 units), and each shingle's hash is folded from its five word
// hashes, so no string is made per word or per shingle. A text is a sorted Uint32Array of distinct shingle hashes;
// `shingles()` keeps the readable definition (the same words, joined), and hashShingle() ties the two together.

const SHINGLE = 5;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;

/** Non-ASCII code points already classified: a text repeats the few it uses. */
const wordChar = new Map<number, boolean>();

function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  let known = wordChar.get(cp);
  if (known === undefined) wordChar.set(cp, (known = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
  return known;
}

/** Murmur3 finaliser: a good 32-bit mix. */
export function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of each word of the text (NFKC, lower case, runs of letters and digits), in order. */
export function wordHashes(text: string): Uint32Array {
  const s = text.normalize('NFKC').toLowerCase();
  let out: Uint32Array = new Uint32Array(Math.max(16, s.length >> 3));
  let n = 0;
  let h = FNV_OFFSET;
  let inWord = false;
  // The end of the text is read as a space (code point 32), so the last word is stored by the loop itself: a
  // separate store after the loop had no type feedback when V8 compiled the loop alone (on-stack replacement) and
  // sent that code back to the interpreter on every call after (~1,100 deoptimisations in one run of 5,000 copies).
  for (let i = 0; i <= s.length; i++) {
    const cp = i < s.length ? s.codePointAt(i)! : 32;
    const units = cp > 0xffff ? 2 : 1;
    if (isWordChar(cp)) {
      if (!inWord) h = FNV_OFFSET;
      inWord = true;
      for (let u = 0; u < units; u++) h = Math.imul(h ^ s.charCodeAt(i + u), FNV_PRIME);
    } else if (inWord) {
      if (n === out.length) out = grow(out);
      out[n++] = h >>> 0;
      inWord = false;
    }
    i += units - 1;
  }
  return out.subarray(0, n);
}

function grow(a: Uint32Array): Uint32Array {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

/** One shingle's hash from its word hashes (order matters). */
function fold(words: Uint32Array, at: number, n: number): number {
  let h = 0x5eed;
  for (let k = 0; k < n; k++) h = mix(Math.imul(h, 31) ^ words[at + k]);
  return h;
}

/** The distinct shingle hashes of a text, sorted. */
export function shingleSet(text: string, n = SHINGLE): Uint32Array {
  const words = wordHashes(text);
  if (words.length < n) return new Uint32Array(0);
  const out = new Uint32Array(words.length - n + 1);
  for (let i = 0; i + n <= words.length; i++) out[i] = fold(words, i, n);
  out.sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i];
  return out.subarray(0, k);
}

/** The hash shingleSet() gives the shingle written as words (`shingles()` output). */
export function hashShingle(shingle: string): number {
  const words = Uint32Array.from(shingle.split(' '), (w) => {
    let h = FNV_OFFSET;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
    return h >>> 0;
  });
  return fold(words, 0, words.length);
}

/** The readable definition: word 5-grams as strings (tests and docs; the pipeline hashes). */
export function shingles(text: string, n = SHINGLE): Set<string> {
  const words = text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** Jaccard similarity of two sorted sets of hashes. */
export function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return both / (a.length + b.length - both);
}
