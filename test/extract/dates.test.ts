import { describe, it, expect } from 'vitest';
import { findDates } from '../../analyze/extract/dates.ts';
import { attackDate } from '../../analyze/extract/attack-date.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { ref } from './helpers.ts';

const PUB = '2022-11-28T10:40:00+05:30'; // a Monday
const date = (s: string, pub: string | null = PUB, lang = 'en') =>
  findDates(s, pub, ref.lists, lang).map((d) => d.date);
const attack = (s: string, pub: string | null = PUB, lang = 'en') =>
  attackDate(s, sentences(s), pub, ref.lists, lang)?.date ?? null;

describe('date mentions', () => {
  it('resolves weekdays to the most recent one on or before publication', () => {
    expect(date('on Wednesday')).toEqual(['2022-11-23']);
    expect(date('on Monday')).toEqual(['2022-11-28']);
    expect(date('last Monday')).toEqual(['2022-11-21']);
    expect(date('last Sunday')).toEqual(['2022-11-27']);
  });
  it('reads day-month and month-day forms, with and without year, and takes the first day of a range', () => {
    expect(date('November 23')).toEqual(['2022-11-23']);
    expect(date('23 November 2022')).toEqual(['2022-11-23']);
    expect(date('Monday 14 November')).toEqual(['2022-11-14']);
    expect(date('Aug. 29')).toEqual(['2022-08-29']);
    expect(date('the night of 20-21 August')).toEqual(['2022-08-20']);
    expect(date('between October 3 and 6 this year')).toEqual(['2022-10-03']);
    expect(date('December 30', '2023-01-02T00:00:00Z')).toEqual(['2022-12-30']);
  });
  it('gives the first date of a pair the year written after the second', () => {
    expect(date('from December 28 to January 4, 2022', null)).toEqual(['2021-12-28', '2022-01-04']);
  });
  it('reads other languages', () => {
    expect(date('el pasado 4 de noviembre', PUB, 'es')).toEqual(['2022-11-04']);
    expect(date('depuis jeudi dernier', PUB, 'fr')).toEqual(['2022-11-24']);
    expect(date('am 2. November 2022', PUB, 'de')).toEqual(['2022-11-02']);
    expect(date('afgelopen vrijdag', PUB, 'nl')).toEqual(['2022-11-25']);
    expect(date('ayer', PUB, 'es')).toEqual(['2022-11-27']);
  });
  it('counts days back and reads a weekday with its day of the month', () => {
    expect(date('three days ago')).toEqual(['2022-11-25']);
    expect(date('hace dos días', PUB, 'es')).toEqual(['2022-11-26']);
    expect(date('Thursday 24th')).toEqual(['2022-11-24']);
  });
  it('leaves layout dates and the modal verb alone', () => {
    expect(date('Updated 2022-11-28 09:00')).toEqual([null]);
    expect(date('up to 5 may be affected')).toEqual([]);
  });
  it('leaves named days alone', () => {
    // (Palm Sunday is a feast of its own: the one before publication, a week before Easter 2022, 17 April)
    expect(date('at 3 a.m. on Palm Sunday')).toEqual(['2022-04-10']);
    expect(date('orders placed on Cyber Monday')).toEqual([]);
    expect(date('The insurer Tuesday said it was hit.')).toEqual(['2022-11-22']);
  });
  it('does not read "hier" as yesterday outside French', () => {
    expect(date('hier', PUB, 'de')).toEqual([]);
  });
});

describe('attack date', () => {
  it('takes the date an attack verb governs, not the date of a statement', () => {
    expect(
      attack('The servers went down last Wednesday. Police said on Monday that the attack was under review.'),
    ).toBe('2022-11-23');
    expect(attack('The company said on Friday that it was reviewing its backups.')).toBeNull();
    expect(attack('Hackers attacked the clinic on the night of 20-21 August.', '2022-08-26T00:00:00Z')).toBe(
      '2022-08-20',
    );
  });
  it('lets an attack noun keep its date inside a clause but not as the object of a verb of saying', () => {
    expect(attack('The trust says that an intrusion on Tuesday locked staff out of email.')).toBe('2022-11-22');
    expect(attack('The clinic notified regulators of a security incident on November 3.')).toBeNull();
    expect(attack('The insurer says a flood of traffic on Sunday took down its portal.')).toBe('2022-11-27');
  });
  it('reads a date that modifies the attack noun', () => {
    expect(attack("Police are looking into Thursday's breach at the dental group.")).toBe('2022-11-24');
    expect(attack('The gang claimed the 14 November attack on its leak site.')).toBe('2022-11-14');
    expect(attack('The gang set a Friday deadline for the payment.')).toBeNull();
  });
  it('counts back from "one day after the attack"', () => {
    expect(attack('Doctors were still writing on paper on Friday, two days after the cyberattack that hit them.')).toBe(
      '2022-11-23',
    );
  });
  it('ignores limits, leaks and other incidents', () => {
    expect(attack('The hackers set a deadline and published the files on November 20.')).toBeNull();
    expect(attack('Appointments are cancelled until November 30 after the ransomware attack.')).toBeNull();
    expect(attack('A similar attack hit a clinic in the north on November 2.')).toBeNull();
    expect(attack('The sale of the stolen records began on November 12.')).toBeNull();
  });
  it('reads the attack date in other languages', () => {
    expect(attack('El hospital sufrió un ciberataque el pasado 14 de noviembre.', PUB, 'es')).toBe('2022-11-14');
    expect(attack("Depuis samedi dernier, l'hôpital tourne au ralenti après une cyberattaque.", PUB, 'fr')).toBe(
      '2022-11-26',
    );
    expect(attack('Das Klinikum wurde am Sonntag Ziel eines Hackerangriffs.', PUB, 'de')).toBe('2022-11-27');
  });
  it('skips datelines', () => {
    expect(attack('LONDON, Nov 28: A hospital trust was hit by ransomware, officials said.')).toBeNull();
  });
  it('without a publication date, reads only what the text fixes', () => {
    expect(attack('The clinic was hacked on Tuesday.', null)).toBeNull();
    expect(attack('The clinic was hacked on 3 March.', null)).toBeNull();
    expect(attack('On 3 March 2021 hackers breached the clinic network.', null)).toBe('2021-03-03');
    expect(attack('The 3 March intrusion came to light on April 9, 2021, when files appeared online.', null)).toBe(
      '2021-03-03',
    );
  });
});

describe('attack date, tense and detection', () => {
  it('leaves out dates told in the future', () => {
    expect(attack('The lab will reopen on Friday after the cyberattack.')).toBeNull();
    expect(attack('Los sistemas volverán a funcionar el lunes tras el ciberataque.', PUB, 'es')).toBeNull();
  });
  it('lets a verb after the date decide before an agent noun', () => {
    expect(attack('On Sunday, hackers posted the files on a leak site.')).toBeNull();
    expect(attack('On Tuesday, a cyberattack hit the clinic.')).toBe('2022-11-22');
    expect(attack('Die Systeme der Klinik sind seit Sonntag offline.', PUB, 'de')).toBe('2022-11-27');
  });
  it('leaves out a date placed after the attack it names', () => {
    expect(attack('Police were called in on Friday after the ransomware attack.')).toBeNull();
    expect(attack('Since Saturday the hospital has been diverting ambulances.')).toBe('2022-11-26');
  });
  it('takes detection when the text gives no intrusion date', () => {
    expect(attack('The practice learned of the intrusion on Thursday.')).toBe('2022-11-24');
    expect(attack('Staff noticed encrypted files early Sunday morning.')).toBe('2022-11-27');
  });
  it('reads ranges in other languages from their first day', () => {
    expect(attack("L'hôpital a été victime d'une cyberattaque dans la nuit du 5 au 6 novembre.", PUB, 'fr')).toBe(
      '2022-11-05',
    );
    expect(attack('Der Angriff auf die Klinik dauerte vom 7. bis 9. November.', PUB, 'de')).toBe('2022-11-07');
  });
});
