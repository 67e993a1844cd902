// Constructions of news English (and a few other languages) written for this test, one short story each:
// test/fixtures/constructions/cases.json holds the text and what a reader takes from it. Organisations are made up;
// the groups are real names, as the group table is (and a few known victims where a case reads the gazetteer).
// Each case checks only the fields it states.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { article, ref } from './helpers.ts';

interface Expect {
  relevant?: boolean;
  victim?: string;
  victims?: string[];
  sector?: string;
  actor?: string;
  actors?: string[];
  country?: string | null;
  records?: number | null;
  downtime?: number | null;
  attack_date?: string | null;
  ransom?: string[];
  disputed?: boolean[];
  types?: string[];
  types_exact?: string[];
  not_victims?: string[];
}
type Case = { published: string; text: string; expect: Expect };
const cases = JSON.parse(readFileSync('test/fixtures/constructions/cases.json', 'utf8')) as Record<string, Case>;

describe('constructions', () => {
  for (const [id, c] of Object.entries(cases)) {
    it(id, () => {
      const [title, ...rest] = c.text.split('\n');
      const x = extract(article(c.text, `${c.published}T12:00:00Z`, rest.length > 1 ? title! : null), ref);
      const e = c.expect;
      if (e.relevant !== undefined) expect(x.relevant, 'relevant').toBe(e.relevant);
      if (e.victim !== undefined) expect(x.victims[0]?.name, 'first victim').toBe(e.victim);
      if (e.victims !== undefined)
        expect(
          x.victims.map((v) => v.name),
          'victims',
        ).toEqual(e.victims);
      if (e.sector !== undefined) expect(x.victims[0]?.sector, 'sector').toBe(e.sector);
      if (e.actor !== undefined)
        expect(
          x.actors.flatMap((a) => [a.name, a.canonical, a.family ?? a.canonical]),
          'actors',
        ).toContain(e.actor);
      if (e.actors !== undefined)
        expect(
          x.actors.map((a) => a.name),
          'actors',
        ).toEqual(e.actors);
      if (e.country !== undefined) expect(x.countries[0] ?? null, 'country').toBe(e.country);
      if (e.records !== undefined) expect(x.records_affected?.count ?? null, 'records').toBe(e.records);
      if (e.downtime !== undefined) expect(x.downtime_days, 'downtime').toBe(e.downtime);
      if (e.attack_date !== undefined) expect(x.attack_date, 'attack date').toBe(e.attack_date);
      if (e.ransom !== undefined) {
        expect(
          x.ransom.map((r) => `${r.kind} ${r.amount} ${r.currency}`),
          'ransom',
        ).toEqual(e.ransom);
      }
      if (e.disputed !== undefined)
        expect(
          x.ransom.map((r) => r.disputed),
          'disputed',
        ).toEqual(e.disputed);
      for (const t of e.types ?? []) expect(x.attack_types, 'attack types').toContain(t);
      if (e.types_exact !== undefined) {
        expect([...x.attack_types].sort(), 'attack types').toEqual([...e.types_exact].sort());
      }
      for (const n of e.not_victims ?? [])
        expect(
          x.victims.map((v) => v.name),
          'victims',
        ).not.toContain(n);
    });
  }
});
