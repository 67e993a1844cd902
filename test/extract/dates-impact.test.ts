import { describe, it, expect } from 'vitest';
import { findRecords, findDowntime } from '../../analyze/extract/impact.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { ref } from './helpers.ts';

// date mentions and the attack date: test/extract/dates.test.ts

const records = (s: string, victims: string[][] = []) =>
  findRecords(s, sentences(s), ref.lists, victims)?.count ?? null;
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
    expect(records('The clinic chain has more than 4,000 employees and its data was stolen.')).toBeNull();
    expect(records('The region, home to 300,000 people, saw its health data leaked.')).toBeNull();
    expect(records('Stolen data was dumped online; the portal serves 20,000 users daily.')).toBeNull();
    expect(records('Its SARS-19 files were leaked.')).toBeNull();
    expect(records('A 2.5 TB archive of patient data was leaked.')).toBeNull();
  });
  it.each([
    // noun classes beyond "patients": nationalities, women, participants, other languages
    ['Nearly 3.1 million Canadians had their health data stolen.', 3100000],
    ['The leaked files concern 72,000 women screened for cancer.', 72000],
    ['Los datos de 3 millones de afiliados fueron robados.', 3000000],
    ['Die Daten von 120.000 Patienten wurden gestohlen.', 120000],
    ['De gegevens van 42.000 deelnemers zijn gelekt.', 42000],
    // a figure in brackets is the exact one; a count with modifiers before its noun
    ['Data of almost half a million (486,200) members was exposed.', 486200],
    ['The gang claims to hold 2.2 million "Medicaid health" records.', 2200000],
  ])('%s', (s, n) => expect(records(s)).toBe(n));
  it('takes the most precise restatement and a later correction', () => {
    expect(
      records('About 4 million patients were affected. The insurer told regulators 3,987,114 people were notified.'),
    ).toBe(3987114);
    const later =
      'The lab initially said 300,000 patients were affected.' + ' Later it found data of 612,000 patients was taken.';
    expect(records(later)).toBe(612000);
    expect(
      records('The firm initially reported 1,312,000 people affected, but later put the actual number at 900,000.'),
    ).toBe(900000);
  });
  it('leaves out statistics, other cases and roundups', () => {
    expect(
      records('In 2021 there were 640 breaches reported to regulators, affecting 41 million patients.'),
    ).toBeNull();
    expect(
      records('The clinic was hit on Monday. In an earlier attack, data of 9,000 patients was stolen.'),
    ).toBeNull();
    const list = [
      '- Alder Clinic notified 3,200 patients their data was exposed.',
      '- Birch Hospital said data of 14,500 patients was stolen.',
      '- Cedar Health said records of 800 people leaked.',
    ].join('\n');
    expect(records(list)).toBeNull();
    const led =
      'Alder Clinic said data of 3,200 patients was stolen.\n' +
      'Birch Hospital also notified 90,000 members that records leaked.';
    expect(records(led, [['Alder Clinic'], ['Birch Hospital']])).toBe(3200);
    expect(records(led.split('\n').reverse().join('\n'), [['Alder Clinic'], ['Birch Hospital']])).toBe(3200);
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
    ['Four days later, the portal remains offline while engineers rebuild it.', 4],
  ])('%s', (s, n) => expect(downtime(s)).toBe(n));
  it('takes the longest outage and ignores unrelated durations', () => {
    expect(downtime('Systems were down for three days. Some wards ran on paper for two weeks.')).toBe(14);
    expect(downtime('Hospitals have been told for two years to improve security.')).toBeNull();
    expect(downtime('The company was contacted a week after it detected the attack.')).toBeNull();
  });
});
