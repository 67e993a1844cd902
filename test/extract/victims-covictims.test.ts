// Co-victims, acronyms, earlier ransom attacks told in passing, and names that are places or sources.
import { describe, it, expect } from 'vitest';
import { extract } from '../../analyze/extract/index.ts';
import { abbreviates } from '../../analyze/extract/orgnames.ts';
import { article, ref } from './helpers.ts';

const names = (text: string) => extract(article(text, '2018-05-10T10:00:00Z'), ref).victims.map((v) => v.name);

describe('co-victims and acronyms', () => {
  it('keeps a second organisation named in a victim position beside a firm of another sector', () => {
    const v = names(
      'Ransomware hit Larkmoor Logistics Ltd on Monday, encrypting its records. The same gang attacked Pellham Freight Corp the week before. Larkmoor Logistics Ltd said deliveries continued.',
    );
    expect(v).toEqual(expect.arrayContaining(['Larkmoor Logistics Ltd', 'Pellham Freight Corp']));
  });

  it("does not keep the same gang's other victim of another sector beside a hospital", () => {
    const v = names(
      'Ransomware hit Larkmoor General Hospital on Monday, encrypting its records. The same gang attacked Pellham Freight Corp the week before. Larkmoor General Hospital said care continued.',
    );
    expect(v).toEqual(['Larkmoor General Hospital']);
  });

  it('does not keep a company only quoted beside the victim', () => {
    const v = names(
      'Ransomware hit Larkmoor General Hospital on Monday, encrypting its records. Patients of Danfield Pharmacy Services were told to wait. Larkmoor General Hospital said care continued.',
    );
    expect(v).toEqual(['Larkmoor General Hospital']);
  });

  it('keeps "New" when it starts a place or an organisation name', () => {
    expect(names('New Carrow Spine Center was hit by ransomware on Tuesday and paid the attackers.')).toContain(
      'New Carrow Spine Center',
    );
    expect(names('The New Jersey Orthopedic Group was hit by ransomware on Tuesday.')).toContain(
      'New Jersey Orthopedic Group',
    );
  });

  it('reads an acronym the article uses without defining it as the full name', () => {
    expect(abbreviates('CDOT', 'Colorado Department of Transportation')).toBe(true);
    expect(abbreviates('BRWA', 'Brenmoor River Water Authority')).toBe(true);
    expect(abbreviates('BRWA', 'Calder Water Authority')).toBe(false);
    const v = names(
      "The Brenmoor River Water Authority's servers were hit by a ransomware attack on Sunday. BRWA said billing was down. BRWA staff restored backups, and BRWA will not pay.",
    );
    expect(v).toEqual(['Brenmoor River Water Authority']);
  });

  it('lets a department be a victim only in a position no source takes', () => {
    expect(names('Hackers crippled the Orlen County Department of Roads with ransomware on Friday.')).toContain(
      'Orlen County Department of Roads',
    );
    expect(names('Ransomware hit Tessmar Foods on Friday, the Orlen County Department of Roads said.')).not.toContain(
      'Orlen County Department of Roads',
    );
  });
});

describe('earlier ransom attacks and places', () => {
  it('names the victim of an earlier ransom attack told in passing, after the current one', () => {
    const v = names(
      'Ransomware hit Quarry Valley Water Board this week. Last year, Bellwin Community College paid a $30,000 ransom to get its files back.',
    );
    expect(v).toEqual(['Quarry Valley Water Board', 'Bellwin Community College']);
  });

  it('leaves out an earlier ransom victim of another sector in a story about a clinic', () => {
    const v = names(
      'Ransomware hit Quarry Valley Clinic this week. Last year, Bellwin Community College paid a $30,000 ransom to get its files back.',
    );
    expect(v).toEqual(['Quarry Valley Clinic']);
  });

  it('does not name the victim of an earlier attack that was no ransom attack', () => {
    const v = names(
      'Ransomware hit Quarry Valley Clinic this week. In 2014, hackers breached Ostrander Pictures and leaked its emails.',
    );
    expect(v).toEqual(['Quarry Valley Clinic']);
  });

  it('does not read a place after "in" as a victim', () => {
    const v = names(
      'Attackers encrypted the servers of Halden Regional Medical Center in Brookfield on Monday. Halden Regional Medical Center paid nothing.',
    );
    expect(v).toEqual(['Halden Regional Medical Center']);
  });

  it('reads "the city of X" followed by a clause as the victim', () => {
    expect(
      names('The outage followed a ransomware attack on the City of Fernhollow that has lasted a week.'),
    ).toContain('City of Fernhollow');
  });
});

describe('service departments', () => {
  it('takes a service department in any victim position, never a justice department', () => {
    expect(names('Staff at the Orlen Department of Transportation were locked out by ransomware on Monday.')).toContain(
      'Orlen Department of Transportation',
    );
    expect(names('Staff at the Orlen Department of Justice said ransomware hit Tessmar Foods.')).not.toContain(
      'Orlen Department of Justice',
    );
  });
});

describe('city governments', () => {
  it('reads the subject after a clause about the attack on "it"', () => {
    expect(
      names(
        'A week after it became the target of a large ransomware attack, the City of Fenwick has restored its payroll.',
      ),
    ).toContain('City of Fenwick');
  });

  it('takes a bare city name as victim only where the article calls it "the city of X"', () => {
    const v = names(
      'A ransomware attack hit the city of Atlanta in March. Hackers launched a ransomware attack against Atlanta that encrypted city systems.',
    );
    expect(v).toEqual(['Atlanta']);
    expect(names('Hackers launched a ransomware attack against Atlanta hospitals and clinics.')).toEqual([]);
  });
});

describe('where the incident happened', () => {
  it('reads "another ransom attack was spotted in X" for a named hospital', () => {
    const v = names(
      'Ransomware hit Quarry Valley Clinic this week. Another incident that ended in a ransom payment was spotted in Fallow Heart Hospital last spring.',
    );
    expect(v).toEqual(['Quarry Valley Clinic', 'Fallow Heart Hospital']);
  });
});
