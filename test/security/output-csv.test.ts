// Issue 15, item 3: every CSV Triage writes goes through one writer that neutralises formula cells (OWASP:
// a leading ' and quotes), while numbers in numeric columns stay numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvCell, csvLine, isNumericType, toCsv } from '../../core/csv.ts';
import { incidentsCsv } from '../../reports/query/table.ts';
import type { Incident } from '../../core/records.ts';
import { treeChanges, treeHash, triage } from './harness.ts';
import { HOSTILE_OUTLETS, HOSTILE_TITLE, hostileStore, parseCsv, type HostileStore } from './output-fixture.ts';

/** What a spreadsheet evaluates: a cell that starts with one of these (TAB and CR included). */
const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

describe('the CSV writer', () => {
  it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', '＝1+1'])('neutralises %j', (cell) => {
    const out = csvCell(cell);
    expect(out).toBe(`"'${cell}"`);
    expect(parseCsv(`${out}\n`)[0][0]).toBe(`'${cell}`);
  });

  it('leaves ordinary text alone and quotes only what needs quotes', () => {
    expect(csvCell("St. Mary's Hospital")).toBe("St. Mary's Hospital");
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(' =1+1')).toBe(' =1+1');
    expect(csvCell('')).toBe('""');
    expect(csvCell(null)).toBe('');
  });

  it('writes numbers bare, negative ones included, but a formula in a numeric column is still text', () => {
    expect(csvLine([-5, -2.5, 10n, '-7', '-1.5e3', '-2+3', '=1'], [false, false, false, true, true, true, true])).toBe(
      '-5,-2.5,10,-7,-1.5e3,"\'-2+3","\'=1"\n',
    );
    // a text column: "-7" is text there, so it keeps its quote
    expect(csvCell('-7')).toBe('"\'-7"');
    expect(isNumericType('DOUBLE') && isNumericType('DECIMAL(18,3)') && !isNumericType('VARCHAR')).toBe(true);
  });

  it('neutralises header names and list items that start like formulas', () => {
    expect(toCsv(['=x', 'n'], [[['=a', 'b'], 1]])).toBe('"\'=x",n\n"\'=a;b",1\n');
  });

  it('query --csv: the incident list goes through it (victim, actor and ransom text are neutralised)', () => {
    const incident = {
      incident_id: 'inc_1',
      victim: '=HYPERLINK("http://x")',
      country: 'US',
      sector: 'hospital',
      actor: '@evil',
      attack_types: ['ransomware'],
      first_reported: '2023-03-14',
      attack_date: null,
      ransom_demanded_usd: null,
      ransom_paid_usd: null,
      records_affected: null,
      downtime_days: null,
      status: 'reported',
      history: {},
      ransom: [{ as_written: '-$5 million' }],
      sources: [{ doc_id: 'd', url: '+http://y', file: null }],
    } as unknown as Incident;
    const [header, row] = parseCsv(incidentsCsv([incident]));
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('victim')).toBe('\'=HYPERLINK("http://x")');
    expect(cell('actor')).toBe("'@evil");
    expect(cell('ransom')).toBe("'-$5 million");
    expect(cell('source_urls')).toBe("'+http://y");
    expect(cell('sources')).toBe('1');
  });
});

describe('CSV written by the CLI from a store of hostile texts', () => {
  let s: HostileStore;
  beforeAll(() => {
    s = hostileStore('csv');
  }, 120_000);

  /** Every cell of a CSV text that a spreadsheet would evaluate, numeric columns' plain numbers excepted. */
  const live = (csv: string, numericColumns: string[] = []): string[] => {
    const [header, ...rows] = parseCsv(csv);
    return rows.flatMap((r) =>
      r.filter((cell, k) => FORMULA.test(cell) && !(numericColumns.includes(header[k]) && PLAIN_NUMBER.test(cell))),
    );
  };

  it('export --format csv: no cell starts like a formula, every hostile value is kept behind a quote', () => {
    const out = join(s.root, 'export');
    const before = treeHash(s.root);
    const r = triage(['--db', s.db, 'export', '--format', 'csv', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(treeChanges(before, treeHash(s.root)).filter((p) => !p.startsWith('export'))).toEqual([]);
    const dictionary = JSON.parse(readFileSync(join(out, 'data-dictionary.json'), 'utf8')) as Record<
      string,
      { name: string; type: string }[]
    >;
    for (const file of readdirSync(out).filter((f) => f.endsWith('.csv'))) {
      const numeric = dictionary[file.replace(/\.csv$/, '')].filter((c) => isNumericType(c.type)).map((c) => c.name);
      expect(live(readFileSync(join(out, file), 'utf8'), numeric), file).toEqual([]);
    }
    const [header, ...docs] = parseCsv(readFileSync(join(out, 'documents.csv'), 'utf8'));
    const col = (name: string) => docs.map((d) => d[header.indexOf(name)]);
    expect(col('title')).toContain(`'${HOSTILE_TITLE}`);
    expect(col('outlet').sort()).toEqual(HOSTILE_OUTLETS.map((o) => `'${o}`).sort());
    // rows still read back: as many records as documents
    expect(docs).toHaveLength(HOSTILE_OUTLETS.length);
  });

  it('query --sql … --csv: selected columns are neutralised too, and numbers stay numbers', () => {
    const before = treeHash(s.root);
    const r = triage([
      '--db',
      s.db,
      'query',
      '--csv',
      '--sql',
      `SELECT title, outlet, -length(text) AS minus_length, '=cmd' AS "=header" FROM documents ORDER BY outlet`,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(treeChanges(before, treeHash(s.root))).toEqual([]);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual(['title', 'outlet', 'minus_length', "'=header"]);
    expect(live(r.stdout, ['minus_length'])).toEqual([]);
    expect(rows.every((row) => /^-\d+$/.test(row[2]) && row[3] === "'=cmd")).toBe(true);
    expect(rows.map((row) => row[1]).sort()).toEqual(HOSTILE_OUTLETS.map((o) => `'${o}`).sort());
  });

  it('query --csv over the stored incidents: nothing a spreadsheet would run', () => {
    const r = triage(['--db', s.db, 'query', '--csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(parseCsv(r.stdout)[0]).toContain('victim');
    expect(live(r.stdout, ['sources'])).toEqual([]);
  });
});
