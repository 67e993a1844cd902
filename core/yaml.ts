// YAML reference files as JSON once parsed: every thread of every run parsed the same files again (~0.75 s of each
// pool worker's start, most of it places-world.yaml and victims.yaml). With a cache folder set (the CLI and its
// workers set one), a parse is kept as JSON under the digest of the text, its options and the parser's version, so
// an edited file is parsed anew and a stale entry is never read. Only values JSON gives back alike are kept.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { parse, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions;

let cacheDir: string | null = null;

/** Where parses are kept (null: none, the default, so tests and libraries parse as before). */
export function setYamlCache(dir: string | null): void {
  cacheDir = dir;
}
export const yamlCache = (): string | null => cacheDir;

/** This user's cache folder in the system's temporary folder; null when it is not this user's alone. */
export function defaultYamlCache(): string | null {
  const dir = join(tmpdir(), `triage-yaml-${userInfo().uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const s = lstatSync(dir);
    // another user's folder, one others may write to, or a link is not trusted: its JSON would become reference data
    return s.isDirectory() && s.uid === userInfo().uid && (s.mode & 0o022) === 0 ? dir : null;
  } catch {
    return null;
  }
}

/** The parser's version is part of every key: another version may parse a text otherwise. */
const PARSER = `yaml-${(createRequire(import.meta.url)('yaml/package.json') as { version: string }).version}`;

/** yaml's parse(), read from the cache when the same text was parsed with the same options before. */
export function parseYaml(text: string, opts?: Options): unknown {
  if (!cacheDir) return parse(text, opts);
  const key = createHash('sha256')
    .update(`${PARSER}\0${JSON.stringify(opts ?? null)}\0`)
    .update(text)
    .digest('hex');
  const path = join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // absent (or unreadable): parsed below and written again
  }
  const value = parse(text, opts);
  if (jsonAlike(value)) writeAtomically(path, JSON.stringify(value));
  return value;
}

/** Whether JSON.parse(JSON.stringify(v)) gives back an equal value: plain data, no -0, no holes, and no object
 * reached twice (a YAML alias is one object; JSON would make two). */
export function jsonAlike(v: unknown, seen = new Set<object>()): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || seen.has(v)) return false;
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !jsonAlike(v[i], seen)) return false;
    return true;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype || Object.hasOwn(v, '__proto__')) return false;
  return Object.values(v).every((x) => jsonAlike(x, seen));
}

/** Written under a name of its own, then renamed: a reader sees the whole file or none. */
function writeAtomically(path: string, body: string): void {
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  try {
    writeFileSync(tmp, body, { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    // a cache that cannot be written costs the next run a parse, nothing else
  }
}
