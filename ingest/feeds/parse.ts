// Feed bytes → FeedItem[]: RSS 2.0, Atom, RSS 1.0/RDF via rss-parser, with our own charset decoding,
// HTML detection, salvage of truncated feeds, de-duplication and keyword filters.
import Parser from 'rss-parser';
import { SkipError } from '../../core/errors.ts';
import type { FeedItem } from '../../core/records.ts';
import { decodeBytes } from '../charset.ts';
import { salvageFeed } from './salvage.ts';
import { stripUserinfo } from '../../core/safe-text.ts';
import { sitemapItems } from './sitemap.ts';
import { toIsoUtc, passesFilters, type KeywordFilters } from './util.ts';

export interface FeedInput {
  bytes: Uint8Array;
  url: string;
  sourceId: string;
  /** charset from the Content-Type header, if any */
  charset?: string | null;
  fetchedAt: string;
  filters?: KeywordFilters;
}

export interface FeedWarning {
  reason: 'malformed_feed' | 'bad_item';
  message: string;
  salvaged?: number;
}

export type FeedOutcome =
  | { ok: true; title: string | null; items: FeedItem[]; excluded: number; duplicates: number; warnings: FeedWarning[] }
  | { ok: false; error: SkipError };

type RawItem = Record<string, unknown> & Parser.Item;
const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: { item: ['dc:date', 'updated', 'published'] },
});

/** The first element of the document, past the XML declaration, comments and doctype. */
function rootName(text: string): string | null {
  const body = text.replace(/^\s*(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  if (/^<!doctype\s+html/i.test(body)) return 'html';
  const m = /^(?:<!DOCTYPE[^>]*>\s*)?<([A-Za-z_][\w:.-]*)/.exec(body);
  return m ? m[1].toLowerCase() : null;
}

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf', 'rdf']);

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object' && '_' in v) return str((v as { _: unknown })._);
  return null;
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function toFeedItem(raw: RawItem, input: FeedInput): FeedItem | null {
  const link = absolute(str(raw.link) ?? str(raw['rdf:about']), input.url);
  if (!link) return null;
  const date = str(raw.isoDate) ?? str(raw.pubDate) ?? str(raw['dc:date']) ?? str(raw.published) ?? str(raw.updated);
  const summary = str(raw.contentSnippet) ?? str(raw.summary);
  return {
    source_id: input.sourceId,
    guid: str(raw.guid) ?? str(raw.id) ?? link,
    link,
    title: str(raw.title)?.replace(/\s+/g, ' ') ?? null,
    published: toIsoUtc(date),
    summary: summary ? summary.replace(/\s+/g, ' ') : null,
    fetched_at: input.fetchedAt,
  };
}

async function parseOrSalvage(text: string, url: string, warnings: FeedWarning[]) {
  try {
    return await parser.parseString(text);
  } catch (first) {
    const salvaged = salvageFeed(text);
    if (!salvaged)
      throw new SkipError('malformed_feed', `unparseable feed: ${(first as Error).message.split('\n')[0]}`, url);
    let feed: Awaited<ReturnType<typeof parser.parseString>>;
    try {
      feed = await parser.parseString(salvaged);
    } catch (second) {
      throw new SkipError(
        'malformed_feed',
        `unparseable even after salvage: ${(second as Error).message.split('\n')[0]}`,
        url,
      );
    }
    if (!feed.items.length) throw new SkipError('malformed_feed', 'no complete item before the XML error', url);
    warnings.push({
      reason: 'malformed_feed',
      salvaged: feed.items.length,
      message: `XML error (${(first as Error).message.split('\n')[0]}); salvaged ${feed.items.length} item(s)`,
    });
    return feed;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The HTTP charset wins, except a "utf-8" label on bytes that are not UTF-8: a common server misconfiguration
 * for legacy feeds. Then the XML declaration (or the windows-1252 fallback) decides instead of garbling.
 */
function decodeFeed(bytes: Uint8Array, httpCharset: string | null): string {
  const label =
    httpCharset
      ?.trim()
      .toLowerCase()
      .replace(/^utf8$/, 'utf-8') ?? null;
  const trusted = label === 'utf-8' && !isUtf8(bytes) ? null : label;
  return decodeBytes(bytes, trusted).text;
}

export async function parseFeed(input: FeedInput): Promise<FeedOutcome> {
  if (input.bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return { ok: false, error: new SkipError('empty_body', 'empty response where a feed was expected', input.url) };
  }
  const text = decodeFeed(input.bytes, input.charset ?? null);
  const root = rootName(text);
  if (root === 'urlset' || root === 'sitemapindex') {
    try {
      return finish(sitemapItems(text, input), input, []);
    } catch (err) {
      if (err instanceof SkipError) return { ok: false, error: err };
      throw err;
    }
  }
  if (root === 'html')
    return { ok: false, error: new SkipError('not_a_feed', 'HTML page served instead of a feed', input.url) };
  if (!root || !FEED_ROOTS.has(root)) {
    return {
      ok: false,
      error: new SkipError('not_a_feed', `root element <${root ?? '?'}> is not rss, feed or rdf:RDF`, input.url),
    };
  }
  const warnings: FeedWarning[] = [];
  let feed: Awaited<ReturnType<typeof parseOrSalvage>>;
  try {
    feed = await parseOrSalvage(text, input.url, warnings);
  } catch (err) {
    if (err instanceof SkipError) return { ok: false, error: err };
    throw err;
  }
  const candidates = feed.items.map((raw) => {
    const item = toFeedItem(raw, input);
    if (!item)
      warnings.push({ reason: 'bad_item', message: `item without a usable link: ${str(raw.title) ?? '(untitled)'}` });
    return item;
  });
  return finish(
    { title: str(feed.title), items: candidates.filter((i): i is FeedItem => i !== null) },
    input,
    warnings,
  );
}

/**
 * De-duplicates by guid and by link (never by date: items sharing a timestamp are all kept) and applies the
 * keyword filters.
 */
function finish(
  feed: { title: string | null; items: FeedItem[] },
  input: FeedInput,
  warnings: FeedWarning[],
): FeedOutcome {
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  let excluded = 0;
  let duplicates = 0;
  // a link's user name and password are dropped here, before the link is fetched, stored or printed
  for (const listed of feed.items) {
    const item = { ...listed, link: stripUserinfo(listed.link), guid: stripUserinfo(listed.guid) };
    if (seen.has(`g:${item.guid}`) || seen.has(`l:${item.link}`)) {
      duplicates++;
      continue;
    }
    seen.add(`g:${item.guid}`).add(`l:${item.link}`);
    if (!passesFilters(item, input.filters)) {
      excluded++;
      continue;
    }
    items.push(item);
  }
  return { ok: true, title: feed.title, items, excluded, duplicates, warnings };
}
