// The `triage` command as users and other tools call it: help, exit codes, the lock message.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../../store/store.ts';
import { PROJECT } from '../../core/paths.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const triage = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

describe('triage CLI', () => {
  it('prints help for every command', () => {
    for (const cmd of [
      'run',
      'ingest',
      'analyze',
      'report',
      'query',
      'export',
      'clean',
      'extract',
      'incidents',
      'sources',
    ]) {
      const r = triage([cmd, '--help']);
      expect(r.status, `${cmd} --help: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`Usage: triage ${cmd}`);
    }
  });

  it('exits 2 on a usage error and names the problem on stderr', () => {
    const r = triage(['report', '--format', 'docx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/docx/);
  });

  it('exits 2 on a --limit that is not a positive whole number', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triage-cli-')), 'limit.duckdb');
    (await Store.open(db)).close();
    for (const bad of ['0', '-5', '2.5']) {
      const r = triage(['query', '--limit', bad, '--db', db]);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(/--limit/);
    }
  });

  it('exits 2 with a clear message when the database does not exist yet', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triage-cli-')), 'none.duckdb');
    const r = triage(['incidents', '--json', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no database yet/);
    expect(r.stdout).toBe('');
  });

  it('refuses a second writer with a message naming the file', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triage-cli-')), 'locked.duckdb');
    const store = await Store.open(db);
    try {
      const r = triage(['analyze'], { TRIAGE_DB: db });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/in use by another (Triage process|program), PID \d+/); // this test process holds it
      expect(r.stderr).toContain(db);
    } finally {
      store.close();
    }
  });

  it('exits 2 on dates that do not exist (not 1, not a silently shifted date)', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triage-cli-')), 'empty.duckdb');
    (await Store.open(db)).close();
    const txt = join(mkdtempSync(join(tmpdir(), 'triage-cli-')), 'a.txt');
    writeFileSync(txt, 'A hospital was hit by ransomware. '.repeat(10));
    const cases = [
      ['query', '--since', '2022-02-30'],
      ['query', '--until', '2022-13-01'],
      ['export', '--format', 'csv', '--out', join(tmpdir(), 'never-written'), '--since', '2022-02-30'],
      ['export', '--format', 'stix', '--out', join(tmpdir(), 'never-written'), '--until', '2022-00-10'],
      ['report', '--week', '2022-W53'],
      ['report', '--quarter', '2022-Q5'],
      ['report', '--from', '2022-02-30', '--to', '2022-03-31'],
      ['report', '--from', '2022-03-31', '--to', '2022-03-01'],
      ['report', '--from', '2022-03-01'],
      ['report', '--week', '2022-W47', '--quarter', '2022-Q4'],
      ['report', '--tlp', 'PURPLE'],
      ['extract', txt, '--published', '2022-02-30'],
    ];
    for (const args of cases) {
      const r = triage([...args, '--db', db]);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
    }
  });

  it('stops quietly when the reader of stdout goes away (triage … | head)', async () => {
    const pages = readdirSync(join(PROJECT.demoSites, 'www.delhichronicle.example'), {
      recursive: true,
      encoding: 'utf8',
    })
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(PROJECT.demoSites, 'www.delhichronicle.example', f));
    const files = Array.from({ length: 20 }, () => pages).flat();
    const child = spawn(process.execPath, [BIN, 'clean', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(code).toBe(0);
  });
});
