// Writes a small PDF by hand (PDF 1.4, one Helvetica font, uncompressed content streams) so the PDF tests need
// no third-party files. Each page gets a running header, a footer with the page number, and body lines.

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** `pages[i]` is a list of paragraphs, each a list of lines as they should be laid out. */
export function buildPdf(
  pages: string[][][],
  opts: { header: string; title: string; created: string },
): Uint8Array<ArrayBuffer> {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const info = add(`<< /Title (${esc(opts.title)}) /Author (Fixture Labs) /CreationDate (${opts.created}) >>`);
  const kids: number[] = [];
  pages.forEach((paragraphs, i) => {
    let y = 700;
    const ops = [`BT /F1 9 Tf 72 770 Td (${esc(opts.header)}) Tj ET`];
    for (const lines of paragraphs) {
      for (const line of lines) {
        ops.push(`BT /F1 11 Tf 72 ${y} Td (${esc(line)}) Tj ET`);
        y -= 14;
      }
      y -= 12; // paragraph gap
    }
    ops.push(`BT /F1 9 Tf 280 40 Td (Page ${i + 1} of ${pages.length}) Tj ET`);
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
