// A browser that is not Chromium (a wrong TRIAGE_CHROMIUM, or one that dies at start) gives a clear error,
// not a crash of the whole process, and leaves no temp folders behind.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../../reports/weekly/pdf.ts';
import { chromiumPath } from '../../reports/weekly/browser.ts';

describe('renderPdf with a browser that exits at once', () => {
  it('rejects with a clear message and cleans up its temp folders', async () => {
    const own = mkdtempSync(join(tmpdir(), 'triage-pdf-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      await expect(renderPdf('<p>report</p>', '/bin/true')).rejects.toThrow(/chromium/i);
    } finally {
      // process.env turns undefined into the string 'undefined', which tmpdir() would then return
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(readdirSync(own)).toEqual([]);
  });
});

describe('the Chromium inside @sparticuz/chromium (no TRIAGE_CHROMIUM, no system browser)', () => {
  it('is chosen and prints a PDF', async () => {
    const path = await chromiumPath({}, []);
    expect(path).not.toBe('/usr/bin/chromium');
    expect((await renderPdf('<p>report</p>', path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
