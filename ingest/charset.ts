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

/** Text in `charset`. Valid UTF-8 is decoded natively, which gives what iconv-lite gives, only faster. */
function decodeAs(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8' && isUtf8(bytes)) return view(bytes).toString('utf8');
  return iconv.decode(view(bytes), charset);
}

/** Decode bytes to text. Undeclared bytes that are not valid UTF-8 are read as windows-1252 (the common legacy case). */
export function decodeBytes(bytes: Uint8Array, httpCharset: string | null = null): Decoded {
  const bom = sniffBom(bytes);
  if (bom)
    return { text: iconv.decode(view(bytes.subarray(bom.length)), bom.charset), charset: bom.charset, source: 'bom' };
  const http = normaliseCharset(httpCharset);
  if (http) return { text: decodeAs(bytes, http), charset: http, source: 'http' };
  const doc = normaliseCharset(declaredCharset(bytes));
  // A document claiming UTF-16 without a BOM is lying (it was readable as ASCII); ignore it.
  if (doc && !doc.startsWith('utf-16')) return { text: decodeAs(bytes, doc), charset: doc, source: 'document' };
  if (isUtf8(bytes)) return { text: view(bytes).toString('utf8'), charset: 'utf-8', source: 'default' };
  return { text: iconv.decode(view(bytes), 'windows-1252'), charset: 'windows-1252', source: 'fallback' };
}
