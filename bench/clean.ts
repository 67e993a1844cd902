// Quality and speed of ingest/clean on an article-extraction benchmark folder (html/<id>.html.gz,
// ground-truth.json, score.mjs — the benchmark's own metric). In the same run it times plain Readability + jsdom.
// Usage: npm run bench:clean -- <dir> [--no-jsdom] [--no-cli] [--out preds.json] [--worst N]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { cleanHtml } from '../ingest/clean/html.ts';

interface Scores {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}
type Evaluate = (
  gold: unknown,
  preds: Record<string, string>,
) => { result: Scores; perPage: Record<string, { precision: number; recall: number }> };

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const optionValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = resolve(
  args.find((a, i) => !a.startsWith('--') && !['--out', '--worst'].includes(args[i - 1] ?? '')) ??
    '../shared/benchmarks/article-extraction',
);
if (!existsSync(join(dir, 'html')) || !existsSync(join(dir, 'ground-truth.json'))) {
  console.log(`bench:clean skipped: no benchmark folder at ${dir} (expects html/*.html.gz and ground-truth.json)`);
  process.exit(0);
}

const { evaluate } = (await import(pathToFileURL(join(dir, 'score.mjs')).href)) as { evaluate: Evaluate };
const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { articleBody: string }
>;
const files = readdirSync(join(dir, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .sort();
const pages = files.map((f) => ({
  id: f.replace(/\.html\.gz$/, ''),
  file: join(dir, 'html', f),
  bytes: new Uint8Array(gunzipSync(readFileSync(join(dir, 'html', f)))),
}));
const fmt = (s: Scores) =>
  `F1 ${s.f1.toFixed(3)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  accuracy ${s.accuracy.toFixed(3)}`;
console.log(`pages: ${pages.length} from ${dir}`);

// 1. The cleaner in this process (the library call the pipeline makes).
const preds: Record<string, string> = {};
let t0 = performance.now();
for (const p of pages) {
  const out = cleanHtml({ bytes: p.bytes, url: null, charset: null, fetchedAt: null }, { minChars: 0 });
  preds[p.id] = out.ok ? out.article.text : '';
}
const ours = pages.length / ((performance.now() - t0) / 1000);
const score = evaluate(gold, preds);
console.log(`triage cleaner   ${fmt(score.result)}  ${ours.toFixed(1)} pages/s (in process)`);
const out = optionValue('--out');
if (out) writeFileSync(out, JSON.stringify(preds));
const worst = Number(optionValue('--worst') ?? 0);
if (worst) {
  const rows = Object.entries(score.perPage)
    .sort((a, b) => a[1].precision + a[1].recall - (b[1].precision + b[1].recall))
    .slice(0, worst);
  for (const [id, r] of rows) console.log(`  ${id.slice(0, 12)} P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}`);
}

// 2. `triage clean` over all pages in one command: wall-clock pages/s (start-up included) and peak memory.
let cliRate: number | null = null;
if (!flag('--no-cli')) {
  const bin = resolve(import.meta.dirname, '../bin/triage.js');
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = [
    ...(useTime ? ['-f', 'PEAK_KB %M', process.execPath] : []),
    bin,
    'clean',
    '-q',
    ...pages.map((p) => p.file),
  ];
  t0 = performance.now();
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((ok, fail) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let so = '',
      se = '';
    child.stdout.on('data', (d: Buffer) => {
      so += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      se += d;
    });
    child.on('error', fail);
    child.on('close', () => ok({ stdout: so, stderr: se }));
  });
  cliRate = pages.length / ((performance.now() - t0) / 1000);
  const cliPreds: Record<string, string> = {};
  for (const line of stdout.split('\n').filter(Boolean)) {
    const row = JSON.parse(line) as { file: string; text: string | null };
    cliPreds[row.file.replace(/^.*\//, '').replace(/\.html\.gz$/, '')] = row.text ?? '';
  }
  const peak = /PEAK_KB (\d+)/.exec(stderr);
  console.log(
    `triage clean CLI ${fmt(evaluate(gold, cliPreds).result)}  ${cliRate.toFixed(1)} pages/s (one command, start-up included)` +
      `  peak RSS ${peak ? `${(Number(peak[1]) / 1024).toFixed(0)} MB` : 'n/a'}`,
  );
}

// 3. Plain Readability + jsdom on the same pages, as the benchmark's reference run does.
if (!flag('--no-jsdom')) {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const quiet = new VirtualConsole();
  const refPreds: Record<string, string> = {};
  t0 = performance.now();
  for (const p of pages) {
    try {
      const dom = new JSDOM(Buffer.from(p.bytes).toString('utf8'), {
        url: 'https://fake-url.com',
        virtualConsole: quiet,
      });
      refPreds[p.id] = new Readability(dom.window.document).parse()?.textContent ?? '';
      dom.window.close();
    } catch {
      refPreds[p.id] = '';
    }
  }
  const ref = pages.length / ((performance.now() - t0) / 1000);
  console.log(`readability+jsdom ${fmt(evaluate(gold, refPreds).result)}  ${ref.toFixed(1)} pages/s`);
  console.log(
    `speed ratio: ${(ours / ref).toFixed(1)}x in process` +
      (cliRate ? `, ${(cliRate / ref).toFixed(1)}x for the one-command CLI run` : ''),
  );
}
