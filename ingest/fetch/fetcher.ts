// The polite fetcher: redirects, conditional GET, retries with backoff, one request at a time per host,
// a global concurrency cap, robots.txt. Every call resolves to an outcome; nothing is dropped silently.
import PQueue from 'p-queue';
import type { Dispatcher } from 'undici';
import { systemClock, silentLogger, type Clock, type Logger } from '../../core/effects.ts';
import { RetryableError, SkipError, ThrottleError, describe, type FailureReason } from '../../core/errors.ts';
import { sha256 } from '../../core/hash.ts';
import type { FetchedPage } from '../../core/records.ts';
import { charsetFromContentType } from '../charset.ts';
import { fetchHop, USER_AGENT, typedNetworkError, type HopLimits, type HopResult } from './http.ts';
import { backoffMs, parseRetryAfter } from './retry.ts';
import { RobotsCache } from './robots.ts';

export interface FetcherOptions {
  dispatcher: Dispatcher;
  clock?: Clock;
  logger?: Logger;
  /** injected so tests never really wait */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  userAgent?: string;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** deadline for one whole request (headers and body) */
  totalTimeoutMs?: number;
  maxBodyBytes?: number;
  maxDecodedBytes?: number;
  maxRedirects?: number;
  /** retries after the first attempt */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** a Retry-After longer than this gives up instead of waiting */
  maxRetryAfterMs?: number;
  /** pause between two requests to the same host */
  hostDelayMs?: number;
  concurrency?: number;
  robots?: boolean;
}

export interface Validators {
  etag: string | null;
  last_modified: string | null;
}

export interface FetchRequest {
  url: string;
  sourceId?: string | null;
  /** validators stored from the previous fetch of this URL → conditional GET */
  previous?: Validators | null;
  feedTitle?: string | null;
  feedPublished?: string | null;
  outlet?: string | null;
}

export type FetchOutcome =
  | { kind: 'ok'; page: FetchedPage; attempts: number }
  | {
      kind: 'not_modified';
      url: string;
      final_url: string;
      etag: string | null;
      last_modified: string | null;
      fetched_at: string;
      attempts: number;
    }
  | {
      kind: 'failed';
      url: string;
      reason: FailureReason;
      error: SkipError | RetryableError | ThrottleError;
      attempts: number;
    };

export interface Fetcher {
  fetch(req: FetchRequest): Promise<FetchOutcome>;
  /** resolves when no request is queued or running */
  onIdle(): Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Only http and https leave the process; addresses are checked by the dispatcher's connector (guard.ts). */
function guardUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SkipError('address_refused', 'not a valid URL', url);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new SkipError('address_refused', `scheme ${u.protocol} refused`, url);
  return u;
}

/** Turn a non-2xx, non-redirect, non-304 status into the error the retry loop understands. */
function statusError(hop: HopResult, url: string, now: Date): Error {
  const retryAfter = parseRetryAfter(hop.headers['retry-after'], now);
  if (hop.status === 429 || (hop.status === 503 && retryAfter !== null)) {
    return new ThrottleError(`HTTP ${hop.status}`, url, retryAfter);
  }
  if (hop.status >= 500 || hop.status === 408) return new RetryableError(`HTTP ${hop.status}`, url, 'http_status');
  return new SkipError('http_status', `HTTP ${hop.status}`, url);
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const o = {
    clock: systemClock,
    logger: silentLogger,
    sleep: realSleep,
    random: Math.random,
    userAgent: USER_AGENT,
    headersTimeoutMs: 15_000,
    bodyTimeoutMs: 15_000,
    totalTimeoutMs: 30_000,
    maxBodyBytes: 5 * 1024 * 1024,
    maxDecodedBytes: 20 * 1024 * 1024,
    maxRedirects: 5,
    retries: 2,
    backoffBaseMs: 1_000,
    backoffMaxMs: 60_000,
    maxRetryAfterMs: 120_000,
    hostDelayMs: 1_000,
    concurrency: 4,
    robots: true,
    ...options,
  };
  const limits: HopLimits = o;
  const queue = new PQueue({ concurrency: o.concurrency });
  const tails = new Map<string, Promise<void>>();
  const crawlDelays = new Map<string, number>();

  /** Run one hop when the host is free and a global slot is open; hold the host for the delay afterwards. */
  async function politely(url: URL, extraHeaders: Record<string, string>): Promise<HopResult> {
    const host = url.host;
    const prev = tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const tail = prev.then(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
    );
    tails.set(host, tail);
    await prev;
    try {
      return await queue.add(() => fetchHop(url.href, o.dispatcher, extraHeaders, limits));
    } finally {
      const delay = Math.max(o.hostDelayMs, crawlDelays.get(host) ?? 0);
      void o.sleep(delay).then(() => {
        release();
        if (tails.get(host) === tail) tails.delete(host);
      });
    }
  }

  const robots = new RobotsCache((u) => politely(new URL(u), {}), 'Triage');

  async function checkRobots(url: URL): Promise<void> {
    if (!o.robots) return;
    const verdict = await robots.check(url.href);
    // Honour Crawl-delay up to 30 s; a larger value would stall the whole run.
    if (verdict.crawlDelayMs) crawlDelays.set(url.host, Math.min(verdict.crawlDelayMs, 30_000));
    if (!verdict.allowed) throw new SkipError('robots_disallowed', 'disallowed by robots.txt', url.href);
  }

  /** One attempt: follow redirects hop by hop, each hop guarded and scheduled politely. */
  async function attempt(req: FetchRequest): Promise<Exclude<FetchOutcome, { kind: 'failed' }>> {
    let current = req.url;
    for (let hops = 0; ; hops++) {
      const url = guardUrl(current);
      await checkRobots(url);
      // Validators describe the requested URL only; a redirect target is a different resource.
      const conditional: Record<string, string> = {};
      if (hops === 0 && req.previous?.etag) conditional['if-none-match'] = req.previous.etag;
      if (hops === 0 && req.previous?.last_modified) conditional['if-modified-since'] = req.previous.last_modified;
      const hop = await politely(url, conditional);
      const now = o.clock.now();
      if (REDIRECTS.has(hop.status) && hop.headers.location) {
        if (hops >= o.maxRedirects)
          throw new SkipError('too_many_redirects', `more than ${o.maxRedirects} redirects`, req.url);
        current = new URL(hop.headers.location, url).href;
        continue;
      }
      const etag = hop.headers.etag ?? null;
      const lastModified = hop.headers['last-modified'] ?? null;
      if (hop.status === 304) {
        return {
          kind: 'not_modified',
          url: req.url,
          final_url: current,
          etag: etag ?? req.previous?.etag ?? null,
          last_modified: lastModified ?? req.previous?.last_modified ?? null,
          fetched_at: now.toISOString(),
          attempts: 0,
        };
      }
      if (hop.status < 200 || hop.status >= 300 || !hop.body) throw statusError(hop, current, now);
      const contentType = hop.headers['content-type'] ?? null;
      const page: FetchedPage = {
        url: req.url,
        final_url: current,
        status: hop.status,
        content_type: contentType,
        etag,
        last_modified: lastModified,
        charset: charsetFromContentType(contentType),
        bytes_sha256: sha256(hop.body),
        body: hop.body,
        fetched_at: now.toISOString(),
        source_id: req.sourceId ?? null,
        feed_title: req.feedTitle ?? null,
        feed_published: req.feedPublished ?? null,
        file: null,
        outlet: req.outlet ?? null,
      };
      return { kind: 'ok', page, attempts: 0 };
    }
  }

  async function fetchWithRetries(req: FetchRequest): Promise<FetchOutcome> {
    for (let n = 1; ; n++) {
      try {
        return { ...(await attempt(req)), attempts: n };
      } catch (raw) {
        const err =
          raw instanceof SkipError || raw instanceof RetryableError || raw instanceof ThrottleError
            ? raw
            : (typedNetworkError(raw, req.url) as RetryableError);
        const reason: FailureReason = err instanceof ThrottleError ? 'http_status' : err.reason;
        const fail = { kind: 'failed' as const, url: req.url, reason, error: err, attempts: n };
        if (err instanceof SkipError || n > o.retries) return fail;
        const hinted = err instanceof ThrottleError ? err.retryAfterMs : null;
        if (hinted !== null && hinted > o.maxRetryAfterMs) return fail;
        const wait = hinted ?? backoffMs(n, o.backoffBaseMs, o.backoffMaxMs, o.random);
        o.logger.debug(`retry ${n}/${o.retries} in ${wait} ms: ${describe(err)}`);
        await o.sleep(wait);
      }
    }
  }

  return { fetch: fetchWithRetries, onIdle: () => queue.onIdle() };
}
