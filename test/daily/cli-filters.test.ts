// Filter values are checked (exit 2 with the valid values), help ends with examples, and a run that reaches no
// server says so in one line, exits 5 and leaves the last report alone.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { Store } from '../../store/store.ts';
import { countryCode } from '../../reports/query/filter-values.ts';

const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));
const triage = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('filter values', () => {
  it('reads countries as codes or names in several languages', () => {
    expect(countryCode('in')).toBe('IN');
    expect(countryCode('India')).toBe('IN');
    expect(countryCode('Inde')).toBe('IN');
    expect(countryCode('united states')).toBe('US');
    expect(() => countryCode('Atlantis')).toThrow(/valid codes: AD, AE/);
    expect(() => countryCode('XX')).toThrow(/unknown country "XX"/);
  });

  it('rejects every wrong filter value with exit 2 and the valid values', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triage-filters-')), 'empty.duckdb');
    (await Store.open(db)).close();
    const cases: [string[], RegExp][] = [
      [['--country', 'Atlantis'], /--country: unknown country "Atlantis".*valid codes: .*IN, .*US/],
      [['--type', 'ransom'], /--type: unknown value "ransom"; valid values: ransomware, data-breach, ddos/],
      [['--sector', 'hospitals'], /--sector: unknown value "hospitals"; valid values: hospital, health-system/],
      [['--since', '2022-02-30'], /--since must be YYYY-MM-DD/],
      [['--until', 'yesterday'], /--until must be YYYY-MM-DD/],
      [['--min-ransom-usd', 'lots'], /--min-ransom-usd must be a number/],
      [['--limit', '0'], /--limit must be a whole number/],
      [['--actor', 'Nosuchgang'], /--actor: no group "Nosuchgang" in the group list or the data; groups in the data:/],
      [['--victim', ' '], /--victim is blank/],
      [['--actor', ''], /--actor is blank/],
      [['--text', '  '], /--text is blank/],
    ];
    for (const [args, message] of cases) {
      const r = triage(['query', ...args, '--db', db]);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const ok = triage(['query', '--country', 'india', '--type', 'Ransomware', '--sector', 'hospital', '--db', db]);
    expect(ok.status, ok.stderr).toBe(0);
    // a group of the group list is a valid value even before any incident names it
    expect(triage(['query', '--actor', 'Conti', '--db', db]).status).toBe(0);
  });

  it('ends the help of each command with examples', () => {
    for (const cmd of [['run'], ['ingest'], ['analyze'], ['query'], ['export'], ['serve'], ['sources', 'check']]) {
      const r = triage([...cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Examples:\\n  \\$ triage ${cmd[0]}`));
    }
  });
});

describe('network down', () => {
  it('prints one line, exits 5, stores nothing new and rewrites no report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-down-'));
    // a port that was just free: nothing listens there any more
    const srv = createServer();
    await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
    const port = (srv.address() as AddressInfo).port;
    await new Promise<void>((ok) => srv.close(() => ok()));
    const sources = join(dir, 'sources.yaml');
    const entry = (id: string, kind: string) =>
      `  - {id: ${id}, kind: ${kind}, url: "http://127.0.0.1:${port}/${id}.xml", publisher: "${id}", country: US, language: en}`;
    writeFileSync(
      sources,
      ['allow_private: ["127.0.0.1/32"]', 'sources:', entry('one', 'rss'), entry('two', 'atom'), entry('three', 'rss')]
        .join('\n')
        .concat('\n'),
    );
    const out = join(dir, 'out');
    mkdirSync(out);
    const old = join(out, 'report-2022-Q4.html');
    writeFileSync(old, 'last week’s report');
    const r = triage(['run', '--sources', sources, '--out', out, '--db', join(dir, 't.duckdb')]);
    expect(r.status, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/no source could be reached — is the network down\?/);
    // one line about it, not one per source
    expect(r.stderr.match(/127\.0\.0\.1/g) ?? []).toHaveLength(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(old, 'utf8')).toBe('last week’s report');
    expect(existsSync(join(out, 'report-2022-Q4.md'))).toBe(false);
    const store = await Store.open(join(dir, 't.duckdb'), { readOnly: true });
    try {
      const failures = await store.all<{ reason: string }>('SELECT reason FROM failures');
      expect(failures.map((f) => f.reason)).toEqual(['network', 'network', 'network']);
    } finally {
      store.close();
    }
  });
});
