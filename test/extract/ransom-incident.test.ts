// Ransom incidents versus ransomware described in general; the CASIE ransom-event view of an extraction; sums and
// names that earlier passes misread (".8 bitcoins", alternatives in one currency, coordinated names, malware names).
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { ransomIncident } from '../../analyze/extract/attack-types.ts';
import { findMoney } from '../../analyze/extract/money.ts';
import { ransomView } from '../../bench/quality/score-casie.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { article, ref } from './helpers.ts';

const told = (text: string) => ransomIncident(sentences(text));
const run = (text: string) => extract(article(text), ref);

describe('ransom incident or ransomware in general', () => {
  it.each([
    'Mecklenburg County was hit by ransomware on Tuesday.',
    'The intruders encrypted the county’s servers and demanded two bitcoins.',
    'OakBend Medical Center is restoring systems after a ransomware attack last Thursday.',
    'The Hive ransomware gang has claimed an attack on the hospital operator.',
    'In a statement, the insurer said the group wanted to negotiate over the stolen data.',
  ])('incident: %s', (s) => expect(told(s)).toBe(true));

  it.each([
    'Locky asks victims for 0.5 BTC to unlock their files.',
    'Ransomware encrypts files and demands payment in bitcoin.',
    'If you are hit by ransomware, never pay the ransom.',
    'The average ransom paid by victims reached $1.5 million last quarter.',
  ])('no incident: %s', (s) => expect(told(s)).toBe(false));

  it('an article describing a strain has no ransom claim and no attack type', () => {
    const x = run(
      'A new ransomware strain called Fenrir asks for 0.3 bitcoins. The ransom note demands payment within 72 hours.',
    );
    expect(x.ransom).toEqual([]);
    expect(x.attack_types).toEqual([]);
  });

  it('a demand told as a past event is kept with no named victim', () => {
    const x = run('The attacker demanded the ticket seller pay 1 bitcoin to fix the flaw.');
    expect(x.ransom.map((c) => [c.kind, c.amount, c.currency])).toEqual([['demanded', 1, 'BTC']]);
    expect(x.payment_method).toBe('bitcoin');
    expect(x.attack_types).toContain('extortion');
  });
});

describe('CASIE ransom-event view', () => {
  it('victims and payment count only when the extraction reports a ransom incident', () => {
    const breach = run('Hackers breached Acme Logistics Inc. and stole customer records, the company said on Monday.');
    expect(breach.victims.length).toBeGreaterThan(0);
    expect(ransomView(breach).victims).toEqual([]);
    const hit = run('Acme Logistics Inc. was hit by ransomware on Monday and paid the hackers 2 bitcoins.');
    expect(ransomView(hit).victims.map((v) => v.name)).toEqual(['Acme Logistics Inc.']);
  });
});

describe('sums', () => {
  it('".8 bitcoins" is 0.8', () => {
    expect(findMoney('Send .8 bitcoins for each computer.', ref.currencies)[0]).toMatchObject({
      amount: 0.8,
      currency: 'BTC',
    });
  });

  it('an alternative in the same currency is a second claim, a restatement is not', () => {
    const x = run(
      'Acme Logistics Inc. was hit by ransomware. The hackers demanded $75,000 in Bitcoin or $100,000 in iTunes gift cards.',
    );
    expect(x.ransom.map((c) => c.amount)).toEqual([75000, 100000]);
    const y = run(
      'Acme Logistics Inc. was hit by ransomware. The firm paid US$300,000, which worked out to roughly $405,000 at the time.',
    );
    expect(y.ransom.map((c) => c.amount)).toEqual([300000]);
  });
});

describe('victim names', () => {
  it('two organisations joined by "and" are two victims', () => {
    const x = run(
      'Lakeside Spine Clinic and Marin Healthcare District were attacked by ransomware last week. Lakeside Spine Clinic and Marin Healthcare District said care continued.',
    );
    expect(x.victims.map((v) => v.name).sort()).toEqual(['Lakeside Spine Clinic', 'Marin Healthcare District']);
  });

  it('"Health and Human Services" stays one name', () => {
    const x = run('Hackers breached the Texas Health and Human Services Commission, officials said on Monday.');
    expect(x.victims.map((v) => v.name)).toContain('Texas Health and Human Services Commission');
  });

  it('a malware family and a person’s title are not part of a victim', () => {
    const x = run(
      'A ransomware known as Bad Rabbit hit Hancock Health on Thursday. Hancock Health CEO Steve Long said the hospital paid.',
    );
    const names = x.victims.map((v) => v.name);
    expect(names).toEqual(['Hancock Health']);
  });

  it('a company named after "extort money from" is a victim', () => {
    const x = run('Hackers tried to extort money from Disney by threatening to leak a film, the company said.');
    expect(x.victims.map((v) => v.name)).toEqual(['Disney']);
  });
});
