// Golden pages written for these tests (test/fixtures/clean-golden): must-contain and must-not-contain snippets,
// metadata, charsets; a generated PDF; size caps and pathological HTML.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../ingest/clean/html.ts';
import { cleanFetchedPageAsync, cleanPageAsync } from '../../ingest/clean/page.ts';
import { readPdf } from '../../ingest/clean/pdf.ts';
import { readLocalDir, readLocalFile } from '../../ingest/local.ts';
import { buildPdf } from './pdf-fixture.ts';

const DIR = new URL('../fixtures/clean-golden/', import.meta.url);
const FETCHED = '2024-06-01T00:00:00Z';
type Expect = { contains: string[]; not_contains: string[]; meta: Record<string, string | null> };
const expected = JSON.parse(readFileSync(new URL('expect.json', DIR), 'utf8')) as Record<string, Expect>;
// Code left in the text: jQuery handlers, SDK loaders, declarations, DOM calls, braces.
const SCRIPT_TEXT = /\$\(|function\s*\(|\bvar\s+\w+\s*=|getElementsBy|parentNode|dataLayer|[{};]\s*$/m;

function clean(name: string) {
  const out = cleanHtml({
    bytes: new Uint8Array(readFileSync(new URL(name, DIR))),
    url: `https://wire.fixture.example/${name}`,
    charset: null,
    fetchedAt: FETCHED,
  });
  if (!out.ok) throw out.error;
  return out.article;
}

describe('golden pages', () => {
  for (const [name, want] of Object.entries(expected)) {
    describe(name, () => {
      const a = clean(name);
      it('keeps the story and none of the chrome or script text', () => {
        for (const s of want.contains) expect(a.text, s).toContain(s);
        for (const s of want.not_contains) expect(a.text, s).not.toContain(s);
        expect(a.text).not.toMatch(SCRIPT_TEXT);
        expect(a.text).not.toMatch(/\n{3,}/);
      });
      it('reads the metadata', () => expect(a).toMatchObject(want.meta));
    });
  }

  it('every fixture page has an expectation', () => {
    expect(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.html'))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  it('a date inside a script or later than the fetch is never the published date', () => {
    expect(clean('script-date.html').published).toBeNull();
    expect(clean('lead.html').published).toBe('2023-04-02T06:00:00Z'); // not the 2023-05-01 of the inline script
  });
});

describe('limits', () => {
  it('refuses input over the cap with a typed reason, and the cap is configurable', () => {
    const bytes = new Uint8Array(readFileSync(new URL('leaky.html', DIR)));
    const small = cleanHtml({ bytes, url: null, charset: null, fetchedAt: null }, { maxBytes: 1024 });
    expect(!small.ok && small.error.reason).toBe('too_large');
    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    const def = cleanHtml({ bytes: huge, url: null, charset: null, fetchedAt: null });
    expect(!def.ok && def.error.reason).toBe('too_large');
  });

  it('survives 50,000 nested divs and a huge attribute', () => {
    const story = [1, 2, 3, 4]
      .map(
        (n) =>
          `<p>Update ${n}: the county hospital said its scheduling system was back online after engineers rebuilt the servers.</p>`,
      )
      .join('');
    const html = `<html><body><div title="${'x'.repeat(1_000_000)}">${'<div>'.repeat(50_000)}${story}${'</div>'.repeat(50_000)}</div><p class="x" data-a="${'"'.repeat(3)}</body></html>`;
    const t0 = Date.now();
    const out = cleanHtml({ bytes: new TextEncoder().encode(html), url: null, charset: null, fetchedAt: null });
    expect(Date.now() - t0).toBeLessThan(20_000); // a hang guard, not a speed test
    expect(out.ok && out.article.text).toContain('scheduling system was back online');
  });
});

describe('PDF vendor reports', () => {
  const lines = [
    [
      [
        'Attackers encrypted the hospital network on Monday and',
        'demanded a ransom in bitcoin. The inci-',
        'dent forced staff back to paper records for a week.',
      ],
      ['The group published samples of stolen files on its leak site.'],
    ],
    [
      [
        'Recovery took eleven days, according to the hospital’s own',
        'timeline, and cost more than the ransom demanded.',
      ],
    ],
  ];
  const pdf = buildPdf(lines, {
    header: 'Fixture Labs Threat Report - TLP:CLEAR',
    title: 'Healthcare threat report Q2',
    created: "D:20230514093000+02'00'",
  });

  it('yields the text without running headers, footers or line-end hyphens', async () => {
    const out = await readPdf(pdf, 'report.pdf');
    expect(out.pages).toBe(2);
    expect(out.title).toBe('Healthcare threat report Q2');
    const text = out.paragraphs.join('\n\n');
    expect(text).toContain('demanded a ransom in bitcoin. The incident forced staff back to paper records for a week.');
    expect(text).toContain('The group published samples of stolen files on its leak site.');
    expect(text).toContain('Recovery took eleven days');
    expect(text).not.toContain('TLP:CLEAR');
    expect(text).not.toMatch(/Page \d of \d/);
  });

  it('works through readLocalFile (triage clean) and readLocalDir (ingest --dir)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-pdf-'));
    writeFileSync(join(dir, 'report.pdf'), pdf);
    const a = await cleanFetchedPageAsync(await readLocalFile(join(dir, 'report.pdf')));
    expect(a.title).toBe('Healthcare threat report Q2');
    expect(a.published).toBe('2023-05-14T07:30:00Z');
    expect(a.text).toContain('Recovery took eleven days');
    const pages = [];
    for await (const p of readLocalDir(dir)) pages.push(p);
    expect(pages).toHaveLength(1);
    expect(pages[0].content_type).toMatch(/^text\/plain/);
  });

  it('a fetched application/pdf page is cleaned, a broken one fails with a typed reason', async () => {
    const page = {
      url: 'https://vendor.example/r.pdf',
      final_url: 'https://vendor.example/r.pdf',
      status: 200,
      content_type: 'application/pdf',
      etag: null,
      last_modified: null,
      charset: null,
      bytes_sha256: 'x',
      body: pdf,
      fetched_at: FETCHED,
      source_id: null,
      feed_title: null,
      feed_published: null,
      file: null,
      outlet: null,
    };
    const ok = await cleanPageAsync(page);
    expect(ok.ok && ok.article.url).toBe('https://vendor.example/r.pdf');
    const bad = await cleanPageAsync({ ...page, body: new TextEncoder().encode('%PDF-1.4 garbage') });
    expect(!bad.ok && bad.error.reason).toBe('parse_error');
  });
});
