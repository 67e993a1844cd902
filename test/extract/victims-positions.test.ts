// Victim positions added for news about several victims: lists, asides, refusals, possessives; and the
// names around them that are no victims (people by role, currencies, product lists, places).
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { ransomIncident } from '../../analyze/extract/attack-types.ts';
import { sentences } from '../../analyze/extract/text.ts';
import { article, ref } from './helpers.ts';

const names = (text: string) => extract(article(text, '2018-05-10T10:00:00Z'), ref).victims.map((v) => v.name);

describe('victims named in lists and asides', () => {
  it('reads every item of a list after a victim cue', () => {
    const v = names(
      'The ransomware disrupted bakeries, regional carrier Tovey Air Corp and the Dalmont Freight Group. Tovey Air Corp paid nothing.',
    );
    expect(v).toEqual(expect.arrayContaining(['Tovey Air Corp', 'Dalmont Freight Group']));
    const w = names(
      'A ransomware outbreak spread across Europe on Tuesday. Victims included the Danish shipping line Korsvig and a logistics firm, Pellan Cargo, based in Antwerp.',
    );
    expect(w).toEqual(expect.arrayContaining(['Korsvig', 'Pellan Cargo']));
  });

  it('reads "incidents … included X" and "caused havoc for X"', () => {
    expect(
      names('High-profile ransomware incidents of recent months included the Port of Calvey getting hit.'),
    ).toContain('Port of Calvey');
    expect(names('The ransomware attack caused havoc for the city of Brandle this spring.')).toContain('Brandle');
  });

  it('reads refusals, "had its systems hacked", "X\'s attackers" and a dash aside', () => {
    expect(names('After the leak, Tamsin Pictures didn’t want to pay the ransom demand either.')).toContain(
      'Tamsin Pictures',
    );
    expect(
      names('In late April, Corley Falls Township had their computer systems hacked and locked for ransom.'),
    ).toContain('Corley Falls Township');
    expect(names("Ransomware struck last week. Ardmoor County's attackers demanded bitcoin.")).toContain(
      'Ardmoor County',
    );
    expect(names('Dan Pryce − owner of Pryce Sound Studios − was targeted by ransomware scammers.')).toEqual([
      'Pryce Sound Studios',
    ]);
  });

  it('reads a firm described as its sentence\'s subject, "X is investigating a cyber attack", and no listed facility', () => {
    expect(names('Israeli forensics firm Tovrin Labs has announced that it has suffered a data breach.')).toContain(
      'Tovrin Labs',
    );
    expect(
      names('Ransomware spread on Monday. Dalmont Freight Group is investigating a cyber attack on its depots.'),
    ).toContain('Dalmont Freight Group');
    expect(
      names(
        'Hackers struck on Monday. Harbour Board, which runs Calvey Port, Mill Quay and Wexley Docks, is ' +
          'investigating the breach.',
      ),
    ).not.toContain('Mill Quay');
  });

  it('reads an organisation before its machines, and "X took down its websites"', () => {
    expect(
      names('Ransomware struck on Monday. Golf Union of Calvey computers were infected and files locked.'),
    ).toContain('Golf Union of Calvey');
    expect(names('Before Tovrinfly took down its websites, a hacker left a message demanding a ransom.')).toContain(
      'Tovrinfly',
    );
  });

  it('reads a name qualifying its incident ("the X data breach"), not a headline\'s first word', () => {
    expect(names('The regulator expressed concern over the Calvey Pacific Airways data breach incident.')).toContain(
      'Calvey Pacific Airways',
    );
    expect(names('Hackers took advantage of a flaw. The Tovrinfax breach was due to a failure to patch.')).toContain(
      'Tovrinfax',
    );
    expect(
      names('Ransomware attack affecting 8.9M customers\n\nMassive data breach exposes customer details'),
    ).not.toContain('Massive');
  });

  it('splits two coordinated names when the second is described', () => {
    const v = names(
      'Victims of the ransomware included the Harbour Board of Castlemere and Wexley, one of the largest law firms.',
    );
    expect(v).toEqual(expect.arrayContaining(['Harbour Board of Castlemere', 'Wexley']));
  });
});

describe('names that are no victims', () => {
  it('drops people introduced by their role', () => {
    expect(
      names(
        'Ransomware hit Fenwick Mills. Colin Avery, chief executive of the local chamber, said all firms are exposed.',
      ),
    ).toEqual(['Fenwick Mills']);
    expect(
      names('Ransomware hit Fenwick Mills. Board member Rhea Dunmore, who works in IT, said the attack was stopped.'),
    ).toEqual(['Fenwick Mills']);
  });

  it('drops currencies, product lists and acronym-named flaws', () => {
    expect(names('Ransomware hit Fenwick Mills and demanded 2 Bitcoins for the key.')).toEqual(['Fenwick Mills']);
    expect(names('Attacks against open Redis, Kibana and Hadoop installations demanded a ransom.')).toEqual([]);
    expect(
      names('The worm targeted a Remote Desktop Gateway (RDG) critical vulnerability to spread ransomware.'),
    ).toEqual([]);
  });

  it('needs an attack verb near a possessive', () => {
    expect(
      names(
        "Ransomware hit Orwell Dairy on Monday. Orwell Dairy paid. Ransomware is all Tallis College's IT department thinks about.",
      ),
    ).toEqual(['Orwell Dairy']);
    expect(names("Hackers encrypted Tallis College's servers with ransomware.")).toContain('Tallis College');
  });

  it('does not take a one-word gazetteer name that starts a longer name', () => {
    expect(names('The Cerebral Palsy Society of Lorne was hit with a ransomware attack.')).not.toContain('Cerebral');
  });

  it('ends a name at an abbreviation that ends a sentence', () => {
    expect(
      names(
        'The ransom was $50 per infected PC. Instead Hollin Library restored its servers after the ransomware attack.',
      ).join(),
    ).not.toMatch(/PC/);
  });
});

describe('ransom incidents told as "the victim of"', () => {
  it('counts "was the victim of" and "has fallen victim to" a ransomware attack', () => {
    expect(ransomIncident(sentences('Dorrin Life has fallen victim to a ransomware attack.'))).toBe(true);
    expect(
      ransomIncident(
        sentences('The town was the victim of a cyber-attack that locked its system with a ransom demand.'),
      ),
    ).toBe(true);
  });

  it("reads a modal after the event as the attackers' offer, one before it as a condition", () => {
    expect(
      ransomIncident(
        sentences(
          'Selby College was the victim of a ransomware attack that locked computers which would only unlock for bitcoin.',
        ),
      ),
    ).toBe(true);
    expect(ransomIncident(sentences('If your firm is hit by ransomware, it could lose its files.'))).toBe(false);
  });
});

describe('co-victims tied to the ransom attack', () => {
  it('does not keep an organisation hacked in another way beside a ransom story', () => {
    const v = names(
      'Ransomware encrypted the servers of Halvern Borough on Monday and the attackers demanded bitcoin. Halvern Borough paid nothing. Separately, spies hacked the Marden Policy Council during the election.',
    );
    expect(v).toEqual(['Halvern Borough']);
  });

  it('drops a name told as spared or unrelated', () => {
    const v = names(
      'Ransomware hit Halvern Borough on Monday. The attack had no impact on Pellow Water’s operations, and the hacks on the Ostrey Trust were unrelated.',
    );
    expect(v).toEqual(['Halvern Borough']);
  });

  it('reads "X was one of several … hit"', () => {
    const v = names(
      'Ransomware hit Halvern Borough on Monday. Brisket Township was one of several local agencies hit by the same ransomware.',
    );
    expect(v).toEqual(['Halvern Borough', 'Brisket Township']);
  });
});

describe('name runs', () => {
  it('strips quotes, stops and a possessive after a name, and drops people-words and nationalities', () => {
    expect(names('Send 3 bitcoins to unlock all affected PC’s.” Ransomware hit Dorton Bank.')).toEqual(['Dorton Bank']);
    expect(
      names(
        'Employees of Harwick Mills were locked out by ransomware. Ransomware attacks have victimized many South Koreans.',
      ),
    ).toEqual(['Harwick Mills']);
  });
});
