// Deterministic STIX identifiers: RFC 4122 version-5 UUIDs (SHA-1 of a namespace and a name), so the same
// incident always gets the same STIX id, in any export and any run order.
import { createHash } from 'node:crypto';

/** Triage's UUID namespace (itself a v5 UUID of "triage" under the RFC 4122 URL namespace). */
const NAMESPACE = 'aa3c8b92-964a-5949-abc9-e70adff237be';

export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const b = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50; // version 5
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const stixId = (type: string, key: string) => `${type}--${uuidV5(`${type}:${key}`)}`;

/** STIX timestamps: UTC with exactly millisecond precision. */
export function stixTime(date: string | null | undefined, fallback: string): string {
  const d = new Date(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : (date ?? fallback));
  return Number.isNaN(d.getTime()) ? new Date(fallback).toISOString() : d.toISOString();
}
