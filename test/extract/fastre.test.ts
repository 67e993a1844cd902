// withTwin (analyze/extract/fastre.ts) must never change a match: every word list, compiled as the extractor compiles
// it, finds the same matches with and without its twin on the construction stories and on strings built to tell the
// Unicode and non-Unicode modes apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withTwin } from '../../analyze/extract/fastre.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { ref } from './helpers.ts';

const cases = JSON.parse(readFileSync('test/fixtures/constructions/cases.json', 'utf8')) as Record<
  string,
  { text: string }
>;
const stories = Object.values(cases).map((c) => c.text);
// where the modes differ: long s and the Kelvin sign fold to ASCII letters under u alone; letters, marks and
// numbers beyond ASCII; a letter outside the BMP next to a word
const tricky = [
  'The hoſpital was hacked',
  'a ranſomware attack',
  'KKK ransom',
  'Ransomware hit Hôpital de Dax',
  'attack𝐀 on data',
  '𝐀ransomware',
  'ransom² demanded',
  'data breach½',
  'the clinic’s servers were encrypted',
  'hackers—who stole “patient data”—demanded €50,000',
  'ﬁles were stolen',
  'İstanbul hospital hit by ransomware',
  'STOLEN DATA of Ärzte',
  'µ-clinic breach',
  'ª hack',
  'hack\u2028ed',
  'cyber\u00a0attack on the NHS',
];
const inputs = [...stories, ...stories.flatMap((t) => sentences(t).map((s) => s.text)), ...tricky];

/** Every match of a global regex over the input, with its position and groups. */
function scan(re: RegExp, s: string): string[] {
  re.lastIndex = 0;
  const out: string[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(`${m.index}:${JSON.stringify([...m])}`);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

describe('regex twins', () => {
  it('find what the original finds for every word list, case-insensitive and case-sensitive', () => {
    let twinned = 0;
    for (const name of ref.lists.keys()) {
      const source = new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${ref.lists
          .get(name)!
          .map((w) =>
            w.startsWith('/') && w.endsWith('/') && w.length > 2
              ? w.slice(1, -1)
              : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('|')})(?![\\p{L}\\p{N}])`,
        'u',
      ).source;
      for (const flags of ['giu', 'gu']) {
        const plain = new RegExp(source, flags),
          twin = withTwin(new RegExp(source, flags));
        if (twin !== plain) twinned++;
        for (const s of inputs) {
          expect(scan(twin, s), `${name} /${flags} on ${s.slice(0, 60)}`).toEqual(scan(plain, s));
        }
      }
    }
    expect(twinned).toBeGreaterThan(ref.lists.size);
  });

  it('answer test, match, matchAll, replace and split as the original does', () => {
    const src = String.raw`(?<![\p{L}\p{N}])(?:ransom\w*|hack(?:ed|ers?)?|data\s+breach)(?![\p{L}\p{N}])`;
    for (const s of tricky) {
      const a = new RegExp(src, 'giu'),
        b = withTwin(new RegExp(src, 'giu'));
      expect(b.test(s), s).toBe(a.test(s));
      expect(b.lastIndex, s).toBe(a.lastIndex);
      expect(s.match(b), s).toEqual(s.match(a));
      expect(
        [...s.matchAll(b)].map((m) => m.index),
        s,
      ).toEqual([...s.matchAll(a)].map((m) => m.index));
      expect(s.replace(b, '<$&>'), s).toBe(s.replace(a, '<$&>'));
      expect(s.split(b), s).toEqual(s.split(a));
    }
  });

  it('keeps the original where the modes could differ or the pattern is not read', () => {
    const kelvin = /\u212a/iu;
    expect(withTwin(kelvin)).toBe(kelvin);
    const script = /\p{Script=Latin}+/u;
    expect(withTwin(script)).toBe(script);
    const ascii = /ransom/i;
    expect(withTwin(ascii)).toBe(ascii);
    // a string holding a letter beyond ASCII runs the original: the long s folds to s under u only
    const s = withTwin(/hospital/iu);
    expect(s.test('hoſpital')).toBe(true);
    expect(s.test('hospital')).toBe(true);
    expect(withTwin(/[^\p{L}]x/u).test('éx')).toBe(false);
  });
});
