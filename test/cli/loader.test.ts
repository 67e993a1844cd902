// The product's TypeScript loader (core/register.mjs, core/ts-hooks.mjs): a .ts module runs with its types stripped,
// named functions keep the names they were written with (no keepNames wrapping: the loader exists for that), an error
// names the .ts line it was thrown at (inline source maps), and a second start reads the compiled module from the
// cache under the same digest, never from a cache folder that others may write to.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REGISTER = fileURLToPath(new URL('../../core/register.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'triage-loader-'));
const cache = join(dir, 'tmp');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MODULE = `interface Point { x: number; y: number }
const p: Point = { x: 2, y: 3 };
function inner(n: number): string {
  const twice = (k: number): number => k * 2;
  return \`\${twice.name}:\${twice(n)}\`;
}
console.log(inner(p.x + p.y), String(inner).includes('__name'));
if (process.env.THROW) throw new Error('thrown here');
`;

function run(file: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', REGISTER, file], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: cache, ...env },
  });
}

describe('the TypeScript loader', () => {
  const file = join(dir, 'mod.ts');
  writeFileSync(file, MODULE);

  it('runs a module with its types stripped and its names as written, unwrapped', () => {
    const r = run(file);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('twice:10 false');
  });

  it('names the .ts line an error was thrown at', () => {
    const r = run(file, { THROW: '1' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${file}:8`);
    expect(r.stderr).toContain('thrown here');
  });

  it('keeps one compiled module per source in its cache, and a changed source compiles again', () => {
    const cached = () => readdirSync(join(cache, `triage-ts-${process.getuid?.() ?? 0}`));
    const before = cached().length;
    expect(before).toBe(1);
    expect(run(file).stdout.trim()).toBe('twice:10 false');
    expect(cached().length).toBe(before);
    writeFileSync(file, MODULE.replace('p.x + p.y', 'p.x * p.y'));
    expect(run(file).stdout.trim()).toBe('twice:12 false');
    expect(cached().length).toBe(before + 1);
  });

  it('neither reads nor writes a cache folder that others may write to', () => {
    const shared = join(dir, 'shared');
    const folder = join(shared, `triage-ts-${process.getuid?.() ?? 0}`);
    mkdirSync(folder, { recursive: true });
    chmodSync(folder, 0o777);
    expect(run(file, { TMPDIR: shared }).stdout.trim()).toBe('twice:12 false');
    expect(readdirSync(folder)).toEqual([]);
  });
});
