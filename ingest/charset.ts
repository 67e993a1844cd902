// Byte → text decoding shared by the feed parser and the HTML cleaner.
// Order follows the WHATWG sniffing rules: BOM, then the HTTP charset, then an in-document declaration.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  charset: string;
  source: 'bom' | 'http' | 'document' | 'default' | 'fallback';
}

/** Map a charset label to one iconv-lite can decode; latin1 labels become windows-1252 as browsers do. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!l) return null;
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'x-cp1252'].includes(l)) {
    return 'windows-1252';
  }
  if (l === 'utf8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m ? m[2].toLowerCase() : null;
}

function sniffBom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** Charset declared inside the first KiB: XML declaration, <meta charset>, or <meta http-equiv content>. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : null;
}

/** A view of the bytes, not a copy (Buffer.from(Uint8Array) copies: 170 KB per page). */
const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** How a page is decoded: from which byte, in which charset, and whether natively (valid UTF-8). */
interface Plan {
  charset: string;
  source: Decoded['source'];
  from: number;
  native: boolean;
}

function planFor(bytes: Uint8Array, httpCharset: string | null): Plan {
  const bom = sniffBom(bytes);
  if (bom) return { charset: bom.charset, source: 'bom', from: bom.length, native: false };
  // Valid UTF-8 is decoded natively, which gives what iconv-lite gives, only faster.
  const plan = (charset: string, source: Decoded['source']): Plan => ({
    charset,
    source,
    from: 0,
    native: charset === 'utf-8' && isUtf8(bytes),
  });
  const http = normaliseCharset(httpCharset);
  if (http) return plan(http, 'http');
  const doc = normaliseCharset(declaredCharset(bytes));
  // A document claiming UTF-16 without a BOM is lying (it was readable as ASCII); ignore it.
  if (doc && !doc.startsWith('utf-16')) return plan(doc, 'document');
  if (isUtf8(bytes)) return plan('utf-8', 'default');
  return { charset: 'windows-1252', source: 'fallback', from: 0, native: false };
}

const decodeWith = (bytes: Uint8Array, p: Plan): string =>
  p.native ? view(bytes).toString('utf8') : iconv.decode(view(bytes.subarray(p.from)), p.charset);

/** Decode bytes to text. Undeclared bytes that are not valid UTF-8 are read as windows-1252 (the common legacy case). */
export function decodeBytes(bytes: Uint8Array, httpCharset: string | null = null): Decoded {
  const p = planFor(bytes, httpCharset);
  return { text: decodeWith(bytes, p), charset: p.charset, source: p.source };
}

/** Bytes of one piece of decodeChunks(): its string (~64 KiB at most, as UTF-16) stays in V8's young generation. */
export const CHUNK_BYTES = 32 * 1024;

/** decodeBytes()'s text in pieces that join to it. A whole page (~170 KB) decoded at once is a string V8 puts in its
 * large-object space (a mapping of its own, made and freed for every page): measured on the 181 benchmark pages,
 * decoding them whole took ten times as long as in 32 KiB pieces. Valid UTF-8 is cut before a character's first
 * byte; other charsets (rare, and decoded by iconv-lite) stay one piece. */
export function decodeChunks(
  bytes: Uint8Array,
  httpCharset: string | null = null,
  size = CHUNK_BYTES,
): { chunks: string[]; charset: string; source: Decoded['source'] } {
  const p = planFor(bytes, httpCharset);
  const chunks: string[] = [];
  if (!p.native) chunks.push(decodeWith(bytes, p));
  else {
    const buf = view(bytes);
    for (let start = 0; start < buf.length; ) {
      let end = Math.min(buf.length, start + size);
      // a continuation byte (10xxxxxx) never starts a piece: the piece takes the rest of its character
      while (end < buf.length && (buf[end] & 0xc0) === 0x80) end++;
      chunks.push(buf.toString('utf8', start, end));
      start = end;
    }
  }
  return { chunks, charset: p.charset, source: p.source };
}
