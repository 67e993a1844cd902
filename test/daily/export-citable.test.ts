// A citable export: MANIFEST.json with provenance and the SHA-256 of every file (which verify), CITATION.cff,
// the flat evidence table, lists `;`-joined, and a victim named =HYPERLINK("x") written as text in every CSV.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Store } from '../../store/store.ts';
import { replaceIncidents } from '../../store/analysis.ts';
import type { Incident } from '../../core/records.ts';
import { memoryLogger } from '../../core/effects.ts';
import { startServer } from '../../reports/serve/server.ts';
import { EXTRACTOR_VERSION } from '../../analyze/extract/index.ts';
import { parseCsv } from '../security/output-fixture.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const triage = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
const VICTIM = '=HYPERLINK("x")';

const incident = (id: string, victim: string, types: Incident['attack_types']): Incident => ({
  incident_id: id,
  victim,
  country: 'US',
  sector: 'hospital',
  actor: null,
  attack_types: types,
  first_reported: '2023-03-14',
  attack_date: '2023-03-10',
  ransom: [],
  ransom_demanded_usd: null,
  ransom_paid_usd: null,
  records_affected: null,
  downtime_days: null,
  status: 'reported',
  sources: [],
  history: { victim: [{ value: victim, doc_id: 'doc_x', published: '2023-03-14', outlet: '@outlet' }] },
  regulator_filing: null,
});

async function hostileDb(): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'triage-cite-'));
  const db = join(dir, 't.duckdb');
  const store = await Store.open(db);
  try {
    await replaceIncidents(
      store,
      [incident('inc_01', VICTIM, ['ransomware', 'data-breach']), incident('inc_02', 'Plain Hospital', ['ddos'])],
      [],
    );
  } finally {
    store.close();
  }
  return { dir, db };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('citable export', () => {
  it('writes a manifest whose checksums verify, with provenance, and CITATION.cff', async () => {
    const { dir, db } = await hostileDb();
    const out = join(dir, 'export');
    const r = triage(['export', '--format', 'csv', '--out', out, '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'MANIFEST.json'), 'utf8'));
    expect(manifest).toMatchObject({
      generator: 'triage export',
      triage_version: JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version,
      extractor_version: EXTRACTOR_VERSION,
      format: 'csv',
      rows: { incidents: 2, evidence: 2 },
    });
    expect(manifest.catalogue_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.now() - Date.parse(manifest.exported_at)).toBeLessThan(10 * 60_000);
    const files = readdirSync(out).filter((f) => f !== 'MANIFEST.json');
    expect(files).toEqual(expect.arrayContaining(['CITATION.cff', 'evidence.csv', 'incidents.csv']));
    expect(Object.keys(manifest.files).sort()).toEqual(files.sort());
    for (const f of files) expect(manifest.files[f], f).toBe(sha(join(out, f)));
    const cff = parse(readFileSync(join(out, 'CITATION.cff'), 'utf8'));
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff['date-released']).toBe(manifest.exported_at.slice(0, 10));
    expect(cff.version).toContain(EXTRACTOR_VERSION);
    expect(cff.authors.length).toBeGreaterThan(0);
  });

  it('writes a victim named =HYPERLINK("x") as text in every CSV, lists ;-joined', async () => {
    const { dir, db } = await hostileDb();
    const out = join(dir, 'export');
    expect(triage(['export', '--format', 'csv', '--out', out, '--db', db]).status).toBe(0);
    const bytes = readFileSync(join(out, 'incidents.csv'), 'utf8');
    // on the bytes: the cell is quoted and starts with ', so no spreadsheet evaluates it
    expect(bytes).toContain(`inc_01,"'=HYPERLINK(""x"")",US,hospital,,ransomware;data-breach,`);
    expect(bytes).not.toMatch(/(^|,)=HYPERLINK/m);
    const evidence = readFileSync(join(out, 'evidence.csv'), 'utf8');
    expect(evidence).toContain(`inc_01,victim,"'=HYPERLINK(""x"")",doc_x,"'@outlet",2023-03-14,`);
    const [header, ...rows] = parseCsv(evidence);
    expect(header.slice(0, 10)).toEqual([
      'incident_id',
      'field',
      'value',
      'doc_id',
      'outlet',
      'published',
      'url',
      'quote',
      'start_offset',
      'end_offset',
    ]);
    expect(rows.map((r) => r[1])).toEqual(['victim', 'victim']);
    const query = triage(['query', '--csv', '--db', db]);
    expect(query.stdout).toContain(`"'=HYPERLINK(""x"")"`);
    expect(query.stdout).not.toMatch(/(^|,)=HYPERLINK/m);
    const store = await Store.open(db, { readOnly: true });
    const server = await startServer({ store, port: 0, log: memoryLogger() });
    try {
      const api = await (await fetch(`${server.url}/api/incidents?format=csv`)).text();
      expect(api).toContain(`"'=HYPERLINK(""x"")"`);
      expect(api).not.toMatch(/(^|,)=HYPERLINK/m);
    } finally {
      await server.close();
      store.close();
    }
  });
});
