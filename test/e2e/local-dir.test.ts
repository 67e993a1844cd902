// `triage ingest --dir` then `triage incidents --json`: researchers load archives of plain-text files.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const DIR = fileURLToPath(new URL('../fixtures/local-dir', import.meta.url));
const triage = (args: string[], db: string) =>
  spawnSync(process.execPath, [BIN, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 120_000,
  });

describe('ingest --dir with .txt files', () => {
  it('merges two reports of one attack into one incident with both files as sources', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triage-dir-')), 'dir.duckdb');
    const ingest = triage(['ingest', '--dir', DIR], db);
    expect(ingest.status, ingest.stderr).toBe(0);
    const out = triage(['incidents', '--json'], db);
    expect(out.status, out.stderr).toBe(0);
    const incidents = JSON.parse(out.stdout) as {
      victim: string;
      first_reported: string;
      sources: { file: string | null; published: string | null }[];
      records_affected: number | null;
    }[];
    expect(incidents).toHaveLength(1);
    const [inc] = incidents;
    expect(inc.victim).toBe('Riverside Valley Hospital');
    expect(inc.first_reported).toBe('2023-03-14');
    expect(inc.records_affected).toBe(48000);
    expect(inc.sources.map((s) => [s.file?.split('/').pop(), s.published]).sort()).toEqual([
      ['hospital-a-copy.txt', '2023-03-15'],
      ['hospital-a.txt', '2023-03-14'],
    ]);
    // a second ingest of the same folder adds nothing
    const again = triage(['ingest', '--dir', DIR], db);
    expect(again.stderr).toMatch(/0 new documents/);
    const counts = triage(['query', '--sql', 'SELECT count(*) AS n FROM documents'], db);
    expect(JSON.parse(counts.stdout)).toEqual([{ n: 3 }]);
  });

  it('refuses a write through --sql and changes nothing', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triage-dir-')), 'sql.duckdb');
    expect(triage(['ingest', '--dir', DIR], db).status).toBe(0);
    const del = triage(['query', '--sql', 'DELETE FROM incidents'], db);
    expect(del.status).toBe(2);
    expect(del.stderr).toMatch(/read-only/);
    const n = triage(['query', '--sql', 'SELECT count(*) AS n FROM incidents'], db);
    expect(JSON.parse(n.stdout)).toEqual([{ n: 1 }]);
  });
});
