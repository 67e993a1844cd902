// A local file is read into a buffer of its own size, which the page keeps without a copy and the worker pool
// moves to its thread whole; a small file (Node's shared Buffer pool) and a file that grew or shrank are copied or
// joined, never handed over with the pool's other bytes.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLocalFile } from '../../ingest/local.ts';
import { readBounded } from '../../ingest/read-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-read-whole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const owns = (b: Uint8Array) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;

describe('reading a local file', () => {
  it('reads a page into a buffer it owns whole, bytes intact', async () => {
    const html = `<html><body><p>${'Patient data was stolen. '.repeat(2000)}</p></body></html>`;
    const file = join(dir, 'big.html');
    writeFileSync(file, html);
    const raw = await readBounded(file, 1 << 20);
    expect(owns(raw)).toBe(true);
    const page = await readLocalFile(file);
    expect(owns(page.body)).toBe(true);
    expect(Buffer.from(page.body).toString('utf8')).toBe(html);
  });

  it('copies a small file out of the shared Buffer pool', async () => {
    const file = join(dir, 'small.html');
    writeFileSync(file, '<p>Ransomware hit the clinic.</p>');
    const page = await readLocalFile(file);
    expect(owns(page.body)).toBe(true);
    expect(page.body.buffer.byteLength).toBe(page.body.byteLength);
    expect(Buffer.from(page.body).toString('utf8')).toBe('<p>Ransomware hit the clinic.</p>');
  });

  it('reads an empty file as no bytes', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    expect((await readBounded(file, 1 << 20)).length).toBe(0);
    expect((await readLocalFile(file)).body.length).toBe(0);
  });

  it('still refuses a file over the cap, and joins one that is exactly the cap', async () => {
    const file = join(dir, 'cap.txt');
    writeFileSync(file, 'x'.repeat(10_000));
    expect((await readBounded(file, 10_000)).length).toBe(10_000);
    appendFileSync(file, 'y');
    await expect(readBounded(file, 10_000)).rejects.toThrow(/cap/);
  });
});
