// Small helpers for feed items: dates and keyword filters.
import type { FeedItem } from '../../core/records.ts';

export { toIsoUtc } from '../dates.ts';

export interface KeywordFilters {
  include?: string[];
  exclude?: string[];
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Keywords match case- and accent-insensitively, on whole-word boundaries, in title and summary. */
function mentions(haystack: string, keyword: string): boolean {
  const k = fold(keyword).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${k}($|[^\\p{L}\\p{N}])`, 'u').test(haystack);
}

export function passesFilters(item: FeedItem, filters: KeywordFilters | undefined): boolean {
  if (!filters) return true;
  const text = fold(`${item.title ?? ''} ${item.summary ?? ''}`);
  if (filters.include?.length && !filters.include.some((k) => mentions(text, k))) return false;
  if (filters.exclude?.some((k) => mentions(text, k))) return false;
  return true;
}
