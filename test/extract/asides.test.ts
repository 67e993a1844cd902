// Links to other stories inside an article's text are masked before extraction (analyze/extract/asides.ts).
// Texts written for this test.
import { describe, expect, it } from 'vitest';
import { maskAsides } from '../../analyze/extract/asides.ts';
import { ref } from './helpers.ts';

const mask = (t: string) => maskAsides(t, ref.lists);

describe('maskAsides', () => {
  it('blanks a labelled line and keeps every offset', () => {
    const t = 'Related: Kelso Hospital paid $1m ransom\nCarrow Clinic said hackers stole data.';
    const m = mask(t);
    expect(m.length).toBe(t.length);
    expect(m.split('\n')[0]!.trim()).toBe('');
    expect(m.split('\n')[1]).toBe('Carrow Clinic said hackers stole data.');
  });
  it('blanks the headlines under a bare label up to a blank line or a sentence', () => {
    const t =
      'Carrow Clinic said hackers stole data.\n\nRead more:\nKelso Hospital hit by ransomware\n' +
      'Quillon Health confirms breach\n\nThe clinic is working with police.';
    const lines = mask(t).split('\n');
    expect(lines.slice(2, 5).map((l) => l.trim())).toEqual(['', '', '']);
    expect(lines[6]).toBe('The clinic is working with police.');
    const s = 'Read more:\nKelso Hospital hit by ransomware\nThe clinic said the attack began on Monday.';
    expect(mask(s).split('\n')[2]).toBe('The clinic said the attack began on Monday.');
  });
  it('reads labels in other languages and leaves a sentence that merely starts alike', () => {
    expect(mask('Lesen Sie auch: Klinikum Nord gehackt\nText.').split('\n')[0]!.trim()).toBe('');
    const t = 'Related news reached the clinic on Monday, when hackers struck.\nMore text.';
    expect(mask(t)).toBe(t);
  });
});
