// Victim candidates and the decision: headline case, numbers and articles before names, countries, described
// health organisations, other cases told beside the incident, helpers and service lines. Sentences written for
// these tests.
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { nameRuns } from '../../analyze/extract/orgnames.ts';
import { listRe } from '../../analyze/extract/lists.ts';
import { isCountry } from '../../analyze/extract/victimcues.ts';
import { findVictims } from '../../analyze/extract/victims.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { article, ref } from './helpers.ts';

const names = (text: string) => extract(article(text, '2021-05-10T10:00:00Z'), ref).victims.map((v) => v.name);
const runs = (text: string) => nameRuns(text, listRe(ref.lists, 'victim-headline-breaks', 'u')).map((r) => r.name);

describe('name runs', () => {
  it('splits a headline at its attack words', () => {
    expect(runs('Brackley Community Hospital Hit With Ransomware')).toEqual(['Brackley Community Hospital']);
    expect(runs('Kestrel Gang Claims Attack On Fernhill Medical Group')).toEqual([
      'Kestrel Gang',
      'Fernhill Medical Group',
    ]);
  });

  it("drops a date's day and a German article before a name, keeps counted things whole", () => {
    expect(runs('2021-03-14 Marlow Clinic reported the outage')).toEqual(['Marlow Clinic']);
    expect(runs('Das Krankenhaus Sankt Anselm wurde angegriffen')).toEqual(['Krankenhaus Sankt Anselm']);
    expect(runs('they asked for 40 Bitcoins')).toEqual(['40 Bitcoins']);
  });
});

describe('candidates', () => {
  it('never takes a country for the victim', () => {
    expect(isCountry('Croatia')).toBe(true);
    expect(isCountry('the Netherlands')).toBe(true);
    expect(isCountry('Harwell Clinic')).toBe(false);
    expect(
      names(
        'Hackers launched a ransomware attack on Moldova’s largest hospital, the Orlen University Hospital, on Sunday.',
      ),
    ).toEqual(['Orlen University Hospital']);
  });

  it('reads a one-word name described by a health noun before it', () => {
    expect(names('Dialysis firm Renalto said ransomware encrypted part of its network last week.')).toEqual([
      'Renalto',
    ]);
    // victims alone: whether a French article tells of an incident is relevance's call
    const fr = 'Le groupe hospitalier Valmonte a subi une cyberattaque et les pirates réclament une rançon.';
    expect(findVictims(fr, sentences(fr), ref).map((v) => v.name)).toEqual(['Valmonte']);
  });

  it("takes a health ministry or research council in a victim's position", () => {
    expect(names('Zambara’s Ministry of Health has lost its website to hackers, officials said.')).toEqual([
      'Zambara’s Ministry of Health',
    ]);
    expect(
      names(
        'Records held by the Tavian Council of Medical Research (TCMR) were stolen in a breach, and data of TCMR is on sale.',
      ),
    ).toEqual(['TCMR']);
  });

  it('leaves out a programme named after a health word, a helper and a service line', () => {
    expect(
      names('Hackers defaced the Ministry of Health website ahead of the Universal Care programme launch.'),
    ).not.toContain('Universal Care');
    const v = names(
      'Ransomware hit Oakridge Software Ltd, which runs the NHS 111 line. Oakridge Software Ltd said it was working with the National Cyber Security Centre and NHS Midshire.',
    );
    expect(v).toEqual(['Oakridge Software Ltd']);
  });
});

describe('victim positions', () => {
  it('reads "X in Place suffered the attack" and "X experienced a ransomware attack"', () => {
    expect(names('The Brennor Medical Centre in Galvik, known locally as BMC, suffered the attack last week.')).toEqual(
      ['Brennor Medical Centre'],
    );
    expect(names('Renal care company Dovantis Care experienced a ransomware attack that stole patient data.')).toEqual([
      'Dovantis Care',
    ]);
  });

  it('reads "X reported to the regulator that ransomware encrypted …"', () => {
    expect(names('Pellford Health reported to the SEC that ransomware encrypted parts of its network.')).toEqual([
      'Pellford Health',
    ]);
  });
});

describe('other cases beside a healthcare victim', () => {
  it('leaves out the victim of a case the story compares with', () => {
    const v = names(
      'Ransomware has crippled Dunmore Hospital, in an attack similar to the one that hit Castlegate Health Board last month. Dunmore Hospital said surgery was cancelled.',
    );
    expect(v).toEqual(['Dunmore Hospital']);
  });

  it("leaves out the gang's other victims of other sectors", () => {
    const v = names(
      'The Vantor gang claimed the ransomware attack on Kellwood Medical Center. The gang is known for attacking the Ardonian Army and a meat packer, Brisco Foods.',
    );
    expect(v).toEqual(['Kellwood Medical Center']);
  });
});

describe('described victims', () => {
  it('names an unnamed healthcare victim by its description', () => {
    expect(names('Hackers hit a public hospital in the capital on Monday, encrypting its records.')).toEqual([
      'a public hospital in the capital',
    ]);
    expect(names('A fertility clinic chain was hit by ransomware last week.')).toEqual(['A fertility clinic chain']);
    expect(names('Ransomware crippled the regional health board, officials said.')).toEqual([
      'the regional health board',
    ]);
  });

  it('describes no victim for a sector in the plural or when a named victim is found', () => {
    expect(names('Hospitals across the country face rising ransomware attacks.')).toEqual([]);
    expect(names('Hackers hit Corrin Valley Hospital, a public hospital in the north, on Monday.')).toEqual([
      'Corrin Valley Hospital',
    ]);
  });
});
