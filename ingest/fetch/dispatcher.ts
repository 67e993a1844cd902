// Dispatchers: the production Agent (with the address guard in its connector), and the demo one that sends every
// request to the loopback site server.
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { isIP } from 'node:net';
import { addressPolicy, guardedLookup, refused, type Resolve } from './guard.ts';

export interface AgentOptions {
  connectTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  /** CIDRs that may be connected to although private or loopback (the catalogue's `allow_private`) */
  allowPrivate?: string[];
  /** host name resolution; tests inject one to simulate DNS answers */
  resolve?: Resolve;
}

/**
 * The real dispatcher. Connect timeouts live here (undici sets them per Agent, not per request), and so does the
 * address guard: literal IPs are checked before connecting, host names resolve through a lookup that drops
 * refused answers, and the socket's remote address is checked once connected, whatever the URL said.
 */
export function createDispatcher(opts: AgentOptions = {}): Agent {
  const policy = addressPolicy(opts.allowPrivate);
  const base = buildConnector({
    timeout: opts.connectTimeoutMs ?? 10_000,
    lookup: guardedLookup(policy, opts.resolve),
  } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !policy.allows(host)) {
      queueMicrotask(() => callback(refused(host, options.host ?? host), null));
      return;
    }
    return base(options, (err, socket) => {
      if (err || !socket) return callback(err ?? new Error('no socket'), null);
      const remote = socket.remoteAddress ?? '';
      if (!policy.allows(remote)) {
        socket.destroy();
        return callback(refused(remote || '(unknown)', options.host ?? host), null);
      }
      return callback(null, socket);
    });
  };
  return new Agent({ connect, keepAliveTimeout: opts.keepAliveTimeoutMs ?? 4_000 });
}

function headersWithHost(
  headers: Dispatcher.DispatchOptions['headers'],
  host: string,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const put = (k: string, v: unknown) => {
    if (v !== undefined && v !== null) out[k.toLowerCase()] = v as string | string[];
  };
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) put(String(headers[i]), headers[i + 1]);
  } else if (headers && typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [k, v] of headers as Iterable<[string, unknown]>) put(k, v);
  } else if (headers) {
    for (const [k, v] of Object.entries(headers)) put(k, v);
  }
  out.host = host;
  return out;
}

/**
 * Demo routing: every request really goes over HTTP to `baseOrigin` (the loopback site server), carrying the
 * original host in the Host header, so realistic URLs such as https://www.delhichronicle.example/… resolve offline.
 */
export function demoDispatcher(baseOrigin: string, base?: Dispatcher): Dispatcher {
  const target = new URL(baseOrigin).origin;
  // Without an explicit base, only the demo server's own address may be reached.
  base ??= createDispatcher({ allowPrivate: [`${new URL(baseOrigin).hostname.replace(/^\[|\]$/g, '')}/32`] });
  return base.compose((dispatch) => (opts, handler) => {
    const original = new URL(String(opts.origin));
    return dispatch({ ...opts, origin: target, headers: headersWithHost(opts.headers, original.host) }, handler);
  });
}
