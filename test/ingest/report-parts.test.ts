// The pure parts behind index pages and PDF reports (issue 20): link patterns, first-page title and date, page
// marks and evidence pages, report sections.
import { describe, expect, it } from 'vitest';
import { firstPageOf, pageAt, pageMark, pageStarts } from '../../core/pages.ts';
import type { CleanArticle, Extraction } from '../../core/records.ts';
import { withPages } from '../../analyze/pages.ts';
import { firstDate, prominentLine } from '../../ingest/clean/pdf-first-page.ts';
import { reportSections } from '../../ingest/clean/sections.ts';
import { matchesPattern } from '../../ingest/feeds/index-page.ts';

const line = (text: string, height = 10, y = 0) => ({ text, height, y });

describe('index link patterns', () => {
  it('match URL substrings (with *) or, for plain words, the link text', () => {
    expect(matchesPattern('https://v.example/webinars/x', 'Join us', '/webinars/')).toBe(true);
    expect(matchesPattern('https://v.example/r/2023-05-x.pdf', '', '/r/2023-*.pdf')).toBe(true);
    expect(matchesPattern('https://v.example/r/2022-05-x.pdf', '', '/r/2023-*.pdf')).toBe(false);
    expect(matchesPattern('https://v.example/r/1', 'Hospital ransomware review', 'hospital')).toBe(true);
    expect(matchesPattern('https://v.example/r/1', 'Hospitality sector', 'hospital')).toBe(false);
  });
});

describe('PDF first page', () => {
  it('takes the tallest early line (a wrapped title joined) and the first full date', () => {
    const lines = [
      line('Vendor Labs', 8),
      line('Hospitals under pressure:', 20),
      line('a review of 2022', 20),
      line('Published 12 Dec 2022', 10),
      line('Body text line one', 10),
      line('Body text line two', 10),
    ];
    expect(prominentLine(lines)).toBe('Hospitals under pressure: a review of 2022');
    expect(firstDate(lines)).toBe('2022-12-12T00:00:00Z');
    expect(firstDate([line('Report for May 14, 2023')])).toBe('2023-05-14T00:00:00Z');
    expect(firstDate([line('Page 12 2023'), line('Figure 3 2022')])).toBeNull();
    expect(prominentLine([line('same', 10), line('size', 10), line('body', 10)])).toBeNull();
  });
});

describe('page marks', () => {
  it('map offsets to pages, from a URL fragment for a section', () => {
    const text = ['Intro.', pageMark(2), 'Second page.', pageMark(3), 'Third page.'].join('\n\n');
    const starts = pageStarts(text)!;
    expect(pageAt(starts, text.indexOf('Intro'))).toBe(1);
    expect(pageAt(starts, text.indexOf('Second'))).toBe(2);
    expect(pageAt(starts, text.indexOf('Third'))).toBe(3);
    expect(pageStarts('No marks here.')).toBeNull();
    expect(firstPageOf('https://v.example/r.pdf#page=7')).toBe(7);
    expect(pageAt(pageStarts('Text.', 7)!, 0)).toBe(7);
  });

  it('give every evidence of a paged document its page, and leave other documents unchanged', () => {
    const text = ['Hospital A was hit.', pageMark(2), 'Group B claimed it.'].join('\n\n');
    const ev = (quote: string) => ({ quote, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
    const x = {
      victims: [{ name: 'Hospital A', evidence: ev('Hospital A') }],
      actors: [{ name: 'Group B', evidence: ev('Group B') }],
      ransom: [],
      records_affected: null,
    } as unknown as Extraction;
    const paged = withPages(x, { text, url: null, file: 'r.pdf' });
    expect(paged.victims[0].evidence.page).toBe(1);
    expect(paged.actors[0].evidence.page).toBe(2);
    expect(x.actors[0].evidence.page).toBeUndefined(); // the input is not changed
    expect(withPages(x, { text: 'Hospital A was hit.', url: 'https://n.example/a', file: null })).toBe(x);
  });
});

describe('report sections', () => {
  const para = (s: string) =>
    `${s} ${'The hospital restored its systems from backups over the following weeks. '.repeat(3)}`;
  const article = (text: string): CleanArticle => ({
    doc_id: 'doc_x',
    content_hash: 'h',
    url: 'https://v.example/review.pdf',
    canonical_url: null,
    file: null,
    title: 'Review',
    byline: null,
    outlet: 'V',
    site_name: null,
    published: '2022-12-12T00:00:00Z',
    modified: null,
    lang: null,
    text,
    bytes_sha256: 'b',
    fetched_at: '2022-12-20T00:00:00Z',
    source_id: 'v',
  });

  it('split a long report at its headings, each section at report.pdf#page=N with its inner page marks', () => {
    const text = [
      para('Intro.'),
      pageMark(2),
      'Case one',
      para('Hospital one.'),
      pageMark(3),
      para('Still case one.'),
      pageMark(4),
      'Case two',
      para('Hospital two.'),
      'Case three',
      para('Hospital three.'),
    ].join('\n\n');
    const parts = reportSections(article(text))!;
    expect(parts.map((p) => p.url)).toEqual([
      'https://v.example/review.pdf#page=1',
      'https://v.example/review.pdf#page=2',
      'https://v.example/review.pdf#page=4',
      'https://v.example/review.pdf#page=4&section=2',
    ]);
    expect(parts[1].title).toBe('Review — Case one');
    expect(parts[1].text).toContain(`\n\n${pageMark(3)}\n\n`);
    expect(new Set(parts.map((p) => p.doc_id)).size).toBe(4);
    expect(parts.every((p) => p.published === '2022-12-12T00:00:00Z' && p.source_id === 'v')).toBe(true);
  });

  it('leave a short report, or one without headings, whole', () => {
    const short = [para('Intro.'), pageMark(2), 'Case one', para('One.'), 'Case two', para('Two.')].join('\n\n');
    expect(reportSections(article(short))).toBeNull();
    const flat = [para('A.'), pageMark(2), para('B.'), pageMark(3), para('C.'), pageMark(4), para('D.')].join('\n\n');
    expect(reportSections(article(flat))).toBeNull();
  });
});
