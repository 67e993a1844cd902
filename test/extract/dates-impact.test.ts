import { describe, it, expect } from 'vitest';
import { findDates, attackDate } from '../../analyze/extract/dates.ts';
import { findRecords, findDowntime } from '../../analyze/extract/impact.ts';
import { sentences } from '../../analyze/extract/text.ts';

const PUB = '2022-11-28T10:40:00+05:30'; // a Monday
const date = (s: string, pub = PUB) => findDates(s, pub).map((d) => d.date);
const attack = (s: string, pub = PUB) => attackDate(s, sentences(s), pub)?.date ?? null;

describe('dates', () => {
  it('resolves weekdays to the most recent one on or before publication', () => {
    expect(date('on Wednesday')).toEqual(['2022-11-23']);
    expect(date('on Monday')).toEqual(['2022-11-28']);
    expect(date('last Sunday')).toEqual(['2022-11-27']);
  });
  it('reads day-month and month-day forms, with and without year', () => {
    expect(date('November 23')).toEqual(['2022-11-23']);
    expect(date('23 November 2022')).toEqual(['2022-11-23']);
    expect(date('Monday 14 November')).toEqual(['2022-11-14']);
    expect(date('Aug. 29')).toEqual(['2022-08-29']);
    expect(date('the night of 20-21 August')).toEqual(['2022-08-21']);
    expect(date('December 30', '2023-01-02T00:00:00Z')).toEqual(['2022-12-30']);
  });
  it('relative days', () => {
    expect(date('yesterday')).toEqual(['2022-11-27']);
    expect(date('last week')).toEqual(['2022-11-21']);
  });
  it('picks the attack date, not the date a statement was made', () => {
    expect(attack('The servers went down last Wednesday, November 23. Police said on Monday that the attack was under investigation.')).toBe('2022-11-23');
    expect(attack('The company said on Friday that it was reviewing its backups.')).toBeNull();
    expect(attack('Hackers attacked the hospital on the night of 20-21 August.', '2022-08-26T00:00:00Z')).toBe('2022-08-21');
  });
});

const records = (s: string) => findRecords(s, sentences(s))?.count ?? null;
const downtime = (s: string) => findDowntime(s, sentences(s))?.days ?? null;

describe('records affected', () => {
  it.each([
    ['The database holds the data of 3-4 crore patients.', 30000000],
    ['Attackers stole 1.2 million records.', 1200000],
    ['The breach affected 623,774 patients.', 623774],
    ['Records of 2.1 lakh patients were copied.', 210000],
    ['Data of 30 million to 40 million patients is at risk.', 30000000],
  ])('%s', (s, n) => expect(records(s)).toBe(n));
  it('ignores counts that are not about data', () => {
    expect(records('Around 5,000 computers are being scanned.')).toBeNull();
    expect(records('The hospital treats 600,000 people a year.')).toBeNull();
  });
});

describe('downtime', () => {
  it.each([
    ['Services ran manually for the sixth consecutive day.', 6],
    ['Systems were down for two weeks.', 14],
    ['The network has been offline for nearly two weeks.', 14],
    ['Clinics ran on paper for more than three weeks.', 21],
    ['The portal was unavailable for five days.', 5],
    ['The server stayed down for about a day.', 1],
    ['The hospital remained without its network for a 13th day.', 13],
  ])('%s', (s, n) => expect(downtime(s)).toBe(n));
  it('takes the longest outage and ignores unrelated durations', () => {
    expect(downtime('Systems were down for three days. Some wards ran on paper for two weeks.')).toBe(14);
    expect(downtime('Hospitals have been told for two years to improve security.')).toBeNull();
    expect(downtime('The company was contacted a week after it detected the attack.')).toBeNull();
  });
});
