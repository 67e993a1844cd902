import { describe, it, expect } from 'vitest';
import { findMoney } from '../../analyze/extract/money.ts';
import { parseFigure } from '../../analyze/extract/numbers.ts';
import { ref } from './helpers.ts';

const one = (s: string) => {
  const m = findMoney(s, ref.currencies);
  expect(m).toHaveLength(1);
  return m[0]!;
};

describe('money forms', () => {
  it.each([
    ['Rs 200 crore', 2e9, 'INR'],
    ['Rs. 50 lakh', 5e6, 'INR'],
    ['₹1.5 crore', 1.5e7, 'INR'],
    ['Rs 1,50,00,000', 1.5e7, 'INR'],
    ['INR 2 crore', 2e7, 'INR'],
    ['Rs 200-crore', 2e9, 'INR'],
    ['$10 million', 1e7, 'USD'],
    ['$10M', 1e7, 'USD'],
    ['US$10 million', 1e7, 'USD'],
    ['USD 5,000', 5000, 'USD'],
    ['$4.5m', 4.5e6, 'USD'],
    ['$1.2bn', 1.2e9, 'USD'],
    ['$300k', 3e5, 'USD'],
    ['$1 billion', 1e9, 'USD'],
    ['€500,000', 5e5, 'EUR'],
    ['€1,5 Mio.', 1.5e6, 'EUR'],
    ['1.000.000 euros', 1e6, 'EUR'],
    ['€1.500', 1500, 'EUR'],
    ['£2.3 million', 2.3e6, 'GBP'],
    ['A$5 million', 5e6, 'AUD'],
    ['C$2 million', 2e6, 'CAD'],
    ['¥100 million', 1e8, 'JPY'],
    ['75 BTC', 75, 'BTC'],
    ['40 bitcoin', 40, 'BTC'],
    ['2 bitcoins', 2, 'BTC'],
    ['500 Monero', 500, 'XMR'],
    ['100 XMR', 100, 'XMR'],
    ['30 ether', 30, 'ETH'],
    ['10 ETH', 10, 'ETH'],
    ['5 million rupees', 5e6, 'INR'],
  ])('%s', (s, amount, currency) => {
    const m = one(`They asked for ${s} on Monday.`);
    expect(m.amount).toBe(amount);
    expect(m.currency).toBe(currency);
    expect(m.as_written).toBe(s);
  });

  it('takes the lower bound of a range and keeps the range text', () => {
    const m = one('a demand of Rs 3-4 crore was made');
    expect(m.amount).toBe(3e7);
    expect(m.as_written).toBe('Rs 3-4 crore');
  });

  it('reads "between A and B" as one range: the lower bound, the range as written', () => {
    const m = one('the fee the clinic was asked for lay between €900 and €40,000 in all');
    expect([m.amount, m.currency, m.as_written]).toEqual([900, 'EUR', '€900 and €40,000']);
    // two sums joined by "and" without "between" stay two, as do two currencies
    expect(findMoney('they demanded $300 and later took $600', ref.currencies)).toHaveLength(2);
    expect(findMoney('between $300 and £600', ref.currencies)).toHaveLength(2);
  });

  it('skips unknown currencies with a reason instead of crashing', () => {
    const m = one('they wanted 5 million dinars');
    expect(m.currency).toBeNull();
    expect(m.skip).toBe('unknown_currency');
  });

  it('parses Indian and European grouping', () => {
    expect(parseFigure('1,50,00,000')).toBe(15000000);
    expect(parseFigure('1.000.000')).toBe(1000000);
    expect(parseFigure('623,774')).toBe(623774);
    expect(parseFigure('1,5')).toBe(1.5);
    expect(parseFigure('2.5')).toBe(2.5);
  });
});
