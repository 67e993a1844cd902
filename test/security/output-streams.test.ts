// Issue 15, item 3: stdout that cannot be written. A reader that leaves (`| head`) ends the run quietly with the
// code it had; a full device (`> /dev/full`) or a file size limit ends it with one line and exit 4, no stack.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, treeChanges, treeHash } from './harness.ts';
import { hostileStore, type HostileStore } from './output-fixture.ts';

/** 10 MB of JSON, far more than a pipe buffers, so the writer is still writing when the reader leaves. */
const BIG = ['query', '--json', '--sql', "SELECT repeat('x', 100000) AS x FROM range(100)"];

const bash = (script: string, env: Record<string, string> = {}) =>
  spawnSync('bash', ['-c', script], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', NODE: process.execPath, BIN, ...env },
    timeout: 120_000,
  });

let s: HostileStore;
beforeAll(() => {
  s = hostileStore('streams');
}, 120_000);

describe('stdout', () => {
  it('EPIPE (`triage … | head -c 1`): exit 0, nothing on stderr', () => {
    const before = treeHash(s.root);
    // the flags go to bash as "$@" (after the $0 placeholder), so nothing is re-parsed by the shell
    const piped = spawnSync(
      'bash',
      [
        '-c',
        '"$NODE" "$BIN" --db "$DB" "$@" | head -c 1 >/dev/null; ' + 'echo "status=${PIPESTATUS[0]}"',
        'bash',
        ...BIG,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC', NODE: process.execPath, BIN, DB: s.db },
        timeout: 120_000,
      },
    );
    expect(piped.stdout.trim()).toBe('status=0');
    expect(piped.stderr).toBe('');
    expect(treeChanges(before, treeHash(s.root))).toEqual([]);
  });

  it('ENOSPC (`> /dev/full`): one line on stderr, exit 4, no JavaScript stack', () => {
    if (!existsSync('/dev/full')) return;
    for (const args of [['incidents', '--json'], ['query', '--csv'], ['report', '--format', 'md'], BIG]) {
      const full = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, '--db', s.db, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', full, 'pipe'],
        env: { ...process.env, TZ: 'UTC' },
        timeout: 120_000,
      });
      closeSync(full);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(4);
      expect(r.stderr, args.join(' ')).toBe('triage: cannot write to stdout: no space left on the device (ENOSPC)\n');
    }
  });

  it('a file size limit while writing report --out: exit 4, the path named, no temp file or folder left', () => {
    const before = treeHash(s.root, (p) => p.startsWith('store.duckdb'));
    const out = join(s.root, 'reports', 'week.html');
    const r = bash('trap "" XFSZ; ulimit -f 8; exec "$NODE" "$BIN" --db "$DB" report --format html --out "$OUT"', {
      DB: s.db,
      OUT: out,
    });
    expect(r.status, r.stderr).toBe(4);
    // (the store's own read snapshot meets the same limit: a warning line may come first)
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^triage: cannot write .*week\.html: file too large \(EFBIG\)$/);
    expect(lines.slice(0, -1).every((l) => l.startsWith('warning: '))).toBe(true);
    expect(existsSync(join(s.root, 'reports'))).toBe(false);
    expect(readdirSync(s.root).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(
      treeChanges(
        before,
        treeHash(s.root, (p) => p.startsWith('store.duckdb')),
      ),
    ).toEqual([]);
  });
});
