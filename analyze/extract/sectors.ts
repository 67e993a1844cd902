// Sector of a victim from the words of its name, else from the words describing it ("a private health insurer").
import type { Sector } from '../../core/records.ts';
import { fold } from './text.ts';

const RULES: [Sector, RegExp][] = [
  ['health-agency', /\b(?:ministry|department of health|health department|health service executive|health authority|public health|azienda sanitaria|health board|health service|directorate|agenzia)\b/],
  ['insurer', /\b(?:insurer|insurance|assurance|health plans?|blue cross|blue shield|health fund|seguro social)\b/],
  ['health-system', /\b(?:health ?systems?|healthcare system|health network|nhs (?:foundation )?trust|health partners|consorci sanitari|groupe hospitalier|grupo hospitalario)\b|\b(?:health|healthcare)$/],
  ['lab', /\b(?:laborator(?:y|ies)|laboratori[aoe]s?|laboratoire|labs?|diagnostics?|pathology|imaging)\b/],
  ['pharma', /\b(?:pharma\w*|drugmaker|biotech\w*|pharmacy|biologics|biosimilars?|vaccines?|maker of [\w\s-]{0,30}(?:drugs|medicines))\b/],
  ['medical-device', /\b(?:medical devices?|device maker|medtech|maker of [\w\s-]{0,30}(?:monitors|devices|pumps|implants|scanners|equipment))\b/],
  ['hospital', /\b(?:hospitals?|hopital|hopitaux|hospitalier|klinikum|universitatsklinikum|medical cent(?:er|re)|institute of medical sciences|infirmary|hospitalario|hospitalar|heart institute|cancer (?:institute|cent(?:er|re))|cardiac)\b/],
  ['clinic', /\b(?:health cent(?:er|re)|family practice|clinics?|klinik|clinica|clinique|practice|surgery|dental|physicians|medical group|dialysis|renal)\b/],
  ['health-it-vendor', /\b(?:software|solutions|technologies|health it|it supplier|it provider|vendor|supplier)\b/],
];

export function sectorFromWords(words: string): Sector | null {
  const f = fold(words);
  for (const [sector, re] of RULES) if (re.test(f)) return sector;
  return null;
}

export function sectorOf(name: string, description: string): Sector {
  return sectorFromWords(name) ?? sectorFromWords(description) ?? 'other';
}
