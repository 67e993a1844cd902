// The `triage` command as users and other tools call it: help, exit codes, the lock message.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../../data/store.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const triage = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

describe('triage CLI', () => {
  it('prints help for every command', () => {
    for (const cmd of ['run', 'ingest', 'analyze', 'report', 'query', 'export', 'clean', 'extract', 'incidents', 'sources']) {
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
      expect(r.stderr).toMatch(/another Triage process/);
      expect(r.stderr).toContain(db);
    } finally {
      store.close();
    }
  });
});
