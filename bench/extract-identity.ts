// Identity oracle for work on analyze/extract that must not change what it decides (speed work, refactors).
// Usage: node --import tsx bench/extract-identity.ts [--out DIR]
// Runs extractDetailed() in process over five sets and prints one sha256 per set of its outputs:
//   dev, check  ../shared/benchmarks/healthcare-news/{dev,check}.jsonl, written out and cleaned as bench:extract's
//               speed run (and `triage extract`) reads them
//   demo        the labelled demo sources (demo/src/articles), as bench/quality/score.ts loads them
//   casie       ../shared/benchmarks/casie/casie.jsonl, as bench/quality/score-casie.ts builds the articles
//   constructions  test/fixtures/constructions/cases.json, as test/extract/constructions.test.ts builds them
// For every set but check it also writes <set>.jsonl (one output per line, in input order) to --out DIR (default a
// new temp dir, printed), so two runs can be diffed record by record. check is hashed only: its outputs are never
// written or printed (house rule). Each set is run a second time in reverse order; a record whose output differs
// between the passes (state leaking from one article to the next, e.g. through a cache) is reported.
// doc_id (a hash of the temp file path for dev/check) and extractor_version are left out of the records.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDetailed } from '../analyze/extract/index.ts';
import { systemClock } from '../core/effects.ts';
import type { CleanArticle } from '../core/records.ts';
import { readLocalFile } from '../ingest/local.ts';
import { cleanFetchedPageAsync } from '../ingest/clean/page.ts';
import { ROOT, SHARED, makeTemp, rmTemp, writeTexts } from './quality/cli.ts';
import { loadDemoArticles } from './quality/score.ts';
import { casieArticle, loadCasie } from './quality/score-casie.ts';
import { CASIE_PATH, DEMO_DIR, HN_DIR, ref } from './quality/measure.ts';

const args = process.argv.slice(2);
const outArg = args.indexOf('--out') >= 0 ? args[args.indexOf('--out') + 1] : undefined;
const out = outArg ?? mkdtempSync(join(tmpdir(), 'triage-identity-'));
mkdirSync(out, { recursive: true });

/** A healthcare-news split as bench:extract's speed run reads it: `<id>.txt` files, cleaned. */
async function split(name: string): Promise<CleanArticle[]> {
  const path = join(HN_DIR, `${name}.jsonl`);
  if (!existsSync(path)) return [];
  const records = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string; published: string | null });
  const tmp = makeTemp(`identity-${name}`);
  try {
    const files = writeTexts(
      tmp,
      records.map((r) => ({ id: r.id, text: r.text, published: r.published })),
    );
    const articles: CleanArticle[] = [];
    for (const f of files) articles.push(await cleanFetchedPageAsync(await readLocalFile(f, { clock: systemClock })));
    return articles;
  } finally {
    rmTemp(tmp);
  }
}

function constructions(): CleanArticle[] {
  const file = join(ROOT, 'test/fixtures/constructions/cases.json');
  const cases = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { published: string; text: string }>;
  return Object.entries(cases).map(([id, c]) => {
    const [title, ...rest] = c.text.split('\n');
    return {
      doc_id: id,
      content_hash: '',
      url: null,
      canonical_url: null,
      file: null,
      title: rest.length > 1 ? title! : null,
      byline: null,
      outlet: null,
      site_name: null,
      published: `${c.published}T12:00:00Z`,
      modified: null,
      lang: 'en',
      text: c.text,
      bytes_sha256: null,
      fetched_at: null,
      source_id: null,
    };
  });
}

const line = (a: CleanArticle): string => {
  const { extraction, skipped } = extractDetailed(a, ref());
  const { doc_id: _d, extractor_version: _v, ...x } = extraction;
  return JSON.stringify({ ...x, skipped });
};

const sets: [string, () => Promise<CleanArticle[]> | CleanArticle[]][] = [
  ['dev', () => split('dev')],
  ['check', () => split('check')],
  ['demo', () => loadDemoArticles(DEMO_DIR).map((i) => i.article)],
  ['casie', () => loadCasie(CASIE_PATH).map(casieArticle)],
  ['constructions', constructions],
];
let unstable = 0;
for (const [name, load] of sets) {
  const articles = await load();
  if (!articles.length) {
    console.log(`${name.padEnd(14)} (no data)`);
    continue;
  }
  const lines = articles.map(line);
  const again = [...articles].reverse().map(line).reverse();
  const moved = lines.filter((l, i) => l !== again[i]).length;
  unstable += moved;
  const hash = createHash('sha256')
    .update(lines.map((l) => `${l}\n`).join(''))
    .digest('hex');
  if (name !== 'check') writeFileSync(join(out, `${name}.jsonl`), lines.map((l) => `${l}\n`).join(''));
  console.log(
    `${name.padEnd(14)} ${hash}  ${articles.length} articles` +
      (moved ? `  ${moved} differ when run in reverse order` : ''),
  );
}
console.log(`outputs (all but check): ${out}`);
if (unstable) process.exitCode = 1;
