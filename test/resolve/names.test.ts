import { describe, expect, it } from 'vitest';
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import { matchNames, nameKey } from '../../analyze/resolve/names.ts';

const T = 0.92;

describe('nameKey', () => {
  it('drops case, punctuation, diacritics, articles and legal forms', () => {
    expect(nameKey('The Tata Power Company Limited')).toBe('tata power');
    expect(nameKey('Sahyadri Diagnostics Pvt. Ltd.')).toBe('sahyadri diagnostics');
    expect(nameKey('Städtisches Klinikum Lindenau')).toBe(nameKey('Stadtisches Klinikum Lindenau'));
    expect(nameKey('Hospital São Lucas da Serra')).toBe('hospital sao lucas serra');
    expect(nameKey('Medibank Private Limited')).toBe('medibank');
  });
});

describe("natural's Jaro-Winkler (the fuzzy threshold was set on these values)", () => {
  const jaroWinkler = (a: string, b: string) => JaroWinklerDistance(a, b, {});
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
});

describe('matchNames', () => {
  it('matches an acronym against the initials of the full name (connectors skipped)', () => {
    expect(matchNames('AIIMS', 'All India Institute of Medical Sciences', T)?.kind).toBe('acronym');
    expect(matchNames('Centre Hospitalier Sud Francilien', 'CHSF', T)?.kind).toBe('acronym');
  });

  it('matches spelling variants by Jaro-Winkler', () => {
    expect(matchNames('CommonSpirit Health', 'Common Spirit Health', T)?.kind).toBe('fuzzy');
  });

  it('matches a distinctive short name inside a longer one, but not a generic one', () => {
    expect(matchNames('Safdarjung', 'Safdarjung Hospital', T)?.kind).toBe('contained');
    expect(matchNames('AIIMS', 'All India Institute of Medical Sciences New Delhi', T)?.kind).toBe('contained');
    expect(matchNames('Memorial Hospital', 'Lake Charles Memorial Hospital', T)).toBeNull();
  });

  it('matches the same identifying words in another order or language, of the same kind', () => {
    expect(matchNames('University Hospital Linden', 'Linden University Hospital', T)?.kind).toBe('contained');
    expect(matchNames('Centre hospitalier de Vire', 'Vire hospital', T)?.kind).toBe('contained');
    expect(matchNames('Krankenhaus Sfântul Ilie', 'Saint Ilie Recovery Hospital', T)?.kind).toBe('contained');
    expect(matchNames('Hospital Clinic of Tarrasa', "Tarrasa's Hospital Clínic", T)?.kind).toBe('contained');
    expect(matchNames('Sahyadri Diagnostics', 'Diagnostics Sahyadri', T)?.kind).toBe('contained');
    expect(matchNames('Linden Clinic', 'Linden University Hospital', T)).toBeNull();
  });

  it('keeps different organisations apart', () => {
    expect(matchNames('Sahyadri Diagnostics', 'Sahyadri Hospitals', T)).toBeNull();
    expect(matchNames('Safdarjung Hospital', 'All India Institute of Medical Sciences', T)).toBeNull();
    expect(matchNames('Lake Charles Memorial Health System', 'CommonSpirit Health', T)).toBeNull();
  });
});
