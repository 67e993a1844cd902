// Hostile local inputs (issue 15, bounded parsing), measured: parse+clean time of unclosed <div>s in this process
// (linear since the depth cap), and through the real CLI the wall time and peak RSS of `triage clean` on 700,000
// of them, on /dev/zero (read to the 20 MB cap) and on a 1.5 GB sparse .html (refused by its size), and of
// `ingest --dir` over a folder holding a FIFO, a device link and the sparse file. `triage --version` is measured
// too: it is the start-up every command pays.
// Prints every number and exits 1 if a target is missed (a busy machine can miss them: compare on a quiet one).
// Usage: npm run bench:security
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanHtml } from '../ingest/clean/html.ts';
import { readLocalFile } from '../ingest/local.ts';

const BIN = fileURLToPath(new URL('../bin/triage.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'triage-bench-security-'));
let missed = 0;

const TAIL = '<p>The hospital said the ransomware attack had taken its records offline, and clinicians used paper.</p>';
const unclosed = (n: number) => Buffer.from(`<html><body>${'<div>\n'.repeat(n)}${TAIL}</body></html>`);

function check(label: string, value: number, unit: string, limit: number): void {
  const ok = value < limit;
  if (!ok) missed++;
  const shown = value.toFixed(unit === 's' ? 2 : 0).padStart(8);
  console.log(`  ${label.padEnd(48)} ${shown} ${unit}  (target < ${limit} ${unit}) ${ok ? 'ok' : 'MISSED'}`);
}

/** The real CLI with the RSS probe preloaded: wall seconds, peak RSS in MiB, exit code, stderr. */
async function cli(args: string[]): Promise<{ s: number; mib: number; code: number | null; stderr: string }> {
  const rssFile = join(dir, `rss-${Date.now()}-${Math.random()}`);
  const t = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((ok) => {
    const child = spawn(process.execPath, ['--import', PROBE, BIN, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TRIAGE_RSS_FILE: rssFile },
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
    });
    child.on('close', (c) => ok({ code: c, stderr: err }));
  });
  const s = (performance.now() - t) / 1000;
  return { s, mib: Number(readFileSync(rssFile, 'utf8')) / 1024, code, stderr };
}

console.log('parse+clean of N unclosed <div>s, in this process (best of 3):');
for (const n of [50_000, 100_000, 200_000, 700_000]) {
  const bytes = unclosed(n);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    cleanHtml({ bytes, url: null, charset: null, fetchedAt: null });
    best = Math.min(best, performance.now() - t);
  }
  console.log(`  ${String(n).padStart(7)} divs (${(bytes.length / 1e6).toFixed(1)} MB): ${best.toFixed(0)} ms`);
}

const page = join(dir, 'divs-700k.html');
writeFileSync(page, unclosed(700_000));
const sparse = join(dir, 'sparse.html');
writeFileSync(sparse, '');
truncateSync(sparse, 1536 * 1024 * 1024);

console.log('refusal inside the process (the sparse file by stat before reading; /dev/zero read to the cap):');
for (const file of ['/dev/zero', sparse]) {
  const rss = process.memoryUsage().rss;
  const t = performance.now();
  const reason = await readLocalFile(file).then(
    () => 'read!',
    (e: { reason?: string }) => e.reason,
  );
  const ms = performance.now() - t;
  const grew = (process.memoryUsage().rss - rss) / 1048576;
  console.log(`  ${file}: ${reason} in ${ms.toFixed(1)} ms, RSS ${grew >= 0 ? '+' : ''}${grew.toFixed(1)} MB`);
}

console.log('through the CLI (wall time from spawn to exit, peak RSS of the process):');
const version = await cli(['--version']);
console.log(`  triage --version (start-up): ${version.s.toFixed(2)} s, ${version.mib.toFixed(0)} MiB`);
const deep = await cli(['clean', page]);
check('triage clean 700,000 unclosed <div>s: time', deep.s, 's', 3);
for (const [label, file] of [
  ['triage clean /dev/zero', '/dev/zero'],
  ['triage clean 1.5 GB sparse .html', sparse],
]) {
  const r = await cli(['clean', file]);
  check(`${label}: time`, r.s, 's', 1);
  check(`${label}: peak RSS`, r.mib, 'MiB', 200);
  console.log(`    exit ${r.code}: ${r.stderr.trim()}`);
}

const folder = join(dir, 'in');
mkdirSync(folder);
spawnSync('mkfifo', [join(folder, 'pipe.html')]);
symlinkSync('/dev/zero', join(folder, 'zero.html'));
writeFileSync(join(folder, 'sparse.html'), '');
truncateSync(join(folder, 'sparse.html'), 1536 * 1024 * 1024);
const ingest = await cli(['ingest', '--dir', folder, '--no-analyze', '--db', join(dir, 'bench.duckdb')]);
console.log(
  `  triage ingest --dir (FIFO, /dev/zero link, 1.5 GB sparse): ${ingest.s.toFixed(2)} s, ` +
    `${ingest.mib.toFixed(0)} MiB, exit ${ingest.code} (opens DuckDB and the worker threads)`,
);
for (const line of ingest.stderr.split('\n').filter((l) => l.startsWith('warning'))) console.log(`    ${line}`);

rmSync(dir, { recursive: true, force: true });
console.log(missed ? `${missed} target(s) missed` : 'all targets met');
process.exitCode = missed ? 1 : 0;
