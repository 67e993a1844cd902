// Date normalisation shared by feeds and the cleaner.

/** Any parseable date → "YYYY-MM-DDTHH:MM:SSZ" in UTC, or null. A bare date means midnight UTC. */
export function toIsoUtc(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** First candidate that parses, is after 1990 and not after `notAfter` (a page cannot be published after we fetched it). */
export function pickDate(candidates: (string | null | undefined)[], notAfter: string | null): string | null {
  const limit = notAfter ? Date.parse(notAfter) : Infinity;
  for (const c of candidates) {
    const iso = toIsoUtc(c);
    if (!iso) continue;
    const t = Date.parse(iso);
    if (t >= Date.UTC(1990, 0, 1) && t <= limit) return iso;
  }
  return null;
}
