// The export target folder: a new export replaces an earlier export, never a folder or file the user keeps.
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFolderAtomically } from '../../reports/export/folder.ts';
import { ConfigError } from '../../core/errors.ts';

const fill = async (tmp: string) => {
  await writeFile(join(tmp, 'README.md'), '# Triage export\n');
};

describe('writeFolderAtomically', () => {
  it('refuses to replace a folder that is not an earlier export, and leaves it intact', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'triage-folder-'));
    const out = join(parent, 'papers');
    await mkdir(out);
    await writeFile(join(out, 'thesis.tex'), 'years of work');
    await expect(writeFolderAtomically(out, fill)).rejects.toBeInstanceOf(ConfigError);
    expect(await readFile(join(out, 'thesis.tex'), 'utf8')).toBe('years of work');
    expect((await readdir(parent)).sort()).toEqual(['papers']);
  });

  it('refuses to replace a file', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'triage-folder-'));
    const out = join(parent, 'notes.txt');
    await writeFile(out, 'keep me');
    await expect(writeFolderAtomically(out, fill)).rejects.toBeInstanceOf(ConfigError);
    expect(await readFile(out, 'utf8')).toBe('keep me');
  });

  it('fills an empty folder, replaces the earlier export, and refuses it once a file was added', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'triage-folder-'));
    const out = join(parent, 'export');
    await mkdir(out);
    await writeFolderAtomically(out, fill);
    await writeFolderAtomically(out, fill);
    expect((await readdir(out)).sort()).toEqual(['MANIFEST.json', 'README.md']);
    await writeFile(join(out, 'stale.csv'), 'mine now');
    await expect(writeFolderAtomically(out, fill)).rejects.toBeInstanceOf(ConfigError);
    expect(await readFile(join(out, 'stale.csv'), 'utf8')).toBe('mine now');
    expect(await readdir(parent)).toEqual(['export']);
  });

  it('replaces an earlier export whose manifest has the old name manifest.json', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'triage-folder-'));
    const out = join(parent, 'export');
    await writeFolderAtomically(out, fill);
    const manifest = await readFile(join(out, 'MANIFEST.json'), 'utf8');
    await rename(join(out, 'MANIFEST.json'), join(out, 'manifest.json'));
    expect(JSON.parse(manifest).files['README.md']).toMatch(/^[0-9a-f]{64}$/);
    await writeFolderAtomically(out, fill);
    expect((await readdir(out)).sort()).toEqual(['MANIFEST.json', 'README.md']);
  });
});
