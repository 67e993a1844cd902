// Sitemaps (kind: sitemap): a <urlset>, optionally with Google News tags, read as feed items. A sitemap index
// only lists other sitemaps, so it is refused with a message naming the child sitemaps to list instead.
import { SkipError } from '../../core/errors.ts';
import type { FeedItem } from '../../core/records.ts';
import { toIsoUtc } from './util.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? '';
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .trim();
}

/** Text of the first element whose local name is `name` (any namespace prefix). */
function field(block: string, name: string): string | null {
  const m = new RegExp(`<(?:[\\w-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${name}\\s*>`, 'i').exec(block);
  return m ? unescapeXml(m[1]) || null : null;
}

export interface SitemapInput {
  url: string;
  sourceId: string;
  fetchedAt: string;
}

export function sitemapItems(text: string, input: SitemapInput): { title: string | null; items: FeedItem[] } {
  if (/<sitemapindex\b/i.test(text)) {
    const children = [...text.matchAll(/<sitemap\b[\s\S]*?<\/sitemap>/gi)]
      .map((m) => field(m[0], 'loc'))
      .filter(Boolean);
    throw new SkipError(
      'not_a_feed',
      `sitemap index (${children.length} child sitemaps, e.g. ${children[0] ?? 'none'}); list a child sitemap instead`,
      input.url,
    );
  }
  const items: FeedItem[] = [];
  for (const m of text.matchAll(/<url\b[\s\S]*?<\/url>/gi)) {
    const loc = field(m[0], 'loc');
    let link: string | null = null;
    try {
      link = loc ? new URL(loc, input.url).href : null;
    } catch {
      link = null;
    }
    if (!link || !/^https?:/i.test(link)) continue;
    const date = field(m[0], 'publication_date') ?? field(m[0], 'lastmod');
    items.push({
      source_id: input.sourceId,
      guid: link,
      link,
      title: field(m[0], 'title'),
      published: toIsoUtc(date),
      summary: null,
      fetched_at: input.fetchedAt,
    });
  }
  return { title: null, items };
}
