// CASIE's healthcare articles under our own labels (bench/labels/casie-health.jsonl, read bench/labels/README.md),
// measured as a healthcare-news split: each half is joined with its texts from CASIE, written out and scored by the
// healthcare-news score.mjs. Used by bench/casie-health.ts, bench/quality/repin.ts and test/extract/quality.test.ts.
// The set's sha256 covers both inputs: sha256 of "<labels sha256> <casie sha256>".
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, makeTemp, rmTemp, sha256File } from './cli.ts';
import { CASIE_PATH, HN_DIR, measureSplit, type RunOptions, type SplitResult } from './measure.ts';

/** Our label sets over CASIE texts: its healthcare articles, and incident reports of any sector (casie-generic). */
export const LABEL_SETS = ['casie-health', 'casie-generic'] as const;
export type LabelSet = (typeof LABEL_SETS)[number];
export const labelsPath = (set: LabelSet) => join(ROOT, `bench/labels/${set}.jsonl`);
export type Half = 'a' | 'b';

export interface Label {
  id: string;
  published: string;
  half: string;
  [field: string]: unknown;
}
export const jsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

// (both halves are measured in one process: CASIE's 5.8 MB is parsed once)
const parsed = new Map<string, Map<string, { title: string; text: string }>>();
function casieTexts(path: string): Map<string, { title: string; text: string }> {
  let m = parsed.get(path);
  if (!m) {
    m = new Map(jsonl<{ id: string | number; title: string; text: string }>(path).map((r) => [String(r.id), r]));
    parsed.set(path, m);
  }
  return m;
}

export const casieHealthAvailable = (casie = CASIE_PATH, scorerDir = HN_DIR, set: LabelSet = 'casie-health') =>
  existsSync(casie) && existsSync(join(scorerDir, 'score.mjs')) && existsSync(labelsPath(set));

/**
 * One half of a label set, measured (set `<labels>/<half>`, casie-health by default); null when CASIE or the scorer
 * is absent. `keep` leaves the run's temp dir (pred.jsonl inside) for the caller, who removes it with rmTemp.
 */
export async function measureCasieHealth(
  half: Half,
  opts: RunOptions & { keep?: boolean; casie?: string; scorerDir?: string; labels?: LabelSet } = {},
): Promise<(SplitResult & { gold: Label[] }) | null> {
  const casie = opts.casie ?? CASIE_PATH,
    scorerDir = opts.scorerDir ?? HN_DIR,
    set = opts.labels ?? 'casie-health',
    labels = labelsPath(set);
  if (!casieHealthAvailable(casie, scorerDir, set)) return null;
  const texts = casieTexts(casie);
  const gold = jsonl<Label>(labels)
    .filter((l) => l.half === half)
    .map((l) => {
      const a = texts.get(l.id);
      if (!a) throw new Error(`${set}: article ${l.id} of ${labels} is not in ${casie}`);
      return { ...l, text: `${a.title}\n${a.text}` };
    });
  const tmp = makeTemp(`${set}-${half}`);
  try {
    symlinkSync(join(scorerDir, 'score.mjs'), join(tmp, 'score.mjs'));
    writeFileSync(join(tmp, `${half}.jsonl`), `${gold.map((g) => JSON.stringify(g)).join('\n')}\n`);
    const r = await measureSplit(tmp, half, opts);
    if (!r) return null;
    const sha256 = createHash('sha256')
      .update(`${sha256File(labels)} ${sha256File(casie)}`)
      .digest('hex');
    const measured = { ...r.measured, set: `${set}/${half}`, source: `${labels} + ${casie}`, sha256 };
    return { ...r, measured, gold };
  } finally {
    rmTemp(tmp);
  }
}
