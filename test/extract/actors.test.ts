import { describe, it, expect } from 'vitest';
import { sentences } from '../../analyze/extract/text.ts';
import { findActors } from '../../analyze/extract/actors.ts';
import { groupIndex, isGroupName, mergeGroups } from '../../analyze/extract/groups.ts';
import { ref } from './helpers.ts';

const actors = (text: string) => findActors(text, sentences(text), ref).map((a) => a.family ?? a.canonical);

describe('group table', () => {
  it('merges the galaxy rows under the curated names', () => {
    const tsv = [
      'kind\tcanonical\tnames\tcommon',
      'ransomware\tAlpha\tAlpha|Beta Locker\t',
      'ransomware\tAlpha4\tAlpha4\t',
      'actor\tGamma\tGamma|Delta\tDelta',
    ].join('\n');
    const g = mergeGroups([{ canonical: 'Alpha', aliases: ['Alpha 2.0'] }], tsv);
    expect(g[0]!.aliases).toEqual(['Alpha 2.0', 'Beta Locker', 'Alpha4']);
    expect(g[1]).toMatchObject({ canonical: 'Gamma', aliases: ['Delta'], common: ['Delta'], kind: 'actor' });
  });

  it('indexes thousands of names by their first word', () => {
    const idx = groupIndex(ref.groups);
    expect(idx.byName.size).toBeGreaterThan(3000);
    expect(isGroupName(ref.groups, 'LockBit')).toBe(true);
    expect(isGroupName(ref.groups, 'Royal')).toBe(false); // a word: may still be a victim's name
  });
});

describe('actors from the table', () => {
  it('finds galaxy names with group context', () => {
    expect(actors('Staff learned that the Rhysida ransomware gang had listed the clinic.')).toEqual(['Rhysida']);
    expect(actors('Investigators blamed the WannaCry ransomware for the outage at the surgery.')).toEqual(['WannaCry']);
  });

  it('maps numbered versions of a curated group to it', () => {
    expect(actors('A Lockbit3 affiliate encrypted the servers of the laboratory.')).toEqual(['LockBit']);
  });

  it('takes a common-word name only where the text calls it a group', () => {
    expect(actors('The Nova ransomware gang said it had taken patient files from the lab.')).toEqual(['Nova']);
    expect(actors('A ransomware group called Termite put the clinic on its site.')).toEqual(['Termite']);
    expect(actors("The data appeared on Interlock's leak site a week later.")).toEqual(['Interlock']);
    expect(actors('The breach at the dental chain was claimed by Embargo on Friday.')).toEqual(['Embargo']);
    expect(actors('Nova Scotia Health said its records were safe after the ransomware attack.')).toEqual([]);
    expect(actors('The embargo on imports hit the hospital supply chain, a ransomware expert said.')).toEqual([]);
    expect(actors('Snake bites rose this summer; the clinic was also hit by ransomware.')).toEqual([]);
  });

  it('does not take a platform or a word followed by a kind word as a group', () => {
    expect(actors('Researchers found new Android ransomware on phones of patients.')).toEqual([]);
  });

  it('keeps the group of another incident or a lineage apart', () => {
    expect(actors('The attack comes weeks after the Play ransomware gang hit a city council.')).toEqual([]);
    expect(actors('Analysts tied the newcomer to the Conti syndicate.')).toEqual([]);
  });

  it('never takes a nationality for a group name', () => {
    expect(actors('A Russian ransomware gang demanded $2 million from the hospital.')).toEqual([]);
  });
});

describe('actors found by construction', () => {
  it('reads names a group is introduced by', () => {
    expect(actors('The clinic was defaced by a group calling itself Crimson Otter Brigade.')).toEqual([
      'Crimson Otter Brigade',
    ]);
    expect(actors("A seller going by the alias 'zq7vault' offered the records for sale.")).toEqual(['zq7vault']);
    expect(actors('The Velvetfang ransomware gang posted samples of the stolen scans.')).toEqual(['Velvetfang']);
    expect(actors('The intrusion at the eye clinic was claimed by Morrowbyte on Tuesday.')).toEqual(['Morrowbyte']);
    expect(actors('The intrusion was claimed by Russian hackers.')).toEqual([]);
  });

  it('reads Spanish, French and Dutch constructions', () => {
    expect(actors('Los datos fueron vendidos por el grupo de hackers conocido como Qu4rtz.')).toEqual(['Qu4rtz']);
    expect(actors('La clinique a été attaquée par le groupe de hackers Kestrelion.')).toEqual(['Kestrelion']);
    expect(actors('Hackersgroep Brambleworm heeft de gegevens van het lab gestolen.')).toEqual(['Brambleworm']);
  });

  it('takes no place, nationality or function word as a name', () => {
    expect(actors('The ransomware group Ukraine said nothing.')).toEqual([]);
    expect(actors('A hacker group known as The gang was not named.')).toEqual([]);
  });
});
