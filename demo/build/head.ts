// <head> pieces every article page carries; templates order and wrap them in their own way.
import { type PageCtx, urlOf } from './context.ts';
import { inlineHtml } from './load.ts';
import type { Block } from './schema.ts';
import { esc, scriptJson } from './util.ts';

export const pageTitle = (c: PageCtx): string => `${c.a.title} | ${c.o.name}`;

export function metaBasics(c: PageCtx): string[] {
  return [
    `<title>${esc(pageTitle(c))}</title>`,
    `<meta name="description" content="${esc(c.description)}">`,
    `<link rel="canonical" href="${esc(c.canonical)}">`,
  ];
}

export function openGraph(c: PageCtx, image?: string): string[] {
  const tags = [
    `<meta property="og:title" content="${esc(c.a.title)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:url" content="${esc(c.canonical)}">`,
    `<meta property="og:site_name" content="${esc(c.o.name)}">`,
    `<meta property="og:description" content="${esc(c.description)}">`,
    `<meta property="og:locale" content="${esc(c.o.lang.replace('-', '_'))}">`,
    `<meta property="article:published_time" content="${c.published}">`,
    `<meta property="article:modified_time" content="${c.modified}">`,
    `<meta property="article:section" content="${esc(c.a.section)}">`,
  ];
  if (c.a.author) tags.push(`<meta property="article:author" content="${esc(c.a.author)}">`);
  if (image) tags.push(`<meta property="og:image" content="https://${c.o.host}${esc(image)}">`);
  return tags;
}

export function twitterCard(c: PageCtx, large = true): string[] {
  return [
    `<meta name="twitter:card" content="${large ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:site" content="${esc(c.o.twitter)}">`,
    `<meta name="twitter:title" content="${esc(c.a.title)}">`,
    `<meta name="twitter:description" content="${esc(c.description)}">`,
  ];
}

/** JSON-LD NewsArticle (or Report for vendor research). */
export function jsonLd(
  c: PageCtx,
  opts: { asciiOnly?: boolean; indent?: number; type?: string | string[] } = {},
): string {
  const org =
    !c.a.author || /\b(staff|desk|team|bureau|wire|research)\b/i.test(c.a.author) || c.a.author.includes(c.o.name);
  const author = { '@type': org ? 'Organization' : 'Person', name: c.a.author ?? c.o.name };
  const data = {
    '@context': 'https://schema.org',
    '@type': opts.type ?? 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': c.canonical },
    headline: c.a.title,
    description: c.description,
    datePublished: c.published,
    dateModified: c.modified,
    articleSection: c.a.section,
    inLanguage: c.o.lang,
    author,
    publisher: {
      '@type': 'Organization',
      name: c.o.name,
      logo: { '@type': 'ImageObject', url: `https://${c.o.host}/static/logo.png` },
    },
  };
  return `<script type="application/ld+json">${scriptJson(data, opts.indent, opts.asciiOnly)}</script>`;
}

/** Body blocks as HTML; `after(i)` may inject markup after the i-th block. */
export function blocksHtml(
  blocks: Block[],
  cls: { p?: string; h2?: string; ul?: string } = {},
  after: (i: number) => string = () => '',
): string[] {
  const attr = (k?: string) => (k ? ` class="${k}"` : '');
  return blocks.map((b, i) => {
    const html =
      b.type === 'p'
        ? `<p${attr(cls.p)}>${inlineHtml(b.text)}</p>`
        : b.type === 'h2'
          ? `<h2${attr(cls.h2)} id="${b.id}">${inlineHtml(b.text)}</h2>`
          : `<ul${attr(cls.ul)}>${b.items.map((it) => `<li>${inlineHtml(it)}</li>`).join('')}</ul>`;
    return html + after(i);
  });
}

/** Index of the block after which a mid-body box goes (after the middle paragraph). */
export function midIndex(blocks: Block[]): number {
  const ps = blocks.map((b, i) => (b.type === 'p' ? i : -1)).filter((i) => i >= 0);
  return ps.length >= 3 ? ps[Math.floor((ps.length - 1) / 2)] : -1;
}

export const relatedLinks = (c: PageCtx) => c.related.map((r) => ({ href: urlOf(c.corpus, r), title: r.title, a: r }));

export function navLinks(c: PageCtx, pattern: (slug: string) => string): { href: string; label: string }[] {
  return c.o.sections.map((s) => ({ label: s, href: pattern(s.toLowerCase().replace(/[^a-z0-9]+/g, '-')) }));
}

export const copyright = (c: PageCtx): string => `© ${c.o.since}–${c.corpus.lastYear} ${c.o.name}`;

/** A page template: the article page, plus static files the host needs (images, placeholders). */
export interface Template {
  render(c: PageCtx): string;
  assets?: Record<string, string>;
}

/** A small neutral SVG standing in for a photo. */
export function placeholderSvg(label: string, fill = '#5b6b7a'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<rect width="1200" height="675" fill="${fill}"/>
<text x="600" y="350" font-family="sans-serif" font-size="40" fill="#ffffff" text-anchor="middle">${esc(label)}</text>
</svg>
`;
}
