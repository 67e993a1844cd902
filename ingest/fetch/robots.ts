// robots.txt, fetched once per origin and cached. RFC 9309: 4xx → everything allowed;
// 5xx or unreachable → try again later (RetryableError, not cached).
import robotsParserModule from 'robots-parser';
import { RetryableError } from '../../core/errors.ts';
import type { HopResult } from './http.ts';

export interface RobotsVerdict {
  allowed: boolean;
  crawlDelayMs: number | null;
}
// CommonJS module typed as an ES default export: at runtime the default import is the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;
type Robot = ReturnType<typeof robotsParser>;

/** Fetches one URL (the fetcher passes its polite, per-host scheduled hop). */
export type RobotsGet = (url: string) => Promise<HopResult>;

export class RobotsCache {
  // Promises, so concurrent checks for one origin share a single robots.txt request.
  private readonly cache = new Map<string, Promise<Robot | null>>();
  constructor(
    private readonly get: RobotsGet,
    private readonly agent: string,
  ) {}

  async check(url: string): Promise<RobotsVerdict> {
    const origin = new URL(url).origin;
    let pending = this.cache.get(origin);
    if (!pending) {
      pending = this.load(origin);
      this.cache.set(origin, pending);
      pending.catch(() => this.cache.delete(origin));
    }
    const robot = await pending;
    if (!robot) return { allowed: true, crawlDelayMs: null };
    const delay = robot.getCrawlDelay(this.agent);
    return { allowed: robot.isAllowed(url, this.agent) !== false, crawlDelayMs: delay ? delay * 1000 : null };
  }

  private async load(origin: string): Promise<Robot | null> {
    let target = `${origin}/robots.txt`;
    for (let hop = 0; hop < 5; hop++) {
      const res = await this.get(target);
      if (res.status >= 300 && res.status < 400 && res.headers.location) {
        target = new URL(res.headers.location, target).href;
        continue;
      }
      if (res.status >= 200 && res.status < 300) {
        return robotsParser(`${origin}/robots.txt`, Buffer.from(res.body ?? new Uint8Array()).toString('utf8'));
      }
      if (res.status >= 400 && res.status < 500) return null;
      throw new RetryableError(`robots.txt answered ${res.status}`, target, 'http_status');
    }
    return null;
  }
}
