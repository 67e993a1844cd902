import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Short stable ID from parts: the same inputs always give the same ID, in any run order. */
export function idFrom(prefix: string, ...parts: (string | null | undefined)[]): string {
  return `${prefix}_${sha256(parts.map((p) => p ?? '').join('\u241f')).slice(0, 16)}`;
}

/** Normalise text before hashing so whitespace-only differences give the same content hash. */
export function contentHash(text: string): string {
  return sha256(text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase());
}
