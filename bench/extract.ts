// Quality and speed of analyze/extract: per-field P/R/F1 on the labelled demo sources and on CASIE.
// Usage: npm run bench:extract -- [CASIE.jsonl] [--misses] [--casie-misses] [--casie-split even|odd] [--articles DIR]
// --casie-split scores only the articles at even or odd 0-based line index (develop on one half, check the other).
// Without a path, ../shared/benchmarks/casie/casie.jsonl is tried; CASIE is skipped with a message when absent.
import { readFileSync, existsSync } from 'node:fs';
import { extract, loadReference } from '../analyze/extract/index.ts';
import { loadDemoArticles, scoreAll, FIELDS, type FieldScore } from './quality/score.ts';
import { loadCasie, scoreCasie, casieArticle } from './quality/score-casie.ts';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--articles');
const splitAt = args.indexOf('--casie-split');
const split = splitAt >= 0 ? args[splitAt + 1] : undefined;
if (split !== undefined && split !== 'even' && split !== 'odd') { console.error('--casie-split takes even or odd'); process.exit(2); }
const positional = args.filter((a, i) => !a.startsWith('--') && (dirAt < 0 || i !== dirAt + 1) && (splitAt < 0 || i !== splitAt + 1));
const casiePath = positional[0] ?? '../shared/benchmarks/casie/casie.jsonl';
const floors = JSON.parse(readFileSync('bench/quality/floors.json', 'utf8')) as
  { f1: Record<string, number>; casie?: { f1: Record<string, number> } };
const ref = loadReference();
let belowFloor = 0;

const row = (name: string, s: FieldScore, floor?: number) => {
  const flag = floor === undefined ? '' : s.f1 >= floor ? `  (floor ${floor})` : `  BELOW FLOOR ${floor}`;
  if (floor !== undefined && s.f1 < floor) belowFloor++;
  console.log(`${name.padEnd(12)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}  ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}${flag}`);
};
const header = () => console.log('field          P      R      F1      tp   fp   fn');

// ---- demo labels
const items = loadDemoArticles(dirAt >= 0 ? args[dirAt + 1] : undefined);
if (!items.length) console.log('no demo articles found');
else {
  const { scores, misses } = scoreAll(items, (a) => extract(a, ref));
  console.log(`== demo labels: ${items.length} articles`);
  header();
  for (const f of FIELDS) row(f, scores[f], floors.f1[f]);
  if (args.includes('--misses')) for (const m of misses) console.log(`miss ${m.id} ${m.field}: gold=${JSON.stringify(m.gold)} pred=${JSON.stringify(m.pred)}`);
}

// ---- CASIE
const casieAll = loadCasie(casiePath);
const casie = split ? casieAll.filter((_, i) => i % 2 === (split === 'even' ? 0 : 1)) : casieAll;
if (!casie.length) console.log(`\n== CASIE: skipped (${existsSync(casiePath) ? 'empty file' : 'file not found'}: ${casiePath})`);
else {
  const { scores, misses } = scoreCasie(casie, (a) => extract(a, ref));
  console.log(`\n== CASIE: ${scores.articles} articles (${casiePath}${split ? `, ${split} half` : ''}); Actual Ransom events; ${scores.priceUnreadable} gold prices without a figure left out`);
  header();
  // the floors are for the whole file; a half is only compared with the other half
  const cf = split ? undefined : floors.casie?.f1;
  row('price', scores.price, cf?.price);
  row('payment', scores.payment, cf?.payment);
  row('pay-strict', scores.paymentStrict);
  row('victims', scores.victims, cf?.victims);
  if (args.includes('--casie-misses')) for (const m of misses) console.log(`casie-miss ${m.id} ${m.field}: gold=${JSON.stringify(m.gold)} pred=${JSON.stringify(m.pred)}`);
}

// ---- speed: extract() on cleaned text, single thread
const texts = [...items.map((i) => i.article), ...casie.slice(0, 300).map(casieArticle)];
if (texts.length) {
  for (const a of texts.slice(0, 20)) extract(a, ref); // warm-up
  const rounds = 3, t0 = performance.now();
  for (let i = 0; i < rounds; i++) for (const a of texts) extract(a, ref);
  const secs = (performance.now() - t0) / 1000;
  const chars = texts.reduce((n, a) => n + a.text.length, 0) / texts.length;
  console.log(`\nspeed: ${((rounds * texts.length) / secs).toFixed(0)} articles/s on one core (${texts.length} articles, mean ${chars.toFixed(0)} chars)`);
}
if (belowFloor) { console.log(`${belowFloor} field(s) below floor`); process.exitCode = 1; }
