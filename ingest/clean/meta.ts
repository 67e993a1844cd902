// Page metadata, from what the parse collected over the whole page (parse.ts), JSON-LD scripts and the head included.
// Dates come only from structured places (JSON-LD, meta tags, <time datetime>), never from script bodies.
import { pickDate } from '../dates.ts';
import type { Collected } from './parse.ts';

export interface PageMeta {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** og:description / meta description: the standfirst, used to spot a repeated first paragraph */
  description: string | null;
  published: string | null;
  modified: string | null;
  lang: string | null;
  canonical: string | null;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES =
  /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|Report|TechArticle|WebPage)$/;

function clean(s: unknown): string | null {
  return typeof s === 'string' && s.trim() ? s.replace(/\s+/g, ' ').trim() : null;
}

function meta(c: Collected, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = clean(c.metas.get(key.toLowerCase()));
    if (v) return v;
  }
  return null;
}

function flattenLd(node: unknown, out: Json[]): void {
  if (Array.isArray(node)) {
    node.forEach((n) => flattenLd(n, out));
    return;
  }
  if (!node || typeof node !== 'object') return;
  out.push(node as Json);
  if ('@graph' in (node as Json)) flattenLd((node as Json)['@graph'], out);
}

/** The article node of the page's JSON-LD, tolerating invalid blocks (raw newlines are common). */
function jsonLdArticle(blocks: string[]): Json | null {
  const nodes: Json[] = [];
  for (const raw of blocks) {
    try {
      flattenLd(JSON.parse(raw), nodes);
    } catch {
      try {
        flattenLd(JSON.parse(raw.replace(/[\r\n\t]+/g, ' ')), nodes);
      } catch {
        /* unusable block: ignore */
      }
    }
  }
  const typed = (n: Json) => [n['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  return nodes.find((n) => typed(n) && n['@type'] !== 'WebPage') ?? nodes.find(typed) ?? null;
}

function names(value: unknown): string | null {
  const list = [value]
    .flat()
    .map((a) => (typeof a === 'string' ? a : clean((a as Json | null)?.name)))
    .filter(Boolean);
  return list.length ? list.join(', ') : null;
}

/** Drop a trailing (or leading) " | Site" from a <title>. */
export function stripSiteSuffix(title: string, siteName: string | null, loose = true): string {
  const parts = title.split(/\s+(?:\||–|—|-|::|·)\s+/);
  if (parts.length < 2) return title;
  const same = (a: string | undefined) => !!a && !!siteName && a.toLowerCase() === siteName.toLowerCase();
  if (same(parts[0])) return parts.slice(1).join(' - ');
  const last = parts.at(-1) ?? '';
  // In a <title> a short last segment is nearly always the site name; elsewhere only an exact match is.
  if (same(last) || (loose && last.split(/\s+/).length <= 4)) return parts.slice(0, -1).join(' - ');
  return title;
}

function normaliseLang(v: string | null): string | null {
  if (!v) return null;
  const [lang, region] = v.trim().replace('_', '-').split('-');
  if (!lang || !/^[a-z]{2,3}$/i.test(lang)) return null;
  return region ? `${lang.toLowerCase()}-${region.toUpperCase()}` : lang.toLowerCase();
}

function absoluteHttp(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    u.hash = '';
    u.username = ''; // a canonical link never keeps credentials (core/safe-text.ts)
    u.password = '';
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function publishedTimeElement(c: Collected): string | null {
  const best = [...c.times].sort((a, b) => a.rank - b.rank)[0];
  return best?.datetime ?? null;
}

/** `doc`: what parsePage collected from every element of the page. */
export function readMeta(doc: Collected, url: string | null, fetchedAt: string | null): PageMeta {
  const ld = jsonLdArticle(doc.ldBlocks);
  const publisher = (ld?.publisher ?? null) as Json | null;
  const siteName = meta(doc, 'og:site_name') ?? clean(publisher?.name) ?? meta(doc, 'application-name');
  const docTitle = clean(doc.title);
  const given = meta(doc, 'og:title', 'twitter:title') ?? clean(ld?.headline);
  const title = given ? stripSiteSuffix(given, siteName, false) : docTitle ? stripSiteSuffix(docTitle, siteName) : null;
  const published = pickDate(
    [
      clean(ld?.datePublished),
      meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publish-date', 'DC.date.issued', 'date'),
      publishedTimeElement(doc),
    ],
    fetchedAt,
  );
  const modified = pickDate(
    [clean(ld?.dateModified), meta(doc, 'article:modified_time', 'dateModified', 'og:updated_time')],
    fetchedAt,
  );
  const canonicalHref = doc.canonical ?? meta(doc, 'og:url');
  return {
    title,
    byline: names(ld?.author) ?? meta(doc, 'author', 'article:author'),
    siteName,
    description: meta(doc, 'og:description', 'description', 'twitter:description') ?? clean(ld?.description),
    published,
    modified: modified && published && modified < published ? null : modified,
    lang: normaliseLang(doc.lang ?? meta(doc, 'og:locale', 'language', 'content-language') ?? clean(ld?.inLanguage)),
    canonical: absoluteHttp(canonicalHref, url),
  };
}
