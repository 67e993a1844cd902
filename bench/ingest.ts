// `triage ingest` against the hostile loopback site (test/support/hostile-server.ts): 13 misbehaving feeds, the
// real CLI with its default timeouts, retries and one-second politeness delay. Prints wall time, peak memory
// (RSS of the ingest process) and the exit code, and fails unless: < 5 minutes, < 1 GB, exit 0 or 3.
// Usage: npm run bench:ingest [-- --keep]   (--keep leaves the temp folder with the database for inspection)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE, hostileCatalogue, startHostileServer } from '../test/support/hostile-server.ts';

const LIMIT_MS = 5 * 60_000;
const LIMIT_KIB = 1024 * 1024;
const BIN = fileURLToPath(new URL('../bin/triage.js', import.meta.url));
const PROBE = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));

const dir = await mkdtemp(join(tmpdir(), 'triage-bench-ingest-'));
// A 1 GiB gzip bomb, a 50 MB body, a server dripping one byte per second: the real hostile sizes.
const server = await startHostileServer({
  dripMs: 1000,
  hugeBytes: 50 * 1024 * 1024,
  bombBytes: 1024 * 1024 * 1024,
  retryAfterS: 5,
});
const catalogue = join(dir, 'sources.yaml');
await writeFile(catalogue, hostileCatalogue(server.origin));
const rssFile = join(dir, 'rss.txt');
console.log(`bench:ingest: ${Object.keys(HOSTILE).length} hostile sources at ${server.origin}`);

const started = Date.now();
const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((ok) => {
  const child = spawn(
    process.execPath,
    ['--import', PROBE, BIN, 'ingest', '--sources', catalogue, '--db', join(dir, 'bench.duckdb')],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TRIAGE_RSS_FILE: rssFile } },
  );
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    err += c;
  });
  child.on('close', (c) => ok({ code: c, stderr: err }));
});
const elapsedMs = Date.now() - started;
await server.close();
const peakKiB = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN'));

const summary = stderr.split('\n').filter((l) => /^ingest|^analyze/.test(l));
for (const line of summary) console.log(`  ${line}`);
console.log(`requests served: ${server.log.length}`);
console.log(`wall time: ${(elapsedMs / 1000).toFixed(1)} s (limit ${LIMIT_MS / 1000} s)`);
console.log(`peak RSS of the ingest process: ${(peakKiB / 1024).toFixed(0)} MiB (limit ${LIMIT_KIB / 1024} MiB)`);
console.log(`exit code: ${code} (expected 0 or 3)`);
const ok = elapsedMs < LIMIT_MS && peakKiB < LIMIT_KIB && (code === 0 || code === 3);
console.log(ok ? 'bench:ingest: PASS' : 'bench:ingest: FAIL');
if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
else await rm(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
