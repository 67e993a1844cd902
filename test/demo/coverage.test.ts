// Corpus coverage: the demo must exercise every rule the product has (formats, currencies, weeks, …).
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../demo/build/build.ts';
import { loadArticles, loadOutlets } from '../../demo/build/load.ts';
import { renderDemo } from '../../demo/build/render.ts';
import type { Article } from '../../demo/build/schema.ts';

const outlets = loadOutlets(join(DEMO_DIR, 'src'));
const articles = loadArticles(join(DEMO_DIR, 'src'), outlets);
const out = renderDemo(DEMO_DIR);
const bodies = articles.map((a) => `${a.title}\n${a.standfirst ?? ''}\n${a.body}`);

/** ISO week ("2022-W47") of a YYYY-MM-DD day. */
function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const weekIndex = (w: string) => +w.slice(0, 4) * 53 + +w.slice(6);

describe('demo corpus coverage', () => {
  it('has ≥60 news articles and ≥3 vendor reports', () => {
    expect(articles.filter((a) => a.kind === 'news').length).toBeGreaterThanOrEqual(60);
    expect(articles.filter((a) => a.kind === 'vendor-report').length).toBeGreaterThanOrEqual(3);
  });

  it('has feeds of all four kinds that parse as XML', async () => {
    const parser = new Parser();
    const seen = new Set<string>();
    for (const o of outlets.values()) {
      const bytes = out.get(`sites/${o.host}${o.feed.path}`);
      expect(bytes, `${o.key} feed`).toBeDefined();
      const xml = o.charset === 'windows-1252' ? iconv.decode(bytes!, 'windows-1252') : bytes!.toString('utf-8');
      const feed = await parser.parseString(xml);
      // indexed reports are listed by the research index page, not the feed
      const mine = articles.filter((a) => a.outlet === o.key && a.kind !== 'indexed-report');
      expect(feed.items.length, `${o.key} feed items`).toBe(mine.length);
      seen.add(o.charset === 'windows-1252' ? 'rss-1252' : o.feed.kind);
      if (o.charset === 'windows-1252') {
        expect(xml.startsWith('<?xml version="1.0" encoding="windows-1252"?>')).toBe(true);
        expect(xml, 'accented names survive windows-1252').toMatch(/[À-ÿ]/);
      }
    }
    expect([...seen].sort()).toEqual(['atom', 'rdf', 'rss', 'rss-1252']);
  });

  it('has ≥16 consecutive ISO weeks with ≥1 article each', () => {
    const weeks = [...new Set(articles.map((a) => weekIndex(isoWeek(a.published.slice(0, 10)))))].sort((x, y) => x - y);
    let best = 0;
    let run = 0;
    weeks.forEach((w, i) => {
      run = i > 0 && w === weeks[i - 1] + 1 ? run + 1 : 1;
      best = Math.max(best, run);
    });
    const all = new Set(articles.map((a) => isoWeek(a.published.slice(0, 10))));
    const missing: string[] = [];
    for (let w = 33; w <= 50; w++) if (!all.has(`2022-W${w}`)) missing.push(`2022-W${w}`);
    expect(missing, 'demo weeks without an article').toEqual([]);
    expect(best).toBeGreaterThanOrEqual(16);
  });

  it('has ≥10 victim countries and ≥8 actor canonicals, ALPHV written as BlackCat', () => {
    const countries = new Set(articles.flatMap((a) => a.labels.victims.map((v) => v.country).filter(Boolean)));
    expect(countries.size, [...countries].join(',')).toBeGreaterThanOrEqual(10);
    const actors = new Set(articles.flatMap((a) => a.labels.actors.map((x) => x.canonical)));
    expect(actors.size, [...actors].join(',')).toBeGreaterThanOrEqual(8);
    const blackcat = articles.filter((a) =>
      a.labels.actors.some((x) => x.canonical === 'ALPHV' && x.name === 'BlackCat'),
    );
    expect(blackcat.length, 'an actor {name: BlackCat, canonical: ALPHV}').toBeGreaterThan(0);
    expect(blackcat.some((a) => a.body.includes('BlackCat'))).toBe(true);
  });

  it('labels quote the text: ransom as_written, records as_written, victim and actor names', () => {
    const problems: string[] = [];
    articles.forEach((a, i) => {
      for (const r of a.labels.ransom)
        if (!a.body.includes(r.as_written)) problems.push(`${a.id}: ransom "${r.as_written}"`);
      const rec = a.labels.records_affected;
      if (rec && !a.body.includes(rec.as_written)) problems.push(`${a.id}: records "${rec.as_written}"`);
      for (const v of a.labels.victims) if (!bodies[i].includes(v.name)) problems.push(`${a.id}: victim "${v.name}"`);
      for (const x of a.labels.actors) if (!bodies[i].includes(x.name)) problems.push(`${a.id}: actor "${x.name}"`);
    });
    expect(problems).toEqual([]);
  });

  it('has every required money form in some body', () => {
    const forms = [
      'Rs 200 crore',
      '₹50 lakh',
      'Rs 1,50,00,000',
      '$4.4 million',
      'US$1.5m',
      '$10M',
      '€500,000',
      '£2.3 million',
      '40 bitcoin',
      '75 BTC',
    ];
    expect(forms.filter((f) => !articles.some((a) => a.body.includes(f)))).toEqual([]);
  });

  it('has CRYPTO, demanded, paid and disputed ransom claims', () => {
    const claims = articles.flatMap((a) => a.labels.ransom);
    expect(
      claims.some((r) => r.currency === 'CRYPTO'),
      'currency CRYPTO',
    ).toBe(true);
    expect(
      claims.some((r) => r.kind === 'demanded'),
      'a demanded claim',
    ).toBe(true);
    expect(
      claims.some((r) => r.kind === 'paid'),
      'a paid claim',
    ).toBe(true);
    expect(
      claims.some((r) => r.disputed),
      'a disputed claim',
    ).toBe(true);
  });

  it('has an incident reported by ≥4 outlets, syndication, supersession, multi-victim, trend, irrelevant pieces', () => {
    const outletsBy = new Map<string, Set<string>>();
    for (const a of articles)
      for (const k of a.labels.incidents) outletsBy.set(k, (outletsBy.get(k) ?? new Set()).add(a.outlet));
    expect(Math.max(...[...outletsBy.values()].map((s) => s.size))).toBeGreaterThanOrEqual(4);
    expect(
      articles.some((a) => a.syndicated_from),
      'syndicated_from',
    ).toBe(true);
    expect(
      articles.some((a) => a.supersedes),
      'supersedes',
    ).toBe(true);
    expect(
      articles.some((a) => a.labels.victims.length >= 2),
      '≥2 victims',
    ).toBe(true);
    expect(
      articles.some((a) => a.kind === 'trend'),
      'kind trend',
    ).toBe(true);
    expect(articles.filter((a) => !a.labels.relevant).length, 'relevant: false').toBeGreaterThanOrEqual(12);
  });

  it('a syndicated copy repeats its original and points its canonical at itself', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const labels = JSON.parse(out.get('labels.json')!.toString('utf-8')) as {
      articles: { id: string; url: string; canonical_url: string }[];
    };
    for (const a of articles.filter((x): x is Article & { syndicated_from: string } => !!x.syndicated_from)) {
      const orig = byId.get(a.syndicated_from)!;
      const firstOrig = orig.body.split('\n\n')[1] ?? orig.body;
      expect(a.body, `${a.id} repeats ${orig.id}`).toContain(firstOrig.trim().slice(0, 80));
      const l = labels.articles.find((x) => x.id === a.id)!;
      expect(l.canonical_url).toBe(l.url);
    }
  });

  it('has ≥5 pages whose visible text leaks $(document).ready(', () => {
    let n = 0;
    for (const a of articles) {
      const o = outlets.get(a.outlet)!;
      const bytes = out.get(`sites/${o.host}${a.path.endsWith('/') ? `${a.path}index.html` : a.path}`)!;
      const $ = cheerio.load(
        o.charset === 'windows-1252' ? iconv.decode(bytes, 'windows-1252') : bytes.toString('utf-8'),
      );
      $('script, style, noscript').remove();
      if ($('body').text().includes('$(document).ready(')) n++;
    }
    expect(n).toBeGreaterThanOrEqual(5);
  });
});
