// withTwin (analyze/extract/fastre.ts) must never change a match: every word list, compiled as the extractor compiles
// it, finds the same matches with and without its twin on the construction stories and on strings built to tell the
// Unicode and non-Unicode modes apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAIN_RANGES, withTwin } from '../../analyze/extract/fastre.ts';
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
  'Spitalul din Bucureşti, atacat de hackeri: datele pacienților au fost furate',
  'ŞIŞLI ışık İzmir ĸ ŉ',
  'STOLEN DATA of Ärzte',
  'µ-clinic breach',
  'ª hack',
  'hack\u2028ed',
  'cyber\u00a0attack on the NHS',
  'Хакеры атаковали БОЛЬНИЦУ в Москве: данные пациентов (ransomware) украдены',
  'Кібератака на лікарню в Києві, ҐАНОК Ґанок ґанок Ѐ ѐ Ӏ ӏ ԯ Ԯ',
  'Больница − жертва атаки: −5 °C, хакеры − «LockBit»',
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
          // (compared as text; expect is called only on a difference: ~300 lists × 2 flags × every input)
          const got = scan(twin, s).join('\n');
          const want = scan(plain, s).join('\n');
          if (got !== want) expect(got, `${name} /${flags} on ${s.slice(0, 60)}`).toBe(want);
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

  // the range the twins read: every character of it, and every character outside it that has a case
  const domain = PLAIN_RANGES.flatMap(([a, b]) =>
    Array.from({ length: b - a + 1 }, (_, k) => String.fromCharCode(a + k)),
  );
  const esc = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

  it('rest on both modes folding case alike inside the range', () => {
    const cased = domain.filter((c) => c.toLowerCase() !== c || c.toUpperCase() !== c);
    for (const a of cased) {
      const u = new RegExp(esc(a), 'iu'),
        n = new RegExp(esc(a), 'i');
      for (const b of domain) expect(n.test(b), `${a} ~ ${b}`).toBe(u.test(b));
    }
  });

  it('give no twin to a pattern holding a character that folds into the range under u alone', () => {
    const inRange = new Set(domain);
    for (let cp = 0x80; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const x = String.fromCharCode(cp);
      if (inRange.has(x) || (x.toLowerCase() === x && x.toUpperCase() === x)) continue;
      const near = [
        x.toLowerCase(),
        x.toUpperCase(),
        x.toUpperCase().toLowerCase(),
        x.toLowerCase().toUpperCase(),
      ].filter((c) => inRange.has(c));
      const orig = new RegExp(esc(x), 'iu'),
        twin = withTwin(new RegExp(esc(x), 'iu'));
      for (const c of near) expect(twin.test(c), `${x} on ${c}`).toBe(orig.test(c));
    }
  });

  it('read every character of the range as the original does, property classes with and without i', () => {
    const chars = domain.filter((c) => c >= ' ');
    const strings = [...chars, chars.join(''), 'Straße STRASSE ÿ Ÿ ẞ ß', 'Ärzte ärzte ÄRZTE', 'Å å Å'];
    const patterns = [
      String.raw`\p{Lu}+`,
      String.raw`\p{Ll}+`,
      String.raw`[\p{Lu}\d]+`,
      String.raw`[^\p{Ll}]`,
      String.raw`\P{L}+`,
      String.raw`(?<![\p{L}\p{N}])[\p{L}\p{M}]+(?![\p{L}\p{N}])`,
      'straße|ärzte|hôpital',
      String.raw`\p{Lu}\p{Ll}+`,
      String.raw`[a-zà-ÿ]+`,
      String.raw`\P{Lu}`,
    ];
    for (const p of patterns) {
      for (const flags of ['giu', 'gu']) {
        const plain = new RegExp(p, flags),
          twin = withTwin(new RegExp(p, flags));
        for (const s of strings) expect(scan(twin, s), `/${p}/${flags} on ${s.slice(0, 40)}`).toEqual(scan(plain, s));
      }
    }
  });

  it('keeps the original where the modes could differ or the pattern is not read', () => {
    const kelvin = /\u212a/iu;
    expect(withTwin(kelvin)).toBe(kelvin);
    for (const re of [/\u212b/iu, /ẞ/iu, /\P{Lu}/iu, /[\u2100-\u2130]/iu]) expect(withTwin(re)).toBe(re);
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
