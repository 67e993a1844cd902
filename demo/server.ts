// Virtual-host static server for the demo corpus and the ingest tests: serves <root>/<host><path> on 127.0.0.1.
// ETag and Last-Modified come from the content hash (not mtime) so repeated runs see identical validators.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface ServedRequest {
  method: string;
  host: string;
  path: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

export interface SiteServer {
  origin: string;
  close(): Promise<void>;
  /** every request seen, in arrival order */
  requests: ServedRequest[];
}

const FEEDS: Record<string, string> = {
  'feed.xml': 'application/rss+xml',
  'rss.xml': 'application/rss+xml',
  'atom.xml': 'application/atom+xml',
  'index.rdf': 'application/rdf+xml',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xml': 'application/xml',
  '.rdf': 'application/rdf+xml',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

/** The charset a text file declares for itself (XML declaration or meta), so legacy files are labelled truly. */
function declaredCharset(body: Buffer): string {
  const head = body.subarray(0, 2048).toString('latin1');
  const m = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)/i.exec(head) ?? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : 'utf-8';
}

function contentType(file: string, body: Buffer): string {
  const name = file.split(sep).pop() ?? '';
  // CMS paths often have no extension ("/wire/2022/09/15/story"): sniff those as HTML like a web server would.
  const sniffed =
    !extname(name) && /^\s*<(!doctype html|html)/i.test(body.subarray(0, 512).toString('latin1')) ? 'text/html' : null;
  const type = FEEDS[name] ?? TYPES[extname(name).toLowerCase()] ?? sniffed ?? 'application/octet-stream';
  const textual = type.startsWith('text/') || type.endsWith('xml') || type === 'application/json';
  return textual ? `${type}; charset=${declaredCharset(body)}` : type;
}

function validators(body: Buffer): { etag: string; lastModified: string } {
  const hash = createHash('sha256').update(body).digest('hex');
  // A fixed epoch plus up to a year, chosen by the hash: stable across runs and machines.
  const offset = parseInt(hash.slice(0, 8), 16) % (365 * 86_400);
  return { etag: `"${hash.slice(0, 20)}"`, lastModified: new Date(Date.UTC(2022, 0, 1) + offset * 1000).toUTCString() };
}

function notModified(req: IncomingMessage, etag: string, lastModified: string): boolean {
  const inm = req.headers['if-none-match'];
  if (inm)
    return inm
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === etag || t === '*');
  const ims = req.headers['if-modified-since'];
  return !!ims && Date.parse(ims) >= Date.parse(lastModified);
}

/** Map Host + path to a file inside root/<host>, or null when the path escapes it. */
async function locate(root: string, host: string, rawPath: string): Promise<string | null> {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(host)) return null; // no empty, "." or ".." labels
  let path: string;
  try {
    path = decodeURIComponent(rawPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root, host.toLowerCase());
  let file = resolve(base, `.${path}`);
  if (file !== base && !file.startsWith(base + sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = join(file, 'index.html');
  return file;
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<number> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return 405;
  }
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const file = await locate(root, host, req.url ?? '/');
  if (!file) {
    res.writeHead(400).end('bad path');
    return 400;
  }
  const body = await readFile(file).catch(() => null);
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return 404;
  }
  const { etag, lastModified } = validators(body);
  const common = { etag, 'last-modified': lastModified };
  if (notModified(req, etag, lastModified)) {
    res.writeHead(304, common).end();
    return 304;
  }
  res.writeHead(200, { ...common, 'content-type': contentType(file, body), 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
  return 200;
}

export async function startSiteServer(root: string): Promise<SiteServer> {
  const requests: ServedRequest[] = [];
  const server = createServer((req, res) => {
    handle(root, req, res).then(
      (status) =>
        requests.push({
          method: req.method ?? 'GET',
          host: req.headers.host ?? '',
          path: req.url ?? '/',
          status,
          headers: req.headers,
        }),
      () => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}
