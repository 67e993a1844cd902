// Measures what issue 15 items 1 and 5 cost: `query --sql` over 50 million rows (capped) through the CLI, and
// the read snapshot a writing run publishes, by database size. Prints the numbers; asserts nothing.
//   npm run bench:sql-readers [-- --sizes 100,500]   (MiB of synthetic documents)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../store/store.ts';
import { publishSnapshot } from '../store/snapshot.ts';

const BIN = fileURLToPath(new URL('../bin/triage.js', import.meta.url));
const arg = process.argv.indexOf('--sizes');
const sizes = (arg > 0 ? process.argv[arg + 1] : '100,500').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'triage-bench-sql-'));

/** Wall time and peak RSS of one CLI run (GNU time's %M where it exists). */
function cli(args: string[]): { ms: number; rssMiB: number | null; status: number | null; stderr: string } {
  const time = existsSync('/usr/bin/time');
  const started = performance.now();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M', process.execPath, BIN, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      })
    : spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const kb = /RSS_KB=(\d+)/.exec(r.stderr)?.[1];
  return { ms: performance.now() - started, rssMiB: kb ? Number(kb) / 1024 : null, status: r.status, stderr: r.stderr };
}

try {
  const db = join(dir, 'small.duckdb');
  (await Store.open(db)).close();
  const base = cli(['--db', db, 'query', '--sql', 'SELECT 1']);
  const big = cli(['--db', db, 'query', '--sql', 'SELECT * FROM range(50000000)']);
  console.log(`query --sql SELECT 1: ${base.ms.toFixed(0)} ms, peak RSS ${base.rssMiB?.toFixed(0)} MiB (CLI start-up)`);
  console.log(
    `query --sql over range(50000000): exit ${big.status}, ${big.ms.toFixed(0)} ms, peak RSS ` +
      `${big.rssMiB?.toFixed(0)} MiB, note: ${/cut at \d+ rows/.exec(big.stderr)?.[0] ?? 'none'}`,
  );

  for (const mib of sizes) {
    const path = join(dir, `db-${mib}.duckdb`);
    const store = await Store.open(path);
    // documents of 4 KiB of random text: DuckDB compresses little of it, so the file is about the size asked for
    const rows = Math.round((mib * 2 ** 20) / 4096);
    for (let from = 0; from < rows; from += 10_000) {
      // in batches: one statement would pass the memory limit
      await store.run(
        `INSERT INTO documents (doc_id, version_id, text) SELECT 'd' || i, 'v' || i,
        (SELECT string_agg(md5(i::VARCHAR || '-' || j::VARCHAR), ' ') FROM range(124) t(j)) FROM range(?, ?) r(i)`,
        [from, Math.min(rows, from + 10_000)],
      );
    }
    const p = await publishSnapshot(store);
    const again = await publishSnapshot(store);
    store.close();
    const size = statSync(path).size / 2 ** 20;
    const read = cli(['--db', path, 'query', '--sql', 'SELECT count(*) FROM documents']);
    console.log(
      `snapshot of a ${size.toFixed(0)} MiB database: ${p.ms.toFixed(0)} ms (again: ${again.ms.toFixed(0)} ` +
        `ms); a query reading it: ${read.ms.toFixed(0)} ms`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
