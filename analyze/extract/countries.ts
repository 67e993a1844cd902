// Countries from place names (data/reference/places.yaml → ISO alpha-2).
import { escapeRe } from './text.ts';

export interface PlaceHit { start: number; end: number; cc: string }
const compiled = new WeakMap<Map<string, string>, RegExp>();

function placeRe(places: Map<string, string>): RegExp {
  let re = compiled.get(places);
  if (!re) {
    const alt = [...places.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
    // "US$" is a currency, not a place
    re = new RegExp(String.raw`(?<![\p{L}\d])(?:${alt})(?![\p{L}\d$])`, 'gu');
    compiled.set(places, re);
  }
  return re;
}

export function findPlaces(text: string, places: Map<string, string>): PlaceHit[] {
  const re = placeRe(places);
  const out: PlaceHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, cc: places.get(m[0])! });
  return out;
}

/** Most frequent country among the hits (ties: first seen). */
export function dominantCountry(hits: PlaceHit[]): string | null {
  const n = new Map<string, number>();
  for (const h of hits) n.set(h.cc, (n.get(h.cc) ?? 0) + 1);
  let best: string | null = null;
  for (const [cc, c] of n) if (best === null || c > n.get(best)!) best = cc;
  return best;
}

/** Country for a name at [start, end): the name itself, its sentence and the next, else the article. */
export function countryNear(hits: PlaceHit[], start: number, end: number, sentEnd: number, fallback: string | null): string | null {
  const inName = hits.find((h) => h.start >= start && h.end <= end);
  if (inName) return inName.cc;
  const near = hits.filter((h) => h.start >= start - 200 && h.start <= sentEnd + 200);
  return dominantCountry(near) ?? fallback;
}
