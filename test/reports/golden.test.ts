// Golden files of the fixture set (see golden-files.ts): on mismatch the new output is written next to
// the golden as *-changed.* and the test fails. Regenerate deliberately with UPDATE_GOLDEN=1.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, reportJsonText } from '../../reports/weekly/index.ts';
import { fixtureInput } from '../fixtures/report-incidents/incidents.ts';
import { checkGolden } from './golden-files.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'report-golden');

describe('golden report files', () => {
  const week = buildReport(fixtureInput());
  const month = buildReport(fixtureInput({ period: { kind: 'month', id: '2022-11' }, revisions: undefined }));

  it.each([
    ['weekly-2022-W47', week],
    ['monthly-2022-11', month],
  ] as const)('%s matches HTML, Markdown and JSON goldens', (name, r) => {
    const problems = [
      checkGolden(DIR, name, 'html', r.html),
      checkGolden(DIR, name, 'md', r.markdown),
      checkGolden(DIR, name, 'json', reportJsonText(r.json)),
    ].filter((p) => p !== null);
    expect(problems, 'run with UPDATE_GOLDEN=1 to accept intended changes').toEqual([]);
  });
});
