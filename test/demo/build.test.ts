// The demo renderer: committed output is current, rendering is deterministic, sources are validated.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { DEMO_DIR, diffOutput, readCommitted } from '../../demo/build/build.ts';
import { DemoSourceError, parseArticle, parseBody } from '../../demo/build/load.ts';
import { renderDemo } from '../../demo/build/render.ts';
import { esc, laterDate, rfc822, toCp1252 } from '../../demo/build/util.ts';

const fresh = renderDemo(DEMO_DIR);

describe('demo output', () => {
  it('committed sites/, labels.json and sources.yaml are up to date', () => {
    // compares only; never writes. Fix with: npm run demo:build
    expect(diffOutput(fresh, readCommitted(DEMO_DIR))).toEqual([]);
  });

  it('renders byte-identically twice', () => {
    const again = renderDemo(DEMO_DIR);
    expect([...again.keys()]).toEqual([...fresh.keys()]);
    for (const [p, data] of fresh) expect(again.get(p)!.equals(data), p).toBe(true);
  });

  it('every article page has the required head and body parts', () => {
    const labels = JSON.parse(fresh.get('labels.json')!.toString('utf-8')) as {
      articles: { id: string; file: string; url: string; canonical_url: string; outlet: string; kind: string }[];
    };
    for (const a of labels.articles) {
      const bytes = fresh.get(a.file);
      expect(bytes, a.file).toBeDefined();
      if (a.file.endsWith('.pdf')) continue; // the PDF report: test/demo/research.test.ts
      const html = a.outlet === 'eurohealthit' ? iconv.decode(bytes!, 'windows-1252') : bytes!.toString('utf-8');
      expect(html.startsWith('<!DOCTYPE') || html.startsWith('<!doctype'), a.id).toBe(true);
      const $ = cheerio.load(html);
      expect($('html').attr('lang'), a.id).toMatch(/^en-/);
      expect($('title').text(), a.id).toMatch(/ \| /);
      expect($('link[rel=canonical]').attr('href'), a.id).toBe(a.canonical_url);
      for (const p of [
        'og:title',
        'og:type',
        'og:url',
        'og:site_name',
        'article:published_time',
        'article:modified_time',
      ]) {
        expect($(`meta[property="${p}"]`).attr('content'), `${a.id} ${p}`).toBeTruthy();
      }
      expect($('meta[name="description"]').attr('content'), a.id).toBeTruthy();
      expect($('meta[name="twitter:card"]').attr('content'), a.id).toBeTruthy();
      const ld = JSON.parse($('script[type="application/ld+json"]').text());
      expect(ld.headline, a.id).toBe($('meta[property="og:title"]').attr('content'));
      expect(ld.datePublished && ld.dateModified && ld.author && ld.publisher, a.id).toBeTruthy();
      expect($('time[datetime]').length, a.id).toBeGreaterThan(0);
      const text = $('body').text();
      if (a.outlet === 'delhichronicle' || a.outlet === 'indiamorningpost') {
        expect(text, `${a.id}: Also read box`).toContain('Also read:');
      }
      if (a.kind === 'vendor-report') {
        expect(text, `${a.id}: report CTA`).toContain('Download the PDF');
        expect($('nav[aria-label=Contents] a').length, `${a.id}: table of contents`).toBeGreaterThan(0);
      }
      for (const s of [
        'Accept all',
        'Share on X',
        'WhatsApp',
        'Related stories',
        'Click here to comment',
        'Be the first to comment',
      ]) {
        expect(text.toLowerCase(), `${a.id}: ${s}`).toContain(s.toLowerCase());
      }
    }
  });

  it('some outlets carry a later decoy date in an inline script', () => {
    const labels = JSON.parse(fresh.get('labels.json')!.toString('utf-8')) as {
      articles: { id: string; file: string; outlet: string; published: string }[];
    };
    const outlets = new Set<string>();
    for (const a of labels.articles) {
      const $ = cheerio.load(fresh.get(a.file)!.toString('latin1'));
      const scripts = $('script:not([type="application/ld+json"])').text();
      const dates = scripts.match(/20\d\d-\d\d-\d\d[T ]\d\d:\d\d:\d\d/g) ?? [];
      const published = Date.parse(a.published);
      if (dates.some((d) => Date.parse(`${d.replace(' ', 'T')}Z`) > published + 86_400_000)) outlets.add(a.outlet);
    }
    expect(outlets.size).toBeGreaterThanOrEqual(3);
  });

  it('feeds list items newest first with absolute links', () => {
    const rss = fresh.get('sites/www.healthcyberdaily.example/feed.xml')!.toString('utf-8');
    const dates = [...rss.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort((x, y) => y - x)).toEqual(dates);
    for (const m of rss.matchAll(/<link>([^<]+)<\/link>/g))
      expect(m[1]).toMatch(/^https:\/\/www\.healthcyberdaily\.example\//);
  });
});

describe('demo sources', () => {
  it('rejects bad front matter with a message naming the file', () => {
    const bad = '---\nid: x-1\noutlet: secureops\ntitle: 42\n---\nBody.\n';
    expect(() => parseArticle('articles/x-1.md', bad)).toThrow(DemoSourceError);
    expect(() => parseArticle('articles/x-1.md', bad)).toThrow(/articles\/x-1\.md: front matter: .*path/);
    expect(() => parseArticle('articles/y.md', 'no front matter')).toThrow(/articles\/y\.md: missing YAML/);
    expect(() => parseArticle('articles/z.md', '---\nid: [unclosed\n---\nBody')).toThrow(/articles\/z\.md: YAML error/);
  });

  it('parses paragraphs, headings and lists', () => {
    expect(parseBody('One\ntwo.\n\n## Head line\n- a\n- b\n\nThree.')).toEqual([
      { type: 'p', text: 'One two.' },
      { type: 'h2', text: 'Head line', id: 'head-line' },
      { type: 'ul', items: ['a', 'b'] },
      { type: 'p', text: 'Three.' },
    ]);
  });

  it('formats and encodes deterministically', () => {
    expect(rfc822('2022-11-28T10:40:00+05:30')).toBe('Mon, 28 Nov 2022 10:40:00 +0530');
    expect(esc('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(Date.parse(laterDate('2022-11-28T10:40:00+05:30', 'k'))).toBeGreaterThan(
      Date.parse('2022-11-28T10:40:00+05:30'),
    );
    const b = toCp1252('Île – €5 ₹50');
    expect(iconv.decode(b, 'windows-1252')).toBe('Île – €5 &#8377;50');
  });

  it('escapes hostile text in pages and feeds, in UTF-8 and windows-1252', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-esc-'));
    try {
      mkdirSync(join(dir, 'src', 'articles'), { recursive: true });
      copyFileSync(join(DEMO_DIR, 'src', 'outlets.yaml'), join(dir, 'src', 'outlets.yaml'));
      const title = `Hôpital's "<b>x</b>" & ₹50 lakh ]]> </script>`;
      for (const [id, outlet] of [
        ['e-1', 'eurohealthit'],
        ['d-1', 'delhichronicle'],
      ]) {
        writeFileSync(
          join(dir, 'src', 'articles', `${id}.md`),
          `---
id: ${id}
outlet: ${outlet}
path: /t/${id}.html
title: ${JSON.stringify(title)}
published: 2022-09-01T10:00:00+01:00
section: News
kind: news
leak_script: true
labels: {incidents: [], relevant: false, attack_types: [], victims: [], actors: [], ransom: [], payment_method: null,
  records_affected: null, attack_date: null, downtime_days: null, countries: []}
---
A <tag> & "quote" </script> paragraph with ₹50 lakh.
`,
        );
      }
      const out = renderDemo(dir);
      const page = iconv.decode(out.get('sites/www.eurohealthit.example/t/e-1.html')!, 'windows-1252');
      const $ = cheerio.load(page);
      expect($('h1').text()).toBe(title);
      expect($('.articletext p').first().text()).toBe('A <tag> & "quote" </script> paragraph with ₹50 lakh.');
      expect(JSON.parse($('script[type="application/ld+json"]').text()).headline).toBe(title);
      const parser = new Parser();
      const rss = await parser.parseString(
        iconv.decode(out.get('sites/www.eurohealthit.example/rss.xml')!, 'windows-1252'),
      );
      expect(rss.items[0].title).toBe(title);
      const dc = await parser.parseString(out.get('sites/www.delhichronicle.example/feed.xml')!.toString('utf-8'));
      expect(dc.items[0].title).toBe(title);
      expect(cheerio.load(out.get('sites/www.delhichronicle.example/t/d-1.html')!.toString('utf-8'))('h1').text()).toBe(
        title,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
