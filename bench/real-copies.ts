// The real-copy corpus of issue 19: each of the 181 pages of the article-extraction benchmark copied until N
// pages exist, every copy with its canonical address removed (so each is a document of its own, keyed by its
// file) and one unique sentence added to its longest paragraph (so no two copies share a content hash). A wire
// story syndicated by dozens of outlets looks like this: ~27 near-duplicates of every text at 5,000 pages.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const CANONICAL = /<link\b[^>]*\brel=["']?canonical\b[^>]*>/gi;
const OG_URL = /<meta\b[^>]*\bproperty=["']?og:url\b[^>]*>/gi;
const PARAGRAPH = /<p\b[^>]*>([\s\S]*?)<\/p>/gi;

/** The page with its canonical address removed and `sentence` appended to its longest paragraph. */
export function copyOf(html: string, sentence: string): string {
  const bare = html.replace(CANONICAL, '').replace(OG_URL, '');
  let at = -1;
  let longest = -1;
  for (const m of bare.matchAll(PARAGRAPH)) {
    if (m[1].length > longest) {
      longest = m[1].length;
      at = m.index + m[0].length - '</p>'.length;
    }
  }
  if (at < 0) return bare.replace(/<\/body>/i, `<p>${sentence}</p></body>`);
  return `${bare.slice(0, at)} ${sentence}${bare.slice(at)}`;
}

const WORDS = ['amber', 'basil', 'cedar', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper'];

/** A sentence no other copy has: the copy's number spelled in words. */
export const uniqueSentence = (i: number): string =>
  `Reference note ${String(i)
    .split('')
    .map((d) => WORDS[Number(d)])
    .join(' ')} was added to this copy alone.`;

/** Writes `n` copies as `copy-<i>.html` into `dir`; returns the number of source pages. */
export async function writeRealCopies(source: string, dir: string, n: number): Promise<number> {
  const htmlDir = join(source, 'html');
  const pages = readdirSync(htmlDir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => gunzipSync(readFileSync(join(htmlDir, f))).toString('utf8'));
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    await writeFile(
      join(dir, `copy-${String(i).padStart(5, '0')}.html`),
      copyOf(pages[i % pages.length], uniqueSentence(i)),
    );
  }
  return pages.length;
}
