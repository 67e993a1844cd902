// HHS breach-list cross-check: names (d/b/a, "A / B"), states named in the articles, the date window; and the
// copied reference file itself.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { resolve } from '../../analyze/resolve/resolve.ts';
import {
  filingNames,
  findFiling,
  statesIn,
  type Filing,
  type RegulatorReference,
} from '../../analyze/resolve/regulator.ts';
import { loadRegulatorReference, parseCsv, parseFilings } from '../../analyze/resolve/regulator-data.ts';
import { article, extraction, records, story, victim } from './fixtures.ts';

const REF_DIR = fileURLToPath(new URL('../../data/reference', import.meta.url));
const PLACES = { Texas: 'TX', Louisiana: 'LA', Virginia: 'VA', 'West Virginia': 'WV', Chicago: 'IL', Illinois: 'IL' };

const filing = (name: string, state: string, submitted: string, n = 1000): Filing => ({
  name,
  state,
  entity_type: 'Healthcare Provider',
  individuals_affected: n,
  submitted,
  breach_type: 'Hacking/IT Incident',
});

describe('regulator: matching rules', () => {
  it('reads the several names of a filing', () => {
    expect(
      filingNames('Southwest Louisiana Health Care System, Inc. d/b/a Lake Charles Memorial Health System'),
    ).toEqual(['Southwest Louisiana Health Care System, Inc.', 'Lake Charles Memorial Health System']);
    expect(filingNames('OakBend Medical Center / OakBend Medical Group')).toEqual([
      'OakBend Medical Center',
      'OakBend Medical Group',
    ]);
  });

  it('finds the states an article names, the longer name first', () => {
    expect([...statesIn(['Clinics in West Virginia and Chicago were hit.'], PLACES)].sort()).toEqual(['IL', 'WV']);
    expect([...statesIn(['The Virginian-Pilot reported it.'], PLACES)]).toEqual([]);
  });

  const inc = { victim: 'Pine Hollow Hospital', attack_date: '2022-09-01', first_reported: '2022-09-03' };
  const names = ['Pine Hollow Hospital'];

  it('matches by name within 0–365 days after the attack, and prefers the nearest filing', () => {
    const fs = [
      filing('Pine Hollow Hospital', 'TX', '2021-06-01'),
      filing('Pine Hollow Hospital', 'TX', '2022-10-20', 5),
      filing('Pine Hollow Hospital', 'TX', '2023-08-01', 7),
    ];
    expect(findFiling(inc, names, new Set(['TX']), fs, 0.92)).toEqual({ filing: fs[1], stateMatched: true });
    expect(findFiling(inc, names, new Set(), fs, 0.92)).toEqual({ filing: fs[1], stateMatched: false });
    expect(findFiling(inc, names, new Set(['TX']), [fs[0]], 0.92)).toBeNull();
    expect(
      findFiling(inc, names, new Set(['TX']), [filing('Pine Hollow Hospital', 'TX', '2023-09-15')], 0.92),
    ).toBeNull();
  });

  it('refuses a filing from a state the articles do not name, and a different organisation', () => {
    const fs = [filing('Pine Hollow Hospital', 'OR', '2022-10-20')];
    expect(findFiling(inc, names, new Set(['TX']), fs, 0.92)).toBeNull();
    expect(
      findFiling(inc, names, new Set(['TX']), [filing('Pine Ridge Hospital', 'TX', '2022-10-20')], 0.92),
    ).toBeNull();
    // "contained" names only count with the state confirmed
    const grp = [filing('Pine Hollow Hospital Group Holdings of Texas', 'TX', '2022-10-20')];
    expect(findFiling({ ...inc, victim: 'Pine Hollow' }, ['Pine Hollow'], new Set(), grp, 0.92)).toBeNull();
  });

  it('fills the record through resolve: filing, history entry, confirmed status; non-US incidents untouched', () => {
    const regulator: RegulatorReference = {
      filings: [filing('Pine Hollow Hospital', 'TX', '2022-10-20', 41_000)],
      places: PLACES,
    };
    const docs = [
      article('us', story('Pine Hollow Hospital in Texas'), { published: '2022-09-03T10:00:00Z' }),
      article('in', story('Pine Hollow Hospital in Pune'), { published: '2022-09-03T10:00:00Z' }),
    ];
    const exts = [
      extraction('us', [victim('Pine Hollow Hospital', 'US')], { attack_date: '2022-09-01' }),
      extraction('in', [victim('Pine Hollow Hospital', 'IN')], {
        attack_date: '2022-09-01',
        records_affected: records(5),
      }),
    ];
    const { incidents } = resolve(docs, exts, { regulator });
    const us = incidents.find((i) => i.country === 'US')!;
    expect(us).toMatchObject({
      records_affected: 41_000,
      status: 'confirmed-by-victim',
      regulator_filing: { source: 'HHS OCR', state: 'TX', individuals_affected: 41_000, state_matched: true },
    });
    expect(us.history.records_affected).toEqual([
      expect.objectContaining({ regulator: true, published: '2022-10-20' }),
    ]);
    const other = incidents.find((i) => i.country === 'IN')!;
    expect(other).toMatchObject({ regulator_filing: null, records_affected: 5, status: 'reported' });
    expect(resolve(docs, exts).incidents.every((i) => i.regulator_filing === null)).toBe(true);
  });
});

describe('regulator: the copied HHS list', () => {
  it('parses quoted CSV fields', () => {
    expect(parseCsv('a,"b, ""c""",d\n1,2,3\n')).toEqual([
      ['a', 'b, "c"', 'd'],
      ['1', '2', '3'],
    ]);
    expect(() => parseFilings('name,state\nx,y\n')).toThrow(/columns/);
  });

  it('holds the demo corpus’s real US victims, and nothing for fictional ones', async () => {
    const ref = await loadRegulatorReference(REF_DIR);
    expect(ref.filings.length).toBeGreaterThan(5000);
    const find = (victimName: string, attack: string, states: string[]) =>
      findFiling(
        { victim: victimName, attack_date: attack, first_reported: attack },
        [victimName],
        new Set(states),
        ref.filings,
        0.92,
      );
    expect(find('CommonSpirit Health', '2022-10-02', ['IL'])?.filing).toMatchObject({
      state: 'IL',
      individuals_affected: 623_774,
    });
    expect(find('Lake Charles Memorial Health System', '2022-10-21', ['LA'])?.filing).toMatchObject({
      submitted: '2022-12-22',
      individuals_affected: 269_752,
    });
    expect(find('OakBend Medical Center', '2022-09-01', ['TX'])?.filing).toMatchObject({
      individuals_affected: 500_000,
    });
    expect(find('Prairie Ridge Health', '2022-11-10', ['KS'])).toBeNull();
    expect(find('Riverside Valley Hospital', '2023-03-13', ['WA'])).toBeNull();
  });
});
