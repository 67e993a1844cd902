// `triage serve`: a small local search site for journalists over a read-only store. Server-rendered HTML, no
// script at all, a strict Content-Security-Policy, and only requests addressed to this host are answered.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../core/effects.ts';
import { ConfigError, describe } from '../../core/errors.ts';
import type { Store } from '../../store/store.ts';
import { getIncident, queryIncidents } from '../query/incidents.ts';
import { CSS } from './html.ts';
import { checkFilters } from '../query/filter-values.ts';
import { incidentEvidence } from '../query/evidence.ts';
import { apiAnswer } from './api.ts';
import { FIELDS, filtersOf, incidentPage, notFoundPage, searchPage, type Form } from './pages.ts';

/** `store`: one open store; `reader`: a SnapshotReader that follows the snapshots a writer publishes. */
export interface ServeOptions {
  store?: Store;
  reader?: { use<T>(fn: (store: Store) => Promise<T>): Promise<T> };
  host?: string;
  port?: number;
  log: Logger;
  /** the folder `run`/`watch` write alerts.atom and alerts.json to (served as /alerts.atom, /alerts.json) */
  alertsDir?: string;
}
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
};

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  if (o.store && !o.store.readOnly) throw new Error('serve needs a read-only store');
  const use = o.reader ? o.reader.use.bind(o.reader) : <T>(fn: (s: Store) => Promise<T>) => fn(o.store!);
  const host = o.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    use((store) => handle(store, req, res, o.alertsDir)).catch((err) => {
      o.log.error(`serve: ${describe(err)}`);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'EADDRINUSE' || err.code === 'EACCES'
          ? new ConfigError(
              `cannot listen on ${host}:${o.port ?? 8080}: ${err.code === 'EADDRINUSE' ? 'port in use' : 'permission denied'}; choose another --port`,
            )
          : err,
      ),
    );
    server.listen(o.port ?? 8080, host, ok);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  method = 'GET',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...extra, ...HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(method === 'HEAD' ? undefined : body);
}

/** Only names of this server: a page on another site cannot reach it through DNS rebinding. */
function allowedHost(req: IncomingMessage): boolean {
  const port = req.socket.localPort;
  const h = (req.headers.host ?? '').toLowerCase();
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${req.socket.localAddress}:${port}`].includes(h);
}

const FEEDS: Record<string, string> = {
  '/alerts.atom': 'application/atom+xml; charset=utf-8',
  '/alerts.json': 'application/feed+json; charset=utf-8',
};

async function handle(store: Store, req: IncomingMessage, res: ServerResponse, alertsDir?: string): Promise<void> {
  const html = 'text/html; charset=utf-8';
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
  if (!allowedHost(req)) return send(res, 421, 'text/plain; charset=utf-8', 'misdirected request');
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/style.css') return send(res, 200, 'text/css; charset=utf-8', CSS, req.method);
  if (FEEDS[url.pathname]) {
    const feed = alertsDir ? await readFile(join(alertsDir, url.pathname.slice(1)), 'utf8').catch(() => null) : null;
    if (feed !== null) return send(res, 200, FEEDS[url.pathname], feed, req.method);
    return send(res, 404, 'text/plain; charset=utf-8', 'no alerts yet: triage run or triage watch writes them');
  }
  const api = await apiAnswer(store, url);
  if (api) return send(res, api.status, api.type, api.body, req.method, api.headers);
  if (url.pathname === '/') {
    const form: Form = {};
    for (const f of FIELDS) {
      const v = url.searchParams.get(f);
      if (v !== null) form[f] = v.slice(0, 500);
    }
    try {
      const filters = checkFilters(filtersOf(form), { country: 'country', type: 'attack type', sector: 'sector' });
      if (filters.minRansomUsd !== undefined && !Number.isFinite(filters.minRansomUsd))
        throw new ConfigError('the ransom minimum must be a number');
      return send(res, 200, html, searchPage(form, await queryIncidents(store, filters), null), req.method);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      return send(res, 400, html, searchPage(form, [], describe(err)), req.method);
    }
  }
  const m = /^\/incident\/([A-Za-z0-9_-]{1,100})$/.exec(url.pathname);
  if (m) {
    const incident = await getIncident(store, m[1], url.searchParams.get('text')?.slice(0, 500) ?? undefined);
    if (incident) {
      return send(res, 200, html, incidentPage(incident, await incidentEvidence(store, incident)), req.method);
    }
    return send(res, 404, html, notFoundPage('No incident with this ID.'), req.method);
  }
  return send(res, 404, html, notFoundPage('No such page.'), req.method);
}
