// The report's threat-intelligence reading (analyze/extract/intel): techniques, data exposed and indicators, each
// with the sentence it rests on; denials, open questions and advice are not read as facts.
import { describe, expect, it } from 'vitest';
import { extractIntel } from '../../analyze/extract/intel/extract.ts';
import { loadIntelReference } from '../../analyze/extract/intel/reference.ts';
import { PROJECT } from '../../core/paths.ts';

const ref = loadIntelReference(PROJECT.reference);
const read = (text: string) => extractIntel(text, ref).map((i) => `${i.kind}:${i.value}`);

describe('extractIntel', () => {
  it('maps what an article says to ATT&CK techniques, with the sentence as evidence', () => {
    const text =
      'Staff opened a phishing e-mail on Monday. The intruders moved laterally and encrypted servers holding the ' +
      'records system. Investigators said the gang used stolen credentials belonging to a contractor.';
    const items = extractIntel(text, ref).filter((i) => i.kind === 'technique');
    expect(items.map((i) => i.value).sort()).toEqual(['T1021', 'T1078', 'T1486', 'T1566']);
    for (const i of items) expect(text.slice(i.evidence.start, i.evidence.end)).toBe(i.evidence.quote);
    expect(items.find((i) => i.value === 'T1566')!.evidence.quote).toBe('Staff opened a phishing e-mail on Monday.');
  });

  it('skips denials, open questions, advice and a group’s habits in general', () => {
    expect(
      read(
        'There is no evidence that patient records were stolen. Officials are checking whether data was exfiltrated. ' +
          'Patients should be wary of phishing calls. The group typically gets in through stolen VPN credentials.',
      ),
    ).toEqual([]);
  });

  it('reads kinds of data only where the sentence says they were exposed', () => {
    expect(read('The clinic keeps patient records on paper.')).toEqual([]);
    expect(read('The stolen files include patient records, staff payroll records and insurance details.')).toEqual(
      expect.arrayContaining(['data:patient-records', 'data:staff-data', 'data:financial-insurance']),
    );
  });

  it('lists CVE IDs anywhere, and domains only where named as attack infrastructure', () => {
    expect(read('The flaw, tracked as cve-2021-27101, was patched in March.')).toContain('cve:CVE-2021-27101');
    expect(read('More at www.hospital.example, the hospital said.')).toEqual([]);
    expect(read('The phishing e-mails linked to the lookalike domain payroll-update.example last week.')).toContain(
      'domain:payroll-update.example',
    );
    const leak = read('LockBit posted the files on its leak site lockbitleaks.onion on Friday.');
    expect(leak).toContain('leak-site:lockbitleaks.onion');
    expect(read('The group listed the hospital on its leak site.')).toContain('leak-site:');
  });

  it('carries the ATT&CK attribution in its source notes and a version that follows the cue files', () => {
    expect(ref.sources.join(' ')).toMatch(/The MITRE Corporation/);
    expect(ref.version).toMatch(/^intel-\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
  });

  it('tells a sentence naming no technique by one pattern, as every technique’s own cues tell it', () => {
    const sentences = [
      'Staff opened a phishing e-mail on Monday.',
      'The intruders moved laterally across the network.',
      'Thousands of patients were seen at the clinic last year.',
      'Die Angreifer verschlüsselten die Server des Klinikums.',
      'Хакеры зашифровали серверы больницы, used stolen credentials.',
      'A brute-force attack on the VPN portal.',
      'The hospital opened a new wing.',
    ];
    const own = (s: string) => [...ref.techniqueCues.values()].some((re) => re.test(s));
    for (const s of sentences) expect(ref.anyTechnique.test(s)).toBe(own(s));
    expect(sentences.filter(own).length).toBeGreaterThanOrEqual(3);
    expect(sentences.filter((s) => !own(s)).length).toBeGreaterThanOrEqual(2);
  });
});
