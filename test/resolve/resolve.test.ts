import { describe, expect, it } from 'vitest';
import { Incident } from '../../core/records.ts';
import { resolve } from '../../analyze/resolve/resolve.ts';
import { actor, article, claim, extraction, records, story, victim } from './fixtures.ts';

const AIIMS = 'All India Institute of Medical Sciences';

describe('resolve: incidents', () => {
  it('makes two incidents from an article naming two victims, and each links to its own reports', () => {
    const docs = [
      article('both', story('Safdarjung and AIIMS'), { published: '2022-12-05T10:00:00Z' }),
      article('saf', story('Safdarjung Hospital'), { published: '2022-12-02T10:00:00Z' }),
      article('aiims', story('AIIMS New Delhi'), { published: '2022-11-24T10:00:00Z' }),
    ];
    const exts = [
      extraction('both', [victim('Safdarjung Hospital'), victim(AIIMS)], { downtime_days: 13 }),
      extraction('saf', [victim('Safdarjung Hospital')], { downtime_days: 1 }),
      extraction('aiims', [victim(AIIMS)], { attack_date: '2022-11-23', downtime_days: 2 }),
    ];
    const { incidents } = resolve(docs, exts);
    expect(incidents.map((i) => [i.victim, i.sources.map((s) => s.doc_id)])).toEqual([
      [AIIMS, ['aiims', 'both']],
      ['Safdarjung Hospital', ['saf', 'both']],
    ]);
    // The shared downtime of the two-victim article stays in history but decides nothing.
    const saf = incidents[1];
    expect(saf.downtime_days).toBe(1);
    expect(saf.history.downtime_days).toEqual([
      { value: 1, doc_id: 'saf', published: '2022-12-02', outlet: 'news' },
      { value: 13, doc_id: 'both', published: '2022-12-05', outlet: 'news', shared: true },
    ]);
    for (const i of incidents) Incident.parse(i);
  });

  it('merges an acronym with the full name (AIIMS)', () => {
    const docs = [
      article('a', story('AIIMS'), { published: '2022-11-25T10:00:00Z' }),
      article('b', story('the institute'), { published: '2022-11-28T10:00:00Z' }),
    ];
    const exts = [
      extraction('a', [victim('AIIMS')], { attack_date: '2022-11-23' }),
      extraction('b', [victim(AIIMS)], { attack_date: '2022-11-23' }),
    ];
    const { incidents } = resolve(docs, exts);
    expect(incidents).toHaveLength(1);
    expect(incidents[0].victim).toBe(AIIMS); // tie on count: the longer name
    expect(incidents[0].history.victim.map((r) => r.value)).toEqual(['AIIMS', AIIMS]);
  });

  it('keeps differing figures in history with their sources and applies the documented rules', () => {
    const docs = [
      article('d1', story('Alpha Hospital'), { outlet: 'one', published: '2022-11-24T10:00:00Z' }),
      article('d2', story('Alpha Hospital Mumbai'), { outlet: 'two', published: '2022-11-28T10:00:00Z' }),
      article('d3', story('Alpha Hospital in Mumbai'), { outlet: 'three', published: '2022-12-10T10:00:00Z' }),
    ];
    const exts = [
      extraction('d1', [victim('Alpha Hospital', 'IN', 'health-system')], {
        attack_date: '2022-11-22',
        records_affected: records(1000),
        downtime_days: 3,
      }),
      extraction('d2', [victim('Alpha Hospital', 'IN', 'hospital')], {
        attack_date: '2022-11-25',
        records_affected: records(5000),
        downtime_days: 9,
        actors: [actor('LockBit')],
        ransom: [claim({ usd: 2_000_000 }), claim({ usd: 9_000_000, disputed: true })],
      }),
      extraction('d3', [victim('Alpha Hospital', null, 'hospital')], {
        attack_date: '2022-11-21',
        records_affected: records(4000),
        downtime_days: 6,
        attack_types: ['data-breach'],
      }),
    ];
    const [inc] = resolve(docs, exts).incidents;
    expect(inc).toMatchObject({
      country: 'IN',
      sector: 'hospital',
      actor: 'LockBit',
      attack_types: ['ransomware', 'data-breach'],
      first_reported: '2022-11-24',
      attack_date: '2022-11-21',
      records_affected: 4000,
      downtime_days: 9,
      ransom_demanded_usd: 2_000_000,
      ransom_paid_usd: null,
      status: 'claimed-by-group',
    });
    expect(inc.history.records_affected.map((r) => [r.doc_id, r.outlet, (r.value as { count: number }).count])).toEqual(
      [
        ['d1', 'one', 1000],
        ['d2', 'two', 5000],
        ['d3', 'three', 4000],
      ],
    );
    expect(inc.ransom.map((r) => [r.doc_id, r.usd, r.disputed, r.quote])).toEqual([
      ['d2', 2_000_000, false, 'q 2000000'],
      ['d2', 9_000_000, true, 'q 9000000'],
    ]);
  });

  it('is disputed when a demand is denied and none is stated plainly', () => {
    const docs = [article('a', story('Alpha Hospital'))];
    const exts = [extraction('a', [victim('Alpha Hospital')], { ransom: [claim({ usd: 5, disputed: true })] })];
    expect(resolve(docs, exts).incidents[0]).toMatchObject({ status: 'disputed', ransom_demanded_usd: 5 });
  });

  it('makes no incident from irrelevant articles and splits by country and date window', () => {
    const docs = ['x', 'p', 'q', 'r', 's'].map((id) => article(id, story(`story ${id} of its own`)));
    const exts = [
      extraction('x', [victim('Tata Power', 'IN', 'other')], { relevant: false }),
      extraction('p', [victim('Mercy Hospital', 'US')], { attack_date: '2022-01-10' }),
      extraction('q', [victim('Mercy Hospital', 'US')], { attack_date: '2022-06-10' }),
      extraction('r', [victim('Mercy Hospital', 'IE')], { attack_date: '2022-06-12' }),
      extraction('s', [victim('Mercy Hospital', null)], { attack_date: '2022-06-11' }),
    ];
    const { incidents } = resolve(docs, exts);
    expect(incidents.map((i) => [i.country, i.sources.map((x) => x.doc_id).sort()]).sort()).toEqual([
      ['IE', ['r']],
      ['US', ['p']],
      ['US', ['q', 's']],
    ]);
  });

  it('lets the first-named victim of a relevant article stand for it when no victim has a health sector', () => {
    const docs = ['b1', 'b2', 'm'].map((id) => article(id, story(`story ${id} of its own`)));
    const at = (v: ReturnType<typeof victim>, start: number) => ({
      ...v,
      evidence: { quote: '', start, end: start + 5 },
    });
    const exts = [
      extraction('b1', [at(victim('Telco Nine', 'BE', 'other'), 90), at(victim('Brandly', 'BE', 'other'), 10)]),
      extraction('b2', [at(victim('Brandly', 'BE', 'other'), 0)]),
      // beside a health victim, a non-health one still makes nothing
      extraction('m', [victim('Mercy Hospital', 'US'), victim('Telco Nine', 'US', 'other')]),
    ];
    const { incidents } = resolve(docs, exts);
    expect(incidents.map((i) => [i.victim, i.sources.map((x) => x.doc_id).sort()]).sort()).toEqual([
      ['Brandly', ['b1', 'b2']],
      ['Mercy Hospital', ['m']],
    ]);
  });

  it('counts a syndicated copy once, lists it as a source, and marks it in history', () => {
    const docs = [
      article('wire', story('Alpha Hospital'), { outlet: 'wire', published: '2022-11-24T10:00:00Z' }),
      article('copy', `${story('Alpha Hospital')}\n\nFirst published by Wire.`, {
        outlet: 'daily',
        published: '2022-11-25T10:00:00Z',
      }),
      article('own', story('Alpha Hospital in Kochi'), { outlet: 'post', published: '2022-11-26T10:00:00Z' }),
    ];
    const v = victim('Alpha Hospital');
    const exts = [
      extraction('wire', [v], { actors: [actor('Hive')], ransom: [claim({ usd: 7 })] }),
      extraction('copy', [v], { actors: [actor('Hive')], ransom: [claim({ usd: 7 })] }),
      extraction('own', [v], { actors: [actor('LockBit')] }),
    ];
    const { clusters, incidents } = resolve(docs, exts);
    expect(clusters.map((c) => c.doc_ids)).toEqual([['copy', 'wire']]);
    const [inc] = incidents;
    expect(inc.sources.map((x) => x.doc_id)).toEqual(['wire', 'copy', 'own']);
    expect(inc.ransom.map((r) => r.doc_id)).toEqual(['wire']);
    // Hive (one story, two copies) and LockBit (one story) tie: the first named wins, not the copy count.
    expect(inc.actor).toBe('Hive');
    expect(inc.history.actor.find((r) => r.doc_id === 'copy')).toMatchObject({ duplicate_of: 'wire' });
  });

  it('groups the aliases reports wrote under the group they belong to', () => {
    const docs = ['a', 'b', 'c'].map((id, i) =>
      article(id, story('Alpha Hospital'), { outlet: id, published: `2022-11-2${i + 4}T10:00:00Z` }),
    );
    const v = victim('Alpha Hospital');
    const exts = [
      extraction('a', [v], { actors: [{ ...actor('Clop'), family: 'Cl0p' }] }),
      extraction('b', [v], { actors: [{ ...actor('Clop'), family: 'Cl0p' }] }),
      extraction('c', [v], { actors: [actor('Cl0p')] }),
    ];
    const [inc] = resolve(docs, exts).incidents;
    expect(inc.actor).toBe('Cl0p');
    expect(inc.history.actor.map((r) => r.value)).toEqual(['Cl0p', 'Cl0p', 'Cl0p']);
  });

  it('keeps a superseded version in history only; the newer version decides', () => {
    const url = 'https://post.example/news/alpha.html';
    const docs = [
      article('v1', story('Alpha Hospital'), { canonical_url: url, published: '2022-11-28T10:00:00Z' }),
      article('v2', story('Alpha Hospital', 'Police deny any ransom demand.'), {
        canonical_url: url,
        published: '2022-11-28T10:00:00Z',
        modified: '2022-11-29T08:00:00Z',
      }),
    ];
    const exts = [
      extraction('v1', [victim(AIIMS)], { ransom: [claim({ usd: 24_000_000, hedged: true })], downtime_days: 9 }),
      extraction('v2', [victim(AIIMS)], {
        ransom: [claim({ usd: 24_000_000, hedged: true, disputed: true })],
        downtime_days: 6,
      }),
    ];
    const { incidents, clusters } = resolve(docs, exts);
    expect(clusters[0]).toMatchObject({ reason: 'version', superseded: ['v1'], representative: 'v2' });
    const [inc] = incidents;
    expect(inc.sources.map((s) => s.doc_id)).toEqual(['v2']);
    expect(inc).toMatchObject({ downtime_days: 6, status: 'disputed' });
    expect(inc.ransom.map((r) => [r.doc_id, r.disputed])).toEqual([['v2', true]]);
    expect(inc.history.ransom.map((r) => [r.doc_id, r.superseded ?? false])).toEqual([
      ['v1', true],
      ['v2', false],
    ]);
  });
});
