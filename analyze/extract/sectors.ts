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

// "Labs" names security research firms as often as clinical laboratories: beside words of security research ("the
// X Labs threat research team said") the name tells no health sector
const RESEARCH = /\b(?:threat|security|cyber\w*|research(?:ers?)?|intelligence|malware|antivirus|software)\b/i;

export function sectorOf(name: string, description: string, lists: Lists): Sector {
  const own = sectorFromWords(name, lists);
  if (own && own !== 'lab') return own;
  const described = sectorFromWords(description, lists);
  if (own === 'lab' && !described && RESEARCH.test(description)) return 'other';
  return own ?? described ?? 'other';
}

// the words after a name describe it until a coordinated name begins: "global shipper FedEx Corp and Britain's
// National Health Service" tells nothing of FedEx's sector
const NEXT_CONJUNCT = /\s+(?:and|or|&|as well as)\s+(?=(?:the\s+)?\p{Lu})/u;
/** The words after a name up to the end of its clause or the next coordinated name. */
// (a legal form with stops set off after the name is no end of its description: "X, P.C., an orthopedic practice")
const SUFFIX_FIRST = /^,?[ \t]*(?:P\.[CA]\.|Inc\.|L\.L\.C\.|L\.L\.P\.|Ltd\.|Co\.|Corp\.|S\.A\.|N\.V\.|B\.V\.)(?=,)/;
export const ownDescription = (after: string) =>
  after
    .replace(SUFFIX_FIRST, '')
    .split(/[.;\n]/)[0]!
    .split(NEXT_CONJUNCT)[0]!;
