// Sums as printed in news: space-grouped thousands, "units of" a coin, coin names used as adjectives, glued letters.
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { findMoney } from '../../analyze/extract/money.ts';
import { isGeneric } from '../../analyze/extract/roles.ts';
import { article, ref } from './helpers.ts';

const sums = (text: string) => findMoney(text, ref.currencies).map((m) => [m.amount, m.currency]);

describe('sums as printed', () => {
  it('thousands grouped with spaces after a symbol', () => {
    expect(sums('The clinic paid $36 000 on Friday.')).toEqual([[36000, 'USD']]);
    expect(sums('Die Forderung lag bei €1 250 000.')).toEqual([[1250000, 'EUR']]);
  });

  it('a figure before a year or a count is not joined to it', () => {
    expect(sums('It paid $300 2 days later.')).toEqual([[300, 'USD']]);
  });

  it('Malaysian ringgit', () => {
    expect(sums('The insurer paid RM2.5 million and later RM 300,000.')).toEqual([
      [2500000, 'MYR'],
      [300000, 'MYR'],
    ]);
  });

  it('"units of" a coin', () => {
    expect(sums('They asked for twelve units of the digital currency Bitcoin.')).toEqual([[12, 'BTC']]);
    expect(sums('They asked for 3 units of bitcoin.')).toEqual([[3, 'BTC']]);
  });

  it('a coin name used as an adjective counts things, not coins', () => {
    expect(sums('Researchers watched two Bitcoin wallets and five bitcoin addresses.')).toEqual([]);
  });

  it('a figure glued to letters that are no scale or code is no sum', () => {
    expect(sums('Subject: win $10G today')).toEqual([]);
    expect(sums('a $300USD ransom')).toEqual([[300, 'USD']]);
  });
});

describe('a sum in a currency without a rate', () => {
  it('its restatement in a known currency carries the claim', () => {
    const x = extract(
      article(
        'Riverbend Clinic was hit by ransomware. The gang demanded 600,000 rubles (about $9,400) from the clinic.',
      ),
      ref,
    );
    expect(x.ransom.map((c) => [c.kind, c.amount, c.currency])).toEqual([['demanded', 9400, 'USD']]);
  });
});

describe('conditions and strains', () => {
  it('a long conditional sentence is a hypothetical', () => {
    expect(
      isGeneric(
        'A web page said that if the county council paid 5,000 dollars in Bitcoin, then all of the files on its servers would be unlocked again.',
      ),
    ).toBe(true);
  });

  it('what a virus does to any victim, in the present tense', () => {
    expect(isGeneric('Once on a machine, the virus encrypts the owner’s files and demands payment in bitcoin.')).toBe(
      true,
    );
  });

  // (the terms of the demand: what the page asked, and how)
  it('a sum asked as the condition of a release is the demand, and its method is reported', () => {
    const x = extract(
      article(
        'The Millbrook police department was hit by ransomware last week. A web page said that if the police department paid the sum of $2,500 in Bitcoin within two days, then all of the department’s files would be decrypted again.',
      ),
      ref,
    );
    expect(x.ransom.map((r) => `${r.kind} ${r.amount} ${r.currency}`)).toEqual(['demanded 2500 USD']);
    expect(x.payment_method).toBe('bitcoin');
  });

  it('a sum under a condition with no release promised stays a hypothetical', () => {
    const x = extract(
      article(
        'The Millbrook police department was hit by ransomware. If the department paid $2,500, experts said, it would only encourage more attacks.',
      ),
      ref,
    );
    expect(x.ransom).toEqual([]);
  });
});
