// Threat-intelligence reading of one article for the report: which ATT&CK techniques it describes, what kinds of
// data it says were exposed, and the indicators it names (CVE IDs, domains named as attack infrastructure, leak
// sites). Sentence by sentence, each fact with its sentence as evidence; negated sentences are skipped. New and
// separate from the incident extraction, whose output it does not touch.
import type { IntelItem } from '../../../core/records.ts';
import { sentences } from '../text.ts';
import type { IntelReference } from './reference.ts';

// Formats, not word lists: a CVE ID, and a host name (two or more labels, a letter-only top-level label).
const CVE = /\bCVE-\d{4}-\d{4,7}\b/gi;
const DOMAIN =
  /(?<![\p{L}\p{N}@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:onion|[a-z]{2,12})(?![\p{L}\p{N}-])/giu;
/** Abbreviations written with dots that the host pattern would otherwise take for names ("e.g", "U.S"). */
const NOT_HOST = /^(?:[a-z]\.)+[a-z]$|^(?:e\.g|i\.e|etc|u\.s|u\.k)$/i;

export function extractIntel(text: string, ref: IntelReference): IntelItem[] {
  const out: IntelItem[] = [];
  const seen = new Set<string>();
  const add = (kind: IntelItem['kind'], value: string, s: { start: number; end: number; text: string }) => {
    const key = `${kind}\u0000${value}`;
    if (seen.has(key)) return; // the first sentence that says it is the evidence
    seen.add(key);
    out.push({ kind, value, evidence: { quote: s.text, start: s.start, end: s.end } });
  };
  for (const s of sentences(text)) {
    for (const m of s.text.matchAll(CVE)) add('cve', m[0].toUpperCase(), s);
    if (ref.negation.test(s.text)) continue;
    if (ref.anyTechnique.test(s.text))
      for (const [id, re] of ref.techniqueCues) if (re.test(s.text)) add('technique', id, s);
    if (ref.exposure.test(s.text)) for (const c of ref.categories) if (c.re.test(s.text)) add('data', c.id, s);
    if (!ref.infrastructure.test(s.text)) continue;
    const hosts = [...s.text.matchAll(DOMAIN)].map((m) => m[0].toLowerCase()).filter((h) => !NOT_HOST.test(h));
    const leak = ref.leakSite.test(s.text);
    for (const h of hosts) add(leak ? 'leak-site' : 'domain', h, s);
    if (leak && hosts.length === 0) add('leak-site', '', s);
  }
  return out;
}
