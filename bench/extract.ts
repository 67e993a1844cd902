// Quality and speed of analyze/extract on labelled data, checked against bench/quality/floors.json.
// Usage: npm run bench:extract -- [PATH ...] [--misses] [--casie-misses] [--casie-split even|odd] [--articles DIR]
//   PATH a directory: a benchmark laid out like ../shared/benchmarks/healthcare-news (dev.jsonl, check.jsonl,
//     score.mjs). Each split is written out as <id>.txt (a `Published:` line first when set), run through
//     `triage extract --jsonl` and `triage ingest --dir` + `triage incidents --json` (child processes), and scored by
//     the folder's own score.mjs. Prints dev and check side by side with the issue 14 goals, whether check is within
//     0.08 of dev, and the floors; then extract() speed on dev, in process, one thread.
//   e.g. npm run bench:extract -- ../shared/benchmarks/healthcare-news ../shared/benchmarks/casie/casie.jsonl
//   PATH a .jsonl file: CASIE, scored in process by bench/quality/score-casie.ts and, when a PATH directory is given
//     too, through the CLI by that folder's score.mjs `casie`.
//   No PATH: ../shared/benchmarks/casie/casie.jsonl (skipped with a message when absent).
// The labelled demo sources (demo/src/articles, or --articles DIR) are scored every time.
// --casie-split scores only the CASIE articles at even or odd 0-based line index (no floors then).
// Exit 1 when a figure is below its floor or a data set no longer matches its pinned sha256 (re-pin: bench:floors).
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../analyze/extract/index.ts';
import { FIELDS, loadDemoArticles, type FieldScore } from './quality/score.ts';
import { casieArticle, loadCasie } from './quality/score-casie.ts';
import { checkFloors, type Verdict } from './quality/floors.ts';
import { listTxt, rmTemp } from './quality/cli.ts';
import {
  CASIE_PATH,
  HN_FIELDS,
  HN_GOALS,
  extractSpeed,
  measureCasie,
  measureCasieMjs,
  measureDemo,
  measureSplit,
  ref,
  type Measured,
} from './quality/measure.ts';

const args = process.argv.slice(2);
const valued = new Set(['--articles', '--casie-split']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
const opt = (name: string) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const split = opt('--casie-split');
const fail = (msg: string) => {
  console.error(msg);
  process.exit(2);
};
if (split !== undefined && split !== 'even' && split !== 'odd') fail('--casie-split takes even or odd');
const dirs = positional.filter((p) => existsSync(p) && statSync(p).isDirectory());
const casiePaths = positional.filter((p) => p.endsWith('.jsonl'));
const unknown = positional.filter((p) => !dirs.includes(p) && !casiePaths.includes(p));
if (unknown.length) fail(`not a benchmark directory or a .jsonl file: ${unknown.join(', ')}`);
if (!positional.length) casiePaths.push(CASIE_PATH);

const failures: string[] = [];
const verdict = (m: Measured): Verdict => {
  const v = checkFloors(m);
  failures.push(...v.failures);
  if (v.changed) console.log(`DATA SET CHANGED — ${v.changed}`);
  else if (!v.pinned) console.log(`(no floors pinned for ${m.set}: pin them with npm run bench:floors)`);
  return v;
};
const floorNote = (v: Verdict, field: string) => {
  const c = v.checks.find((x) => x.field === field);
  return !c ? '' : c.ok ? `  (floor ${c.floor})` : `  BELOW FLOOR ${c.floor}`;
};
const row = (name: string, s: FieldScore, note = '') => {
  const counts = [s.tp, s.fp, s.fn].map((n) => String(n).padStart(4)).join(' ');
  console.log(`${name.padEnd(12)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}  ${counts}${note}`);
};
const miss = (tag: string, m: { id: string; field: string; gold: unknown; pred: unknown }) =>
  console.log(`${tag} ${m.id} ${m.field}: gold=${JSON.stringify(m.gold)} pred=${JSON.stringify(m.pred)}`);
const header = () => console.log('field          P      R      F1      tp   fp   fn');

// ---- demo labels
const demo = measureDemo(opt('--articles'));
if (!demo) console.log('no demo articles found');
else {
  console.log(`== demo labels: ${demo.n} articles`);
  const v = verdict(demo.measured);
  header();
  for (const f of FIELDS) row(f, demo.scores[f]!, floorNote(v, f));
  if (args.includes('--misses')) for (const m of demo.misses) miss('miss', m);
}

// ---- CASIE
for (const path of casiePaths) {
  const c = measureCasie(path, split as 'even' | 'odd' | undefined);
  if (!c) {
    console.log(`\n== CASIE: skipped (${existsSync(path) ? 'empty file' : 'file not found'}: ${path})`);
    continue;
  }
  console.log(
    `\n== CASIE: ${c.scores.articles} articles (${path}${split ? `, ${split} half` : ''}); ` +
      `Actual Ransom events; ${c.scores.priceUnreadable} gold prices without a figure left out`,
  );
  const v: Verdict = split ? { pinned: false, changed: null, checks: [], failures: [] } : verdict(c.measured);
  header();
  row('price', c.scores.price, floorNote(v, 'price'));
  row('payment', c.scores.payment, floorNote(v, 'payment'));
  row('pay-strict', c.scores.paymentStrict);
  row('victims', c.scores.victims, floorNote(v, 'victims'));
  if (args.includes('--casie-misses')) for (const m of c.misses) miss('casie-miss', m);
  // through the CLI too when a benchmark folder brings a score.mjs (1,000 more CLI extractions: not by default)
  const scorer = dirs[0] ? join(dirs[0], 'score.mjs') : null;
  if (split || !scorer || !existsSync(scorer)) continue;
  const mjs = await measureCasieMjs(path, scorer);
  if (!mjs) continue;
  console.log(`-- the same through \`triage extract\` and score.mjs casie (${scorer}):`);
  const vm = verdict(mjs);
  console.log(
    Object.entries(mjs.figures)
      .map(([k, x]) => `${k} ${x?.toFixed(3)}${floorNote(vm, k)}`)
      .join('   '),
  );
}

// ---- healthcare-news style benchmarks: dev and check side by side
const fmt = (x: number | null | undefined) => (x == null ? '    –' : x.toFixed(3));
let speedFiles: { files: string[]; tmp: string; label: string } | null = null;
for (const dir of dirs) {
  const splits = ['dev', 'check'].filter((s) => existsSync(join(dir, `${s}.jsonl`)));
  if (!splits.length || !existsSync(join(dir, 'score.mjs'))) {
    console.log(`\n${dir}: no dev.jsonl/check.jsonl and score.mjs`);
    continue;
  }
  const results = await Promise.all(splits.map((s) => measureSplit(dir, s, { keep: s === 'dev' })));
  const sizes = results.map((r, i) => `${splits[i]} ${r!.extract.articles as number} articles`).join(', ');
  console.log(`\n== ${dir}: ${sizes}` + ' (triage extract / ingest --dir + incidents, scored by its score.mjs)');
  const verdicts = results.map((r) => verdict(r!.measured));
  const dev = results[splits.indexOf('dev')]?.measured.figures;
  const check = results[splits.indexOf('check')]?.measured.figures;
  const heads = splits.map((s) => s.padStart(6)).join(' ');
  console.log(`${'field'.padEnd(26)} ${heads}   goal  dev≥goal  |check−dev|≤0.08  floors`);
  for (const [key, label] of HN_FIELDS) {
    const figs = results.map((r) => r!.measured.figures[key]);
    const goal = HN_GOALS[key];
    const meets = goal == null || dev?.[key] == null ? '' : dev[key]! >= goal ? 'yes' : 'NO';
    const gap = dev?.[key] == null || check?.[key] == null ? null : Math.abs(check[key]! - dev[key]!);
    const within = gap === null ? '' : `${gap <= 0.08 + 1e-9 ? 'yes' : 'NO '} (${gap.toFixed(3)})`;
    const floors = verdicts
      .map((v, i) => floorNote(v, key).trim() && `${splits[i]} ${floorNote(v, key).trim()}`)
      .filter(Boolean)
      .join('; ');
    const goalText = goal == null ? '    ' : goal.toFixed(2);
    console.log(
      `${label.padEnd(26)} ${figs.map((x) => ` ${fmt(x)}`).join(' ')}  ${goalText}  ` +
        `${meets.padEnd(8)}  ${within.padEnd(16)}  ${floors}`,
    );
  }
  const other = results.map(
    (r, i) =>
      `${splits[i]}: dates given where gold has none ` +
      `${r!.extract.attack_date_where_gold_has_none}, ` +
      `actor false positives ${r!.extract.actor_false_positives}, missing ${r!.extract.missing}`,
  );
  console.log(other.join('; '));
  const d = results[splits.indexOf('dev')];
  if (d && !speedFiles) speedFiles = { files: listTxt(join(d.dir, 'texts')), tmp: d.dir, label: `${dir} dev` };
  else if (d) rmTemp(d.dir);
}

// ---- speed: extract() on cleaned text, one thread
if (speedFiles) {
  const s = await extractSpeed(speedFiles.files);
  rmTemp(speedFiles.tmp);
  console.log(
    `\nspeed: ${s.perSecond.toFixed(0)} articles/s on one core by the wall clock, ` +
      `${s.perCpuSecond.toFixed(0)} per CPU second (${speedFiles.label}: ${s.articles} articles, ` +
      `mean ${s.meanChars.toFixed(0)} chars, ${s.rounds} rounds after ${s.warm} warm-up rounds; ` +
      `the first pass ran at ${s.firstPass.toFixed(0)}/s)`,
  );
} else {
  const items = demo ? loadDemoArticles(opt('--articles')) : [];
  const texts = [
    ...items.map((i) => i.article),
    ...loadCasie(casiePaths[0] ?? '')
      .slice(0, 300)
      .map(casieArticle),
  ];
  if (texts.length) {
    const r = ref();
    for (const a of texts.slice(0, 20)) extract(a, r); // warm-up
    const rounds = 3,
      t0 = performance.now(),
      c0 = process.cpuUsage();
    for (let i = 0; i < rounds; i++) for (const a of texts) extract(a, r);
    const secs = (performance.now() - t0) / 1000,
      c = process.cpuUsage(c0),
      cpu = (c.user + c.system) / 1e6;
    const chars = texts.reduce((n, a) => n + a.text.length, 0) / texts.length;
    console.log(
      `\nspeed: ${((rounds * texts.length) / secs).toFixed(0)} articles/s on one core by the wall clock, ` +
        `${((rounds * texts.length) / cpu).toFixed(0)} per CPU second ` +
        `(${texts.length} articles, mean ${chars.toFixed(0)} chars)`,
    );
  }
}
if (failures.length) {
  console.log(`\n${failures.length} failure(s):\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exitCode = 1;
}
