// Runs the bench scoring on the labelled demo sources and fails below the recorded floors. When the shared CASIE
// benchmark is present (CI has ../shared; outside users do not), its floors are enforced too, so a regression on
// real text no one here wrote fails CI as well.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { extract } from '../../analyze/extract/index.ts';
import { loadDemoArticles, scoreAll, type Field } from '../../bench/quality/score.ts';
import { loadCasie, scoreCasie, type CasieScores } from '../../bench/quality/score-casie.ts';
import { ref } from './helpers.ts';

const items = loadDemoArticles('data/demo/src/articles');
const floors = JSON.parse(readFileSync('bench/quality/floors.json', 'utf8')) as
  { f1: Partial<Record<Field, number>>; casie?: { f1: Record<string, number> } };
const casie = loadCasie(process.env.TRIAGE_CASIE ?? '../shared/benchmarks/casie/casie.jsonl');

describe.skipIf(items.length === 0)('quality on the demo sources', () => {
  const { scores } = scoreAll(items, (a) => extract(a, ref));
  it.each(Object.entries(floors.f1))('%s F1 ≥ floor', (field, floor) => {
    expect(scores[field as Field].f1).toBeGreaterThanOrEqual(floor as number);
  });
});

describe.skipIf(casie.length === 0 || !floors.casie)('quality on CASIE (../shared, when present)', () => {
  const { scores } = scoreCasie(casie, (a) => extract(a, ref));
  it.each(Object.entries(floors.casie?.f1 ?? {}))('%s F1 ≥ floor', (field, floor) => {
    expect(scores[field as keyof CasieScores]).toBeDefined();
    expect((scores[field as keyof CasieScores] as { f1: number }).f1).toBeGreaterThanOrEqual(floor);
  });
});
