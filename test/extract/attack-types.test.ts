import { describe, it, expect } from 'vitest';
import { attackTypes, ransomwareGang } from '../../analyze/extract/attack-types.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { ref } from './helpers.ts';

const types = (s: string, ctx: Partial<Parameters<typeof attackTypes>[2]> = {}) =>
  attackTypes(sentences(s), ref.lists, { incident: true, ransom: false, ...ctx });

describe('attack types', () => {
  it.each([
    ['Hackers encrypted the servers of the clinic and asked for a ransom.', ['ransomware', 'extortion']],
    ['The clinic was hit by ransomware on Sunday.', ['ransomware']],
    [
      'The gang claims to have stolen patient files and threatens to publish them unless the clinic pays.',
      ['data-breach', 'extortion'],
    ],
    ['Records of several thousand patients may have been accessed by an outside party.', ['data-breach']],
    ['The attackers got in through a phishing email sent to a nurse.', ['phishing']],
    ['A DDoS attack took the hospital website offline for hours.', ['ddos']],
    ['Intruders defaced the health board website.', ['other']],
    ['The hospital suffered a cyberattack; it is still unclear whether any data was taken.', ['other']],
    // other languages
    ['El hospital sufrió un ataque de ransomware y los delincuentes exigen un rescate.', ['ransomware', 'extortion']],
    ['Les pirates ont chiffré les serveurs et réclament une rançon.', ['ransomware', 'extortion']],
    ['Die Täter haben Patientendaten gestohlen und fordern Lösegeld.', ['data-breach', 'extortion']],
    ['Bij de aanval zijn gegevens van patiënten gestolen; de hackers eisen losgeld.', ['data-breach', 'extortion']],
  ])('%s', (s, t) => expect(types(s)).toEqual(t));

  it('reads systems held for ransom as ransomware', () => {
    expect(types('Staff found the computers still locked as the attackers wanted a ransom to release them.')).toEqual([
      'ransomware',
      'extortion',
    ]);
  });
  it('counts a refusal to pay as a demand, not a denied demand or a refusal to talk', () => {
    expect(types('The trust was hit by ransomware and says it will not pay any ransom.')).toEqual([
      'ransomware',
      'extortion',
    ]);
    expect(types('The trust was hit by ransomware. Officials are not aware of any ransom demand.')).toEqual([
      'ransomware',
    ]);
    expect(
      types('The trust was hit by ransomware. The minister said the state will not negotiate with criminals.'),
    ).toEqual(['ransomware']);
  });
  it('leaves out other cases, habits, hypotheticals and questions', () => {
    expect(
      types('Patient data was stolen from the clinic. Last year a ransomware attack hit the same region.'),
    ).toEqual(['data-breach']);
    expect(
      types('The clinic was hit by ransomware. The strain typically exfiltrates data before it encrypts files.'),
    ).toEqual(['ransomware']);
    expect(types('The clinic was hit by ransomware. Criminals can demand ransom payments from such victims.')).toEqual([
      'ransomware',
    ]);
    expect(types('The clinic was hit by ransomware. It is not clear whether patient data was stolen.')).toEqual([
      'ransomware',
    ]);
    expect(types('The clinic was hit by ransomware. No patient or staff data was accessed, the board said.')).toEqual([
      'ransomware',
    ]);
    expect(types('Patient data was stolen. Experts warn that patients should beware of phishing emails.')).toEqual([
      'data-breach',
    ]);
    expect(
      types('The board has not said whether it will pay the ransom, though it paid in an earlier attack.'),
    ).toEqual(['extortion']);
  });
  it('needs attackers behind encryption and data behind a theft', () => {
    expect(types('Hackers broke into the clinic network; its backups were encrypted by default.')).toEqual(['other']);
    expect(types('Hackers broke into the clinic network and stole the patient records.')).toEqual(['data-breach']);
  });
  it('takes a denial of ransomware as another kind of attack', () => {
    expect(types('The outage was not a ransomware attack, the hospital said.')).toEqual(['other']);
  });
  it('uses the named gang and the sums extracted', () => {
    expect(types('The group posted files stolen from the hospital.', { gang: true })).toEqual([
      'ransomware',
      'data-breach',
    ]);
    expect(types('The hospital was breached.', { demands: ['They demanded $2 million from the hospital.'] })).toEqual([
      'extortion',
    ]);
    expect(
      types('A seller listed the database for $500 on a forum.', {
        demands: ['A seller listed the database for $500.'],
      }),
    ).toEqual(['other']);
  });
  it('tells nothing without an incident', () => {
    expect(
      attackTypes(sentences('Hospitals should train staff.'), ref.lists, { incident: false, ransom: false }),
    ).toEqual([]);
  });
});

describe('ransomware gangs', () => {
  const actor = (canonical: string, quote = '') => ({
    name: canonical,
    canonical,
    evidence: { quote, start: 0, end: 0 },
  });
  it('knows gangs from the group table and the text', () => {
    expect(ransomwareGang([actor('LockBit')], ref.groups, ref.lists)).toBe(true);
    expect(ransomwareGang([actor('Killnet')], ref.groups, ref.lists)).toBe(false);
    expect(ransomwareGang([actor('Nobody', 'the Nobody ransomware crew')], ref.groups, ref.lists)).toBe(true);
  });
});
