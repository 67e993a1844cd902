import { describe, it, expect } from 'vitest';
import { extract, EXTRACTOR_VERSION } from '../../analyze/extract/index.ts';
import { Extraction } from '../../core/records.ts';
import { article, ref } from './helpers.ts';

const run = (text: string, title: string | null = null) => extract(article(text, undefined, title), ref);

describe('relevance and the Extraction contract', () => {
  it('an attack on a hospital is relevant', () => {
    const x = run(
      'Riverside Community Hospital diverted ambulances after a ransomware attack encrypted its servers on Friday. Staff went back to paper records.',
      'Ransomware hits Riverside Community Hospital',
    );
    expect(x.relevant).toBe(true);
    expect(x.relevance).toBeGreaterThan(0.5);
    expect(x.attack_types).toContain('ransomware');
    expect(Extraction.parse(x)).toEqual(x);
    expect(x.extractor_version).toBe(EXTRACTOR_VERSION);
  });

  it('an attack on a power utility is an incident but not relevant', () => {
    const x = run(
      'Tata Power Company Ltd has been hit by a cyberattack on its IT infrastructure, the company said. The attack was detected on Friday.',
    );
    expect(x.relevant).toBe(false);
    expect(x.victims[0]).toMatchObject({ sector: 'other', country: 'IN' });
  });

  it('an advisory or a trend piece is not relevant and lists no victims', () => {
    const x = run(
      'CERT-In issued an advisory asking hospitals to patch servers. Average ransom demands reached $1.5m this year, a report found.',
    );
    expect(x.relevant).toBe(false);
    expect(x.victims).toEqual([]);
    expect(x.ransom).toEqual([]);
  });

  it('a budget story about a hospital is not relevant', () => {
    const x = run('Safdarjung Hospital will get a budget of Rs 500 crore for new wards, the health ministry said.');
    expect(x.relevant).toBe(false);
    expect(x.relevance).toBeLessThan(0.5);
  });
});
