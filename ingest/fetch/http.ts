// One HTTP exchange (no redirects, no retries): timeouts, body cap, content decoding.
// Errors come out typed so the fetcher can decide between retry, throttle and skip.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { request, type Dispatcher } from 'undici';
import { RetryableError, SkipError } from '../../core/errors.ts';

export const USER_AGENT = 'Triage/0.1 (+https://github.com/triage-health/triage)';

export interface HopLimits {
  userAgent: string;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** deadline for the whole exchange: a server dripping one byte a second never trips the idle body timeout */
  totalTimeoutMs: number;
  /** cap on the bytes received on the wire */
  maxBodyBytes: number;
  /** cap on the bytes after gzip/deflate/br decoding (zip bombs) */
  maxDecodedBytes: number;
}

export interface HopResult {
  status: number;
  headers: Record<string, string>;
  /** decoded body for 2xx responses, else null (the body is discarded) */
  body: Uint8Array<ArrayBuffer> | null;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** Undici and socket errors → RetryableError; our own typed errors pass through. */
export function typedNetworkError(err: unknown, url: string): Error {
  if (err instanceof SkipError || err instanceof RetryableError) return err;
  const code = (err as { code?: string })?.code ?? '';
  const msg = (err as Error)?.message ?? String(err);
  if (code === 'TRIAGE_ADDRESS_REFUSED') return new SkipError('address_refused', msg, url);
  if (TIMEOUT_CODES.has(code) || (err as Error)?.name === 'TimeoutError')
    return new RetryableError(`timed out (${code || 'deadline'})`, url, 'timeout');
  return new RetryableError(`network error: ${code || msg}`, url, 'network');
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Stop reading; the abort error undici then emits is expected, so it is swallowed. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

async function readCapped(body: Dispatcher.ResponseData['body'], max: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      discard(body);
      throw new SkipError('too_large', `body exceeds ${max} bytes`, url);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Undo Content-Encoding with an output cap; zlib throws ERR_BUFFER_TOO_LARGE past it. */
export function decodeContent(raw: Buffer, encoding: string | undefined, max: number, url: string): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase();
  const opts = { maxOutputLength: max };
  try {
    if (enc === '' || enc === 'identity') return raw;
    if (enc === 'gzip' || enc === 'x-gzip') return gunzipSync(raw, opts);
    if (enc === 'br') return brotliDecompressSync(raw, opts);
    if (enc === 'deflate') {
      // Some servers send raw deflate without the zlib wrapper.
      try {
        return inflateSync(raw, opts);
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw e;
        return inflateRawSync(raw, opts);
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new SkipError('too_large', `decoded body exceeds ${max} bytes`, url);
    }
    throw new SkipError('parse_error', `cannot decode ${enc} body: ${(err as Error).message}`, url);
  }
  throw new SkipError('unsupported_type', `unsupported content-encoding "${enc}"`, url);
}

export async function fetchHop(
  url: string,
  dispatcher: Dispatcher,
  extraHeaders: Record<string, string>,
  limits: HopLimits,
): Promise<HopResult> {
  let res: Dispatcher.ResponseData;
  const signal = AbortSignal.timeout(limits.totalTimeoutMs);
  try {
    res = await request(url, {
      method: 'GET',
      dispatcher,
      signal,
      headersTimeout: limits.headersTimeoutMs,
      bodyTimeout: limits.bodyTimeoutMs,
      headers: {
        'user-agent': limits.userAgent,
        'accept-encoding': 'gzip, deflate, br',
        accept:
          'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
        ...extraHeaders,
      },
    });
  } catch (err) {
    throw typedNetworkError(err, url);
  }
  const headers = flattenHeaders(res.headers as Record<string, string | string[] | undefined>);
  if (res.statusCode < 200 || res.statusCode >= 300) {
    await res.body.dump().catch(() => undefined);
    return { status: res.statusCode, headers, body: null };
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
    discard(res.body);
    throw new SkipError('too_large', `content-length ${declared} exceeds ${limits.maxBodyBytes} bytes`, url);
  }
  let raw: Buffer;
  try {
    raw = await readCapped(res.body, limits.maxBodyBytes, url);
  } catch (err) {
    throw typedNetworkError(err, url);
  }
  const body = decodeContent(raw, headers['content-encoding'], limits.maxDecodedBytes, url);
  return {
    status: res.statusCode,
    headers,
    body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength),
  };
}
