// Golden files: on mismatch the new output is written next to the golden as NAME-changed.EXT and the
// check fails. Regenerate deliberately with UPDATE_GOLDEN=1.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Returns a complaint, or null when the output matches (or was just accepted). */
export function checkGolden(dir: string, name: string, ext: string, actual: string): string | null {
  const golden = join(dir, `${name}.${ext}`);
  const changed = join(dir, `${name}-changed.${ext}`);
  if (UPDATE) {
    mkdirSync(dir, { recursive: true });
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
