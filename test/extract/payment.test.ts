// payment_method: the currency or method the ransom is to be paid in, read beside a claimed sum first.
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { article, ref } from './helpers.ts';

const LEAD = 'Riverbend Clinic was hit by a ransomware attack on Monday that locked its scheduling system.';
const method = (body: string) => extract(article(`${LEAD}\n\n${body}`), ref).payment_method;

describe('payment method', () => {
  it('the method printed after a claimed sum, even when the sentence also tells of a hypothetical cost', () => {
    expect(
      method('The clinic opted to pay $18,000 in bitcoin since rebuilding the servers would have cost far more.'),
    ).toBe('bitcoin');
  });

  it('the first alternative of a demand in two methods', () => {
    expect(method('The extortionists are asking for either $40,000 in Monero or $60,000 in Amazon gift cards.')).toBe(
      'monero',
    );
  });

  it('a coin after "the cryptocurrency"', () => {
    expect(method('The gang gave the clinic five days to pay $20,000 in the cryptocurrency bitcoin.')).toBe('bitcoin');
  });

  it.each([
    ['The criminals demanded a $500 ransom paid via Paysafecard vouchers.', 'paysafecard'],
    ['The criminals demanded a $500 ransom, to be paid with Ukash codes.', 'ukash'],
    ['The attackers demanded that $9,000 be sent by Western Union to an account abroad.', 'western union'],
    ['The clinic paid the $7,500 ransom by wire transfer on Friday.', 'wire transfer'],
  ])('prepaid and transfer methods: %s', (body, want) => expect(method(body)).toBe(want));

  it.each([
    ['The ransom was payable in Bitcoin only.', 'bitcoin'],
    ['The hackers wanted the money in Monero.', 'monero'],
    ['The criminals requested the payment via bitcoin.', 'bitcoin'],
  ])('a method in a sentence about the ransom without a figure: %s', (body, want) => expect(method(body)).toBe(want));

  it('no method named: null', () => {
    expect(method('The criminals demanded $12,000 to unlock the files.')).toBeNull();
  });
});
