// Feast rules (analyze/extract/feasts.ts) against dates looked up in published calendars.
import { describe, expect, it } from 'vitest';
import { parseFeasts } from '../../analyze/extract/feasts.ts';

const day = (rule: string, year: number) => parseFeasts([`${rule} X`])[0]!.day(year);

describe('feasts', () => {
  it('Western Easter and the days counted from it', () => {
    expect(day('E+0', 2024)).toEqual([3, 31]);
    expect(day('E+0', 2025)).toEqual([4, 20]);
    expect(day('E+0', 2019)).toEqual([4, 21]);
    expect(day('E-2', 2026)).toEqual([4, 3]);
    expect(day('E+1', 2023)).toEqual([4, 10]);
  });
  it('the Nth and the last weekday of a month', () => {
    expect(day('4-thu-11', 2023)).toEqual([11, 23]);
    expect(day('4-thu-11', 2024)).toEqual([11, 28]);
    expect(day('L-mon-05', 2024)).toEqual([5, 27]);
    expect(day('L-mon-05', 2025)).toEqual([5, 26]);
    expect(day('1-mon-09', 2024)).toEqual([9, 2]);
    expect(day('3-mon-01', 2026)).toEqual([1, 19]);
  });
  it('fixed dates, and entries of no known shape left out', () => {
    expect(day('07-04', 2030)).toEqual([7, 4]);
    expect(parseFeasts(['Christmas', '5-mon-05 X', '12-25 Christmas Day']).map((f) => f.name)).toEqual([
      'Christmas Day',
    ]);
  });
});
