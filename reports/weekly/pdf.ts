// PDF edition: the HTML page printed by headless Chromium (its print stylesheet applies).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from './browser.ts';

export async function renderPdf(html: string, executable?: string): Promise<Buffer> {
  const browser = await Browser.launch(executable);
  const dir = await mkdtemp(join(tmpdir(), 'triage-pdf-'));
  try {
    const file = join(dir, 'report.html');
    await writeFile(file, html);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const pdf = await page.pdf();
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('chromium did not return a PDF');
    return pdf;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
