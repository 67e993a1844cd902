// Dispatchers: the production Agent, and the demo one that sends every request to the loopback site server.
import { Agent, type Dispatcher } from 'undici';

export interface AgentOptions { connectTimeoutMs?: number; keepAliveTimeoutMs?: number }

/** The real dispatcher. Connect timeouts live here (undici sets them per Agent, not per request). */
export function createDispatcher(opts: AgentOptions = {}): Agent {
  return new Agent({ connect: { timeout: opts.connectTimeoutMs ?? 10_000 }, keepAliveTimeout: opts.keepAliveTimeoutMs ?? 4_000 });
}

function headersWithHost(headers: Dispatcher.DispatchOptions['headers'], host: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const put = (k: string, v: unknown) => { if (v !== undefined && v !== null) out[k.toLowerCase()] = v as string | string[]; };
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
export function demoDispatcher(baseOrigin: string, base: Dispatcher = createDispatcher()): Dispatcher {
  const target = new URL(baseOrigin).origin;
  return base.compose((dispatch) => (opts, handler) => {
    const original = new URL(String(opts.origin));
    return dispatch({ ...opts, origin: target, headers: headersWithHost(opts.headers, original.host) }, handler);
  });
}
