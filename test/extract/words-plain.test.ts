import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../analyze/extract/language.ts';

// wordsOf cuts plain Latin text by a regex; it must give the segmenter's words exactly.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
const bySegmenter = (t: string) =>
  [...segmenter.segment(t)].filter((s) => s.isWordLike && /\p{L}/u.test(s.segment)).map((s) => s.segment.toLowerCase());

describe('wordsOf on plain Latin text', () => {
  const samples = [
    "The clinic's e-mail server (v2.0) wasn't reachable: staff used paper, e.g. forms, for 3.5 days.",
    'Le centre hospitalier d’Arles a subi une cyberattaque ; l’hôpital a déclenché son plan blanc.',
    'Die Straße zum Klinikum war gesperrt — 1.200 Patienten, 3,5 Mio. Euro, re:Invent_2 a.b.c 10:30.',
    "x_1 'quoted' “double” … 12'000 a'b 1'2 a.1 1.a ſome œuvre",
  ];
  for (const t of samples) it(t.slice(0, 30), () => expect(wordsOf(t)).toEqual(bySegmenter(t)));
  it('random strings of the plain alphabet', () => {
    const abc = [...'aZéÉñßÿŒ09_.,;:\'’‘"“”–—…-!?()$ \n\t', 'ab', '12', ' '];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const t = Array.from({ length: 1 + Math.floor(next() * 25) }, () => abc[Math.floor(next() * abc.length)]).join(
        '',
      );
      expect(wordsOf(t)).toEqual(bySegmenter(t));
    }
  });
});
