// Everything a template needs about one article: URLs, canonical, related stories, descriptions, dates.
import { outputFile, plainText } from './load.ts';
import type { Article, Block, Outlet } from './schema.ts';
import { clip, instant, laterDate, normIso } from './util.ts';

export interface Corpus {
  outlets: Map<string, Outlet>;
  /** sorted by id */
  articles: Article[];
  byId: Map<string, Article>;
  /** superseded id → id of the article that supersedes it */
  supersededBy: Map<string, string>;
  /** last year any article was published (for copyright lines) */
  lastYear: number;
}

export function makeCorpus(outlets: Map<string, Outlet>, articles: Article[]): Corpus {
  const supersededBy = new Map<string, string>();
  for (const a of articles) if (a.supersedes) supersededBy.set(a.supersedes, a.id);
  const lastYear = Math.max(...articles.map((a) => +a.published.slice(0, 4)), 2022);
  return { outlets, articles, byId: new Map(articles.map((a) => [a.id, a])), supersededBy, lastYear };
}

export const outletOf = (c: Corpus, a: Article): Outlet => c.outlets.get(a.outlet)!;
export const urlOf = (c: Corpus, a: Article): string => `https://${outletOf(c, a).host}${a.path}`;
export const fileOf = (c: Corpus, a: Article): string => outputFile(outletOf(c, a), a.path);

/** The canonical URL: its own, unless a newer version supersedes it (followed to the newest). */
export function canonicalOf(c: Corpus, a: Article): string {
  let cur = a;
  const seen = new Set<string>([a.id]);
  for (let next = c.supersededBy.get(cur.id); next && !seen.has(next); next = c.supersededBy.get(cur.id)) {
    seen.add(next);
    cur = c.byId.get(next)!;
  }
  return urlOf(c, cur);
}

/** Newest first (by instant), then by id, for feeds and listings. */
export function newestFirst(list: Article[]): Article[] {
  return [...list].sort((x, y) => instant(y.published) - instant(x.published) || x.id.localeCompare(y.id));
}

export const paragraphs = (blocks: Block[]): string[] =>
  blocks.filter((b): b is Extract<Block, { type: 'p' }> => b.type === 'p').map((b) => b.text);

/** Standfirst, else the first paragraph: the text of meta descriptions and feed summaries. */
export function summaryOf(a: Article, max = 220): string {
  return clip(plainText(a.standfirst ?? paragraphs(a.blocks)[0] ?? a.title), max);
}

export interface PageCtx {
  corpus: Corpus;
  a: Article;
  o: Outlet;
  url: string;
  canonical: string;
  description: string;
  published: string;
  modified: string;
  /** other articles of the same outlet, nearest in time first */
  related: Article[];
  /** the inline "Also read:" target (first related story), if any */
  alsoRead: Article | null;
  /** a later date that some inline scripts carry (decoy for naive date extraction) */
  decoyDate: string;
  /** stable per-article seed for template variations */
  seed: string;
}

export function pageContext(corpus: Corpus, a: Article): PageCtx {
  const o = outletOf(corpus, a);
  const t = instant(a.published);
  const related = corpus.articles
    // indexed reports stay off other pages' related links, so adding one leaves the existing pages as they were
    .filter((x) => x.outlet === a.outlet && x.id !== a.id && x.kind !== 'indexed-report')
    .sort((x, y) => Math.abs(instant(x.published) - t) - Math.abs(instant(y.published) - t) || x.id.localeCompare(y.id))
    .slice(0, 4);
  const published = normIso(a.published);
  const modified = normIso(a.modified ?? a.published);
  return {
    corpus,
    a,
    o,
    url: urlOf(corpus, a),
    canonical: canonicalOf(corpus, a),
    description: summaryOf(a, 200),
    published,
    modified,
    related,
    alsoRead: related[0] ?? null,
    decoyDate: laterDate(a.modified ?? a.published, a.id),
    seed: a.id,
  };
}
