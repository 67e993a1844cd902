import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonAlike, parseYaml, setYamlCache } from '../../core/yaml.ts';
import { PROJECT } from '../../core/paths.ts';
import { loadReference } from '../../analyze/extract/reference.ts';

const dirs: string[] = [];
const cacheDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'triage-yaml-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  setYamlCache(null);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('parseYaml', () => {
  it('parses as yaml does, and the second read comes from the cache', () => {
    const dir = cacheDir();
    setYamlCache(dir);
    const text = 'a: 1\nb: [x, y]\nc: { d: null }\n';
    expect(parseYaml(text)).toEqual(parse(text));
    const [file] = readdirSync(dir);
    // the cached JSON is what the next read returns: changed by hand here, so the read shows where it came from
    writeFileSync(join(dir, file!), JSON.stringify({ from: 'cache' }));
    expect(parseYaml(text)).toEqual({ from: 'cache' });
    // other options are another entry
    expect(parseYaml(text, { uniqueKeys: false })).toEqual(parse(text));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('keeps no value that JSON would give back changed', () => {
    const dir = cacheDir();
    setYamlCache(dir);
    const aliased = 'a: &x { k: 1 }\nb: *x\n';
    const value = parseYaml(aliased) as { a: object; b: object };
    expect(value.a).toBe(value.b);
    expect(parseYaml('n: .inf\n')).toEqual({ n: Number.POSITIVE_INFINITY });
    expect(readdirSync(dir)).toHaveLength(0);
    expect(jsonAlike({ a: [1, 'x', null, { b: false }] })).toBe(true);
    expect(jsonAlike({ a: -0 })).toBe(false);
    expect(jsonAlike(new Array(2))).toBe(false);
    expect(jsonAlike([undefined])).toBe(false);
    expect(jsonAlike(new Map())).toBe(false);
  });

  it('gives the same reference tables cached, uncached and read again from the cache', () => {
    const plain = loadReference(PROJECT.reference);
    const dir = cacheDir();
    setYamlCache(dir);
    // a copy of the folder path is another key of loadReference's own memo, so the tables are built again
    const cold = loadReference(`${PROJECT.reference}/.`);
    const warm = loadReference(`${PROJECT.reference}/./.`);
    expect(readdirSync(dir).length).toBeGreaterThan(10);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
  });
});
