// PDF vendor reports → plain text with pdfjs-dist (loaded on first use: it is large). Lines are rebuilt from the
// positioned text items, lines repeated on most pages (running headers, footers, page numbers) are dropped,
// words hyphenated at a line end are joined, and a vertical gap larger than the line spacing starts a paragraph.
import { SkipError } from '../../core/errors.ts';
import { toIsoUtc } from '../dates.ts';
import { firstDate, type Line, prominentLine } from './pdf-first-page.ts';

export interface PdfText {
  title: string | null;
  author: string | null;
  created: string | null;
  paragraphs: string[];
  /** the page (1-based) each paragraph starts on */
  paragraphPages: number[];
  pages: number;
  /** from the first page when the metadata has none: its most prominent line, the first date written on it */
  firstPageTitle: string | null;
  firstPageDate: string | null;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  height?: number;
  hasEOL?: boolean;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

export const isPdfBytes = (b: Uint8Array): boolean => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46; // %PDF

/** PDF dates look like D:20230514093000+02'00'. */
export function pdfDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(v.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m;
  const zone = !tz || tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.slice(3).replace(/'/g, '') || '00'}`;
  return toIsoUtc(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
}

function linesOf(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform) continue;
    const y = it.transform[5];
    const h = Math.abs(it.height || it.transform[3] || 10);
    if (!cur || Math.abs(cur.y - y) > h * 0.5) {
      if (cur && cur.text.trim()) lines.push(cur);
      cur = { text: '', y, height: h };
    }
    cur.text += it.str;
    if (it.hasEOL) {
      if (cur.text.trim()) lines.push(cur);
      cur = null;
    }
  }
  if (cur && cur.text.trim()) lines.push(cur);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }));
}

const shape = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Lines near the top or bottom of a page that recur (digits ignored) on at least half the pages. */
function runningLines(pages: Line[][]): Set<string> {
  const drop = new Set<string>();
  if (pages.length < 2) return drop;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 3), ...lines.slice(-3)].map((l) => shape(l.text)));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const [k, n] of counts) if (n >= Math.max(2, pages.length / 2)) drop.add(k);
  return drop;
}

const BULLET = /^(?:[-•*▪◦]|\d{1,2}[.)])\s/u;
const PAGE_NUMBER = /^(?:page\s*)?\d+(?:\s*(?:of|\/)\s*\d+)?$/i;

function paragraphsOf(pages: Line[][], running: Set<string>): { text: string; page: number }[] {
  const out: { text: string; page: number }[] = [];
  let buf = '';
  let start = 1;
  const flush = () => {
    if (buf.trim()) out.push({ text: buf.trim(), page: start });
    buf = '';
  };
  for (const [index, lines] of pages.entries()) {
    if (/[.!?:"”)]$/.test(buf)) flush(); // a page break after a finished sentence ends the paragraph
    const body = lines.filter(
      (l, i) => !(running.has(shape(l.text)) && (i < 3 || i >= lines.length - 3)) && !PAGE_NUMBER.test(l.text),
    );
    const gaps = body
      .slice(1)
      .map((l, i) => Math.abs(body[i].y - l.y))
      .filter((g) => g > 0)
      .sort((a, b) => a - b);
    // the lower quartile: on a short page paragraph gaps can be half of all gaps, line spacing is still the smaller
    const spacing = gaps.length ? gaps[Math.floor(gaps.length / 4)] : 0;
    for (const [i, l] of body.entries()) {
      const gap = i > 0 ? Math.abs(body[i - 1].y - l.y) : 0;
      if (i > 0 && spacing && gap > spacing * 1.4) flush();
      else if (i > 0 && Math.abs(l.height - body[i - 1].height) > 1)
        flush(); // a heading's size differs
      else if (BULLET.test(l.text)) flush(); // each list item is a paragraph
      if (!buf) {
        buf = l.text;
        start = index + 1;
      } else if (/\p{L}-$/u.test(buf) && /^\p{Ll}/u.test(l.text))
        buf = buf.slice(0, -1) + l.text; // re-
      else buf += ` ${l.text}`;
    }
  }
  flush();
  return out;
}

/** Throws SkipError (parse_error) when the bytes are not a readable PDF. */
export async function readPdf(bytes: Uint8Array, where: string): Promise<PdfText> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const lib = await pdfjs;
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    // pdfjs takes ownership of (and detaches) the buffer it is given, so hand it a copy.
    doc = await lib.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    throw new SkipError('parse_error', `unreadable PDF: ${(err as Error).message}`, where);
  }
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(linesOf(content.items as TextItemLike[]));
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const running = runningLines(pages);
    const paragraphs = paragraphsOf(pages, running);
    const first = (pages[0] ?? []).filter((l) => !running.has(shape(l.text)) && !PAGE_NUMBER.test(l.text));
    return {
      title: str(info.Title),
      author: str(info.Author),
      created: pdfDate(info.CreationDate),
      paragraphs: paragraphs.map((p) => p.text),
      paragraphPages: paragraphs.map((p) => p.page),
      pages: pages.length,
      firstPageTitle: prominentLine(first),
      firstPageDate: firstDate(first),
    };
  } finally {
    await doc.destroy();
  }
}
