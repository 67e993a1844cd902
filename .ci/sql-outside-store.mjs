#!/usr/bin/env node
// Layout rule: every SQL statement lives under store/. Scans the product's other rooms for string literals
// (quotes or backticks) that hold a SQL statement; prints each as FILE:LINE and exits 1 when any is found.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROOMS = ['bin', 'core', 'ingest', 'analyze', 'reports', 'pipeline'];
/** Files whose strings show SQL to people rather than run it, with the reason. */
const ALLOWED = {
  'reports/export/readme.ts': "an export's README shows users how to read the Parquet files with DuckDB",
};
const STATEMENT = new RegExp(
  String.raw`\b(SELECT\s[\s\S]*?\bFROM\b|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|` +
    String.raw`CREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+|TEMPORARY\s+)?(TABLE|VIEW|INDEX)|DROP\s+(TABLE|VIEW)|COPY\s+\S+\s+(TO|FROM)\b|` +
    String.raw`ATTACH\s|DETACH\s|CHECKPOINT\b|PRAGMA\s|ALTER\s+TABLE)`,
);
/** String literals: '…', "…" and `…` (template bodies whole, ${} included), after comments are blanked. */
const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|mts|js|mjs|cjs)$/.test(e.name)) yield p;
  }
}

/** Blanks comments (keeping line breaks) so commented SQL and prose about SQL do not count. */
function stripComments(src) {
  return src
    .replace(LITERAL, (m) => m.replace(/\/[/*]/g, '\0\0'))
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/\0\0/g, '//');
}

const found = [];
for (const room of ROOMS) {
  for (const file of files(join(ROOT, room))) {
    const rel = relative(ROOT, file);
    if (ALLOWED[rel]) continue;
    const src = stripComments(readFileSync(file, 'utf8'));
    for (const m of src.matchAll(LITERAL)) {
      if (!STATEMENT.test(m[0])) continue;
      const line = src.slice(0, m.index).split('\n').length;
      found.push(`${rel}:${line}: ${m[0].split('\n')[0].slice(0, 100)}`);
    }
  }
}
if (found.length) {
  process.stderr.write(`SQL outside store/ (move it into a store/ module):\n${found.join('\n')}\n`);
  process.exit(1);
}
process.stderr.write(`no SQL outside store/ (${ROOMS.join(', ')} checked)\n`);
