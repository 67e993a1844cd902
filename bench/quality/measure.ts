// Measures the extractor on each labelled data set and returns figures keyed as in floors.json, with the sha256 of
// the data measured. Used by bench/extract.ts (prints), bench/quality/repin.ts (writes floors) and
// test/extract/quality.test.ts (fails below floors).
//
// Data sets (the keys of floors.json):
// - demo: the labelled demo sources, demo/src/articles/*.md (text and labels in one file each), scored in
//   process by ./score.ts. sha256 = sha256 of the lines `<file name> <sha256 of the file>\n`, files in name order.
// - casie: CASIE (../shared/benchmarks/casie/casie.jsonl), in process, by the protocol of ./score-casie.ts.
// - casie/score.mjs: the same file through the CLI and the healthcare-news score.mjs `casie` mode.
// - healthcare-news/<split>: dev.jsonl, check.jsonl of ../shared/benchmarks/healthcare-news through the CLI and
//   its score.mjs (`extract`, and `cluster` over `triage ingest --dir` + `triage incidents --json`).
// For the last three, sha256 is that of the .jsonl file; the scorer's sha256 is pinned beside it.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync as writeTextFile } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { extract } from '../../analyze/extract/index.ts';
import { readLocalFile } from '../../ingest/local.ts';
import { cleanFetchedPageAsync } from '../../ingest/clean/page.ts';
import { systemClock } from '../../core/effects.ts';
import type { CleanArticle } from '../../core/records.ts';
import { loadDemoArticles, scoreAll, FIELDS, type FieldScore, type Miss } from './score.ts';
import { loadCasie, scoreCasie, type CasieMiss, type CasieScores } from './score-casie.ts';
import { ROOT, SHARED, cliExtract, cliIncidents, makeTemp, rmTemp, scoreMjs, sha256File, writeTexts } from './cli.ts';
import { extractCliLines, incidentsCliJson, ref } from './inprocess.ts';

export { ref };
/** `inProcess`: run the CLI's steps in this process (./inprocess.ts) instead of spawning `triage`. */
export interface RunOptions {
  inProcess?: boolean;
}
const runners = (o: RunOptions) =>
  o.inProcess
    ? { lines: extractCliLines, incidents: incidentsCliJson }
    : { lines: cliExtract, incidents: cliIncidents };

export type Figures = Record<string, number | null>;
export interface Measured {
  set: string;
  source: string;
  sha256: string;
  scorer_sha256?: string;
  figures: Figures;
}

export const DEMO_DIR = join(ROOT, 'demo/src/articles');
export const CASIE_PATH = process.env.TRIAGE_CASIE ?? join(SHARED, 'benchmarks/casie/casie.jsonl');
export const HN_DIR = join(SHARED, 'benchmarks/healthcare-news');

/** The issue 14 goals for the healthcare-news figures (a field absent here has none). */
export const HN_GOALS: Figures = {
  relevance: 0.95,
  victim: 0.9,
  ransom: 0.85,
  ransom_kind: 0.8,
  actor: 0.9,
  date: 0.8,
  records: 0.8,
  country: 0.9,
  types: 0.85,
  cluster: 0.9,
};
/** The healthcare-news figures in print order, with their labels. */
export const HN_FIELDS: [string, string][] = [
  ['relevance', 'relevance F1'],
  ['victim', 'victim F1'],
  ['ransom', 'ransom amount+currency F1'],
  ['ransom_kind', 'ransom with kind F1'],
  ['actor', 'actor accuracy'],
  ['date', 'attack date exact'],
  ['records', 'records within 1 %'],
  ['country', 'country accuracy'],
  ['types', 'attack-type set F1'],
  ['payment', 'payment method accuracy'],
  ['disputed', 'disputed accuracy'],
  ['downtime', 'downtime exact'],
  ['cluster', 'clustering pairwise F1'],
];

export function demoHash(dir = DEMO_DIR): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  return createHash('sha256')
    .update(files.map((f) => `${f} ${sha256File(join(dir, f))}\n`).join(''))
    .digest('hex');
}

export interface DemoResult {
  measured: Measured;
  scores: Record<string, FieldScore>;
  misses: Miss[];
  n: number;
}

export function measureDemo(dir = DEMO_DIR): DemoResult | null {
  const items = loadDemoArticles(dir);
  if (!items.length) return null;
  const { scores, misses } = scoreAll(items, (a) => extract(a, ref()));
  const figures = Object.fromEntries(FIELDS.map((f) => [f, r3(scores[f].f1)]));
  // floors are pinned for the project's own demo sources only
  const set = resolve(dir) === resolve(DEMO_DIR) ? 'demo' : `demo (${dir})`;
  return { measured: { set, source: dir, sha256: demoHash(dir), figures }, scores, misses, n: items.length };
}

/** CASIE by ./score-casie.ts; `split` keeps the even or odd lines (then the figures are for no floor). */
export function measureCasie(
  path = CASIE_PATH,
  split?: 'even' | 'odd',
): { measured: Measured; scores: CasieScores; misses: CasieMiss[] } | null {
  const all = loadCasie(path);
  const items = split ? all.filter((_, i) => i % 2 === (split === 'even' ? 0 : 1)) : all;
  if (!items.length) return null;
  const { scores, misses } = scoreCasie(items, (a) => extract(a, ref()));
  const figures = { price: r3(scores.price.f1), payment: r3(scores.payment.f1), victims: r3(scores.victims.f1) };
  const set = split ? `casie (${split} half)` : 'casie';
  return { measured: { set, source: path, sha256: sha256File(path), figures }, scores, misses };
}

const r3 = (x: number) => +x.toFixed(3);
const f1 = (x: unknown): number | null => (x as { f1?: number } | undefined)?.f1 ?? null;
const num = (x: unknown): number | null => (typeof x === 'number' ? x : null);

/** CASIE through the CLI and score.mjs `casie` (Price, Payment-Method, Victim organisation of Actual Ransom events). */
export async function measureCasieMjs(
  path = CASIE_PATH,
  scorer = join(HN_DIR, 'score.mjs'),
  o: RunOptions = {},
): Promise<Measured | null> {
  if (!existsSync(path) || !existsSync(scorer)) return null;
  const tmp = makeTemp('casie');
  try {
    const records = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; date: string; title: string | null; text: string });
    const files = writeTexts(
      tmp,
      records.map((r) => ({
        id: String(r.id),
        text: r.text,
        title: r.title,
        published: /^\d{4}_\d{2}_\d{2}$/.test(r.date) ? r.date.replace(/_/g, '-') : null,
      })),
    );
    const pred = join(tmp, 'pred.jsonl');
    writeTextFile(pred, await runners(o).lines(files));
    const out = await scoreMjs(scorer, 'casie', path, pred);
    return {
      set: 'casie/score.mjs',
      source: path,
      sha256: sha256File(path),
      scorer_sha256: sha256File(scorer),
      figures: { price: f1(out.price), payment: f1(out.payment_method), victim_org: f1(out.victim_org) },
    };
  } finally {
    rmTemp(tmp);
  }
}

export interface SplitResult {
  measured: Measured;
  dir: string;
  extract: Record<string, unknown>;
  cluster: Record<string, unknown> | null;
}

/**
 * One split of a healthcare-news style benchmark: texts to `<id>.txt` in a temp dir, `triage extract --jsonl`,
 * score.mjs extract; unless `cluster` is false, `triage ingest --dir` + `incidents --json` into a temp DuckDB and
 * score.mjs cluster.
 * `keep` leaves the temp dir (its path is returned) for a later in-process speed run; remove it with rmTemp.
 */
export async function measureSplit(
  dir: string,
  split: string,
  opts: RunOptions & { cluster?: boolean; keep?: boolean } = {},
): Promise<SplitResult | null> {
  const gold = join(dir, `${split}.jsonl`),
    scorer = join(dir, 'score.mjs');
  if (!existsSync(gold) || !existsSync(scorer)) return null;
  const tmp = makeTemp(split);
  try {
    const texts = join(tmp, 'texts');
    mkdirSync(texts);
    const records = readFileSync(gold, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; text: string; published: string | null });
    const files = writeTexts(
      texts,
      records.map((r) => ({ id: r.id, text: r.text, published: r.published })),
    );
    const pred = join(tmp, 'pred.jsonl');
    const run = runners(opts);
    const [lines, incidents] = await Promise.all([
      run.lines(files),
      opts.cluster === false ? Promise.resolve(null) : run.incidents(texts, join(tmp, 't.duckdb')),
    ]);
    writeTextFile(pred, lines);
    const ex = await scoreMjs(scorer, 'extract', gold, pred);
    let cl: Record<string, unknown> | null = null;
    if (incidents !== null) {
      writeTextFile(join(tmp, 'incidents.json'), incidents);
      cl = await scoreMjs(scorer, 'cluster', gold, join(tmp, 'incidents.json'));
    }
    const figures: Figures = {
      relevance: f1(ex.relevance),
      victim: f1(ex.victim),
      ransom: f1(ex.ransom_amount_currency),
      ransom_kind: f1(ex.ransom_with_kind),
      actor: num(ex.actor_accuracy),
      date: num(ex.attack_date_exact),
      records: num(ex.records_exact),
      country: num(ex.country_accuracy),
      types: f1(ex.attack_types),
      payment: num(ex.payment_method_accuracy),
      disputed: num(ex.disputed_accuracy),
      downtime: num(ex.downtime_exact),
      ...(cl ? { cluster: f1(cl) } : {}),
    };
    const set = `${basename(dir)}/${split}`;
    const measured = { set, source: gold, sha256: sha256File(gold), scorer_sha256: sha256File(scorer), figures };
    return { measured, dir: tmp, extract: ex, cluster: cl };
  } finally {
    if (!opts.keep) rmTemp(tmp);
  }
}

/**
 * Articles per second of extract() in this thread over the files, cleaned first as `triage extract` cleans them: by
 * the wall clock, and per second of this process's CPU time (which also counts V8's compiler and collector threads).
 * The steady figure comes after `warm` rounds, as in an analyze run over thousands of documents, where the first
 * hundred articles pay for compiling the extractor; the first pass over the files is reported beside it.
 */
export interface Speed {
  perSecond: number;
  perCpuSecond: number;
  firstPass: number;
  articles: number;
  meanChars: number;
  rounds: number;
  warm: number;
}

export async function extractSpeed(files: string[], rounds = 10, warm = 3): Promise<Speed> {
  const articles: CleanArticle[] = [];
  for (const f of files) {
    try {
      articles.push(await cleanFetchedPageAsync(await readLocalFile(f, { clock: systemClock })));
    } catch {
      /* a file the CLI also rejects */
    }
  }
  const r = ref();
  const w0 = performance.now();
  for (const a of articles) extract(a, r);
  const firstPass = articles.length / ((performance.now() - w0) / 1000);
  for (let i = 1; i < warm; i++) for (const a of articles) extract(a, r);
  const t0 = performance.now(),
    c0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) for (const a of articles) extract(a, r);
  const secs = (performance.now() - t0) / 1000,
    c = process.cpuUsage(c0),
    cpuSecs = (c.user + c.system) / 1e6;
  const meanChars = articles.reduce((n, a) => n + a.text.length, 0) / Math.max(1, articles.length);
  const n = rounds * articles.length;
  return {
    perSecond: n / secs,
    perCpuSecond: n / cpuSecs,
    firstPass,
    articles: articles.length,
    meanChars,
    rounds,
    warm,
  };
}
