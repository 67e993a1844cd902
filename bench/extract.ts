// Quality and speed of analyze/extract on the labelled demo sources.
// Usage: npx tsx bench/extract.ts [--misses] [--articles DIR]
import { extract, loadReference } from '../analyze/extract/index.ts';
import { loadDemoArticles, scoreAll, FIELDS } from '../analyze/extract/score.ts';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--articles');
const items = loadDemoArticles(dirAt >= 0 ? args[dirAt + 1] : undefined);
if (!items.length) { console.log('no demo articles found'); process.exit(0); }
const ref = loadReference();
const { scores, misses } = scoreAll(items, (a) => extract(a, ref));

console.log(`articles: ${items.length}`);
console.log('field          P      R      F1     tp  fp  fn');
for (const f of FIELDS) {
  const s = scores[f];
  console.log(`${f.padEnd(12)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
}
if (args.includes('--misses')) for (const m of misses) console.log(`miss ${m.id} ${m.field}: gold=${JSON.stringify(m.gold)} pred=${JSON.stringify(m.pred)}`);

const rounds = 5, t0 = performance.now();
for (let i = 0; i < rounds; i++) for (const it of items) extract(it.article, ref);
const perSec = (rounds * items.length) / ((performance.now() - t0) / 1000);
console.log(`speed: ${perSec.toFixed(0)} articles/s`);
