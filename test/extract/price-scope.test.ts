// Which sums are facts of an incident: demands told as going on now, and what a strain's makers ask as a habit
// (sentences written for these tests).
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { article, ref } from './helpers.ts';

const claims = (text: string) => extract(article(text), ref).ransom.map((c) => [c.kind, c.amount, c.currency]);

describe('a demand going on now is kept without a named victim', () => {
  it.each([
    ['Members of a dating site received threatening emails this week. The blackmailers are asking for some $800 (in Bitcoin).', 800, 'USD'],
    ['Police said the laptops were hacked and a demand was made for £90,000.', 90000, 'GBP'],
    ['The crew says it holds millions of logins, and they’re demanding $60,000 in Monero.', 60000, 'USD'],
  ])('%s', (text, amount, currency) => expect(claims(text)).toEqual([['demanded', amount, currency]]));

  it('"willing to accept" is an alternative demand', () => {
    expect(claims('The crew says it holds millions of logins and they’re demanding $60,000 in Monero. They’re also willing to accept $80,000 in gift cards.'))
      .toEqual([['demanded', 60000, 'USD'], ['demanded', 80000, 'USD']]);
  });

  it('a demand after a past event in the same sentence is kept', () => {
    expect(claims('The price per bitcoin was about $900 when the office PCs were hacked, making the demand about $18,000.'))
      .toEqual([['demanded', 18000, 'USD']]);
  });
});

describe('what the makers of a strain ask is no incident fact', () => {
  it.each([
    'Those behind the ransomware demand 2 Dash (shown on the note as $700) as a ransom.',
    'The crooks behind the ransomware are asking for 0.4 Bitcoin (around $400) to decrypt the files.',
    'To remove the infection, the author behind the strain has demanded a ransom of 7 BTC.',
    'The gang behind the new Vortex malware asks $250 in bitcoin for the key.',
  ])('%s', (text) => expect(claims(`Several firms in Spain were hit by the new Vortex ransomware this week. ${text}`)).toEqual([]));

  it('the group behind an attack that demanded a sum is still an incident', () => {
    expect(claims('Lakeside Clinic was hit by ransomware on Monday. The group behind the ransomware demanded $40,000 from the clinic.'))
      .toEqual([['demanded', 40000, 'USD']]);
  });
});

describe('demands raised, pressed, or in the plural', () => {
  it('a sum a demand climbs to is demanded too', () => {
    expect(claims('Lakeside Clinic was hit by ransomware on Monday. The gang asked for $400 in bitcoin. After three days the fee increased to $800.'))
      .toEqual([['demanded', 400, 'USD'], ['demanded', 800, 'USD']]);
    expect(claims('Lakeside Clinic was hit by ransomware on Monday. Its staff must now hand over the ransom — a figure that has climbed to $900 per laptop — or lose the files.'))
      .toEqual([['demanded', 900, 'USD']]);
  });

  it('a coin’s price rising is no demand', () => {
    expect(claims('Lakeside Clinic was hit by ransomware on Monday and paid 2 bitcoin. The price of one bitcoin has since jumped to $9,000.'))
      .toEqual([['paid', 2, 'BTC']]);
  });

  it('pressure to pay, told as past, is a demand', () => {
    expect(claims('Last year, ransomware was used to coerce Pine Ridge Clinic, a practice in Ohio, to pay 12 bitcoin to criminals.'))
      .toEqual([['demanded', 12, 'BTC']]);
  });

  it('"for ransoms of $X to $Y" after a past attack is a demand', () => {
    expect(claims('The worm used in Tuesday’s attack locked 9,000 computers in 40 countries for ransoms of $200 to $500 to restore access.'))
      .toEqual([['demanded', 200, 'USD']]);
  });
});

describe('sums said of ransoms in general or of another case', () => {
  const LEAD = 'Lakeside Clinic was hit by ransomware on Monday.';
  it.each([
    'According to the police, up to $9,000 can be demanded for the decryption of files.',
    'The sum the group asks for varies between 20 and 90 bitcoin.',
    'In 12% of reported cases the demand was above $3,000.',
    'By comparison, the Orchid ransomware demanded only $20.',
  ])('%s', (body) => expect(claims(`${LEAD} ${body}`)).toEqual([]));

  it('a sum that varied between two figures in one case is still a claim', () => {
    expect(claims('The thieves behind the clinic breach asked for 100 bitcoin, and offered patients deletion of their files for a sum that varied between €40 and €900.'))
      .toContainEqual(['demanded', 40, 'EUR']);
  });
});

describe('a price list set by conditions', () => {
  it('"If one machine is hit, 1.5 BTC is demanded" states a scheme, not a claim', () => {
    expect(claims('Lakeside Clinic was hit by ransomware on Monday. The strain now asks different sums. If one laptop has been infected, 1.5 Bitcoin (BTC), roughly $3,000, is demanded. If more are locked, a total of 9 BTC, or $18,000, is demanded.'))
      .toEqual([]);
  });

  it('a coin code in brackets before a restatement keeps one claim', () => {
    expect(claims('Lakeside Clinic was hit by ransomware on Monday. The hackers demanded 2.5 Bitcoin (BTC), roughly $5,000, from the clinic.'))
      .toEqual([['demanded', 2.5, 'BTC']]);
  });
});

describe('software asking, in an article that names no victim', () => {
  it.each([
    'A fake battery app in the store locked phones. The app sought 0.3 Bitcoin, currently worth about $300.',
    'The campaign in which this version was involved demanded a ransom of 0.05 bitcoins and threatened to wipe the files.',
  ])('%s', (text) => expect(claims(text)).toEqual([]));

  it('the same words with a named victim are a claim', () => {
    expect(claims('Lakeside Clinic was hit by ransomware on Monday. The malicious program sought 0.3 Bitcoin from the clinic.'))
      .toEqual([['demanded', 0.3, 'BTC']]);
  });
});

describe('a campaign’s take', () => {
  it('money deposited into the attack’s wallets, or made by a ransomware group, was paid', () => {
    expect(claims('The Quill ransomware locked 40,000 machines last week. So far, roughly $60,000 has been deposited into the bitcoin addresses linked to the attack.'))
      .toEqual([['paid', 60000, 'USD']]);
    expect(claims('A new ransomware strain named Quill hit clinics this month, and the group behind it has already made over $300,000 worth of Bitcoin.'))
      .toEqual([['paid', 300000, 'USD']]);
  });

  it('"has made" without a ransom word is no ransom; nor is a take held up "for comparison"', () => {
    expect(claims('A phishing ring has made an estimated $20 million by luring users to fake Bitcoin wallets, police said after they were hacked.')).toEqual([]);
    expect(claims('Lakeside Clinic was hit by ransomware on Monday. For comparison, the Quill gang demanded only $80 from each home user.')).toEqual([]);
  });
});
