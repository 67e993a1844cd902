import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { goldSums, nameLike, overlaps, paymentCategories } from '../../bench/quality/score-casie.ts';
import { article, ref } from './helpers.ts';

const names = (text: string) => extract(article(text, '2018-03-28T10:00:00Z'), ref).victims.map((v) => v.name);

describe('victims of any sector', () => {
  it('finds an organisation in object position ("an attack on X", "hackers hit X")', () => {
    expect(
      names(
        'A ransomware attack on Northgate Freight Lines locked staff out of email. Northgate Freight Lines said it would not pay.',
      ),
    ).toContain('Northgate Freight Lines');
    expect(names('Hackers hit Briarwood County with ransomware on Friday, encrypting its servers.')).toContain(
      'Briarwood County',
    );
  });

  it('finds "X was hit", possessives and single capitalised company names', () => {
    expect(names('Quillstone was hit by ransomware last week. Quillstone said its servers were restored.')).toContain(
      'Quillstone',
    );
    expect(names("The attackers encrypted Ferrowind's computer systems and demanded a ransom in bitcoin.")).toContain(
      'Ferrowind',
    );
  });

  it('keeps a place only as "the city of X" and never a nationality', () => {
    expect(
      names(
        'The ransomware attack on the city of Marlow Falls shut down its payment systems. Marlow Falls officials said they would not pay.',
      ),
    ).toContain('Marlow Falls');
    expect(names('Ransomware hit German businesses this week, attackers demanding bitcoin.')).toEqual([]);
  });

  it('does not report sources: people, security vendors, media', () => {
    const v = names(
      '"The attack encrypted everything," said Dana Whitfield, a researcher at Kaspersky Lab. Whitfield said hackers hit the Orton Dairy Cooperative on Monday.',
    );
    expect(v).not.toContain('Dana Whitfield');
    expect(v).not.toContain('Kaspersky Lab');
    expect(names('Hackers attacked the firm, the company told Motherboard on Saturday.')).toEqual([]);
  });

  it('ignores products and technical terms in victim position', () => {
    expect(names('Attackers hijacked MongoDB databases and demanded 0.2 bitcoin from admins.')).toEqual([]);
    expect(names('The breach of RDP servers let attackers in.')).toEqual([]);
  });

  it('keeps a healthcare victim first and drops an unrelated company', () => {
    const v = extract(
      article(
        'Hancock Regional Hospital paid a ransom after hackers hit its systems. Hancock Regional Hospital restored service.',
        '2018-01-20T10:00:00Z',
      ),
      ref,
    ).victims;
    expect(v.map((x) => x.sector)).toEqual(['hospital']);
  });
});

describe('CASIE scoring helpers', () => {
  it('reads gold prices, with restatements in one span', () => {
    expect(goldSums('€1m ($1.07m)')).toEqual([
      { amount: 1e6, currency: 'EUR' },
      { amount: 1.07e6, currency: 'USD' },
    ]);
    expect(goldSums('$1000 in Bitcoin')).toEqual([{ amount: 1000, currency: 'USD' }]);
    expect(goldSums('eight units of the digital currency Bitcoin')).toEqual([{ amount: 8, currency: 'BTC' }]);
    expect(goldSums('545,000 Russian rubles')).toEqual([{ amount: 545000, currency: 'RUB' }]);
    expect(goldSums('a few hundred dollars')).toEqual([]);
  });

  it('maps payment spans to categories, both when two are named', () => {
    expect(paymentCategories('in Bitcoin or Ethereum cryptocurrency')).toEqual(['bitcoin', 'ether']);
    expect(paymentCategories('in the digital currency bitcoin')).toEqual(['bitcoin']);
    expect(paymentCategories('in cryptocurrency')).toEqual(['cryptocurrency']);
    expect(paymentCategories('iTunes gift cards')).toEqual(['gift card']);
  });

  it('scores names, not descriptions, and matches by overlap', () => {
    expect(nameLike('the city of Atlanta')).toBe(true);
    expect(nameLike('An Indiana hospital')).toBe(false);
    expect(nameLike('Victims', 'victims paid')).toBe(false);
    expect(overlaps('Indiana hospital Hancock Health', 'Hancock Health')).toBe(true);
    expect(overlaps('FedEx Corp', 'TNT Express')).toBe(false);
  });
});
