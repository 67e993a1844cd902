import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash, idFrom } from '../../core/hash.ts';
import { CleanArticle } from '../../core/records.ts';
import { cleanHtml, type HtmlInput } from '../../ingest/clean/html.ts';
import { cleanPlainText } from '../../ingest/clean/plain.ts';
import { stripScript } from '../../ingest/clean/text.ts';

const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/clean/${name}`, import.meta.url)));
const FETCHED = '2022-12-05T00:00:00Z';

function clean(name: string, extra: Partial<HtmlInput> = {}) {
  const out = cleanHtml({
    bytes: bytes(name),
    url: `https://www.fixture.example/${name}`,
    charset: null,
    fetchedAt: FETCHED,
    ...extra,
  });
  if (!out.ok) throw out.error;
  return out.article;
}

describe('cleanHtml on a noisy news page', () => {
  const a = clean('noisy.html', { url: 'https://www.fixturechronicle.example/news/pune/riverside.html' });

  it('keeps the story, in paragraphs separated by one blank line', () => {
    expect(a.text.startsWith('Pune: Riverside Multispeciality Hospital has switched its wards')).toBe(true);
    expect(a.text).toContain('filed a complaint with the state cyber police.');
    expect(a.text.endsWith('followed by the pharmacy system later in the week.')).toBe(true);
    expect(a.text.split('\n\n')).toHaveLength(5);
    expect(a.text).not.toMatch(/\n{3,}/);
  });

  it('drops banners, widgets, prompts and leaked script text', () => {
    for (const noise of [
      'cookies',
      'Accept all',
      'Share on',
      'WhatsApp',
      'newsletter',
      'Be the first',
      'Reader123',
      'Click here to comment',
      'Also read',
      'Clinic chain hit',
      'All rights reserved',
      'document).ready',
      'function(d, s, id)',
      'fjs.parentNode',
      'toggle()',
      'dataLayer',
      '{',
      '}',
    ]) {
      expect(a.text, noise).not.toContain(noise);
    }
  });

  it('does not repeat the headline as the first paragraph', () => {
    expect(a.text).not.toMatch(/^Hospital in Pune moves/);
  });

  it('reads metadata from JSON-LD and OpenGraph, ignoring script dates', () => {
    expect(a).toMatchObject({
      title: 'Hospital in Pune moves to paper records after cyberattack',
      byline: 'Kavita Rao',
      site_name: 'The Fixture Chronicle',
      published: '2022-09-14T04:00:00Z',
      modified: '2022-09-15T01:30:00Z',
      lang: 'en-IN',
      canonical_url:
        'https://www.fixturechronicle.example/news/pune/riverside-hospital-paper-records.html?utm_source=feed',
    });
    expect(a.doc_id).toBe(idFrom('doc', a.canonical_url));
    expect(a.content_hash).toBe(contentHash(a.text));
    expect(() => CleanArticle.parse(a)).not.toThrow();
  });
});

describe('cleanHtml charsets and dates', () => {
  it('decodes a windows-1252 page declared by meta http-equiv', () => {
    const a = clean('win1252.html');
    expect(a.title).toBe('Corbeil-Essonnes : l’hôpital toujours perturbé');
    expect(a.byline).toBe('Amélie Lefèvre');
    expect(a.text).toContain('« Nous travaillons avec les équipes de l’Anssi »');
    expect(a.text).toContain('Dr Hélène Fauré');
    expect(a.text).toContain('(€10m)');
    expect(a.lang).toBe('fr');
    expect(a.published).toBe('2022-08-24T14:20:00Z');
  });

  it('an HTTP charset header wins over the page declaration', () => {
    const a = clean('win1252.html', { charset: 'utf-8' });
    expect(a.text).not.toContain('Hélène');
  });

  it('never takes a date from a script body or one later than the fetch', () => {
    const a = clean('script-date.html');
    expect(a.published).toBeNull();
    expect(a.modified).toBeNull();
    expect(a.title).toBe('Ambulance service restores dispatch system');
    expect(a.text).toContain('computer-aided dispatch system was working again');
    expect(a.text).not.toContain('pageConfig');
  });

  it('uses the feed date when the page has none, still capped by the fetch time', () => {
    expect(clean('script-date.html', { feedPublished: '2022-11-01T08:00:00Z' }).published).toBe('2022-11-01T08:00:00Z');
    expect(clean('script-date.html', { feedPublished: '2023-01-01T08:00:00Z' }).published).toBeNull();
  });
});

describe('cleanHtml refusals', () => {
  it('refuses a listing page as not_article', () => {
    const out = cleanHtml({
      bytes: bytes('listing.html'),
      url: 'https://www.fixture.example/health/',
      charset: null,
      fetchedAt: FETCHED,
    });
    expect(!out.ok && out.error.reason).toBe('not_article');
  });

  it('refuses an empty page and an oversized one', () => {
    const empty = cleanHtml({ bytes: new Uint8Array(), url: null, charset: null, fetchedAt: null, file: 'empty.html' });
    expect(!empty.ok && empty.error.reason).toBe('not_article');
    const big = cleanHtml(
      { bytes: bytes('noisy.html'), url: null, charset: null, fetchedAt: null },
      { maxBytes: 1000 },
    );
    expect(!big.ok && big.error.reason).toBe('too_large');
  });
});

describe('script text detection', () => {
  it('cuts leaked script after prose and keeps ordinary sentences', () => {
    expect(stripScript('The servers stayed down. $(document).ready(function(){ x(); });')).toBe(
      'The servers stayed down.',
    );
    expect(stripScript('var js, fjs = d.getElementsByTagName(s)[0];')).toBeNull();
    expect(stripScript('}); });')).toBeNull();
    expect(stripScript('Officials said (on Tuesday) that the hospital paid nothing.')).toBe(
      'Officials said (on Tuesday) that the hospital paid nothing.',
    );
  });
});

describe('cleanPlainText', () => {
  const body = [
    'Published: 2022-11-28',
    'Hackers are said to have demanded a large ransom from a city hospital whose servers stayed down for a sixth day.',
    'City desk: Hackers are said to have demanded a large ransom from a city hospital whose servers stayed down for a sixth day. Staff kept records by hand.',
    'The hospital said emergency services continued and that it was working with national cyber agencies to restore its systems.',
    '$(document).ready(function(){ $(".box").toggle(); });',
  ].join('\n');

  it('reads the Published line, one paragraph per line, and drops the repeat and script lines', () => {
    const out = cleanPlainText(body, { file: 'notes/hospital.txt' });
    if (!out.ok) throw out.error;
    const a = out.article;
    expect(a.published).toBe('2022-11-28T00:00:00Z');
    expect(a.text.split('\n\n')).toHaveLength(2);
    expect(a.text.startsWith('City desk:')).toBe(true);
    expect(a.text).not.toContain('toggle');
    expect(a.doc_id).toBe(idFrom('doc', 'notes/hospital.txt'));
  });

  it('inside a block, ends a paragraph at a headline line and before list items, not at a wrapped line', () => {
    const text = [
      'Three clinics hit in one week',
      'Attackers reached the systems of three clinics this week, according to the',
      'State Health Department, which published the list below on Friday.',
      '- Lakeside Clinic said its booking system was encrypted.',
      '- Pine Dental disclosed that patient files were copied.',
      '',
      'More clinics may come forward in the coming days, officials said, as checks continue across the region.',
    ].join('\n');
    const out = cleanPlainText(text, { file: 'notes/roundup.txt' });
    if (!out.ok) throw out.error;
    expect(out.article.text.split('\n\n')).toEqual([
      'Three clinics hit in one week',
      'Attackers reached the systems of three clinics this week, according to the State Health Department, which ' +
        'published the list below on Friday.',
      '- Lakeside Clinic said its booking system was encrypted.',
      '- Pine Dental disclosed that patient files were copied.',
      'More clinics may come forward in the coming days, officials said, as checks continue across the region.',
    ]);
  });

  it('drops a block of links to other stories, heading and headlines, and keeps the prose after it', () => {
    const text = [
      'Millbrook Community Hospital closed its emergency department to ambulances on Monday after a ransomware attack.',
      '',
      'Related stories',
      'Hackers hit Brookside Medical Center in Texas',
      'Rivermount Health System pays $1.5M ransom',
      '',
      'The hospital said it was working with outside experts to restore its systems and that patient care continues.',
      '',
      'Read more:',
      'Dunmore Clinic data breach affects 40,000',
    ].join('\n');
    const out = cleanPlainText(text, { file: 'notes/links.txt' });
    if (!out.ok) throw out.error;
    expect(out.article.text).not.toMatch(/Brookside|Rivermount|Dunmore|Related|Read more/);
    expect(out.article.text.split('\n\n')).toHaveLength(2);
  });

  it('drops an inline "RELATED:" headline and a heading line glued under a paragraph with its headlines', () => {
    const text = [
      'Millbrook Community Hospital closed its emergency department to ambulances on Monday after a ransomware attack.',
      '',
      'RELATED: Rivermount Health System pays $1.5M ransom to hackers',
      '',
      'The hospital said it was working with outside experts to restore its systems and that patient care continues.',
      "Don't miss",
      'Dunmore Clinic data breach affects 40,000',
    ].join('\n');
    const out = cleanPlainText(text, { file: 'notes/inline-links.txt' });
    if (!out.ok) throw out.error;
    expect(out.article.text).not.toMatch(/Rivermount|Dunmore|RELATED|miss/);
    expect(out.article.text.split('\n\n')).toHaveLength(2);
  });

  it('drops a labelled headline line right under a sentence of the same block', () => {
    const text = [
      'Millbrook Community Hospital closed its emergency department to ambulances on Monday after a ransomware attack.',
      'Also Read: Rivermount Health System pays $1.5M ransom to hackers',
      'The hospital said it was working with outside experts to restore its systems and that patient care continues.',
      'READ MORE | Dunmore Clinic data breach affects 40,000',
      '',
      'Staff returned to paper charts while the systems were rebuilt, a spokesperson said on Tuesday afternoon.',
    ].join('\n');
    const out = cleanPlainText(text, { file: 'notes/glued-links.txt' });
    if (!out.ok) throw out.error;
    expect(out.article.text).not.toMatch(/Rivermount|Dunmore|Also Read|READ MORE/);
    expect(out.article.text).toContain('Millbrook Community Hospital closed');
    expect(out.article.text).toContain('patient care continues.');
  });
});

describe('standfirst and captions', () => {
  const para = (s: string) => `<p>${s}</p>`;
  const first =
    'A district hospital in the valley said on Friday that attackers had encrypted its radiology archive overnight.';
  const rest = [
    'Scans taken since Monday could not be viewed, and staff printed films for the most urgent cases while engineers worked.',
    'The hospital said it had informed the national data protection regulator and would write to affected patients.',
  ];
  const page = (dek: string) =>
    new TextEncoder().encode(`<!doctype html><html><head><title>Valley hospital loses scan archive</title>
    <meta name="description" content="${first}"></head><body><article><h1>Valley hospital loses scan archive</h1>${dek}
    <figure><img src="x.jpg"><figcaption>Picture: stock image</figcaption></figure>${para(first)}${rest.map(para).join('')}</article></body></html>`);
  const run = (dek: string) => {
    const out = cleanHtml({ bytes: page(dek), url: 'https://v.example/a', charset: null, fetchedAt: FETCHED });
    if (!out.ok) throw out.error;
    return out.article.text;
  };

  it('keeps a first paragraph that only the meta description repeats', () => {
    expect(run('').startsWith(first)).toBe(true);
  });

  it('drops a first paragraph that repeats a printed standfirst, and figure captions', () => {
    const text = run(`<p class="standfirst">${first}</p>`);
    expect(text).not.toContain(first);
    expect(text.startsWith(rest[0])).toBe(true);
    expect(text).not.toContain('Picture: stock image');
  });
});
