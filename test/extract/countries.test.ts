import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../analyze/extract/countries.ts';
import { textCountry, victimCountry } from '../../analyze/extract/country-decide.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { ref } from './helpers.ts';

const places = (t: string) =>
  findPlaces(t, ref.places, ref.placeKinds).map((h) => `${t.slice(h.start, h.end)}:${h.cc}`);

/** Country of the victim written as `name` in `t`. */
function victim(t: string, name: string): string | null {
  const start = t.indexOf(name);
  return victimCountry(t, sentences(t), ref, [{ start, end: start + name.length }]);
}

describe('place mentions', () => {
  it('reads countries, cities, divisions, demonyms and country-bound words, longest name first', () => {
    expect(places('Clinics in New South Wales and Zagreb lost records; Portuguese staff were told.')).toEqual([
      'New South Wales:AU',
      'Zagreb:HR',
      'Portuguese:PT',
    ]);
    expect(places('Patients lost their Aadhaar details and ₹40 lakh.')).toEqual(['Aadhaar:IN', '₹:IN']);
    expect(places('Un hôpital belge et une clinique en Rumänien')).toContain('belge:BE');
  });

  it('tells no country for a continent, and "US$" is a currency', () => {
    expect(places('Clinics across North America and Europe paid US$2m.')).toEqual([
      'North America:none',
      'Europe:none',
    ]);
    expect(places('A North American clinic chain and a South African lab')).toEqual([
      'North American:none',
      'South African:ZA',
    ]);
  });

  it('reads a US state abbreviation only in a dateline', () => {
    expect(places('Dover, Del.-based Acme Health')).toEqual(['Del.:US']);
    expect(places('Miss. Jones said the Pa. office was fine')).toEqual([]);
  });
});

describe('victim country', () => {
  it('takes the place in the name or its apposition over places said elsewhere', () => {
    const t = 'Hackers hit Riverbend Clinic, a hospital in Manitoba, on Monday. A US firm helped restore systems.';
    expect(victim(t, 'Riverbend Clinic')).toBe('CA');
    const k = 'The Kenyan Heart Institute lost files. A UK charity offered help.';
    expect(victim(k, 'Kenyan Heart Institute')).toBe('KE');
  });

  it('reads "X-based" before the name and "the X-based company" for the story\'s subject', () => {
    const lyon = 'Lyon-based Acme Diagnostics was attacked. Experts in the US were called in.';
    expect(victim(lyon, 'Acme Diagnostics')).toBe('FR');
    const oslo = 'Acme Care was breached. The Norway-based group said US partners were safe.';
    expect(victim(oslo, 'Acme Care')).toBe('NO');
    const helper = 'Acme Care in Oslo was breached. The Canada-based security firm Northlight found the intrusion.';
    expect(victim(helper, 'Acme Care')).toBe('NO');
  });

  it("ignores the attackers' country", () => {
    const t = 'A Russian ransomware gang encrypted the files of Maple Health in Ottawa.';
    expect(victim(t, 'Maple Health')).toBe('CA');
    expect(victim('North Korean hackers breached Acme Labs, officials said.', 'Acme Labs')).toBeNull();
    expect(victim('Hackers based in Iran locked the files of Acme Labs, officials said.', 'Acme Labs')).toBeNull();
    expect(victim('A ransomware attack in Ohio hit Acme Labs.', 'Acme Labs')).toBe('US');
    expect(victim('Acme Labs found a note written in Russian. Staff were told.', 'Acme Labs')).toBeNull();
    expect(victim('Acme Labs was hit, Polish-language media said.', 'Acme Labs')).toBeNull();
  });

  it('does not let a city inside a repeated name outvote the country the text places it in', () => {
    const t =
      'Lisbon Pharmacy closed its stores across Western Canada after an attack. Lisbon Pharmacy said ' +
      'Lisbon Pharmacy would reopen. Lisbon Pharmacy staff were told.';
    expect(victim(t, 'Lisbon Pharmacy')).toBe('CA');
  });

  it('abstains when two countries have as much said for each', () => {
    expect(victim('Acme Health, with offices in France and Spain, was hit.', 'Acme Health')).toBeNull();
  });
});

describe('text country', () => {
  it('names the country the article speaks of when no victim is found', () => {
    const s = 'Stores across Alberta and Saskatchewan closed after a breach, a London chain said.';
    expect(textCountry(s, sentences(s), ref)).toBe('CA');
    const t = 'Patients were told their Social Security numbers may have been taken in the breach.';
    expect(textCountry(t, sentences(t), ref)).toBe('US');
  });

  it('returns nothing when the text names no place', () => {
    const t = 'A hospital group said its systems were down after a cyberattack.';
    expect(textCountry(t, sentences(t), ref)).toBeNull();
  });
});
