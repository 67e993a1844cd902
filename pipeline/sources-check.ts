// `triage sources check`: fetch each enabled source once, through the same polite fetcher (robots.txt, address
// guard, timeouts) as ingestion, and say what it answered — status, content type, how many items it lists and the
// newest item's date. Nothing is stored: it is the command a user runs online to verify a catalogue.
import type { Clock } from '../core/effects.ts';
import { describe, type FailureReason } from '../core/errors.ts';
import type { FeedItem, FetchedPage } from '../core/records.ts';
import { cleanFetchedPageAsync } from '../ingest/clean/page.ts';
import type { Fetcher } from '../ingest/fetch/fetcher.ts';
import { indexInputOf, parseIndexPage } from '../ingest/feeds/index-page.ts';
import { parseFeed } from '../ingest/feeds/parse.ts';
import type { Source } from '../ingest/sources.ts';

export interface SourceCheck {
  id: string;
  kind: string;
  url: string;
  /** what the catalogue says (`verified`), so a row that answered shows which entries can now be marked */
  verified: boolean | null;
  /** true when the source answered and its body read as what its kind says */
  ok: boolean;
  /** HTTP status of the last answer (after redirects), null when none came */
  status: number | null;
  final_url: string | null;
  content_type: string | null;
  /** items listed (a feed's entries, an index page's report links after filters), 1 for a single page */
  items: number | null;
  /** newest item date (ISO), when the items carry dates */
  newest: string | null;
  error_reason: FailureReason | null;
  error: string | null;
}

const newestOf = (items: FeedItem[]): string | null =>
  items.reduce<string | null>((m, i) => (i.published && (!m || i.published > m) ? i.published : m), null);

async function readBody(source: Source, page: FetchedPage, at: string): Promise<Pick<SourceCheck, 'items' | 'newest'>> {
  if (source.kind === 'page' && !source.links) {
    const article = await cleanFetchedPageAsync(page);
    return { items: 1, newest: article.published };
  }
  const parsed = source.links
    ? parseIndexPage(indexInputOf({ ...source, links: source.links }, page, at))
    : await parseFeed({
        bytes: page.body,
        url: source.url,
        sourceId: source.id,
        charset: page.charset,
        fetchedAt: at,
        filters: { include: source.include, exclude: source.exclude },
      });
  if (!parsed.ok) throw parsed.error;
  return { items: parsed.items.length, newest: newestOf(parsed.items) };
}

/** One source, once: never throws; a failure is a row with its typed reason. */
export async function checkSource(deps: { fetcher: Fetcher; clock: Clock }, source: Source): Promise<SourceCheck> {
  const base = { id: source.id, kind: source.kind, url: source.url, verified: source.verified ?? null };
  const outcome = await deps.fetcher.fetch({ url: source.url, sourceId: source.id, outlet: source.publisher });
  if (outcome.kind === 'failed') {
    const status = /^HTTP (\d{3})$/.exec(outcome.error.detail ?? '')?.[1];
    return {
      ...base,
      ok: false,
      status: status ? Number(status) : null,
      final_url: null,
      content_type: null,
      items: null,
      newest: null,
      error_reason: outcome.reason,
      error: describe(outcome.error),
    };
  }
  if (outcome.kind === 'not_modified') throw new Error('a check sends no validators, so no 304 can come');
  const page = outcome.page;
  const answered = { ...base, status: page.status, final_url: page.final_url, content_type: page.content_type };
  try {
    const body = await readBody(source, page, deps.clock.now().toISOString());
    return { ...answered, ok: true, ...body, error_reason: null, error: null };
  } catch (err) {
    const reason = (err as { reason?: FailureReason }).reason ?? 'parse_error';
    return { ...answered, ok: false, items: null, newest: null, error_reason: reason, error: describe(err) };
  }
}

/** Every enabled source, in catalogue order (the fetcher spaces requests to one host). */
export function checkSources(deps: { fetcher: Fetcher; clock: Clock }, sources: Source[]): Promise<SourceCheck[]> {
  return Promise.all(sources.filter((s) => s.enabled).map((s) => checkSource(deps, s)));
}
