// Page numbers of PDF reports in document text. A PDF's text carries a paragraph "[p. N]" where page N starts
// (page 1 and a section's first page go unmarked); a report section stored as its own document has the page
// it starts on in its URL (`report.pdf#page=N`, the PDF open-parameter form). Evidence offsets map to pages here.

const MARK = /^\[p\. (\d{1,5})\]$/;
const MARKS = /(?:^|\n\n)\[p\. (\d{1,5})\](?=\n\n|$)/g;
const FRAGMENT = /#page=(\d{1,5})(?:&|$)/;

export const pageMark = (page: number): string => `[p. ${page}]`;

/** The page number of a marker paragraph, else null. */
export function markedPage(paragraph: string): number | null {
  const m = MARK.exec(paragraph);
  return m ? Number(m[1]) : null;
}

/** The page a document starts on: `#page=N` in its URL or file, else 1. */
export function firstPageOf(urlOrFile: string | null | undefined): number {
  const m = urlOrFile ? FRAGMENT.exec(urlOrFile) : null;
  return m ? Number(m[1]) : 1;
}

/** [offset, page] of every page start in the text, beginning with [0, firstPage]; null when the text has no
 * markers and the document starts on page 1 (not a paged document, or a one-page one: no page to cite). */
export function pageStarts(text: string, firstPage = 1): [number, number][] | null {
  const starts: [number, number][] = [[0, firstPage]];
  for (const m of text.matchAll(MARKS)) starts.push([m.index + m[0].length, Number(m[1])]);
  return starts.length > 1 || firstPage > 1 ? starts : null;
}

/** The page on which the character at `offset` stands. */
export function pageAt(starts: [number, number][], offset: number): number {
  let page = starts[0][1];
  for (const [at, p] of starts) {
    if (at > offset) break;
    page = p;
  }
  return page;
}
