// Sector of a victim from the words of its name, else from the words describing it ("a private health insurer").
// The words are data (data/reference/lists/sector-SECTOR.yaml); the order below decides between sectors.
import type { Sector } from '../../core/records.ts';
import { listRe, type Lists } from './lists.ts';
import { fold } from './text.ts';

// a ministry outranks the hospitals it runs, an insurer the pharmacy benefits it manages, a vendor comes last
// (its words, "solutions", "technologies", name firms of every kind)
const ORDER: Exclude<Sector, 'other'>[] = [
  'health-agency',
  'insurer',
  'health-system',
  'lab',
  'pharma',
  'medical-device',
  'hospital',
  'clinic',
  'health-it-vendor',
];

export function sectorFromWords(words: string, lists: Lists): Sector | null {
  const f = fold(words);
  for (const sector of ORDER) if (listRe(lists, `sector-${sector}`).test(f)) return sector;
  return null;
}

export function sectorOf(name: string, description: string, lists: Lists): Sector {
  return sectorFromWords(name, lists) ?? sectorFromWords(description, lists) ?? 'other';
}
