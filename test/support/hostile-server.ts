// A misbehaving news site on 127.0.0.1 for the ingestion acceptance tests and `npm run bench:ingest`.
// Each path under /s/<name>/ is one hostile feed; /good/ and /many/ are well-behaved feeds; /a/<slug>.html are
// articles. Feeds and articles carry content-hash ETags, so a second run gets 304s.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import iconv from 'iconv-lite';

export interface HostileOptions {
  /** pause between two bytes of the slow-drip feed */
  dripMs?: number;
  /** size of the oversized body */
  hugeBytes?: number;
  /** decoded size of the gzip bomb */
  bombBytes?: number;
  /** Retry-After seconds sent with the 429 */
  retryAfterS?: number;
  /** items in the /many/ feed (crash tests) */
  manyItems?: number;
  /** delay before answering an article (crash tests need a run that lasts) */
  articleDelayMs?: number;
}

export interface HostileServer {
  origin: string;
  port: number;
  /** "GET /path status" for every request, in arrival order */
  log: string[];
  /** paths of article requests as they arrive (before any answer) */
  arrived: string[];
  /** hold every article answer until resume(): a run then provably lasts as long as the test needs */
  pause(): void;
  resume(): void;
  /** adds an item to the /good/ feed (a later edition of the feed, same timestamp as the others) */
  publish(slug: string, title: string): void;
  close(): Promise<void>;
}

/** The 13 hostile feeds, by name → path. */
export const HOSTILE = {
  'error-500': '/s/500/feed.xml',
  'flaky-503': '/s/flaky/feed.xml',
  'throttle-429': '/s/throttle/feed.xml',
  'slow-drip': '/s/drip/feed.xml',
  'huge-body': '/s/huge/feed.xml',
  'gzip-bomb': '/s/bomb/feed.xml',
  'redirect-loop': '/s/loop/feed.xml',
  'redirect-private': '/s/escape/feed.xml',
  'wrong-charset': '/s/charset/feed.xml',
  'malformed-xml': '/s/malformed/feed.xml',
  'html-not-feed': '/s/html/feed.xml',
  'empty-200': '/s/empty/feed.xml',
  'robots-disallowed': '/private/feed.xml',
} as const;

export const SAME_TIME = 'Mon, 28 Nov 2022 10:00:00 GMT';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function articleHtml(slug: string, title: string): string {
  const p = (n: number) =>
    `<p>Paragraph ${n} of the report on ${esc(title)}. The regional hospital group said that its ` +
    `emergency department diverted ambulances while clinicians returned to paper records, and that investigators ` +
    `were still working to establish how the attackers entered the network (${slug}, part ${n}).</p>`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>` +
    `<link rel="canonical" href="/a/${slug}.html"></head><body><nav><a href="/">Home</a></nav><article><h1>${esc(title)}</h1>` +
    `<p class="byline">By the Hostile Desk · 28 November 2022</p>${[1, 2, 3, 4, 5].map(p).join('')}</article>` +
    `<footer>© Hostile Example</footer></body></html>`
  );
}

export function rssFeed(items: { slug: string; title: string; date?: string }[], extra = ''): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>/a/${i.slug}.html</link>` +
        `<guid isPermaLink="false">${i.slug}</guid><pubDate>${i.date ?? SAME_TIME}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Hostile</title><link>/</link>${extra}\n${body}\n</channel></rss>\n`;
}

type Item = { slug: string; title: string };
const feedItems = (): Record<'flaky' | 'throttle' | 'good', Item[]> => ({
  flaky: [{ slug: 'flaky-1', title: 'Clinic recovers after outage' }],
  throttle: [{ slug: 'throttle-1', title: 'Hospital network restored' }],
  // two items with the same timestamp: a "newer than last seen" cursor would drop one of them
  good: [
    { slug: 'same-time-a', title: 'Hospital A hit by ransomware' },
    { slug: 'same-time-b', title: 'Hospital B hit by ransomware' },
  ],
});

let bombCache: Promise<Buffer> | null = null;
let bombCacheSize = 0;

/** gzip of `size` zero bytes, built by streaming so the decoded size never sits in memory. */
function gzipBomb(size: number): Promise<Buffer> {
  if (bombCache && bombCacheSize === size) return bombCache;
  bombCacheSize = size;
  bombCache = new Promise((ok, fail) => {
    const gz = createGzip({ level: 9 });
    const parts: Buffer[] = [];
    gz.on('data', (c: Buffer) => parts.push(c))
      .on('end', () => ok(Buffer.concat(parts)))
      .on('error', fail);
    const chunk = Buffer.alloc(1 << 20);
    let left = size;
    const pump = () => {
      while (left > 0) {
        left -= chunk.length;
        if (!gz.write(chunk)) {
          gz.once('drain', pump);
          return;
        }
      }
      gz.end();
    };
    pump();
  });
  return bombCache;
}

function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
}

/** 200 with a content-hash ETag, or 304 when the client already has it. */
function cacheable(req: IncomingMessage, res: ServerResponse, body: Buffer | string, type: string): void {
  const etag = etagOf(body);
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  res.writeHead(200, { 'content-type': type, etag }).end(body);
}

/** Streams `total` bytes respecting back-pressure; stops when the client goes away. */
function streamBytes(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    sent = total;
  });
  pump();
}

export async function startHostileServer(opts: HostileOptions = {}): Promise<HostileServer> {
  const o = {
    dripMs: 1000,
    hugeBytes: 50 * 1024 * 1024,
    bombBytes: 256 * 1024 * 1024,
    retryAfterS: 1,
    manyItems: 40,
    articleDelayMs: 0,
    ...opts,
  };
  const log: string[] = [];
  const hits = new Map<string, number>();
  const FEED_ITEMS = feedItems();
  const arrived: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => {};
  const bomb = await gzipBomb(o.bombBytes);
  let port = 0;
  const many = Array.from({ length: o.manyItems }, (_, k) => ({
    slug: `many-${String(k).padStart(3, '0')}`,
    title: `Health system report ${k}`,
  }));

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    res.on('finish', () => log.push(`GET ${path} ${res.statusCode}`));
    const xml = 'application/rss+xml; charset=utf-8';
    switch (path) {
      case '/robots.txt':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
        return;
      case '/s/500/feed.xml':
        res.writeHead(500).end('internal error');
        return;
      case '/s/flaky/feed.xml':
        if (n === 1) {
          res.writeHead(503).end('busy');
          return;
        }
        cacheable(req, res, rssFeed(FEED_ITEMS.flaky), xml);
        return;
      case '/s/throttle/feed.xml':
        if (n === 1) {
          res.writeHead(429, { 'retry-after': String(o.retryAfterS) }).end('slow down');
          return;
        }
        cacheable(req, res, rssFeed(FEED_ITEMS.throttle), xml);
        return;
      case '/s/drip/feed.xml': {
        res.writeHead(200, { 'content-type': xml });
        const timer = setInterval(() => {
          if (!res.destroyed) res.write(' ');
        }, o.dripMs);
        res.on('close', () => clearInterval(timer));
        res.write('<');
        return;
      }
      case '/s/huge/feed.xml':
        res.writeHead(200, { 'content-type': xml });
        streamBytes(res, o.hugeBytes);
        return;
      case '/s/bomb/feed.xml':
        res.writeHead(200, { 'content-type': xml, 'content-encoding': 'gzip' }).end(bomb);
        return;
      case '/s/loop/feed.xml':
        res.writeHead(302, { location: '/s/loop/again.xml' }).end();
        return;
      case '/s/loop/again.xml':
        res.writeHead(301, { location: '/s/loop/feed.xml' }).end();
        return;
      case '/s/escape/feed.xml':
        res.writeHead(302, { location: `http://127.0.0.2:${port}/internal/feed.xml` }).end();
        return;
      case '/s/charset/feed.xml': {
        // windows-1252 bytes (and an XML declaration saying so) served under a false "utf-8" header
        const text = rssFeed([{ slug: 'charset-1', title: 'Zürich clinic: Señor Muñoz’s records' }]).replace(
          'encoding="utf-8"',
          'encoding="windows-1252"',
        );
        cacheable(req, res, iconv.encode(text, 'windows-1252'), xml);
        return;
      }
      case '/s/malformed/feed.xml': {
        const whole = rssFeed([
          { slug: 'salvaged-1', title: 'First complete story' },
          { slug: 'salvaged-2', title: 'Second complete story' },
          { slug: 'lost-3', title: 'Cut off' },
        ]);
        cacheable(req, res, whole.slice(0, whole.indexOf('<guid isPermaLink="false">lost-3')), xml);
        return;
      }
      case '/s/html/feed.xml':
        cacheable(req, res, articleHtml('not-a-feed', 'Subscribe to our newsletter'), 'text/html; charset=utf-8');
        return;
      case '/s/empty/feed.xml':
        res.writeHead(200, { 'content-type': xml }).end();
        return;
      case '/private/feed.xml':
        cacheable(req, res, rssFeed(FEED_ITEMS.good), xml);
        return;
      case '/good/feed.xml':
        cacheable(req, res, rssFeed(FEED_ITEMS.good), xml);
        return;
      case '/many/feed.xml':
        cacheable(req, res, rssFeed(many), xml);
        return;
    }
    const article = /^\/a\/([\w-]+)\.html$/.exec(path);
    if (article) {
      arrived.push(path);
      const title =
        [...Object.values(FEED_ITEMS).flat(), ...many].find((i) => i.slug === article[1])?.title ?? article[1];
      void gate.then(() =>
        setTimeout(
          () => cacheable(req, res, articleHtml(article[1], title), 'text/html; charset=utf-8'),
          o.articleDelayMs,
        ),
      );
      return;
    }
    res.writeHead(404).end('not found');
  };

  const server = createServer(handle);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    log,
    arrived,
    pause: () => {
      gate = new Promise((r) => {
        open = r;
      });
    },
    resume: () => open(),
    publish: (slug, title) => {
      FEED_ITEMS.good.push({ slug, title });
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export type FeedName = keyof typeof HOSTILE | 'good' | 'many';

/** A catalogue (YAML) of the named feeds (default: the 13 hostile ones), admitting 127.0.0.1 only. */
export function hostileCatalogue(origin: string, names: FeedName[] = Object.keys(HOSTILE) as FeedName[]): string {
  const pathOf = (n: FeedName) => (n === 'good' || n === 'many' ? `/${n}/feed.xml` : HOSTILE[n]);
  const entry = (id: string) =>
    `  - {id: ${id}, kind: rss, url: "${origin}${pathOf(id as FeedName)}", publisher: "Hostile ${id}", country: US, language: en, enabled: true, interval: 1h}`;
  return ['allow_private: ["127.0.0.1/32"]', 'sources:', ...names.map(entry), ''].join('\n');
}
