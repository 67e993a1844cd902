// The PDF edition rendered to images, as a reader would see the pages: an A4 cover with the period and the TLP
// label, and a page number at the foot of every page. Pages are rasterised with pdftoppm (Debian poppler-utils)
// when the machine has it, else with pdf.js on @napi-rs/canvas (both from npm, so the test runs everywhere);
// the PNGs are then read back pixel by pixel.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../reports/weekly/index.ts';
import { renderPdf } from '../../reports/weekly/pdf.ts';
import { fixtureInput } from '../fixtures/report-incidents/incidents.ts';

const A4 = { width: 595, height: 842 }; // points
const DPI = 72;

function havePdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pages 1…n of the PDF as PNG files, at 72 dpi (one pixel per point). */
async function rasterise(pdf: Buffer, dir: string, pages: number): Promise<string[]> {
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  if (havePdftoppm()) {
    execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', '1', '-l', String(pages), file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => join(dir, f));
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  const out: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: DPI / 72 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // biome-ignore lint/suspicious/noExplicitAny: pdf.js types its canvas as the DOM's
    await page.render({ canvas: canvas as any, canvasContext: ctx as any, viewport }).promise;
    const png = join(dir, `page-${n}.png`);
    writeFileSync(png, canvas.toBuffer('image/png'));
    out.push(png);
  }
  await doc.destroy();
  return out;
}

/** Share of dark pixels in a horizontal band of the image (y from top to bottom, fractions of the height). */
async function inkIn(
  png: string,
  top: number,
  bottom: number,
): Promise<{ ink: number; width: number; height: number }> {
  const img = await loadImage(readFileSync(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const y0 = Math.floor(img.height * top);
  const h = Math.max(1, Math.floor(img.height * bottom) - y0);
  const { data } = ctx.getImageData(0, y0, img.width, h);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 3 * 160) dark++;
  return { ink: dark / (img.width * h), width: img.width, height: img.height };
}

describe('the PDF edition as page images', () => {
  let dir: string;
  let pngs: string[];
  let text: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'triage-pdf-pages-'));
    const report = buildReport(fixtureInput({ period: { kind: 'quarter', id: '2022-Q4' }, tlp: 'TLP:AMBER' }));
    const pdf = await renderPdf(report.html);
    pngs = await rasterise(pdf, dir, 3);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
    text = [];
    for (let n = 1; n <= 3; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      text.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
    }
    text.push(String(doc.numPages));
    await doc.destroy();
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders A4 pages', async () => {
    expect(pngs).toHaveLength(3);
    const { width, height } = await inkIn(pngs[0], 0, 1);
    expect(Math.abs(width - A4.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(height - A4.height)).toBeLessThanOrEqual(2);
  });

  it('opens with a cover holding the period and the TLP label, and nothing else on the page', async () => {
    expect(text[0]).toContain('Q4 2022');
    expect(text[0]).toContain('TLP:AMBER');
    expect(text[0]).not.toContain('Executive summary');
    expect(text[1]).toContain('Executive summary');
    // the cover's ink sits in the middle of the page: title and TLP bars
    expect((await inkIn(pngs[0], 0.3, 0.6)).ink).toBeGreaterThan(0.01);
    expect((await inkIn(pngs[0], 0.05, 0.3)).ink).toBe(0);
  });

  it('numbers every page in its footer', async () => {
    const total = text[3];
    for (let n = 1; n <= 3; n++) {
      expect(text[n - 1]).toContain(`Page ${n} of ${total}`);
      // the number is drawn: ink in the bottom band, which the page body leaves blank
      expect((await inkIn(pngs[n - 1], 0.96, 0.995)).ink, `page ${n}`).toBeGreaterThan(0);
    }
  });
});
