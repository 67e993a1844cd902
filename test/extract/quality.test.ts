// Runs the bench scoring on the labelled demo sources and fails below the recorded floors.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract } from '../../analyze/extract/index.ts';
import { loadDemoArticles, scoreAll, type Field } from '../../analyze/extract/score.ts';
import { ref } from './helpers.ts';

const items = loadDemoArticles('data/demo/src/articles');
const floors = JSON.parse(readFileSync('data/reference/quality-floors.json', 'utf8')).f1 as Partial<Record<Field, number>>;

describe.skipIf(items.length === 0)('quality on the demo sources', () => {
  const { scores } = scoreAll(items, (a) => extract(a, ref));
  it.each(Object.entries(floors))('%s F1 ≥ floor', (field, floor) => {
    expect(scores[field as Field].f1).toBeGreaterThanOrEqual(floor as number);
  });
});
