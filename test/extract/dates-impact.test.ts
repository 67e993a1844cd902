import { describe, it, expect } from 'vitest';
import { findRecords, findDowntime } from '../../analyze/extract/impact.ts';
import { sentences } from '../../analyze/extract/text.ts';

// date mentions and the attack date: test/extract/dates.test.ts

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
