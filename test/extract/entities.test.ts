import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { findActors } from '../../analyze/extract/actors.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { article, ref } from './helpers.ts';

const victims = (text: string) => extract(article(text), ref).victims;
const actors = (text: string) => findActors(text, sentences(text), ref).map((a) => a.family ?? a.canonical);

describe('victims', () => {
  it('resolves an acronym defined in the article to its full form (gazetteer)', () => {
    const v = victims(
      'The servers of the All India Institute of Medical Sciences (AIIMS) were hit by ransomware. AIIMS said services ran manually after the attack.',
    );
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({
      canonical: 'All India Institute of Medical Sciences',
      country: 'IN',
      sector: 'hospital',
    });
  });

  it('resolves an acronym used alone through gazetteer aliases (HSE → Health Service Executive)', () => {
    const v = victims('The HSE shut down its IT systems after a ransomware attack on Friday.');
    expect(v[0]).toMatchObject({ canonical: 'Health Service Executive', country: 'IE', sector: 'health-agency' });
  });

  it('resolves an acronym not in the gazetteer to the longest full form', () => {
    const v = victims(
      'The Northfield Regional Medical Centre (NRMC) in Leeds was hit by a cyber attack. NRMC diverted ambulances after the attack.',
    );
    expect(v[0]).toMatchObject({ canonical: 'Northfield Regional Medical Centre', country: 'GB', sector: 'hospital' });
  });

  it('recognises health organisations by name pattern, with sector and country from the text', () => {
    const v = victims(
      'Karoo Pathology Laboratories in Johannesburg said a ransomware attack encrypted its servers. Karoo Pathology is restoring systems.',
    );
    expect(v).toEqual([
      expect.objectContaining({ canonical: 'Karoo Pathology Laboratories', sector: 'lab', country: 'ZA' }),
    ]);
    expect(victims('Hospital São Lucas da Serra in Porto Alegre was hit by ransomware.')[0]).toMatchObject({
      sector: 'hospital',
      country: 'BR',
    });
    expect(
      victims('Severnbrook Hospitals NHS Foundation Trust declared a critical incident after a cyber attack.')[0],
    ).toMatchObject({ sector: 'health-system', country: 'GB' });
  });

  it('names no victim when the article tells of no attack', () => {
    expect(victims('Safdarjung Hospital opened a new cardiac wing on Monday.')).toEqual([]);
  });

  it('evidence quotes are exact slices', () => {
    const text = 'CommonSpirit Health said a ransomware attack disrupted its systems.';
    const v = victims(text)[0]!;
    expect(text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.quote);
  });
});

describe('actors', () => {
  it('maps rebrands and aliases to the canonical group', () => {
    expect(actors('An affiliate of LockBit 3.0 carried out the attack.')).toEqual(['LockBit']);
    expect(actors('The BlackCat ransomware gang claimed the attack.')).toEqual(['ALPHV']);
    expect(actors('Sodinokibi operators were blamed.')).toEqual(['REvil']);
  });

  it('keeps the alias the text wrote, spelled as the table does, beside the group it belongs to', () => {
    const text = 'The clop gang claimed the attack on the clinic.';
    const [a] = findActors(text, sentences(text), ref);
    expect(a).toMatchObject({ name: 'clop', canonical: 'Clop', family: 'Cl0p' });
    const same = 'The LockBit gang claimed the attack on the clinic.';
    expect(findActors(same, sentences(same), ref)[0]).not.toHaveProperty('family');
  });

  it('needs ransomware context and a capitalised form for ambiguous names', () => {
    expect(actors('The Royal Hospital reopened its wards after the ransomware attack.')).toEqual([]);
    expect(actors('The hive of activity in the clinic continued.')).toEqual([]);
    expect(actors('The Hive ransomware gang claimed the attack.')).toEqual(['Hive']);
    expect(actors('The attackers used the Royal ransomware.')).toEqual(['Royal']);
  });
});
