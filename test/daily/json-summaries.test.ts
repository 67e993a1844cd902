// --json summaries of run, ingest, analyze and export: one JSON object on stdout, logs on stderr only.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/local-dir', import.meta.url));
const triage = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 180_000 });

describe('--json summaries', () => {
  it('run, analyze, export and ingest print their counts as JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-json-'));
    const db = join(dir, 't.duckdb');
    const run = triage(['run', '--demo', '--json', '--out', join(dir, 'out'), '--db', db]);
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.ingest.documents_new).toBeGreaterThan(80);
    expect(r.analyze.incidents).toBe(28);
    expect(r.counts.incidents).toBe(28);
    expect(r.report.period).toBe('2022-Q4');
    expect(r.report.html).toBe(join(dir, 'out', 'report-2022-Q4.html'));
    expect(r.exit_code).toBe(0);

    const an = triage(['analyze', '--json', '--workers', '0', '--db', db]);
    expect(an.status, an.stderr).toBe(0);
    expect(JSON.parse(an.stdout)).toMatchObject({ extracted: 0, incidents: 28 });

    const ex = triage(['export', '--format', 'jsonl', '--out', join(dir, 'export'), '--json', '--db', db]);
    expect(ex.status, ex.stderr).toBe(0);
    expect(JSON.parse(ex.stdout)).toMatchObject({ format: 'jsonl', dir: join(dir, 'export'), rows: { incidents: 28 } });

    const ing = triage(['ingest', '--dir', FIXTURES, '--json', '--workers', '0', '--db', join(dir, 'dir.duckdb')]);
    const j = JSON.parse(ing.stdout);
    expect(j.ingest.documents_new).toBeGreaterThan(0);
    expect(j.analyze.extracted).toBe(j.ingest.documents_new + j.ingest.documents_updated);
  });
});
