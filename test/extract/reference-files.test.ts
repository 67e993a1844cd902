// loadReference (analyze/extract/reference.ts) reads the generated places-world.yaml without yaml's duplicate-key
// check, which is slow on its 6,000 names: the check is made here instead, and the table read must equal the
// checked parse.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lexiconPath, lexiconWords } from '../../analyze/extract/reference.ts';
import { ref } from './helpers.ts';

const FILE = 'data/reference/places-world.yaml';

describe('places-world.yaml', () => {
  it('has no key twice in any of its groups', () => {
    expect(() => parse(readFileSync(FILE, 'utf8'))).not.toThrow();
  });

  it('is read as the checked parse reads it (places.yaml winning)', () => {
    const world = parse(readFileSync(FILE, 'utf8')) as Record<string, Record<string, string>>;
    const local = parse(readFileSync('data/reference/places.yaml', 'utf8')) as Record<string, Record<string, string>>;
    const dropped = new Set(Object.keys(local.not_places ?? {}));
    const own = new Set(Object.entries(local).flatMap(([k, g]) => (k === 'not_places' ? [] : Object.keys(g))));
    let n = 0;
    for (const [kind, group] of Object.entries(world)) {
      for (const [name, cc] of Object.entries(group)) {
        if (own.has(name) || dropped.has(name)) continue;
        expect([name, ref.places.get(name), ref.placeKinds.get(name)]).toEqual([name, cc, kind]);
        n++;
      }
    }
    expect(n).toBeGreaterThan(5000);
  });
});

describe("natural's English lexicon", () => {
  it('is read as its keys: the same words JSON.parse gives', () => {
    const json = readFileSync(lexiconPath(), 'utf8');
    const keys = Object.keys(JSON.parse(json) as Record<string, unknown>);
    expect(keys.length).toBeGreaterThan(90_000);
    expect(new Set(lexiconWords(json))).toEqual(new Set(keys));
    expect(lexiconWords(json).length).toBe(keys.length);
  });

  it('reads an escaped key as JSON does', () => {
    expect(
      lexiconWords('{\n    "a\\"b": [\n        "NN"\n    ], \n    "caf\\u00e9": [\n        "NN"\n    ]\n}'),
    ).toEqual(['a"b', 'café']);
  });
});
