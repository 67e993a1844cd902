import { describe, expect, it } from 'vitest';
import { isoWeekOf, latestCompleteWeek, monthRange, shiftPeriod, weekRange } from '../../reports/weekly/index.ts';

describe('isoWeekOf', () => {
  it.each([
    ['2022-11-21', '2022-W47'],
    ['2022-11-27', '2022-W47'],
    ['2022-11-28', '2022-W48'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2023-01-01', '2022-W52'],
    ['2022-11-27T23:59:59Z', '2022-W47'],
  ])('%s → %s', (date, week) => expect(isoWeekOf(date)).toBe(week));

  it('accepts a Date and reads it in UTC', () => {
    expect(isoWeekOf(new Date(Date.UTC(2022, 10, 27, 23, 30)))).toBe('2022-W47');
  });
});

describe('weekRange', () => {
  it('is Monday to Sunday', () => {
    expect(weekRange('2022-W47')).toEqual({ start: '2022-11-21', end: '2022-11-27' });
    expect(weekRange('2020-W53')).toEqual({ start: '2020-12-28', end: '2021-01-03' });
    expect(weekRange('2025-W01')).toEqual({ start: '2024-12-30', end: '2025-01-05' });
  });

  it('rejects malformed and non-existent weeks', () => {
    expect(() => weekRange('2022-47')).toThrow();
    expect(() => weekRange('2022-W53')).toThrow(/no such ISO week/);
    expect(() => weekRange('2022-W00')).toThrow();
  });
});

describe('periods', () => {
  it('shifts weeks and months across year ends', () => {
    expect(shiftPeriod({ kind: 'week', id: '2023-W01' }, -1).id).toBe('2022-W52');
    expect(shiftPeriod({ kind: 'week', id: '2020-W53' }, 1).id).toBe('2021-W01');
    expect(shiftPeriod({ kind: 'month', id: '2023-01' }, -2).id).toBe('2022-11');
    expect(monthRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(() => monthRange('2024-13')).toThrow();
  });
});

describe('latestCompleteWeek', () => {
  it('uses now when given: a week is complete once its Sunday is over', () => {
    expect(latestCompleteWeek([], '2022-11-28T00:00:00Z')).toBe('2022-W47');
    expect(latestCompleteWeek([], '2022-11-27T23:59:00Z')).toBe('2022-W46');
    expect(latestCompleteWeek(['2022-11-30'], '2022-11-30T12:00:00Z')).toBe('2022-W47');
  });

  it('without now, the latest date closes its week only on a Sunday', () => {
    expect(latestCompleteWeek(['2022-11-01', '2022-11-27'])).toBe('2022-W47');
    expect(latestCompleteWeek(['2022-11-26', '2022-11-02'])).toBe('2022-W46');
    expect(latestCompleteWeek(['2022-11-26T10:00:00Z'])).toBe('2022-W46');
    expect(latestCompleteWeek([])).toBeNull();
  });
});

describe('quarters and --from/--to spans', () => {
  it('has calendar quarters and steps by three months', async () => {
    const { quarterRange, spanRange, shiftPeriod: shift, periodRange } = await import('../../reports/weekly/period.ts');
    expect(quarterRange('2022-Q4')).toEqual({ start: '2022-10-01', end: '2022-12-31' });
    expect(quarterRange('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(shift({ kind: 'quarter', id: '2022-Q1' }, -1)).toEqual({ kind: 'quarter', id: '2021-Q4' });
    expect(shift({ kind: 'quarter', id: '2022-Q4' }, 1)).toEqual({ kind: 'quarter', id: '2023-Q1' });
    expect(() => quarterRange('2022-Q5')).toThrow();
    // a span is preceded by a span of the same length
    expect(spanRange('2022-10-01..2022-10-10')).toEqual({ start: '2022-10-01', end: '2022-10-10' });
    expect(shift({ kind: 'range', id: '2022-10-01..2022-10-10' }, -1)).toEqual({
      kind: 'range',
      id: '2022-09-21..2022-09-30',
    });
    expect(() => periodRange({ kind: 'range', id: '2022-02-30..2022-03-01' })).toThrow();
    expect(() => periodRange({ kind: 'range', id: '2022-03-02..2022-03-01' })).toThrow();
  });
});
