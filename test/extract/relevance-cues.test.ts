import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { sentenceCues, relevanceFeatures } from '../../analyze/extract/relevance.ts';
import { detectLanguage, readsFacts } from '../../analyze/extract/language.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { article, ref } from './helpers.ts';

const run = (text: string, title: string | null = null) => extract(article(text, undefined, title), ref);
const rel = (text: string, title: string | null = null) => run(text, title).relevant;

describe('relevance from described victims and cyber cues', () => {
  it('a described healthcare victim with a cyber incident is relevant, with no name found', () => {
    expect(
      rel(
        'A fertility clinic chain in the north of the country said criminals got into its network last week. ' +
          'Files holding patient records were copied, and the company is writing to those affected.',
      ),
    ).toBe(true);
    expect(
      rel(
        'The regional health board confirmed a ransomware attack on Sunday. Staff are using paper forms while ' +
          'the IT team restores the servers.',
      ),
    ).toBe(true);
  });

  it('health news with no attack is not relevant', () => {
    expect(
      rel(
        'A public hospital opened a new cancer ward on Monday. Patients will be seen from next week, and the ' +
          'health board said waiting lists should fall.',
      ),
    ).toBe(false);
  });

  it('an IT outage the hospital denies was an attack is not relevant', () => {
    const x = run(
      'The hospital said the outage of its booking system was not caused by a cyberattack. A faulty ' +
        'update was to blame, and patients were asked to come to their appointments.',
      'Hospital systems back after outage',
    );
    expect(x.relevant).toBe(false);
  });

  it('a kidnapping with a ransom at a hospital is not relevant', () => {
    expect(
      rel(
        'Gunmen abducted two doctors from a rural hospital and demanded a ransom of 20 million naira. Police ' +
          'said the kidnappers called the families on Tuesday.',
      ),
    ).toBe(false);
  });

  it('a trend piece on attacks against hospitals is not relevant', () => {
    expect(
      rel(
        'Ransomware attacks on hospitals rose 40% last year, a report from a security firm found. ' +
          'Healthcare organisations surveyed said the average ransom payment was $1.2 million.',
      ),
    ).toBe(false);
  });

  it('an attack on a city government that mentions hospitals in passing is not relevant', () => {
    expect(
      rel(
        'The city council was hit by ransomware on Friday and its payment portal is offline. Hackers asked for ' +
          '20 bitcoin. The strain has also been used against schools and hospitals in the past.',
      ),
    ).toBe(false);
  });

  it('a denied kind of attack is not a denied attack', () => {
    const c = sentenceCues('The hospital said the attack was not a ransomware attack.', ref.lists, 'en');
    expect(c.denial).toBe(false);
    expect(sentenceCues('Officials said it was not a cyberattack.', ref.lists, 'en').denial).toBe(true);
  });
});

describe('relevance in other languages', () => {
  it('Spanish, French, German and Dutch cues', () => {
    expect(
      rel(
        'Un ciberataque ha dejado sin sistemas informáticos a un hospital público de la provincia. ' +
          'Los médicos trabajan con papel y los datos de los pacientes podrían haber sido robados.',
      ),
    ).toBe(true);
    expect(
      rel(
        "Un hôpital régional a été victime d'une cyberattaque dans la nuit de dimanche. Les pirates " +
          'réclament une rançon et les urgences fonctionnent en mode dégradé.',
      ),
    ).toBe(true);
    expect(
      rel(
        'Ein Krankenhaus in der Stadt ist Ziel eines Hackerangriffs geworden. Die Täter verschlüsselten die ' +
          'Server und forderten ein Lösegeld in Bitcoin.',
      ),
    ).toBe(true);
    expect(
      rel(
        'Een ziekenhuis in het oosten van het land is getroffen door een cyberaanval. Hackers zeggen ' +
          'gegevens van patiënten te hebben gestolen.',
      ),
    ).toBe(true);
  });

  it('a kidnapping told in Spanish is not relevant, but "secuestro de datos" is ransomware', () => {
    expect(
      rel(
        'Un médico del hospital fue secuestrado el martes y sus captores piden un rescate de un millón de ' +
          'pesos. La policía busca a los secuestradores.',
      ),
    ).toBe(false);
    expect(sentenceCues('El hospital sufrió un secuestro de datos.', ref.lists, 'es').physical).toBe(false);
  });

  it('a trend piece told in Spanish is not relevant', () => {
    expect(
      rel(
        'Los ciberataques contra hospitales crecieron un 35 por ciento el año pasado, según un informe de una ' +
          'empresa de seguridad. El sector sanitario es el más atacado del país.',
      ),
    ).toBe(false);
  });

  it('German compounds carry the health noun', () => {
    const f = relevanceFeatures(
      ref.lists,
      'de',
      null,
      sentences('Die Universitätsklinik meldet einen Cyberangriff auf ihre Server.'),
      [],
    );
    expect(f.leadLink).toBe(1);
  });
});

describe('language', () => {
  it('is told by script or by function words', () => {
    const lang = (t: string) => detectLanguage(t, ref.lists).lang;
    expect(lang('The hospital said the attack was detected on Friday and that its systems were taken offline.')).toBe(
      'en',
    );
    expect(
      lang('El hospital dijo que el ataque fue detectado el viernes y que sus sistemas están fuera de línea.'),
    ).toBe('es');
    expect(lang("L'hôpital a indiqué que l'attaque a été détectée vendredi et que les systèmes sont coupés.")).toBe(
      'fr',
    );
    expect(
      lang('Das Krankenhaus teilte mit, dass der Angriff am Freitag entdeckt wurde und die Systeme aus sind.'),
    ).toBe('de');
    expect(lang('Het ziekenhuis zei dat de aanval op vrijdag werd ontdekt en dat de systemen uit staan.')).toBe('nl');
    expect(lang('ആശുപത്രിയുടെ സെർവറുകൾ ഹാക്കർമാർ ആക്രമിച്ചു.')).toBe('ml');
    expect(lang('12345 67890')).toBe('und');
  });

  it('a language the fact rules do not read gives relevance but no invented facts', () => {
    // "Hackers attacked the servers of a private hospital in Kochi; patient data is feared leaked. The hospital's
    // services were disrupted for two days and the police have registered a case." (written for this test)
    const x = run(
      'കൊച്ചിയിലെ ഒരു സ്വകാര്യ ആശുപത്രിയുടെ സെർവറുകൾ ഹാക്കർമാർ ആക്രമിച്ചു; രോഗികളുടെ വിവരങ്ങൾ ' +
        'ചോർന്നതായി സംശയം. ആശുപത്രിയുടെ സേവനങ്ങൾ രണ്ട് ദിവസം തടസ്സപ്പെട്ടു. പോലീസ് കേസ് രജിസ്റ്റർ ചെയ്തു. ' +
        'Apollo Hospital Kochi ransomware $50,000.',
    );
    expect(x.language).toBe('ml');
    expect(x.relevant).toBe(true);
    expect(x.victims).toEqual([]);
    expect(x.ransom).toEqual([]);
    expect(x.attack_date).toBeNull();
    expect(readsFacts('ml')).toBe(false);
    expect(readsFacts('es')).toBe(true);
  });
});
