// Issue 15, item 4: nothing of the user's is touched. An export replaces only a folder its manifest describes
// exactly; `report --out` never overwrites without --force, refuses folders and special files, leaves no temp.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir, treeChanges, treeHash, triage } from './harness.ts';
import { hostileStore, type HostileStore } from './output-fixture.ts';

let s: HostileStore;
beforeAll(() => {
  s = hostileStore('files');
}, 120_000);

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** export opens the store read-only: it must not change either. */
const exportTo = (out: string, format = 'csv') => triage(['--db', s.db, 'export', '--format', format, '--out', out]);
const noTemps = (dir: string) => readdirSync(dir).filter((f) => /\.tmp-/.test(f));

describe('export --out', () => {
  it('writes a manifest listing exactly the files it wrote, with their hashes (nested Parquet folders too)', () => {
    for (const format of ['csv', 'parquet']) {
      const out = join(s.root, `manifest-${format}`);
      const r = exportTo(out, format);
      expect(r.status, r.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(out, 'MANIFEST.json'), 'utf8')) as {
        files: Record<string, string>;
      };
      const files = readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !(e.parentPath === out && e.name === 'MANIFEST.json'))
        .map((e) => join(e.parentPath, e.name).slice(out.length + 1))
        .sort();
      expect(Object.keys(manifest.files).sort()).toEqual(files);
      for (const f of files) expect(manifest.files[f], f).toBe(sha(join(out, f)));
      // an unchanged earlier export is replaced
      expect(exportTo(out, format).status).toBe(0);
    }
  });

  it('refuses a folder holding a file the export did not write: exit 2, the file named, nothing touched', () => {
    const out = join(s.root, 'with-notes');
    expect(exportTo(out).status).toBe(0);
    writeFileSync(join(out, 'notes.docx'), 'a year of notes');
    const before = treeHash(s.root);
    const r = exportTo(out, 'jsonl');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /--out holds files the earlier export did not write \(notes\.docx\): refusing to replace it, nothing was del/,
    );
    expect(treeChanges(before, treeHash(s.root))).toEqual([]);
  });

  it('refuses an earlier export whose files were edited, naming them', () => {
    const out = join(s.root, 'edited');
    expect(exportTo(out).status).toBe(0);
    writeFileSync(join(out, 'README.md'), '# Triage export\n\nmy own annotations\n');
    const before = treeHash(s.root);
    const r = exportTo(out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/files changed since the export wrote them \(README\.md\)/);
    expect(treeChanges(before, treeHash(s.root))).toEqual([]);
  });

  it('refuses a folder whose README merely looks like an export (no manifest): the reported data loss', () => {
    const out = join(s.root, 'look-alike');
    mkdirSync(join(out, 'drafts'), { recursive: true });
    writeFileSync(join(out, 'README.md'), '# Triage export\n');
    writeFileSync(join(out, 'drafts', 'paper.tex'), 'years of work');
    const before = treeHash(s.root);
    const r = exportTo(out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds files and no MANIFEST\.json of an earlier Triage export/);
    expect(treeChanges(before, treeHash(s.root))).toEqual([]);
  });

  it('refuses a file, a symbolic link and a forged manifest that leaves a file out', () => {
    const root = tempDir('export-odd');
    writeFileSync(join(root, 'file.txt'), 'keep');
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'mine.txt'), 'mine');
    symlinkSync(join(root, 'real'), join(root, 'link'));
    mkdirSync(join(root, 'forged'));
    writeFileSync(join(root, 'forged', 'mine.txt'), 'mine');
    writeFileSync(join(root, 'forged', 'MANIFEST.json'), JSON.stringify({ generator: 'triage export', files: {} }));
    const before = treeHash(root);
    const expected: [string, RegExp][] = [
      ['file.txt', /is a file, not a folder/],
      ['link', /is a symbolic link/],
      ['forged', /did not write \(mine\.txt\)/],
    ];
    for (const [name, message] of expected) {
      const r = exportTo(join(root, name));
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
    }
    expect(treeChanges(before, treeHash(root))).toEqual([]);
  });

  it('a failed export (file size limit) leaves the earlier export as it was and no temp folder', () => {
    const out = join(s.root, 'kept');
    expect(exportTo(out).status).toBe(0);
    const before = treeHash(s.root);
    const script = 'trap "" XFSZ; ulimit -f 4; exec "$NODE" "$BIN" --db "$DB" export --format csv --out "$OUT"';
    const r = spawnSync('bash', ['-c', script], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, TZ: 'UTC', NODE: process.execPath, BIN, DB: s.db, OUT: out },
    });
    expect(r.status, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/^triage: cannot write .*kept: file too large \(EFBIG\)\n$/);
    expect(noTemps(s.root)).toEqual([]);
    expect(treeChanges(before, treeHash(s.root))).toEqual([]);
  });
});

describe('report --out', () => {
  const report = (out: string, ...more: string[]) =>
    triage(['--db', s.db, 'report', '--format', 'md', '--out', out, ...more]);
  /** report records its figures in the store: the store is the one other file that may change. */
  const outside = (root: string, out: string) => treeHash(root, (p) => p.startsWith('store.duckdb') || p === out);

  it('writes a new file, then refuses to overwrite it without --force (exit 2), then replaces it with --force', () => {
    const out = join(s.root, 'week.md');
    const before = outside(s.root, 'week.md');
    const first = report(out);
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\*\*TLP:CLEAR\*\*\n\n# /);
    writeFileSync(out, 'my edited copy');
    const again = report(out);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/--out exists: refusing to overwrite it \(add --force to replace it\)/);
    expect(readFileSync(out, 'utf8')).toBe('my edited copy');
    const forced = report(out, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\*\*TLP:CLEAR\*\*\n\n# /);
    expect(treeChanges(before, outside(s.root, 'week.md'))).toEqual([]);
    expect(noTemps(s.root)).toEqual([]);
  });

  it('rejects a folder and a named pipe, even with --force, and creates nothing', () => {
    const root = tempDir('report-odd');
    mkdirSync(join(root, 'folder'));
    spawnSync('mkfifo', [join(root, 'pipe')]);
    const before = treeHash(root);
    for (const [name, message] of [
      ['folder', /--out is a folder: give a file name/],
      ['pipe', /--out is not a regular file/],
    ] as const) {
      for (const force of [[], ['--force']]) {
        const r = report(join(root, name), ...force);
        expect(r.status, `${name} ${force}`).toBe(2);
        expect(r.stderr).toMatch(message);
      }
    }
    expect(treeChanges(before, treeHash(root))).toEqual([]);
  });
});
