// confirmed-by-victim: the victim (by name, or by kind in an article about it alone) confirms, not negated.
import { describe, expect, it } from 'vitest';
import { confirmationIn, shortName } from '../../analyze/resolve/confirm.ts';
import { resolve } from '../../analyze/resolve/resolve.ts';
import { actor, article, claim, extraction, story, victim } from './fixtures.ts';

const KAROO = ['Karoo Pathology Laboratories'];

describe('confirmation by the victim', () => {
  it('finds the victim confirming, by a shorter form of its name or by its kind', () => {
    expect(shortName('Lake Charles Memorial Health System')).toBe('Lake Charles');
    expect(shortName('General Hospital')).toBeNull();
    expect(
      confirmationIn('Intro. Karoo Pathology confirmed over the weekend that it had received a demand.', KAROO, true),
    ).toBe('Karoo Pathology confirmed over the weekend that it had received a demand.');
    expect(
      confirmationIn('Files were copied, the south Ottawa clinic confirmed Tuesday.', ['Rideau Valley'], true),
    ).not.toBeNull();
    expect(
      confirmationIn(
        'Hospital officials confirmed on Thursday that the server was hit.',
        ['Safdarjung Hospital'],
        true,
      ),
    ).not.toBeNull();
  });

  it('ignores negations, other speakers and, in an article naming several victims, "the hospital"', () => {
    expect(confirmationIn('The hospital has not confirmed a ransom demand.', KAROO, true)).toBeNull();
    expect(confirmationIn("Karoo Pathology hasn't confirmed the figure.", KAROO, true)).toBeNull();
    expect(
      confirmationIn('A breach at Karoo Pathology was confirmed by a spokesperson for the regulator.', KAROO, true),
    ).toBeNull();
    expect(confirmationIn('Police confirmed the attack on Karoo Pathology.', KAROO, true)).toBeNull();
    expect(confirmationIn('The hospital confirmed the outage.', KAROO, false)).toBeNull();
    expect(confirmationIn('Karoo Pathology confirmed the outage.', KAROO, false)).not.toBeNull();
  });

  it('sets the status and keeps the sentence in history; a disputed demand still wins', () => {
    const text = story('Karoo Pathology', 'Karoo Pathology confirmed that patient files were copied.');
    const docs = [article('k', text)];
    const [inc] = resolve(docs, [
      extraction('k', [victim(KAROO[0], 'ZA', 'lab')], { actors: [actor('RansomHouse')] }),
    ]).incidents;
    expect(inc.status).toBe('confirmed-by-victim');
    expect(inc.history.confirmed).toEqual([
      expect.objectContaining({ doc_id: 'k', value: 'Karoo Pathology confirmed that patient files were copied.' }),
    ]);
    const disputed = resolve(docs, [
      extraction('k', [victim(KAROO[0], 'ZA', 'lab')], { ransom: [claim({ usd: 5, disputed: true })] }),
    ]);
    expect(disputed.incidents[0].status).toBe('disputed');
    const plain = resolve(
      [article('k', story('Karoo Pathology'))],
      [extraction('k', [victim(KAROO[0], 'ZA', 'lab')], { actors: [actor('RansomHouse')] })],
    );
    expect(plain.incidents[0].status).toBe('claimed-by-group');
  });
});
