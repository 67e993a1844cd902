// Module loader hooks: this package's TypeScript modules compiled by esbuild as they load (types stripped, nothing
// else), with inline source maps so that stack traces name .ts lines. Not tsx's loader for the product: tsx compiles
// with esbuild's keepNames, which wraps every named function in a defineProperty call made each time the function
// is created, and the extractor creates named closures in its inner loops: it ran ~8 % slower by CPU (two bundles of
// it, with and without keepNames, interleaved in one process on the dev split and on synthetic pages).
// Compiled modules are kept in the temp folder under a digest of their source and the compiler's options and version,
// as tsx does, so a start compiles only what changed; in a folder of this user's own that no one else may write to
// (the temp folder is shared: another user's file there would be run as code).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform, version } from 'esbuild';

const OPTIONS = { loader: 'ts', format: 'esm', target: `node${process.versions.node}`, sourcemap: 'inline' };
const TS = /\.m?ts$/;
const UID = process.getuid?.() ?? null;
const CACHE = join(tmpdir(), `triage-ts-${UID ?? 0}`);
let cacheOk = null;

/** The cache folder, made private when missing; one owned by another user or writable by others is not used. */
function usable() {
  if (cacheOk !== null) return cacheOk;
  try {
    mkdirSync(CACHE, { recursive: true, mode: 0o700 });
    const st = statSync(CACHE);
    cacheOk = st.isDirectory() && (UID === null || st.uid === UID) && (st.mode & 0o022) === 0;
  } catch {
    cacheOk = false;
  }
  return cacheOk;
}

function cached(key) {
  if (!usable()) return null;
  try {
    return readFileSync(join(CACHE, key), 'utf8');
  } catch {
    return null;
  }
}

/** Written to a unique name then renamed: a reader sees the whole module or none. A cache that cannot be written
 * (a read-only temp folder) is given up: compiling is all it saves. */
function keep(key, code) {
  if (!usable()) return;
  try {
    const tmp = join(CACHE, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}`);
    writeFileSync(tmp, code);
    renameSync(tmp, join(CACHE, key));
  } catch {
    cacheOk = false;
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !TS.test(new URL(url).pathname) || url.includes('/node_modules/'))
    return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = readFileSync(path, 'utf8');
  const key = createHash('sha256')
    .update(`${version}\0${JSON.stringify(OPTIONS)}\0${path}\0${source}`)
    .digest('hex');
  let code = cached(key);
  if (code === null) {
    code = (await transform(source, { ...OPTIONS, sourcefile: path })).code;
    keep(key, code);
  }
  return { format: 'module', source: code, shortCircuit: true };
}
