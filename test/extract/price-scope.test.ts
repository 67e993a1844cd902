// Which sums are facts of an incident: demands told as going on now, and what a strain's makers ask as a habit
// (sentences written for these tests).
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { article, ref } from './helpers.ts';

const claims = (text: string) => extract(article(text), ref).ransom.map((c) => [c.kind, c.amount, c.currency]);

describe('a demand going on now is kept without a named victim', () => {
  it.each([
    [
      'Subscribers to a fitness forum got threatening letters on Friday; the senders are asking for $800 each, payable in Bitcoin.',
      800,
      'USD',
    ],
    [
      'A demand was made for £90,000 after intruders got into the surgery’s booking system, a detective said.',
      90000,
      'GBP',
    ],
    ['Having copied the member database, the intruders are now demanding $60,000 in Monero.', 60000, 'USD'],
  ])('%s', (text, amount, currency) => expect(claims(text)).toEqual([['demanded', amount, currency]]));

  it('"willing to accept" is an alternative demand', () => {
    expect(
      claims(
        'Having copied the member database, the intruders are now demanding $60,000 in Monero. Oddly, they are willing to accept $80,000 in store vouchers instead.',
      ),
    ).toEqual([
      ['demanded', 60000, 'USD'],
      ['demanded', 80000, 'USD'],
    ]);
  });

  it('a demand after a past event in the same sentence is kept', () => {
    expect(
      claims(
        'At $900 per bitcoin on the day the office PCs were encrypted, the intruders’ note put the demand at about $18,000.',
      ),
    ).toEqual([['demanded', 18000, 'USD']]);
  });
});

describe('what the makers of a strain ask is no incident fact', () => {
  it.each([
    'Unusually, those behind the ransomware demand 2 Dash, about $700, for each key.',
    'For a working key the crooks behind the ransomware are asking for 0.4 Bitcoin.',
    'Each time, the author behind the strain has demanded 7 BTC.',
    'The gang behind the new Vortex malware asks $250 in bitcoin for the key.',
  ])('%s', (text) =>
    expect(claims(`Several firms in Spain were hit by the new Vortex ransomware this week. ${text}`)).toEqual([]),
  );

  it('the group behind an attack that demanded a sum is still an incident', () => {
    expect(
      claims(
        'Lakeside Clinic was hit by ransomware on Monday. The group behind the ransomware demanded $40,000 from the clinic.',
      ),
    ).toEqual([['demanded', 40000, 'USD']]);
  });

  it.each([
    'The hackers behind the ransomware are demanding $1 million from Harbour Valley Hospital.',
    'The criminals behind the ransomware have demanded $1 million from the hospital.',
  ])('makers asking a named target is this incident, told in the present: %s', (text) => {
    expect(claims(`Harbour Valley Hospital was hit by ransomware on Monday. ${text}`)).toEqual([
      ['demanded', 1000000, 'USD'],
    ]);
  });
});

describe('demands raised, pressed, or in the plural', () => {
  it('a sum a demand climbs to is demanded too', () => {
    expect(
      claims(
        'Lakeside Clinic was hit by ransomware on Monday. The gang asked for $400 in bitcoin. After three days the demand increased to $800.',
      ),
    ).toEqual([
      ['demanded', 400, 'USD'],
      ['demanded', 800, 'USD'],
    ]);
    expect(
      claims(
        'Lakeside Clinic was hit by ransomware on Monday. The first note asked for little, but the ransom has since climbed to $900 a laptop.',
      ),
    ).toEqual([['demanded', 900, 'USD']]);
  });

  it('a fine or costs rising are no demand (regulators fine hospitals; "fine" and "fee" alone do not say ransom)', () => {
    const lead = 'Harbour Valley Hospital was hit by a ransomware attack on Monday that locked its patient records.';
    expect(claims(`${lead} The regulator later said the fine increased to $1.5 million after the breach.`)).toEqual([]);
    expect(claims(`${lead} After the ransomware attack the hospital costs rose to $2 million.`)).toEqual([]);
  });

  it('a sum the ransom "could be paid in" is still the demand', () => {
    expect(
      claims(
        'Harbour Valley Hospital was hit by ransomware on Monday. The attackers demanded $50,000, which could be paid in bitcoin.',
      ),
    ).toEqual([['demanded', 50000, 'USD']]);
  });

  it('a coin’s price rising is no demand', () => {
    expect(
      claims(
        'Lakeside Clinic was hit by ransomware on Monday and paid 2 bitcoin. The price of one bitcoin has since jumped to $9,000.',
      ),
    ).toEqual([['paid', 2, 'BTC']]);
  });

  it('pressure to pay, told as past, is a demand', () => {
    expect(
      claims('Back in March, intruders pressured Pine Ridge Clinic, a small practice, to pay 12 bitcoin.'),
    ).toEqual([['demanded', 12, 'BTC']]);
  });

  it('"for ransoms of $X to $Y" after a past attack is a demand', () => {
    expect(
      claims(
        'On Tuesday the worm encrypted 9,000 PCs at firms in Chile, holding them for ransoms of $200 to $500 each.',
      ),
    ).toEqual([['demanded', 200, 'USD']]);
  });
});

describe('sums said of ransoms in general or of another case', () => {
  const LEAD = 'Lakeside Clinic was hit by ransomware on Monday.';
  it.each([
    'Police warn that a sum of $9,000 can be demanded to unlock a school’s files.',
    'What the crew asks for varies between 20 and 90 bitcoin.',
    'A poll of clinics found that in 12% of cases the demand topped $3,000.',
    'By comparison, an older strain, Orchid, demanded $20.',
  ])('%s', (body) => expect(claims(`${LEAD} ${body}`)).toEqual([]));

  it('a sum that varied between two figures in one case is still a claim', () => {
    expect(
      claims(
        'The thieves who raided the clinic asked for 100 bitcoin; from single patients they wanted a fee that varied between €40 and €900.',
      ),
    ).toContainEqual(['demanded', 40, 'EUR']);
  });
});

describe('a price list set by conditions', () => {
  it('"If one machine is hit, 1.5 BTC is demanded" states a scheme, not a claim', () => {
    expect(
      claims(
        'Lakeside Clinic was hit by ransomware on Monday. The strain now asks different sums. If one laptop has been infected, 1.5 Bitcoin (BTC), roughly $3,000, is demanded. If more are locked, a total of 9 BTC, or $18,000, is demanded.',
      ),
    ).toEqual([]);
  });

  it('a coin code in brackets before a restatement keeps one claim', () => {
    expect(
      claims(
        'Lakeside Clinic was hit by ransomware on Monday. The hackers demanded 2.5 Bitcoin (BTC), roughly $5,000, from the clinic.',
      ),
    ).toEqual([['demanded', 2.5, 'BTC']]);
  });
});

describe('software asking, in an article that names no victim', () => {
  it.each([
    'A fake flashlight app locked phones of anyone who installed it. The app sought 0.3 Bitcoin per phone.',
    'Last spring a campaign spreading this ransomware variant demanded 0.05 bitcoins per server.',
  ])('%s', (text) => expect(claims(text)).toEqual([]));

  it('the same words with a named victim are a claim', () => {
    expect(
      claims(
        'Lakeside Clinic was hit by ransomware on Monday. The malicious program sought 0.3 Bitcoin from the clinic.',
      ),
    ).toEqual([['demanded', 0.3, 'BTC']]);
  });
});

describe('a campaign’s take', () => {
  it('money deposited into the attack’s wallets, or made by a ransomware group, was paid', () => {
    expect(
      claims(
        'The Quill ransomware locked 40,000 machines last week. Analysts say $60,000 has been deposited in the attackers’ wallets since then.',
      ),
    ).toEqual([['paid', 60000, 'USD']]);
    expect(
      claims(
        'Quill ransomware struck dozens of clinics this month, and its operators have already made $300,000, a tracker shows.',
      ),
    ).toEqual([['paid', 300000, 'USD']]);
  });

  it('"has made" without a ransom word is no ransom; nor is a take held up "for comparison"', () => {
    expect(
      claims(
        'A phishing ring has made an estimated $20 million from fake Bitcoin wallet sites, police said after its servers were hacked.',
      ),
    ).toEqual([]);
    expect(
      claims(
        'Lakeside Clinic was hit by ransomware on Monday. For comparison, the Quill gang demanded $80 from home users.',
      ),
    ).toEqual([]);
  });
});
