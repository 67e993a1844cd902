// Story links (analyze/resolve/stories.ts): reports of one incident join even when the extractor read another
// victim, or none, from one of them; reports of other incidents stay apart.
import { describe, expect, it } from 'vitest';
import { resolve } from '../../analyze/resolve/resolve.ts';
import { storyTerms } from '../../analyze/resolve/stories.ts';
import { article, extraction, victim } from './fixtures.ts';

// Two outlets on one attack: names, the town, the group and the figures agree; the wording does not.
const FIRST = `A ransomware attack has shut down systems at Marrowfield General Hospital in Dunmore, the hospital said.
The hospital moved to paper charts on Monday while Quellsoft, its records vendor, worked with Dunmore police.
A group calling itself Greyveil claimed the attack and says it took 48,200 patient files from Marrowfield.
Staff at Marrowfield General Hospital said ambulances were sent to Kessick Regional for two days.`;
const SECOND = `Greyveil, a ransomware gang, has listed Marrowfield on its leak site and threatens to publish 48,200
records. Quellsoft confirmed that its servers hosting charts for the Dunmore hospital were encrypted, and Kessick
Regional took diverted ambulances. Marrowfield General did not answer questions about a ransom.`;
// Another hospital hit by the same group in the same week, elsewhere: the group is shared, little else.
const OTHER = `Greyveil also claimed an attack on Tamsworth Children's Clinic in Orlay, where appointments were cancelled.
Orlay health officials said 3,100 families were told their data may have been copied. Tamsworth restored email.`;

const at = (day: string) => ({ published: `2023-03-${day}T09:00:00Z` });

describe('story links', () => {
  it("reads capitalised words away from sentence starts and figures as a document's terms", () => {
    const terms = new Map(storyTerms(FIRST));
    expect(terms.get('marrowfield')).toBe(3);
    expect(terms.get('48200')).toBe(1);
    expect(terms.has('the')).toBe(false);
    expect(terms.has('staff')).toBe(false); // only ever at a sentence start
  });

  it('joins a report whose victim was misread (the vendor) with the report naming the hospital', () => {
    const docs = [
      article('first', FIRST, at('06')),
      article('second', SECOND, at('08')),
      article('other', OTHER, at('07')),
    ];
    const exts = [
      extraction('first', [victim('Marrowfield General Hospital', 'GB')]),
      extraction('second', [victim('Quellsoft', 'GB', 'health-it-vendor')]),
      extraction('other', [victim("Tamsworth Children's Clinic", 'GB')]),
    ];
    const { incidents } = resolve(docs, exts);
    expect(incidents.map((i) => i.sources.map((s) => s.doc_id).sort())).toEqual(
      expect.arrayContaining([['first', 'second'], ['other']]),
    );
    expect(incidents).toHaveLength(2);
  });

  it('lets a relevant report that named no victim ride on the incident it tells of, never alone', () => {
    const docs = [
      article('first', FIRST, at('06')),
      article('second', SECOND, at('08')),
      article('other', OTHER, at('07')),
    ];
    const exts = [
      extraction('first', [victim('Marrowfield General Hospital', 'GB')]),
      extraction('second', [], { countries: ['GB'] }),
      extraction('other', [victim("Tamsworth Children's Clinic", 'GB')]),
    ];
    const { incidents } = resolve(docs, exts);
    const marrow = incidents.find((i) => i.victim === 'Marrowfield General Hospital')!;
    expect(marrow.sources.map((s) => s.doc_id)).toEqual(['first', 'second']);
    expect(incidents).toHaveLength(2);
    // no link, no incident: the same report alone makes none
    expect(resolve([docs[1]!], [exts[1]!]).incidents).toHaveLength(0);
  });

  it('does not link reports published months apart, nor reports placed in different countries', () => {
    const far = [article('first', FIRST, at('06')), article('second', SECOND, { published: '2023-09-01T09:00:00Z' })];
    const exts = [
      extraction('first', [victim('Marrowfield General Hospital', 'GB')]),
      extraction('second', [victim('Quellsoft', 'GB', 'health-it-vendor')]),
    ];
    expect(resolve(far, exts).incidents).toHaveLength(2);
    const near = [article('first', FIRST, at('06')), article('second', SECOND, at('08'))];
    const apart = [exts[0]!, extraction('second', [victim('Quellsoft', 'IE', 'health-it-vendor')])];
    expect(resolve(near, apart).incidents).toHaveLength(2);
    expect(resolve(near, exts).incidents).toHaveLength(1);
  });
});
