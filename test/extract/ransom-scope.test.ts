// Sums of another case told as background, asking prices for stolen data, payments for recovery, threats under a
// condition, and sums written in words or in other languages.
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { findMoney } from '../../analyze/extract/money.ts';
import { article, ref } from './helpers.ts';

const LEAD = 'Riverbend Medical Centre was hit by a ransomware attack on Monday that locked its patient records.';
const claims = (body: string, lead = LEAD, published?: string) =>
  extract(article(lead ? `${lead}\n\n${body}` : body, published), ref).ransom.map((c) => [
    c.kind,
    c.amount,
    c.currency,
  ]);
const money = (s: string) => findMoney(s, ref.currencies).map((m) => [m.amount, m.currency]);

describe('another case told as background', () => {
  it('a turn to a similar case elsewhere carries to the rest of its paragraph', () => {
    expect(
      claims(
        'A similar case came to light at a dental chain last month. ' + 'Its owners got a note asking for $9,000.',
      ),
    ).toEqual([]);
  });

  it('an earlier attack on the same victim', () => {
    expect(claims('The clinic is said to have paid $800,000 to end an earlier attack.')).toEqual([]);
  });

  it('a payment in an earlier year', () => {
    expect(
      claims('In 2016, a hospital in the north paid $17,000 to get its files back.', LEAD, '2023-04-02T00:00:00Z'),
    ).toEqual([]);
  });

  it('another organisation named as the payer', () => {
    const body =
      'Lakeshore Presbyterian in March was forced to pay $22,000 after the intruders first demanded ' + '$1.2 million.';
    expect(claims(body)).toEqual([]);
  });

  it('another organisation as the payer after a time phrase', () => {
    expect(claims('Last year, Lakeshore Presbyterian was forced to pay $22,000 to regain its files.')).toEqual([]);
  });

  it("the group's other attacks", () => {
    expect(claims('The same gang was also behind a hit on a county water utility that paid $300,000.')).toEqual([]);
  });

  it('the victim itself as the payer stays', () => {
    expect(claims('Riverbend Medical Centre was forced to pay $22,000 to the intruders.')).toEqual([
      ['paid', 22000, 'USD'],
    ]);
  });
});

describe('totals, records, fees and offers', () => {
  it.each([
    ['The gang has collected $90 million from more than 300 victims since its launch.'],
    ['The largest ransom ever paid was $40 million, by an insurer.'],
    ['The hospital made a counter-offer of $50,000.'],
    ['The board offered $75,000 instead.'],
    ['A leak site of the group charges visitors a $20 fee for each download.'],
    ['The attack came with a price tag of $2 million in recovery work.'],
  ])('%s', (body) => expect(claims(body)).toEqual([]));

  it('a demand from another organisation named after the sum', () => {
    expect(claims('The same crew once demanded $4.5 million from Northgate Pipeline.')).toEqual([]);
  });

  it('another story told in a roundup', () => {
    expect(claims('In related news, a city police force chose not to pay a $4,000 ransom.')).toEqual([]);
  });
});

describe('asking prices for stolen data', () => {
  it.each([
    ['The stolen patient database was listed for sale at $40,000 on a hacking forum.', 40000],
    ['The gang is threatening to sell the stolen records for 20 bitcoins.', 20],
    ['On the dark web the records are advertised for $250.', 250],
    ['The gang is auctioning the stolen patient files with a starting bid of $70,000.', 70000],
  ])('%s', (body, amount) => expect(claims(body).map((c) => c.slice(0, 2))).toEqual([['demanded', amount]]));

  it('a ransomware kit on sale is no demand', () => {
    expect(claims('The ransomware itself is on sale on a dark web market, starting at $120.')).toEqual([]);
  });
});

describe('payments that are no ransom', () => {
  it('paid to a recovery firm', () => {
    expect(claims('The trust paid $300,000 ($410,000 Canadian) to a forensic firm to rebuild its servers.')).toEqual(
      [],
    );
  });
});

describe('threats under a condition', () => {
  it('"unless a ransom was paid" states the demand', () => {
    expect(claims('The hackers threatened to publish the scans unless a $4 million ransom was paid.')).toEqual([
      ['demanded', 4000000, 'USD'],
    ]);
  });

  it('"if the chain doesn\'t fork over" states the demand', () => {
    expect(
      claims(
        'The group is threatening to leak the files if the pharmacy chain doesn’t fork over ' +
          'USD$12 million by Friday.',
        '',
      ),
    ).toEqual([['demanded', 12000000, 'USD']]);
  });

  it('a gang (not a strain) that "takes credit and demands"', () => {
    expect(claims('The Nightjar ransomware group takes credit and demands a $3 million ransom.')).toEqual([
      ['demanded', 3000000, 'USD'],
    ]);
  });
});

describe('the demand paid', () => {
  it('"met the gang\'s demand of"', () => {
    expect(claims('After two weeks the trust met the gang’s demand of $180,000.')).toEqual([['paid', 180000, 'USD']]);
  });
});

describe('disputed', () => {
  it('a figure its own sentence calls unconfirmed', () => {
    const body = 'A ransom of $8 million, quoted on social media, has not been confirmed.';
    const c = extract(article(`${LEAD}\n\n${body}`), ref).ransom;
    expect(c.map((x) => [x.amount, x.disputed])).toEqual([[8000000, true]]);
  });

  it('"did not pay" by the victim disputes a claimed payment, but not under a condition', () => {
    const paid = (body: string) => extract(article(`${LEAD}\n\n${body}`), ref).ransom.map((x) => [x.kind, x.disputed]);
    expect(paid('The gang says it was paid $60,000. The clinic said it did not pay the hackers.')).toEqual([
      ['paid', true],
    ]);
    expect(paid('The clinic paid $60,000 after the gang threatened to leak files if the clinic did not pay.')).toEqual([
      ['paid', false],
    ]);
  });

  it('a figure that could not be verified', () => {
    const body = 'The $2 million demand reported online could not be independently verified.';
    const c = extract(article(`${LEAD}\n\n${body}`), ref).ransom;
    expect(c.map((x) => [x.amount, x.disputed])).toEqual([[2000000, true]]);
  });

  it('a denial of paying leaves the demand undisputed', () => {
    const body =
      'The gang demanded $90,000 and later said it was paid. ' + 'The council has denied paying any ransom money.';
    const c = extract(article(`${LEAD}\n\n${body}`), ref).ransom;
    expect(c.find((x) => x.kind === 'demanded')?.disputed).toBe(false);
  });
});

describe('money written in words and other languages', () => {
  it.each([
    ['were hoping to make 40-thousand-dollars', [[40000, 'USD']]],
    ['a demand of two million dollars', [[2000000, 'USD']]],
    ['une rançon de deux millions d’euros', [[2000000, 'EUR']]],
    ['un rescate de cinco millones de pesos', [[5000000, 'MXN']]],
    ['por solo $20,000 pesos', [[20000, 'MXN']]],
    ['the $500 bitcoin ransom', [[500, 'USD']]],
    ['half a million dollars', [[500000, 'USD']]],
    ['1,5 millones de euros', [[1500000, 'EUR']]],
    ['50.000 dólares', [[50000, 'USD']]],
    ['1.500 BTC', [[1.5, 'BTC']]],
  ])('%s', (s, want) => expect(money(s)).toEqual(want));

  it('a French demand', () => {
    const text =
      'Les pirates ont chiffré les serveurs de l’hôpital. ' +
      'Une rançon de deux millions d’euros était demandée par les pirates.';
    expect(claims(text, '')).toEqual([['demanded', 2000000, 'EUR']]);
  });

  it('a German note with its euro value is one demand', () => {
    const text =
      'Die Täter verschlüsselten die Server des Klinikums. ' +
      'In einer Nachricht werden 4 Bitcoins im Gegenwert von rund 80.000 Euro gefordert.';
    expect(claims(text, '')).toEqual([['demanded', 4, 'BTC']]);
  });
});
