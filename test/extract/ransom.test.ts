import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { article, ref } from './helpers.ts';

const LEAD =
  'The servers of the City General Hospital were crippled by a ransomware attack last Wednesday. Staff are working on paper.';
const ransom = (body: string, pub?: string) => extract(article(`${LEAD}\n\n${body}`, pub), ref).ransom;

describe('ransom claims', () => {
  it('MUST HOLD: alleged demand in crore, hedged, INR', () => {
    const r = ransom('Hackers have allegedly demanded around Rs 200 crore in cryptocurrency, sources said.');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({
      kind: 'demanded',
      amount: 2000000000,
      currency: 'INR',
      hedged: true,
      disputed: false,
    });
    expect(r[0]!.usd).toBeGreaterThan(20e6);
    expect(r[0]!.usd_rate_date).toBe('2022-11');
  });

  it('MUST HOLD: a police denial elsewhere makes the demand disputed', () => {
    const r = ransom(
      'Hackers have allegedly demanded around Rs 200 crore in cryptocurrency.\n\nLater, the Delhi Police said no ransom had been demanded from the hospital.',
    );
    expect(r[0]).toMatchObject({ kind: 'demanded', amount: 2000000000, hedged: true, disputed: true });
  });

  it('a victim denial also disputes', () => {
    const r = ransom('The attackers demanded $5 million. A hospital spokesperson denied receiving any demand.');
    expect(r[0]!.disputed).toBe(true);
  });

  it('"has not said whether a ransom was demanded" is no denial', () => {
    const r = ransom('The attackers demanded $5 million. The hospital has not said whether a ransom was demanded.');
    expect(r[0]!.disputed).toBe(false);
  });

  it('a conversion beside the amount is the same claim', () => {
    const r = ransom('The gang demanded Rs 200 crore ($24 million) from the hospital.');
    expect(r).toHaveLength(1);
    expect(r[0]!.currency).toBe('INR');
  });

  it('demanded and paid in one sentence', () => {
    const r = ransom('The gang initially demanded Rs 5 crore and settled for Rs 1.5 crore after negotiation.');
    expect(r.map((c) => [c.kind, c.amount])).toEqual([
      ['demanded', 5e7],
      ['paid', 1.5e7],
    ]);
    expect(r.every((c) => !c.hedged)).toBe(true);
  });

  it('"in cryptocurrency" with no figure is a CRYPTO claim without amount', () => {
    const r = ransom('The attackers have reportedly demanded a ransom in cryptocurrency.');
    expect(r).toEqual([expect.objectContaining({ kind: 'demanded', amount: null, currency: 'CRYPTO', hedged: true })]);
  });

  it('sums that are not ransoms are not claims', () => {
    const r = ransom(
      'The state set aside a budget of Rs 500 crore for hospital IT. The regulator imposed a fine of $1 million last year.',
    );
    expect(r).toEqual([]);
  });

  it('sentences about ransomware in general yield nothing', () => {
    const r = ransom(
      'Across the industry, average demands reached $1.5m this year. Victims paid a median of $197,000.',
    );
    expect(r).toEqual([]);
  });

  it('refusing to pay is not a payment', () => {
    const r = ransom('The hospital said it would not pay the $2 million ransom the gang demanded.');
    expect(r.map((c) => c.kind)).not.toContain('paid');
  });

  it('crypto converts with the last month available after 2022-09', () => {
    const r = ransom('The gang asked for 75 BTC.');
    expect(r[0]).toMatchObject({ amount: 75, currency: 'BTC', usd_rate_date: '2022-09' });
    expect(r[0]!.usd).toBeGreaterThan(1e6);
  });

  it('evidence offsets point into the text', () => {
    const a = article(`${LEAD}\n\nThe attackers demanded $5 million.`);
    const r = extract(a, ref).ransom[0]!;
    expect(a.text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.quote);
    expect(r.evidence.quote).toContain('$5 million');
  });
});

describe('payment method and hypotheticals near a sum', () => {
  it('prefers the named coin over the generic word', () => {
    const x = extract(
      article(
        'The email demanded payment in web-based digital currency bitcoin equivalent to about $9,000 from the hospital after the attack.',
      ),
      ref,
    );
    expect(x.payment_method).toBe('bitcoin');
  });

  it('a "would have cost" clause elsewhere in the sentence does not hide a payment', () => {
    const x = extract(
      article(
        'The utility chose to pay $25,000 in bitcoin to the hackers because it was cheaper than replacing the computers, which would have cost up to $10 million.',
      ),
      ref,
    );
    expect(x.ransom.map((c) => [c.kind, c.amount, c.currency])).toContainEqual(['paid', 25000, 'USD']);
  });
});
