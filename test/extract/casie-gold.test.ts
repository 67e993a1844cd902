// The CASIE scorer's reading of gold Price spans: which spans are one claim (sentences written for this test).
import { describe, it, expect } from 'vitest';
import { goldPrices, type CasieArticle } from '../../bench/quality/score-casie.ts';

/** An article whose Actual Ransom event has the given Price spans (each the first occurrence of the string). */
function gold(text: string, spans: string[]): number[][] {
  const args = spans.map((t) => ({ role: 'Price', text: t, start: text.indexOf(t), end: text.indexOf(t) + t.length }));
  const a: CasieArticle = {
    id: 't',
    date: '2018_01_01',
    title: '',
    text,
    events: [{ type: 'Ransom', realis: 'Actual', arguments: args }],
  };
  return goldPrices(a, args).claims.map((g) => g.map((s) => s.amount));
}

describe('CASIE gold price claims', () => {
  it('a restatement led by "worth" or "equivalent" further on in the sentence joins the claim', () => {
    expect(
      gold('Staff at the clinic were ordered to hand 2 bitcoin to the gang by Friday, a sum worth $18,000 today.', [
        '2 bitcoin',
        '$18,000',
      ]),
    ).toEqual([[2, 18000]]);
    expect(
      gold('The mayor confirmed that five bitcoins went to the extortionists, equivalent to $40,000 at the time.', [
        'five bitcoins',
        '$40,000',
      ]),
    ).toEqual([[5, 40000]]);
    expect(
      gold('A key for every server cost 3 Bitcoin on the note (the equivalent of $11,000 when it appeared).', [
        '3 Bitcoin',
        '$11,000',
      ]),
    ).toEqual([[3, 11000]]);
  });

  it('a sum in the same currency, or in the next sentence without a restating lead, is a claim of its own', () => {
    expect(
      gold('They asked for $5,000 from the dentist, the equivalent of $6,000 today.', ['$5,000', '$6,000']),
    ).toEqual([[5000], [6000]]);
    expect(
      gold('The hackers wanted 4 bitcoin. The mayor said the demand was worth $30,000.', ['4 bitcoin', '$30,000']),
    ).toEqual([[4], [30000]]);
    expect(gold('The hackers wanted 4 bitcoin and later paid $9,000 in cash.', ['4 bitcoin', '$9,000'])).toEqual([
      [4],
      [9000],
    ]);
  });
});
