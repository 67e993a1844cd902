// Loads the regulator reference: data/reference/hhs-breaches.csv and hhs-states.yaml (see their SOURCE notes).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../../core/errors.ts';
import type { Filing, RegulatorReference } from './regulator.ts';

const COLUMNS = ['name', 'state', 'entity_type', 'individuals_affected', 'submitted', 'breach_type'];

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

export function parseFilings(text: string, file = 'hhs-breaches.csv'): Filing[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || COLUMNS.some((c, i) => header[i] !== c)) {
    throw new ConfigError(`expected the columns ${COLUMNS.join(',')}`, file);
  }
  return rows.map((r, i) => {
    const count = r[3] === '' ? null : Number(r[3]);
    if (
      r.length !== COLUMNS.length ||
      !/^\d{4}-\d{2}-\d{2}$/.test(r[4]) ||
      (count !== null && !Number.isFinite(count))
    ) {
      throw new ConfigError(`line ${i + 2}: malformed row`, file);
    }
    return {
      name: r[0],
      state: r[1],
      entity_type: r[2],
      individuals_affected: count,
      submitted: r[4],
      breach_type: r[5],
    };
  });
}

export async function loadRegulatorReference(dir: string): Promise<RegulatorReference> {
  const csvFile = join(dir, 'hhs-breaches.csv');
  const yamlFile = join(dir, 'hhs-states.yaml');
  const read = (f: string) =>
    readFile(f, 'utf8').catch((err: Error) => {
      throw new ConfigError(`cannot read: ${err.message}`, f);
    });
  const [csv, yaml] = await Promise.all([read(csvFile), read(yamlFile)]);
  const doc = parseYaml(yaml) as { states?: Record<string, string>; cities?: Record<string, string> } | null;
  const places = { ...(doc?.cities ?? {}), ...(doc?.states ?? {}) };
  if (Object.keys(places).length === 0) throw new ConfigError('no states listed', yamlFile);
  return { filings: parseFilings(csv, csvFile), places };
}
