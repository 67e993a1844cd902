// V8 flags set while the process runs (v8.setFlagsFromString) must be ones V8 reads only when it creates something
// (a regex, a context). Turning regex tier-up off at run time left regexes compiled before it in a state the
// native regex code could not run: about 1 CLI run in 200–1,500 under load died of SIGSEGV (bin/triage.js).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Read at creation only: a regex's tier-up countdown starts from it; `gc` appears in contexts made afterwards. */
const SAFE_AT_RUN_TIME = new Set(['--regexp-tier-up-ticks=0', '--expose-gc']);
const PRODUCT = ['bin', 'core', 'ingest', 'analyze', 'pipeline', 'store', 'reports', 'demo', 'types'];
const CALL = /setFlagsFromString\(\s*(['"`])([^'"`]*)\1\s*\)/g;

function sources(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(?:[cm]?js|ts)$/.test(name) && !name.startsWith('zz-') ? [path] : [];
  });
}

describe('V8 flags set at run time', () => {
  it('are only flags read when V8 creates something, each a literal', () => {
    const seen: string[] = [];
    for (const file of PRODUCT.flatMap(sources)) {
      const text = readFileSync(file, 'utf8');
      const calls = text.split('setFlagsFromString(').length - 1;
      const literals = [...text.matchAll(CALL)].map((m) => m[2]);
      expect(literals.length, `${file}: every setFlagsFromString call takes a string literal`).toBe(calls);
      for (const flag of literals) {
        expect(SAFE_AT_RUN_TIME.has(flag), `${file} sets ${flag}`).toBe(true);
        seen.push(flag);
      }
    }
    // the launcher's regex flag is found, so the scan reads the files it should
    expect(seen).toContain('--regexp-tier-up-ticks=0');
  });
});
