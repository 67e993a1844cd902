// Runs the product as a user would — `triage extract FILES --jsonl`, `triage ingest --dir`, `triage incidents --json`
// — and a benchmark's own score.mjs, in child processes. The bench and the quality test score what the CLI prints,
// so no second extraction path can drift from it.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TRIAGE = join(ROOT, 'bin/triage.js');
/** Where ../shared is: beside the repository (as in CI), or TRIAGE_SHARED. */
export const SHARED = resolve(ROOT, process.env.TRIAGE_SHARED ?? '../shared');

export const sha256File = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

const temps = new Set<string>();
// a run cut short (a filtered or failed test file ends its process) leaves no folder behind
process.once('exit', () => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory; remove it with `rmTemp`. */
export function makeTemp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `triage-${prefix}-`));
  temps.add(dir);
  return dir;
}
export function rmTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  temps.delete(dir);
}

function run(cmd: string, args: string[], okCodes = [0]): Promise<string> {
  return new Promise((done, fail) => {
    const env = { ...process.env, TZ: 'UTC' };
    execFile(cmd, args, { cwd: ROOT, maxBuffer: 1 << 30, env }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      if (okCodes.includes(code)) done(stdout);
      else fail(new Error(`${[cmd, ...args.slice(0, 3)].join(' ')} … exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

export interface TextRecord {
  id: string;
  text: string;
  published?: string | null;
  title?: string | null;
}

/** Writes one `<id>.txt` per record: optional `Published:` / `Title:` header lines, a blank line, then the text. */
export function writeTexts(dir: string, records: TextRecord[]): string[] {
  return records.map((r) => {
    const title = r.title ? `Title: ${r.title.replace(/\s+/g, ' ')}` : '';
    const head = [r.published ? `Published: ${r.published}` : '', title].filter(Boolean);
    const file = join(dir, `${r.id}.txt`);
    // the healthcare-news README's form: a `Published:` line directly followed by the text
    writeFileSync(file, r.title ? `${head.join('\n')}\n\n${r.text}` : head.length ? `${head[0]}\n${r.text}` : r.text);
    return file;
  });
}

/** `triage extract FILES --jsonl`: exit 3 (some files failed, each still has a line) counts as done. */
export const cliExtract = (files: string[]): Promise<string> =>
  run(process.execPath, [TRIAGE, '--quiet', 'extract', ...files, '--jsonl'], [0, 3]);

/** `triage ingest --dir DIR` into a new DuckDB file, then `triage incidents --json`; returns the incidents JSON. */
export async function cliIncidents(dir: string, db: string): Promise<string> {
  // --workers 0: one thread, as the bench measures one core; the incidents do not depend on it
  await run(process.execPath, [TRIAGE, '--quiet', 'ingest', '--dir', dir, '--db', db, '--workers', '0'], [0, 3]);
  return run(process.execPath, [TRIAGE, 'incidents', '--json', '--db', db]);
}

/** `node score.mjs MODE GOLD PRED`: the JSON figures it prints before its summary line. */
export async function scoreMjs(
  scorer: string,
  mode: 'extract' | 'cluster' | 'casie',
  gold: string,
  pred: string,
): Promise<Record<string, unknown>> {
  const out = (await run(process.execPath, [scorer, mode, gold, pred])).trimEnd();
  const json = out.slice(0, out.lastIndexOf('\n'));
  return JSON.parse(json) as Record<string, unknown>;
}

export const listTxt = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
