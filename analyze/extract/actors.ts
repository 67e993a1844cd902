// Ransomware/extortion groups named in the article, by canonical name (LockBit 3.0 → LockBit).
import type { Actor } from '../../core/records.ts';
import type { GroupRef } from './reference.ts';
import { escapeRe, evidence, sentenceAt, type Span } from './text.ts';

interface Pattern { re: RegExp; group: GroupRef; strict: boolean }
const compiled = new WeakMap<GroupRef[], Pattern[]>();

function patterns(groups: GroupRef[]): Pattern[] {
  const hit = compiled.get(groups);
  if (hit) return hit;
  const out: Pattern[] = [];
  for (const group of groups) {
    const names = [group.canonical, ...(group.aliases ?? [])].sort((a, b) => b.length - a.length);
    const alt = names.map(escapeRe).join('|');
    // Ambiguous names must be written as names are (capitalised); distinctive ones match in any case.
    out.push({ re: new RegExp(String.raw`(?<![\p{L}\d])(?:${alt})(?![\p{L}\d])`, group.ambiguous ? 'gu' : 'giu'), group, strict: !!group.ambiguous });
  }
  compiled.set(groups, out);
  return out;
}

const GROUP_CONTEXT = /\b(?:ransomware|gang|group|operators?|affiliates?|leak site|extortion|crew|strain|hackers|threat actors?|claimed|variant|encryptor)\b/i;
// Listing other groups in passing is not an attribution.
const IN_PASSING = /\b(?:such as|like|including|rivals?|other groups|previous attacks)\s+(?:the\s+)?$/i;
// Lineage and comparison: "linked to members of the now-disbanded Conti", "similarities … with that of Conti",
// "some of its operators previously worked with the Conti syndicate", "a rebrand of MountLocker".
const LINEAGE = /\b(?:linked to|ties to|tied to|members of|that of|worked (?:with|for)|similarit(?:y|ies)|rebrand(?:ed)? (?:of|from)|successor (?:to|of)|formerly|offshoot of|splinter\w*|previously|compared (?:to|with)|former|disbanded|defunct)\b[^.;]{0,40}$/i;

export function findActors(text: string, sents: Span[], groups: GroupRef[]): Actor[] {
  const found = new Map<string, Actor>();
  for (const p of patterns(groups)) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index, end = start + m[0].length;
      const s = sentenceAt(sents, start);
      if (!s || found.has(p.group.canonical)) continue;
      if (IN_PASSING.test(text.slice(Math.max(s.start, start - 25), start))) continue;
      if (LINEAGE.test(text.slice(Math.max(s.start, start - 70), start))) continue;
      if (p.strict) {
        if (!GROUP_CONTEXT.test(s.text)) continue;
        // part of a longer proper name: "Royal Free Hospital", "Hive Social", "The Royal"
        if (/^\s+\p{Lu}/u.test(text.slice(end, end + 3)) && !/^\s+(?:ransomware|Ransomware|RaaS)/.test(text.slice(end, end + 12))) continue;
        const prevWord = /(\p{Lu}[\p{L}]*)\s+$/u.exec(text.slice(Math.max(s.start, start - 20), start))?.[1];
        if (prevWord && !/^(?:The|A|An|By|From|And|Of|In|On|At|Both|Researchers|Police)$/.test(prevWord)) continue;
      }
      found.set(p.group.canonical, { name: m[0], canonical: p.group.canonical, evidence: evidence(text, s.start, s.end) });
    }
  }
  return [...found.values()].sort((a, b) => a.evidence.start - b.evidence.start);
}
