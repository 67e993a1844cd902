// Issue 4: money forms not covered in money.test.ts, conversions, scoped denials, neighbouring hedges,
// generic sentences, acronym resolution and tight evidence.
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { findMoney } from '../../analyze/extract/money.ts';
import { article, ref } from './helpers.ts';

const LEAD = 'The servers of the City General Hospital were crippled by a ransomware attack last Wednesday.';
const run = (body: string) => extract(article(`${LEAD}\n\n${body}`), ref);
const ransom = (body: string) => run(body).ransom;

describe('more money forms', () => {
  it.each([
    ['$4.5 mn', 4.5e6, 'USD'],
    ['Rs. 3 crore', 3e7, 'INR'],
    ['₹50 lakh', 5e6, 'INR'],
    ['INR 1,50,00,000', 1.5e7, 'INR'],
    ['$2bn', 2e9, 'USD'],
    ['$750k', 7.5e5, 'USD'],
    ['¥30 million', 3e7, 'JPY'],
    ['€1,5 Mio.', 1.5e6, 'EUR'],
    ['0.2 Bitcoins', 0.2, 'BTC'],
    ['3 BitCoins', 3, 'BTC'],
    ['four bitcoins', 4, 'BTC'],
    ['50 Monero', 50, 'XMR'],
    ['12 ether', 12, 'ETH'],
    ['£1,000', 1000, 'GBP'],
    ['US$5000', 5000, 'USD'],
    ['A$1.2m', 1.2e6, 'AUD'],
    ['C$300,000', 3e5, 'CAD'],
  ])('%s', (s, amount, currency) => {
    const m = findMoney(`The hackers asked for ${s} last week.`, ref.currencies);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ amount, currency, as_written: s });
  });

  it('a range in crore keeps its lower bound', () => {
    const r = ransom('The gang demanded Rs 3-4 crore from the hospital.');
    expect(r[0]).toMatchObject({ amount: 3e7, currency: 'INR', as_written: 'Rs 3-4 crore' });
  });
});

describe('conversions are the same claim', () => {
  it('in brackets, with "currently around"', () => {
    expect(ransom('The attackers demanded 0.2 Bitcoin (currently around $183) to unlock the servers.')).toHaveLength(1);
  });
  it('"worth of Bitcoin (0.18 BTC)"', () => {
    const r = ransom('The attackers demanded $100 worth of Bitcoin (0.18 BTC) from the hospital.');
    expect(r.map((c) => c.currency)).toEqual(['USD']);
  });
  it('in a sentence of its own', () => {
    const r = ransom(
      'The town paid a ransom of $300,000 in bitcoin. The price worked out to roughly $405,000 Canadian at the time.',
    );
    expect(r).toEqual([expect.objectContaining({ kind: 'paid', amount: 300000, currency: 'USD' })]);
  });
  it('the price of one bitcoin is no claim', () => {
    const r = ransom(
      'The price per bitcoin was about $1,100 when the computers were hacked, making the demand about $30,000.',
    );
    expect(r.map((c) => c.amount)).toEqual([30000]);
  });
  it('a bare "in cryptocurrency" demand is a CRYPTO claim', () => {
    const r = ransom(
      'The hackers have allegedly asked for a ransom to be paid in cryptocurrency, people aware of the matter said.',
    );
    expect(r).toEqual([expect.objectContaining({ kind: 'demanded', amount: null, currency: 'CRYPTO', hedged: true })]);
  });
});

describe('denials are scoped to the claim they deny', () => {
  it('in a one-victim article a denial anywhere disputes the demand', () => {
    const r = ransom(
      'The hackers allegedly demanded Rs 200 crore.\n\nThe weather was fine.\n\nUpdate: the police said no ransom had been demanded from the hospital.',
    );
    expect(r[0]!.disputed).toBe(true);
  });
  it('in a round-up, a denial in another paragraph does not dispute', () => {
    const text =
      'CommonSpirit Health was hit by ransomware. Its attackers demanded $4.4 million.\n\n' +
      'Medibank was hit by a cyberattack. Early reports said hackers demanded Rs 200 crore. Police denied that any ransom demand had been received.';
    const r = extract(article(text), ref).ransom;
    expect(r.find((c) => c.currency === 'USD')!.disputed).toBe(false);
    expect(r.find((c) => c.currency === 'INR')!.disputed).toBe(true);
  });
  it('"would neither confirm nor deny the payment" is no denial', () => {
    const r = ransom(
      'The hospital paid $1.5 million, according to a blockchain analytics firm. The hospital would neither confirm nor deny the payment.',
    );
    expect(r[0]).toMatchObject({ kind: 'paid', disputed: false, hedged: true });
  });
  it('a denial of payment does not dispute the demand', () => {
    const r = ransom('The gang demanded $5 million. A hospital spokesperson said no ransom was paid.');
    expect(r[0]).toMatchObject({ kind: 'demanded', disputed: false });
  });
});

describe('hedges and generic sentences', () => {
  it('an anonymous source in the next sentence hedges the claim', () => {
    const r = ransom(
      'The criminals demanded $4.4 million for a decryption tool, the people said. They spoke on condition of anonymity.',
    );
    expect(r[0]!.hedged).toBe(true);
  });
  it('what a malware strain asks of any victim is no incident claim', () => {
    expect(
      ransom('The malware encrypts files and displays a message asking for 222 bitcoins to restore them.'),
    ).toEqual([]);
    expect(ransom('The ransom notes demand $100 worth of Bitcoin from its victims.')).toEqual([]);
  });
  it('a relative clause does not make a specific claim generic', () => {
    const r = ransom(
      'RansomHouse, which typically steals data rather than relying on encryption, listed the hospital on its site and claimed to have asked for 75 BTC.',
    );
    expect(r[0]).toMatchObject({ amount: 75, currency: 'BTC', hedged: true });
  });
});

describe('victims and evidence', () => {
  it('resolves an acronym defined in the article', () => {
    const x = extract(
      article('The Health Service Executive (HSE) was hit by ransomware on Friday. The HSE shut down its IT systems.'),
      ref,
    );
    expect(x.victims.map((v) => v.canonical)).toEqual(['Health Service Executive']);
  });
  it('resolves an acronym to a name the gazetteer does not know', () => {
    const x = extract(
      article(
        'Servers of the Rampur Institute of Medical Sciences (RIMS) were hit by a ransomware attack. RIMS said services ran manually.',
      ),
      ref,
    );
    expect(x.victims.map((v) => v.name)).toContain('Rampur Institute of Medical Sciences');
  });
  it('a past incident named in passing is not a victim', () => {
    const x = extract(
      article(
        'Lakeside General Hospital was hit by ransomware on Monday. The attack recalls the May 2021 attack on the Health Service Executive.',
        '2022-11-28',
      ),
      ref,
    );
    expect(x.victims.map((v) => v.canonical)).toEqual(['Lakeside General Hospital']);
  });
  it('a firm quoted as an expert is not a victim', () => {
    const x = extract(
      article(
        'Lakeside General Hospital was hit by ransomware on Monday. "It was patient work," said a consultant at incident-response firm Northgate Labs.',
      ),
      ref,
    );
    expect(x.victims.map((v) => v.name)).toEqual(['Lakeside General Hospital']);
  });
  it('ransom evidence is a tight span that the offsets point to', () => {
    const a = article(`${LEAD}\n\nA week later, the attackers demanded $5 million from the hospital.`);
    const c = extract(a, ref).ransom[0]!;
    expect(a.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
    expect(c.evidence.quote).toBe('demanded $5 million');
  });
});
