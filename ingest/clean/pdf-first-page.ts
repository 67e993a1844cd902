// Title and date of a PDF report from its first page, for PDFs whose metadata has none (most exported reports
// carry no Title, or a file name; many carry no CreationDate, or the day the file was re-saved).
import { toIsoUtc } from '../dates.ts';

/** A text line rebuilt from a page's positioned items (pdf.ts). */
export interface Line {
  text: string;
  y: number;
  height: number;
}

const MAX_TITLE = 200;

/** The first page's most prominent text: its tallest line among the first ten, joined with the lines of the same
 * size right below it (a title wrapped over two lines); null when no line stands out from the body text. */
export function prominentLine(lines: Line[]): string | null {
  const top = lines.slice(0, 10);
  if (top.length === 0) return null;
  const heights = lines.map((l) => l.height).sort((a, b) => a - b);
  const body = heights[Math.floor(heights.length / 2)];
  let best = 0;
  for (const [i, l] of top.entries()) if (l.height > top[best].height) best = i;
  if (top[best].height < body * 1.15 && lines.length > 1) return null;
  const parts = [top[best].text];
  for (let i = best + 1; i < top.length && Math.abs(top[i].height - top[best].height) < 0.5; i++)
    parts.push(top[i].text);
  const title = parts.join(' ').replace(/\s+/g, ' ').trim();
  return title && title.length <= MAX_TITLE ? title : null;
}

// "14 May 2023", "May 14, 2023", "2023-05-14": month names are read by Date.parse (English), so no word list here
const DATE = /\b(\d{1,2}\s+\p{L}{3,9}\.?,?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\b/gu;

/** The first full date (day, month, year) written on the first page, as an ISO instant, or null. */
export function firstDate(lines: Line[]): string | null {
  for (const l of lines) {
    for (const m of l.text.matchAll(DATE)) {
      const written = m[1].replace(/(\p{L})\./u, '$1');
      // a written date is a calendar day, not local midnight where the parser runs
      const iso = toIsoUtc(/^\d{4}-/.test(written) ? written : `${written} 00:00 UTC`);
      if (iso && iso >= '1990') return iso;
    }
  }
  return null;
}
