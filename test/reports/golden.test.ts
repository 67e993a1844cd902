// Golden files: on mismatch the new output is written next to the golden as *-changed.* and the
// test fails. Regenerate deliberately with UPDATE_GOLDEN=1.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, reportJsonText } from '../../reports/weekly/index.ts';
import { fixtureInput } from '../fixtures/report-incidents/incidents.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'report-golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Returns a complaint, or null when the output matches (or was just accepted). */
function checkGolden(name: string, ext: string, actual: string): string | null {
  const golden = join(DIR, `${name}.${ext}`);
  const changed = join(DIR, `${name}-changed.${ext}`);
  if (UPDATE) {
    writeFileSync(golden, actual);
    rmSync(changed, { force: true });
    return null;
  }
  const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : null;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return null;
  }
  writeFileSync(changed, actual);
  return `${name}.${ext} ${expected === null ? 'has no golden file' : 'differs from its golden file'}; see ${changed}`;
}

describe('golden report files', () => {
  const week = buildReport(fixtureInput());
  const month = buildReport(fixtureInput({ period: { kind: 'month', id: '2022-11' }, revisions: undefined }));

  it.each([
    ['weekly-2022-W47', week],
    ['monthly-2022-11', month],
  ] as const)('%s matches HTML, Markdown and JSON goldens', (name, r) => {
    const problems = [
      checkGolden(name, 'html', r.html),
      checkGolden(name, 'md', r.markdown),
      checkGolden(name, 'json', reportJsonText(r.json)),
    ].filter((p) => p !== null);
    expect(problems, 'run with UPDATE_GOLDEN=1 to accept intended changes').toEqual([]);
  });
});
