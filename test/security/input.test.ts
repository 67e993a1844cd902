// Hostile inputs to the cleaner and to `ingest --dir`, through the real CLI: deep nesting, devices, FIFOs, sockets,
// sparse giants, binary files and links out of the folder. Each case checks the exit code, the message (naming
// the file once, with its typed reason), the reason stored in `failures` where there is a store, and that nothing
// outside the output changed. Speed and memory are measured in bench/security.ts, not here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../store/store.ts';
import { BIN, tempDir, treeChanges, treeHash, triage } from './harness.ts';

const ARTICLE = fileURLToPath(new URL('../fixtures/local-dir/hospital-a.txt', import.meta.url));
const SENTENCE = 'Clinicians at the Northfield clinic moved to paper charts after the ransomware attack, it said';

interface CleanLine {
  file: string;
  text: string | null;
  error: string | null;
  reason?: string;
}
const lines = (stdout: string): CleanLine[] =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CleanLine);
const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

const SPARSE = 'sparse.html';
const GIANT = 1536 * 1024 * 1024;

/** A 1.5 GB file that takes no disk space (reading it to hash it would cost what the test proves is avoided). */
function sparseFile(path: string): void {
  writeFileSync(path, '');
  truncateSync(path, GIANT);
}

/** Runs `triage ARGS` and proves the temp tree is unchanged except for `except`; files named sparse.html are
 * compared by size and mtime instead of content. */
function untouched(root: string, args: string[], except: (rel: string) => boolean = () => false) {
  const sparse = new Set<string>();
  const skip = (rel: string) => {
    if (basename(rel) === SPARSE && !except(rel)) sparse.add(rel);
    return except(rel) || basename(rel) === SPARSE;
  };
  const stats = () =>
    [...sparse].map((rel) => {
      const st = statSync(join(root, rel));
      return [rel, st.size, st.mtimeMs];
    });
  const before = treeHash(root, skip);
  const sparseBefore = stats();
  const run = triage(args);
  expect(treeChanges(before, treeHash(root, skip))).toEqual([]);
  expect(stats()).toEqual(sparseBefore);
  return run;
}

/** Every warning line on stderr names its path exactly once. */
function onePathPerWarning(stderr: string, paths: string[]): void {
  const warnings = stderr.split('\n').filter((l) => l.startsWith('warning: '));
  for (const p of paths) {
    const mine = warnings.filter((l) => l.includes(p));
    expect(mine, `a warning for ${p}`).toHaveLength(1);
    expect(mine[0].split(p).length - 1, mine[0]).toBe(1);
  }
}

describe('triage clean: deep nesting is flattened, not lost', () => {
  it('keeps the text at every depth of 3,000 nested elements and of 100,000 unclosed <div>s', () => {
    const dir = tempDir('deep');
    // Paragraphs at depths 600, 1,500 and 3,000 (the parser caps at 512), a script deep inside, and words in
    // sibling blocks past the cap that must stay apart.
    const para = (n: number) => `<p>${SENTENCE} (depth ${n}), and the hospital said that services were restored.</p>`;
    let html = '<html><head><title>Deep page</title></head><body>';
    for (let d = 1; d <= 3000; d++) {
      html += d % 2 ? '<div class="story">' : '<section>';
      if (d === 600 || d === 1500) html += para(d);
      if (d === 2000) html += '<script>var leaked = "SCRIPT-BODY";</script>';
    }
    html += `${para(3000)}<div>alpha</div><div>omega</div>`;
    writeFileSync(join(dir, 'deep.html'), html);
    writeFileSync(
      join(dir, 'unclosed.html'),
      `<html><body>${'<div>\n'.repeat(100_000)}${para(100_000)}<p>${SENTENCE}, again at the bottom.</p></body></html>`,
    );

    const run = untouched(dir, ['clean', join(dir, 'deep.html'), join(dir, 'unclosed.html')]);
    expect(run.status, run.stderr).toBe(0);
    const [deep, unclosed] = lines(run.stdout);
    for (const n of [600, 1500, 3000]) expect(deep.text).toContain(`${SENTENCE} (depth ${n})`);
    expect(deep.text).toMatch(/alpha\s+omega/);
    expect(deep.text).not.toContain('SCRIPT-BODY');
    expect(unclosed.text).toContain(`${SENTENCE} (depth 100000)`);
    expect(unclosed.text).toContain(`${SENTENCE}, again at the bottom.`);
  });
});

describe('triage clean: giant files are refused before reading, streams are read within the cap', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('clean');
  });

  it('refuses /dev/zero past the cap, a FIFO nobody writes to and a 1.5 GB sparse file, naming each once', () => {
    const sparse = join(dir, SPARSE);
    sparseFile(sparse);
    const fifo = join(dir, 'pipe.html');
    mkfifo(fifo);
    // A FIFO that nobody writes to would block a plain open() forever; spawnSync's timeout would then fail this.
    const run = untouched(dir, ['clean', '/dev/zero', fifo, sparse, '/dev/null']);
    expect(run.status, run.stderr).toBe(3);
    const got = lines(run.stdout);
    expect(got.map((l) => [l.file, l.reason, l.error])).toEqual([
      ['/dev/zero', 'too_large', `a character device gave more than ${20 * 1024 * 1024} bytes`],
      [fifo, 'not_article', 'empty page'],
      [sparse, 'too_large', `file is ${GIANT} bytes, cap ${20 * 1024 * 1024}`],
      ['/dev/null', 'not_article', 'empty page'],
    ]);
    expect(got.every((l) => l.text === null)).toBe(true);
    onePathPerWarning(run.stderr, ['/dev/zero', fifo, sparse]);
    expect(run.stderr).toMatch(/warning: \/dev\/zero: too_large: a character device gave more than/);
  });

  it('reads a page piped to /dev/stdin (a FIFO) within the cap', () => {
    const page = join(dir, 'piped.html');
    writeFileSync(
      page,
      `<html><body><article><p>${readFileSync(ARTICLE, 'utf8').split('\n').slice(3).join(' ')}</p>` +
        '</article></body></html>',
    );
    const before = treeHash(dir, (rel) => basename(rel) === SPARSE);
    // A shell pipe, as a user would type it (Node's own child stdin is a socket, which /dev/stdin cannot open).
    const run = spawnSync('sh', ['-c', 'cat "$1" | "$2" "$3" clean /dev/stdin', 'sh', page, process.execPath, BIN], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
      timeout: 120_000,
    });
    expect(
      treeChanges(
        before,
        treeHash(dir, (rel) => basename(rel) === SPARSE),
      ),
    ).toEqual([]);
    expect(run.status, run.stderr).toBe(0);
    const [line] = lines(run.stdout);
    expect(line.error).toBeNull();
    expect(line.text).toContain('Riverside Valley Hospital');
  });

  it('refuses binary content as not_article and still reads UTF-16 text', () => {
    const png = join(dir, 'photo.html');
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    writeFileSync(png, Buffer.concat([signature, Buffer.alloc(64, 7)]));
    const nul = join(dir, 'nul.txt');
    const start = Buffer.from(readFileSync(ARTICLE, 'utf8').slice(0, 300));
    writeFileSync(nul, Buffer.concat([start, Buffer.from([0, 1, 2, 0])]));
    // Bytes 1-255 without NUL, read as windows-1252: the share of control characters gives it away.
    const noise = join(dir, 'noise.html');
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647) % 255) + 1;
    writeFileSync(noise, Buffer.from(Array.from({ length: 20_000 }, next)));
    const wide = join(dir, 'wide.html');
    const article = readFileSync(ARTICLE, 'utf8').split('\n').slice(3).join(' ');
    const page = `<html><body><article><p>${article}</p></article></body></html>`;
    writeFileSync(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]));

    const run = untouched(dir, ['clean', png, nul, noise, wide]);
    expect(run.status, run.stderr).toBe(3);
    const got = lines(run.stdout);
    expect(got.map((l) => l.reason ?? null)).toEqual(['not_article', 'not_article', 'not_article', null]);
    expect(got[0].error).toBe('a PNG image, not text');
    expect(got[1].error).toBe('binary data (NUL bytes), not text');
    expect(got[2].error).toMatch(/^binary data \(\d+ % of the first 20000 characters are not text\)$/);
    expect(got[3].error).toBeNull();
    expect(got[3].text).toContain('Riverside Valley Hospital');
    onePathPerWarning(run.stderr, [png, nul, noise]);
  });
});

describe('ingest --dir: every entry is read or recorded with a reason', () => {
  let root: string;
  let socket: Server;
  const at = (p: string) => join(root, 'in', p);

  beforeAll(async () => {
    root = tempDir('dir');
    mkdirSync(join(root, 'in', 'sub'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    copyFileSync(ARTICLE, at('good.txt'));
    copyFileSync(ARTICLE, at('sub/deeper.txt'));
    copyFileSync(ARTICLE, join(root, 'outside', 'secret.txt'));
    symlinkSync('good.txt', at('link-in.txt'));
    symlinkSync('../outside/secret.txt', at('link-out.txt'));
    symlinkSync('../outside', at('folder-out'));
    symlinkSync('sub', at('folder-in'));
    symlinkSync('/dev/zero', at('zero.html'));
    symlinkSync('missing.txt', at('broken.txt'));
    mkfifo(at('pipe.html'));
    sparseFile(at(SPARSE));
    writeFileSync(at('photo.html'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]));
    writeFileSync(at('notes.docx'), 'a user file that is no input');
    socket = createServer();
    await new Promise<void>((ok) => socket.listen(at('control.sock'), ok));
  });
  afterAll(() => new Promise<void>((ok) => socket.close(() => ok())));

  it('stores the files inside, records the rest with typed reasons, one path per warning, nothing else', async () => {
    const db = join(root, 'out', 'triage.duckdb');
    mkdirSync(join(root, 'out'));
    const run = untouched(
      root,
      ['ingest', '--dir', join(root, 'in'), '--no-analyze', '--workers', '1', '--db', db],
      (rel) => rel.startsWith('out'),
    );
    expect(run.status, run.stderr).toBe(3);

    const refused: [string, string, string][] = [
      ['broken.txt', 'read', 'unreadable_file'],
      ['control.sock', 'read', 'special_file'],
      ['folder-in', 'read', 'linked_folder'],
      ['folder-out', 'read', 'outside_folder'],
      ['link-out.txt', 'read', 'outside_folder'],
      ['photo.html', 'clean', 'not_article'],
      ['pipe.html', 'read', 'special_file'],
      ['sparse.html', 'read', 'too_large'],
      ['zero.html', 'read', 'outside_folder'],
    ];
    const store = await Store.open(db, { readOnly: true });
    try {
      const failures = await store.all<{ item: string; stage: string; reason: string; message: string }>(
        'SELECT item, stage, reason, message FROM failures ORDER BY item',
      );
      expect(failures.map((f) => [f.item, f.stage, f.reason])).toEqual(refused.map(([p, s, r]) => [at(p), s, r]));
      expect(failures.find((f) => f.item === at('link-out.txt'))!.message).toBe(
        `symbolic link to ${join(root, 'outside', 'secret.txt')}, outside the folder`,
      );
      expect(failures.every((f) => !f.message.includes(f.item))).toBe(true);
      const files = await store.all<{ file: string }>('SELECT file FROM documents ORDER BY file');
      expect(files.map((f) => f.file)).toEqual([at('good.txt'), at('link-in.txt'), at('sub/deeper.txt')]);
    } finally {
      store.close();
    }
    onePathPerWarning(
      run.stderr,
      refused.map(([p]) => at(p)),
    );
    expect(run.stderr).toContain(`left alone in ${join(root, 'in')}: 1 file(s) not named .html, .htm, .html.gz`);
    expect(run.stderr).toContain(
      'ingest failures by reason: 3 outside_folder, 2 special_file, 1 linked_folder, ' +
        '1 not_article, 1 too_large, 1 unreadable_file',
    );
  });
});
