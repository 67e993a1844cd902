// Speed guard: esbuild (the product's loader core/ts-hooks.mjs, as tsx, target node20) rewrites a regex literal
// holding \p{…} into `new RegExp(…)`, so one written inside a function is rebuilt on every call (a cache look-up at
// best, a compile after the cache is cleared). The extractor's calls run in tight loops: such literals live at
// module level instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = 'analyze/extract';

function inFunctions(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node, inFn: boolean): void => {
    if (inFn && node.kind === ts.SyntaxKind.RegularExpressionLiteral && /\\[pP]\{/.test(node.getText(sf))) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${node.getText(sf)}`);
    }
    ts.forEachChild(node, (c) => visit(c, inFn || ts.isFunctionLike(node)));
  };
  visit(sf, false);
  return out;
}

describe('regex literals with \\p{…}', () => {
  it('are not written inside the extractor’s functions (compiled once at module level)', () => {
    const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(DIR, f));
    // (built once per reference data: attack-date.ts cues)
    const allowed = /attack-date\.ts:\d+ \/\\blast\\s\+\(\\p\{L\}\+\)/;
    expect(files.flatMap(inFunctions).filter((s) => !allowed.test(s))).toEqual([]);
  });
});
