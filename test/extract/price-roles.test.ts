// The role of a sum (demanded, paid, or no ransom) in phrasings news uses for deadlines, notes, takes and bounties.
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { article, ref } from './helpers.ts';

const LEAD = 'Harbour Valley Hospital was hit by a ransomware attack on Monday that locked its patient records.';
const claims = (body: string, lead = LEAD) =>
  extract(article(lead ? `${lead}\n\n${body}` : body), ref).ransom.map((c) => [c.kind, c.amount, c.currency]);

describe('demands', () => {
  it.each([
    ['The attackers gave the hospital ten days to pay $90,000 for the decryption key.', 90000],
    ['The hospital was told to deposit $45,000 into an online wallet to recover its files.', 45000],
    ['The hospital was ordered to send $12,500 within a week.', 12500],
    ['In their note the hackers wrote that they would also accept $70,000 paid in vouchers.', 70000],
    ['The crooks tried to shake the hospital down for $400,000.', 400000],
    ['The hospital was asked to pay $17,500 to regain access.', 17500],
    ['The intruders charged the hospital $8,000 for the decryption key.', 8000],
    ['The gang is holding the scans hostage for $45,000.', 45000],
    ['The group threatened to leak the scans unless the hospital paid $110,000.', 110000],
    ['The attackers asked the hospital for 15 bitcoins.', 15],
    ['The attackers offered to unlock the files for $5,000.', 5000],
    ['The intruders threatened to wipe the scans if the hospital did not pay $6,000 within two days.', 6000],
    ['The hospital has 72 hours to pay $9,500 or lose its data.', 9500],
    ['To get its files back, the hospital has to pay 3 bitcoins.', 3],
    ['The attackers were demanding a payment of 50 BTC, roughly $30,000.', 50],
    ['The hospital refused to pay the $20,000.', 20000],
    ['The hackers asked $21,000 to restore the files.', 21000],
  ])('%s', (body, amount) => expect(claims(body).map((c) => c.slice(0, 2))).toEqual([['demanded', amount]]));

  it('sums in yuan and Hong Kong dollars', () => {
    expect(claims('The gang demanded 1.5 million yuan.')).toEqual([['demanded', 1500000, 'CNY']]);
    expect(claims('The gang demanded 2 million Hong Kong dollars.')).toEqual([['demanded', 2000000, 'HKD']]);
  });
});

describe('ransom context', () => {
  it('"bitcoins" alone makes a payment a ransom payment, as "bitcoin" does', () => {
    const lead = 'Northfield Clinic got its scheduling system back on Saturday.';
    expect(claims('The clinic paid $4,000 in bitcoins on Friday to get it back.', lead)).toEqual([
      ['paid', 4000, 'USD'],
    ]);
    expect(claims('The clinic paid 4 bitcoins on Friday to get it back.', lead)).toEqual([['paid', 4, 'BTC']]);
  });
});

describe('payments', () => {
  it.each([
    ['The hospital forked over $12,000 to get its files back.', 12000],
    ['The hospital made a $26,000 payment to the attackers.', 26000],
    ['Staff handed $9,500 to the attackers through a broker.', 9500],
    ['The town council voted to pay the $600,000 ransom.', 600000],
  ])('%s', (body, amount) => expect(claims(body)).toEqual([['paid', amount, 'USD']]));

  it('a fee for a ransomware kit is no payment by a victim', () => {
    expect(claims('The $200 fee for the kit is a one-time upfront payment, the researchers said.')).toEqual([]);
  });

  it('the ransom named as the subject of the sum is the sum asked', () => {
    expect(claims('The ransom amount was $3,900.')).toEqual([['demanded', 3900, 'USD']]);
  });

  it('money spent on recovery is not the ransom', () => {
    expect(
      claims('The attackers demanded $70,000, but the hospital shelled out $3.1 million on recovery contracts.'),
    ).toEqual([['demanded', 70000, 'USD']]);
    expect(claims('The county shelled out $800,000 on new hardware after the attack.')).toEqual([]);
  });

  it('a batch of payments made totalling a sum', () => {
    expect(claims('By Friday, 40 payments had been made totalling 11.5 BTC.')).toEqual([['paid', 11.5, 'BTC']]);
  });
});

describe('not a ransom', () => {
  it('money moved out of the gang’s wallets is no price', () => {
    expect(
      claims(
        'Two weeks later the criminals made withdrawals of 12 bitcoin from the wallets that held the extorted funds.',
      ),
    ).toEqual([]);
  });

  it('a cue before "but" does not reach into the next clause', () => {
    expect(
      claims('The gang demanded $60,000, but the hospital ended up spending $1.9 million on new servers.'),
    ).toEqual([['demanded', 60000, 'USD']]);
  });

  it('a reward for reporting flaws is a bounty', () => {
    expect(claims('A researcher was paid $25,000 for reporting the flaw in the hospital’s portal.')).toEqual([]);
  });

  it('“stolen” before a noun other than money does not make the sum a theft', () => {
    expect(
      claims('The hackers hold a trove of stolen records and are trying to shake the hospital down for $150,000.'),
    ).toEqual([['demanded', 150000, 'USD']]);
  });
});

describe('general statements', () => {
  it.each([
    'Most forms of ransomware ask for a payment of $400 to $900.',
    'Before bitcoin soared, 0.5 bitcoin was a common ransom demand.',
    'Over half of the firms surveyed said they had paid more than $20,000 in ransom.',
    'About 30% said they had paid over $50,000.',
    'Once infected, victims are asked to install a browser and pay a ransom of 2 bitcoin.',
    'Criminals collected an estimated $30 million in ransoms over two years, researchers found.',
    'Ransom demands ranged from $400 to $1,200 last quarter.',
    'Attacks of this kind often demand between $600 and $2,500.',
    'Ransom demands have grown, with some gangs asking for $2 million or more.',
    'Businesses paid more than $12 million in ransom, according to the study.',
    'Ransomware operators raked in $30 million over the past three years.',
    'In 2019 alone, companies paid an estimated $4 billion to extortion gangs.',
  ])('%s', (body) => expect(claims(body)).toEqual([]));

  it('a count of victims who paid a campaign’s demand is specific', () => {
    expect(
      claims('Tracking data shows that 212 victims paid the $300 ransom demanded by the worm.', ''),
    ).toContainEqual(['paid', 300, 'USD']);
  });
});

describe('sums kept in articles that name no incident victim', () => {
  it.each([
    ['The worm had brought in about $31,000 in ransom payments by Sunday.', ['paid', 31000, 'USD']],
    ['An intruder was wiping exposed databases and leaving a ransom note demanding 0.3 BTC.', ['demanded', 0.3, 'BTC']],
    [
      'The county was the victim of a cyberattack that froze its computers with a ransom of $80,000.',
      ['demanded', 80000, 'USD'],
    ],
  ])('%s', (body, want) => expect(claims(body, '')).toContainEqual(want));
});
