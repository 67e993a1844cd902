// Reference for the report's threat-intelligence reading (data/reference/intel/): the ATT&CK subset with its
// attribution, our cue lists for techniques, data categories and indicators, and our advice per mitigation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml as parse } from '../../../core/yaml.ts';
import { z } from 'zod';
import { ConfigError } from '../../../core/errors.ts';
import { sha256 } from '../../../core/hash.ts';
import { withTwin } from '../fastre.ts';
import { escapeRe } from '../text.ts';

const Source = z.string().min(10);
const Cues = z.array(z.string().min(1)).min(1);
const Attack = z.object({
  source: Source,
  tactics: z.array(z.string()),
  techniques: z.array(
    z.object({ id: z.string(), name: z.string(), tactics: z.array(z.string()), mitigations: z.array(z.string()) }),
  ),
  mitigations: z.array(z.object({ id: z.string(), name: z.string() })),
});
const TechniqueCues = z.object({
  source: Source,
  note: z.string(),
  negations: Cues,
  techniques: z.record(z.string(), Cues),
});
const DataCategories = z.object({
  source: Source,
  note: z.string(),
  exposure: Cues,
  categories: z.array(z.object({ id: z.string(), label: z.string(), cues: Cues })),
});
const IndicatorCues = z.object({ source: Source, note: z.string(), infrastructure: Cues, leak_site: Cues });
const Recommendations = z.object({
  source: Source,
  note: z.string(),
  techniques: z.record(z.string(), z.array(z.string())),
  advice: z.record(z.string(), z.string().min(20)),
});

export type AttackRef = z.infer<typeof Attack>;
/** The reader's code version; the stored facts are re-read when it or any cue file changes. */
export const INTEL_READER = 'intel-0.2.0';

export interface IntelReference {
  /** INTEL_READER plus a hash of the cue files: what stored facts were read with */
  version: string;
  attack: AttackRef;
  /** technique ID → its cue pattern */
  techniqueCues: Map<string, RegExp>;
  /** every technique's cues in one pattern: a sentence it does not match names no technique (speed only) */
  anyTechnique: RegExp;
  negation: RegExp;
  exposure: RegExp;
  categories: { id: string; label: string; re: RegExp }[];
  infrastructure: RegExp;
  leakSite: RegExp;
  /** technique ID → mitigation IDs to advise, in order */
  advise: Map<string, string[]>;
  advice: Map<string, string>;
  /** the source notes, for the report's methodology */
  sources: string[];
}

/** Whole-word, case-insensitive alternation of cue entries ("/pattern/" entries are patterns), run by its plain-text
 * twin where it reads alike (fastre.ts: the same matches, faster). */
export function cueRe(cues: readonly string[]): RegExp {
  const alts = cues
    .map((w) => (w.length > 2 && w.startsWith('/') && w.endsWith('/') ? w.slice(1, -1) : escapeRe(w)))
    .map((w) => w.replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length);
  return withTwin(new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alts.join('|')})(?![\p{L}\p{N}])`, 'iu'));
}

function read<T>(dir: string, file: string, schema: z.ZodType<T>, texts: string[] = []): T {
  const path = join(dir, 'intel', file);
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    texts.push(text);
    raw = file.endsWith('.json') ? JSON.parse(text) : parse(text);
  } catch (err) {
    throw new ConfigError(`cannot read reference file: ${(err as Error).message}`, path);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`invalid reference file: ${parsed.error.issues[0]?.message}`, path);
  return parsed.data;
}

/** Loads and cross-checks data/reference/intel/: every cue and advice names a known technique or mitigation. */
export function loadIntelReference(referenceDir: string): IntelReference {
  const texts: string[] = [];
  const attack = read(referenceDir, 'attack.json', Attack);
  const cues = read(referenceDir, 'technique-cues.yaml', TechniqueCues, texts);
  const data = read(referenceDir, 'data-categories.yaml', DataCategories, texts);
  const ind = read(referenceDir, 'indicator-cues.yaml', IndicatorCues, texts);
  const rec = read(referenceDir, 'recommendations.yaml', Recommendations);
  const techniques = new Map(attack.techniques.map((t) => [t.id, t]));
  const where = join(referenceDir, 'intel');
  for (const id of [...Object.keys(cues.techniques), ...Object.keys(rec.techniques)])
    if (!techniques.has(id)) throw new ConfigError(`unknown ATT&CK technique ${id}`, where);
  for (const [id, ms] of Object.entries(rec.techniques))
    for (const m of ms)
      if (!techniques.get(id)!.mitigations.includes(m) || !(m in rec.advice))
        throw new ConfigError(`${m} is not an ATT&CK mitigation of ${id} with advice`, where);
  return {
    version: `${INTEL_READER}+${sha256(texts.join('\u0000')).slice(0, 12)}`,
    attack,
    techniqueCues: new Map(Object.entries(cues.techniques).map(([id, c]) => [id, cueRe(c)])),
    anyTechnique: cueRe(Object.values(cues.techniques).flat()),
    negation: cueRe(cues.negations),
    exposure: cueRe(data.exposure),
    categories: data.categories.map((c) => ({ id: c.id, label: c.label, re: cueRe(c.cues) })),
    infrastructure: cueRe(ind.infrastructure),
    leakSite: cueRe(ind.leak_site),
    advise: new Map(Object.entries(rec.techniques)),
    advice: new Map(Object.entries(rec.advice)),
    sources: [attack.source, cues.source, data.source, ind.source, rec.source],
  };
}

/** What the report needs of the reference (plain data, no patterns): names, tactics, advice, category labels. */
export interface IntelCatalogue {
  tactics: string[];
  techniques: { id: string; name: string; tactics: string[] }[];
  mitigations: Record<string, string>;
  advise: Record<string, string[]>;
  advice: Record<string, string>;
  categories: { id: string; label: string }[];
  /** canonical group name → its aliases (data/reference/groups.yaml) */
  aliases: Record<string, string[]>;
  sources: string[];
}

const GroupsFile = z.array(z.object({ canonical: z.string(), aliases: z.array(z.string()).default([]) }).loose());

export function intelCatalogue(ref: IntelReference, referenceDir: string): IntelCatalogue {
  const path = join(referenceDir, 'groups.yaml');
  const groups = GroupsFile.safeParse(parse(readFileSync(path, 'utf8')));
  if (!groups.success) throw new ConfigError('invalid group list', path);
  return {
    tactics: ref.attack.tactics,
    techniques: ref.attack.techniques.map((t) => ({ id: t.id, name: t.name, tactics: t.tactics })),
    mitigations: Object.fromEntries(ref.attack.mitigations.map((m) => [m.id, m.name])),
    advise: Object.fromEntries(ref.advise),
    advice: Object.fromEntries(ref.advice),
    categories: ref.categories.map((c) => ({ id: c.id, label: c.label })),
    aliases: Object.fromEntries(groups.data.map((g) => [g.canonical, g.aliases])),
    sources: ref.sources,
  };
}
