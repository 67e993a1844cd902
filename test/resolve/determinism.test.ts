import { describe, expect, it } from 'vitest';
import { resolve } from '../../analyze/resolve/resolve.ts';
import type { CleanArticle, Extraction } from '../../core/records.ts';
import { actor, article, claim, extraction, records, shuffled, story, victim } from './fixtures.ts';

const AIIMS = 'All India Institute of Medical Sciences';
const url = 'https://post.example/news/aiims.html';

function corpus(): { docs: CleanArticle[]; exts: Extraction[] } {
  const docs = [
    article('a1', story('AIIMS'), { published: '2022-11-24T10:00:00+05:30', outlet: 'dc' }),
    article('a2', story(AIIMS), { published: '2022-11-28T08:30:00-05:00', outlet: 'wire' }),
    article('a3', `${story(AIIMS)}\n\nFirst published by Wire.`, {
      published: '2022-11-29T07:00:00-05:00',
      outlet: 'hcd',
    }),
    article('a4', story(AIIMS), {
      published: '2022-11-29T07:00:00-05:00',
      outlet: 'mirror',
      url: 'https://m.example/a4',
    }),
    article('v1', story('AIIMS servers'), {
      canonical_url: url,
      published: '2022-11-28T10:40:00+05:30',
      outlet: 'imp',
    }),
    article('v2', story('AIIMS servers', 'Police deny it.'), {
      canonical_url: url,
      published: '2022-11-28T10:40:00+05:30',
      modified: '2022-11-29T08:15:00+05:30',
      outlet: 'imp',
    }),
    article('s1', story('Safdarjung and AIIMS'), { published: '2022-12-05T17:30:00+05:30', outlet: 'dc' }),
    article('m1', story('Malabar Heart Institute'), { published: '2022-10-18T14:25:00+05:30', outlet: 'dc' }),
    article('m2', story('Malabar Heart Institute Kochi'), { published: '2022-10-20T11:50:00+05:30', outlet: 'imp' }),
    article('t1', story('Tata Power'), { published: '2022-10-15T12:10:00+05:30', outlet: 'imp' }),
    // An unknown-country report that fits two incidents equally: only a content-based order decides.
    ...['g1', 'g2', 'g3'].map((id) =>
      article(id, story(`Mercy Hospital report ${id}`), { published: '2022-11-12T10:00:00Z' }),
    ),
  ];
  const a = victim(AIIMS);
  const exts = [
    extraction('a1', [victim('AIIMS')], { attack_date: '2022-11-23', downtime_days: 2 }),
    extraction('a2', [a], {
      attack_date: '2022-11-23',
      records_affected: records(30_000_000),
      ransom: [claim({ usd: 24_000_000, hedged: true })],
    }),
    extraction('a3', [a], {
      attack_date: '2022-11-23',
      records_affected: records(30_000_000),
      ransom: [claim({ usd: 24_000_000, hedged: true })],
    }),
    extraction('a4', [a], { attack_date: '2022-11-23', records_affected: records(30_000_000) }),
    extraction('v1', [a], { attack_date: '2022-11-23', ransom: [claim({ usd: 24_000_000, hedged: true })] }),
    extraction('v2', [a], {
      attack_date: '2022-11-23',
      ransom: [claim({ usd: 24_000_000, hedged: true, disputed: true })],
    }),
    extraction('s1', [victim('Safdarjung Hospital'), a], { downtime_days: 13 }),
    extraction('m1', [victim('Malabar Heart Institute')], {
      attack_date: '2022-10-08',
      actors: [actor('Hive')],
      ransom: [claim({ kind: 'paid', usd: 180_000 })],
    }),
    extraction('m2', [victim('Malabar Heart Institute')], { attack_date: '2022-10-08', actors: [actor('Hive')] }),
    extraction('t1', [victim('Tata Power', 'IN', 'other')], { relevant: false }),
    extraction('g1', [victim('Mercy Hospital', 'US')], { attack_date: '2022-11-10' }),
    extraction('g2', [victim('Mercy Hospital', 'GB')], { attack_date: '2022-11-10' }),
    extraction('g3', [victim('Mercy Hospital', null)], { attack_date: '2022-11-10', countries: [] }),
  ];
  return { docs, exts };
}

const json = (docs: CleanArticle[], exts: Extraction[]) => JSON.stringify(resolve(docs, exts));

describe('resolve: determinism', () => {
  it('gives byte-identical JSON for any order of documents, extractions and victims', () => {
    const { docs, exts } = corpus();
    const expected = json(docs, exts);
    for (let seed = 1; seed <= 12; seed++) {
      const exs = shuffled(exts, seed * 31).map((e) => ({ ...e, victims: shuffled(e.victims, seed) }));
      expect(json(shuffled(docs, seed), exs)).toBe(expected);
    }
  });

  it('produces the expected incidents, clusters and unique IDs', () => {
    const { docs, exts } = corpus();
    const { incidents, clusters } = resolve(docs, exts);
    expect(incidents.map((i) => i.victim)).toEqual([
      'Malabar Heart Institute',
      'Mercy Hospital',
      'Mercy Hospital',
      AIIMS,
      'Safdarjung Hospital',
    ]);
    expect(
      incidents.filter((i) => i.victim === 'Mercy Hospital').map((i) => [i.country, i.sources.map((x) => x.doc_id)]),
    ).toEqual([
      ['GB', ['g2']],
      ['US', ['g1', 'g3']],
    ]);
    expect(new Set(incidents.map((i) => i.incident_id)).size).toBe(5);
    expect(incidents.every((i) => /^inc_[0-9a-f]{16}$/.test(i.incident_id))).toBe(true);
    expect(clusters.map((c) => [c.reason, c.doc_ids])).toEqual(
      expect.arrayContaining([
        ['version', ['v1', 'v2']],
        ['near-duplicate', ['a2', 'a3', 'a4']],
      ]),
    );
  });

  it('keeps an incident ID when a later report arrives, and across re-runs', () => {
    const { docs, exts } = corpus();
    const before = resolve(docs, exts).incidents.map((i) => [i.victim, i.incident_id]);
    const late = article('late', story('AIIMS probe update'), { published: '2022-12-14T20:10:00+05:30' });
    const lateExt = extraction('late', [victim(AIIMS)], { attack_date: '2022-11-23', downtime_days: 14 });
    const after = resolve([...docs, late], [...exts, lateExt]).incidents;
    expect(after.map((i) => [i.victim, i.incident_id])).toEqual(before);
    expect(after.find((i) => i.victim === AIIMS)?.downtime_days).toBe(14);
  });

  it('gives two distinct IDs to two incidents of one victim in one month', () => {
    const docs = [
      article('p', story('Mercy Hospital one'), { published: '2022-06-01T10:00:00Z' }),
      article('q', story('Mercy Hospital two'), { published: '2022-06-20T10:00:00Z' }),
    ];
    const exts = [
      extraction('p', [victim('Mercy Hospital', 'US')], { attack_date: '2022-01-02' }),
      extraction('q', [victim('Mercy Hospital', 'US')], { attack_date: '2022-06-19' }),
    ];
    const ids = resolve(docs, exts).incidents.map((i) => i.incident_id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
