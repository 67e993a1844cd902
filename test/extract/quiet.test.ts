import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { quiet } from '../../analyze/extract/quiet.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { relevanceScore } from '../../analyze/extract/relevance.ts';
import { Extraction } from '../../core/records.ts';
import { article, ref } from './helpers.ts';

const run = (text: string, title: string | null = null) => extract(article(text, undefined, title), ref);
const isQuiet = (text: string, title: string | null = null) => quiet(text, sentences(text), title, ref);
const HEALTH_NEWS =
  'Mercy Regional Hospital opened a new maternity wing on Monday. The hospital said the wing adds 40 beds, and ' +
  'the county health department praised the project. Patients can tour it on Saturday.';

describe('a text with no cyber cue (quiet.ts)', () => {
  it('health news with no attack is quiet: not relevant, no facts, the score of no evidence', () => {
    expect(isQuiet(HEALTH_NEWS)).toBe(true);
    const x = run(HEALTH_NEWS);
    expect(Extraction.parse(x)).toEqual(x);
    const none = { leadLink: 0, links: 0, strong: 0, namedHealth: 0 };
    const zero = { ...none, leadDenial: 0, physical: 0, trend: 0, leadOther: 0, plural: 0 };
    expect(x).toMatchObject({ relevant: false, relevance: relevanceScore(zero), language: 'en' });
    expect(x).toMatchObject({ victims: [], actors: [], ransom: [], attack_types: [], countries: [] });
    expect(x).toMatchObject({ records_affected: null, attack_date: null, downtime_days: null });
  });

  it('a cue in any language, in the title, or an attack type cue makes a text not quiet', () => {
    expect(isQuiet(`${HEALTH_NEWS} Later that week a ransomware attack hit its servers.`)).toBe(false);
    expect(isQuiet('Das Klinikum wurde Ziel eines Cyberangriffs.')).toBe(false);
    expect(isQuiet(HEALTH_NEWS, 'Hackers hit Mercy Regional Hospital')).toBe(false);
    expect(isQuiet('A laptop holding patient records was stolen from a clinic.')).toBe(false);
  });

  it('a sum, or a ransom incident told without a cue word, makes a text not quiet: the rules may read a claim', () => {
    const sum = 'The intruders demanded £50,000 from the practice, police said.';
    expect(isQuiet(sum)).toBe(false);
    expect(run(sum).ransom.map((c) => [c.kind, c.amount, c.currency])).toEqual([['demanded', 50000, 'GBP']]);
    expect(isQuiet('The surgery said its computers were held hostage for a week.')).toBe(false);
  });

  it('a group named as the attacker is read even where no cue word stands beside it', () => {
    const text = 'LockBit listed Mercy Hospital of Springfield on Tuesday and set a deadline of ten days.';
    expect(isQuiet(text)).toBe(true);
    const x = run(text);
    expect(x.actors.map((a) => a.name)).toEqual(['LockBit']);
    expect(x.relevant).toBe(true);
  });
});
