// Word and cue lists: one YAML file per list under data/reference/lists/, each with a source note, validated once.
// A list holds constructions of a language (cue words, sector nouns, role nouns), never a phrase from one article.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml as parse } from '../../core/yaml.ts';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.ts';
import { escapeRe } from './text.ts';
import { withTwin } from './fastre.ts';

const ListFile = z
  .object({
    source: z.string().min(10),
    note: z.string().optional(),
    words: z.array(z.string().min(1)).min(1),
  })
  .strict();

export type Lists = ReadonlyMap<string, readonly string[]>;

/** Every `NAME.yaml` in `dir` → NAME → words (trimmed, de-duplicated). A missing folder is an empty set. */
export function loadLists(dir: string): Lists {
  const out = new Map<string, string[]>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.yaml'))
    .sort()) {
    const path = join(dir, f);
    const parsed = ListFile.safeParse(parse(readFileSync(path, 'utf8')));
    const why = parsed.success ? '' : (parsed.error.issues[0]?.message ?? 'bad shape');
    if (!parsed.success) throw new ConfigError(`invalid word list: ${why}`, path);
    // (entries are matched as whole words: a pattern ending in a space could never match before the next word)
    const open = parsed.data.words.find((w) => /\s\/$/.test(w.trim()));
    if (open) throw new ConfigError(`invalid word list: the pattern ${open.trim()} ends in a space`, path);
    out.set(f.slice(0, -5), [...new Set(parsed.data.words.map((w) => w.trim()))]);
  }
  return out;
}

/** The words of a list; a list the code needs but the folder lacks is a configuration error. */
export function words(lists: Lists, name: string): readonly string[] {
  const w = lists.get(name);
  if (!w) throw new ConfigError(`missing word list "${name}"`, `data/reference/lists/${name}.yaml`);
  return w;
}

const compiled = new WeakMap<Lists, Map<string, RegExp>>();

/**
 * One regex matching any word of the named lists as whole words (longest first). An entry written between
 * slashes ("/hack(?:ed|ers?)?/") is a small pattern, so inflections need no entries of their own; a space matches
 * any run of white space. Flags default to case-insensitive Unicode; add `g` to scan.
 */
export function listRe(lists: Lists, names: string | string[], flags = 'iu'): RegExp {
  // (asked in inner loops: a single name under the default flags is its own key)
  const key = typeof names !== 'string' ? `${names.join('+')}/${flags}` : flags === 'iu' ? names : `${names}/${flags}`;
  let cache = compiled.get(lists);
  if (!cache) compiled.set(lists, (cache = new Map<string, RegExp>()));
  let re = cache.get(key);
  if (re) return re;
  const ns = Array.isArray(names) ? names : [names];
  const alts = ns
    .flatMap((n) => words(lists, n))
    .map((w) =>
      w.length > 2 && w.startsWith('/') && w.endsWith('/') ? w.slice(1, -1) : escapeRe(w).replace(/ /g, '\\s+'),
    )
    .sort((a, b) => b.length - a.length);
  re = withTwin(new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alts.join('|')})(?![\p{L}\p{N}])`, flags));
  cache.set(key, re);
  return re;
}
