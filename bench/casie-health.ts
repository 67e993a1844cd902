// Extraction quality on the healthcare articles of CASIE, labelled by us in the healthcare-news schema.
// Usage: npm run bench:casie-health -- [--half a|b] [--labels casie-health|casie-generic] [--casie PATH]
//        [--scorer DIR] [--show FIELDS]
//   Labels: bench/labels/casie-health.jsonl (129 articles: 40 incident reports, 89 tempting negatives; read
//   bench/labels/README.md). The texts stay in ../shared/benchmarks/casie/casie.jsonl: each article is its
//   title, a line break and its text, published on CASIE's date. Both halves (split by incident) are written out
//   and scored as healthcare-news splits are (`triage extract`, `ingest --dir` + `incidents`, score.mjs from
//   ../shared/benchmarks/healthcare-news or --scorer DIR). Rules are shaped on half a and confirmed on half b.
//   --show FIELDS (comma list of victim,ransom,actor,date,records,country,types,relevant) prints half a's
//   misses of those fields, gold beside prediction (half b's are never printed).
//   --labels casie-generic: bench/labels/casie-generic.jsonl instead, CASIE's incident reports of every sector labelled
//   in the same schema (every record relevant: relevance there says only how many the healthcare gate lets through).
import { join } from 'node:path';
import { SHARED, rmTemp } from './quality/cli.ts';
import { CASIE_PATH, HN_DIR, HN_FIELDS, HN_GOALS } from './quality/measure.ts';
import {
  LABEL_SETS,
  casieHealthAvailable,
  labelsPath,
  jsonl,
  measureCasieHealth,
  type Half,
  type Label,
  type LabelSet,
} from './quality/casie-health.ts';

const args = process.argv.slice(2);
const opt = (name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const halves = (opt('--half') ? [opt('--half')!] : ['a', 'b']) as Half[];
const casie = opt('--casie') ?? CASIE_PATH;
const scorerDir = opt('--scorer') ?? HN_DIR;
const show = new Set((opt('--show') ?? '').split(',').filter(Boolean));
const set = (opt('--labels') ?? 'casie-health') as LabelSet;
if (!LABEL_SETS.includes(set)) {
  console.error(`bench:casie-health: --labels takes ${LABEL_SETS.join(' or ')}`);
  process.exit(2);
}
if (!casieHealthAvailable(casie, scorerDir, set)) {
  console.error(
    `bench:casie-health: CASIE (${casie}), score.mjs (${scorerDir}) or ${labelsPath(set)} not found (shared: ${SHARED})`,
  );
  process.exit(2);
}
if (halves.some((h) => h !== 'a' && h !== 'b')) {
  console.error('bench:casie-health: --half takes a or b');
  process.exit(2);
}

const results = await Promise.all(
  halves.map((h) => measureCasieHealth(h, { casie, scorerDir, labels: set, keep: show.size > 0 && h === 'a' })),
);
const n = results.map((r, i) => `${halves[i]} ${r!.extract.articles as number}`).join(', ');
console.log(`== CASIE ${set === 'casie-health' ? 'healthcare articles' : 'incident reports of every sector'}`);
console.log(`   (labels ${labelsPath(set)}): ${n} articles`);
console.log(`${'field'.padEnd(26)} ${halves.map((h) => `half ${h}`.padStart(7)).join(' ')}   goal`);
const fmt = (x: number | null | undefined) => (x == null ? '      –' : x.toFixed(3).padStart(7));
for (const [key, label] of HN_FIELDS) {
  const cells = results.map((r) => fmt(r!.measured.figures[key]));
  console.log(`${label.padEnd(26)} ${cells.join(' ')}   ${HN_GOALS[key] ?? ''}`);
}
const a = results[halves.indexOf('a')];
if (show.size && a) {
  printMisses(a.dir, a.gold, show);
  rmTemp(a.dir);
}

function sum(r: { kind: string; amount: number | null; currency: string }): string {
  return `${r.kind} ${r.amount} ${r.currency}`;
}

interface Pred {
  file: string;
  relevant?: boolean;
  victims?: { name: string; country: string | null }[];
  ransom?: { kind: string; amount: number | null; currency: string }[];
  actors?: { canonical: string }[];
  attack_date?: string | { date: string } | null;
  records_affected?: { count: number } | null;
  countries?: string[];
  attack_types?: string[];
  payment_method?: string | null;
}

function printMisses(dir: string, gold: Label[], fields: Set<string>): void {
  const preds = new Map<string, Pred>(
    jsonl<Pred>(join(dir, 'pred.jsonl')).map((p) => [String(p.file).replace(/^.*\/|\.txt$/g, ''), p]),
  );
  for (const g of gold) {
    const p: Partial<Pred> = preds.get(g.id) ?? {};
    const date = typeof p.attack_date === 'object' && p.attack_date ? p.attack_date.date : (p.attack_date ?? null);
    const pairs: [string, unknown, unknown][] = [
      ['relevant', g.relevant, p.relevant],
      ['victim', (g.victims as string[] | null)?.[0] ?? null, p.victims?.[0]?.name ?? null],
      [
        'ransom',
        ((g.ransom as { kind: string; amount: number; currency: string }[] | null) ?? []).map(sum).sort(),
        (p.ransom ?? []).map(sum).sort(),
      ],
      ['actor', g.actor, p.actors?.[0]?.canonical ?? null],
      ['date', g.attack_date, date],
      ['records', g.records_affected, p.records_affected?.count ?? null],
      ['country', g.victim_country, p.victims?.[0]?.country ?? p.countries?.[0] ?? null],
      ['payment', g.payment_method, p.payment_method ?? null],
      ['types', [...((g.attack_types as string[] | null) ?? [])].sort(), [...(p.attack_types ?? [])].sort()],
    ];
    for (const [f, want, got] of pairs) {
      if (!fields.has(f) || (!g.relevant && f !== 'relevant')) continue;
      if (JSON.stringify(want) !== JSON.stringify(got))
        console.log(`a ${g.id} ${f}: gold=${JSON.stringify(want)} pred=${JSON.stringify(got)}`);
    }
  }
}
