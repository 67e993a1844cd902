// The demo's PDF reports, written byte for byte by this script (PDF 1.4, Helvetica, uncompressed streams, no
// dates or IDs of the build), so `npm run demo:check` can compare them. Page 1 carries the title, the date and
// the introduction; each `## heading` starts a new page. A running header and a "Page N of M" footer repeat on
// every page, as in real reports; the Info dictionary names only the producer, so title and date come from the
// first page (ingest/clean/pdf-first-page.ts).
import type { PageCtx } from './context.ts';
import { plainText } from './load.ts';
import type { Block } from './schema.ts';
import { humanDate } from './util.ts';

const WIDTH = 92; // characters per body line at 10.5 pt
const TOP = 720;
const BOTTOM = 80;

/** WinAnsi text for a PDF string: typographic quotes and dashes as their Latin-1 stand-ins, ( ) \ escaped. */
function pdfString(s: string): string {
  const ascii = s
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');
  return ascii.replace(/[\\()]/g, (c) => `\\${c}`);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.length ? lines[lines.length - 1] : null;
    if (last !== null && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

type Op = { size: number; text: string; y: number };

/** Blocks → pages of positioned lines: a heading opens a page; paragraphs flow and break across pages. */
function layout(title: string, dateLine: string, blocks: Block[]): Op[][] {
  const pages: Op[][] = [[]];
  let y = TOP;
  const put = (size: number, text: string, gapBefore: number) => {
    const step = size * 1.35 + gapBefore;
    if (y - step < BOTTOM) {
      pages.push([]);
      y = TOP;
    }
    y -= step;
    pages[pages.length - 1].push({ size, text, y });
  };
  for (const line of wrap(title, 58)) put(16, line, 0);
  put(10.5, dateLine, 10);
  for (const [i, b] of blocks.entries()) {
    if (b.type === 'h2') {
      if (i > 0) {
        pages.push([]);
        y = TOP;
      }
      put(15, b.text, 0);
      continue;
    }
    const paras = b.type === 'p' ? [plainText(b.text)] : b.items.map((t) => `- ${plainText(t)}`);
    for (const p of paras) for (const [k, line] of wrap(p, WIDTH).entries()) put(10.5, line, k === 0 ? 9 : 0);
  }
  return pages;
}

export function renderPdf(c: PageCtx): Buffer {
  const { a, o } = c;
  const pages = layout(a.title, `Published ${humanDate(a.published, 'short')} by ${o.name}`, a.blocks);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add(''); // 1: catalog
  add(''); // 2: pages
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'); // 3
  add(`<< /Producer (${pdfString(`${o.name} report generator (Triage demo)`)}) >>`); // 4: info, no Title or dates
  const kids: number[] = [];
  pages.forEach((ops, i) => {
    const text = [
      `BT /F1 8 Tf 72 760 Td (${pdfString(`${o.name} - TLP:CLEAR`)}) Tj ET`,
      ...ops.map((op) => `BT /F1 ${op.size} Tf 72 ${op.y.toFixed(2)} Td (${pdfString(op.text)}) Tj ET`),
      `BT /F1 8 Tf 280 40 Td (Page ${i + 1} of ${pages.length}) Tj ET`,
    ].join('\n');
    add(`<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`);
    const content = objects.length;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>`,
    );
    kids.push(objects.length);
  });
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
