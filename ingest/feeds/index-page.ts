// Research index pages ("Reports", "Threat research") → FeedItem[]: the links a `page` source's `links` selector
// picks (evaluated with cheerio), made absolute, filtered by `include`/`exclude` and capped at `max_items`, so the
// reports they list are fetched like a feed's articles instead of the index becoming one junk document.
import { load } from 'cheerio';
import { SkipError } from '../../core/errors.ts';
import type { FeedItem } from '../../core/records.ts';
import { stripUserinfo } from '../../core/safe-text.ts';
import { decodeBytes } from '../charset.ts';
import { toIsoUtc } from '../dates.ts';

export interface IndexInput {
  bytes: Uint8Array;
  /** the index page's final URL: relative links resolve against it (or its <base href>) */
  url: string;
  sourceId: string;
  charset?: string | null;
  fetchedAt: string;
  links: string;
  include?: string[];
  exclude?: string[];
  maxItems?: number;
}

/** The input of a catalogue source's index page as fetched (the fetch's final URL, else the source's). */
export function indexInputOf(
  source: { id: string; url: string; links: string; include?: string[]; exclude?: string[]; max_items?: number },
  page: { body: Uint8Array; final_url: string; charset?: string | null },
  fetchedAt: string,
): IndexInput {
  return {
    bytes: page.body,
    url: page.final_url || source.url,
    sourceId: source.id,
    charset: page.charset,
    fetchedAt,
    links: source.links,
    include: source.include,
    exclude: source.exclude,
    maxItems: source.max_items,
  };
}

export type IndexOutcome =
  | { ok: true; items: FeedItem[]; excluded: number; capped: number }
  | { ok: false; error: SkipError };

const probe = load('<a href="x">x</a>');
/** Whether cheerio (css-select) can parse the selector: checked when the catalogue is loaded. */
export function isSelector(selector: string): boolean {
  try {
    probe(selector);
    return true;
  } catch {
    return false;
  }
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A pattern matches a link when the URL contains it (`*` stands for any run of characters), or, for a pattern
 * without `/`, `.` or `*`, when the link text names it as a whole word: `/reports/2024-*`, `.pdf`, `hospital`.
 */
export function matchesPattern(url: string, text: string, pattern: string): boolean {
  const p = fold(pattern);
  const body = p.split('*').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (new RegExp(body.join('.*')).test(fold(url))) return true;
  if (/[/.*]/.test(p)) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${body[0]}($|[^\\p{L}\\p{N}])`, 'u').test(fold(text));
}

function absolute(href: string | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return stripUserinfo(u.href);
  } catch {
    return null;
  }
}

/** Parses an index page; an HTML page on which the selector matches no link is a typed failure, not 0 items. */
export function parseIndexPage(input: IndexInput): IndexOutcome {
  const { text } = decodeBytes(input.bytes, input.charset ?? null);
  const $ = load(text);
  const base = absolute($('base[href]').first().attr('href'), input.url) ?? input.url;
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  let excluded = 0;
  let capped = 0;
  for (const el of $(input.links).toArray()) {
    const a = $(el).is('[href]') ? $(el) : $(el).find('a[href]').first();
    const link = absolute(a.attr('href'), base);
    if (!link || seen.has(link)) continue;
    seen.add(link);
    const title = (a.text() || $(el).text()).replace(/\s+/g, ' ').trim() || null;
    const keep =
      (input.include?.length ? input.include.some((p) => matchesPattern(link, title ?? '', p)) : true) &&
      !input.exclude?.some((p) => matchesPattern(link, title ?? '', p));
    if (!keep) {
      excluded++;
      continue;
    }
    if (input.maxItems !== undefined && items.length >= input.maxItems) {
      capped++;
      continue;
    }
    // a date beside the link (<time datetime> in its list item, row or card) dates the item
    const box = $(el).closest('li, tr, article, section, div');
    const when =
      $(el).find('time[datetime]').first().attr('datetime') ?? box.find('time[datetime]').first().attr('datetime');
    items.push({
      source_id: input.sourceId,
      guid: link,
      link,
      title,
      published: toIsoUtc(when) ?? null,
      summary: null,
      fetched_at: input.fetchedAt,
    });
  }
  if (seen.size === 0) {
    return {
      ok: false,
      error: new SkipError('not_a_feed', `no link matches the selector ${JSON.stringify(input.links)}`, input.url),
    };
  }
  return { ok: true, items, excluded, capped };
}
