// Builds the demo web: `node --import tsx demo/build/build.ts [--check]`.
// Renders into a temporary directory, then swaps it in (so stale files disappear); --check only compares.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DemoSourceError } from './load.ts';
import { type Output, renderDemo } from './render.ts';

export const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Generated top-level entries of demo. */
const GENERATED = ['sites', 'labels.json', 'sources.yaml'];

function writeTree(root: string, out: Output): void {
  for (const [path, data] of out) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
}

function listTree(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? listTree(root, p) : [relative(root, p).split('\\').join('/')];
  });
}

/** Generated files under `demoDir` as they are now on disk. */
export function readCommitted(demoDir: string): Output {
  const paths = [
    ...listTree(demoDir, join(demoDir, 'sites')),
    ...GENERATED.slice(1).filter((f) => existsSync(join(demoDir, f))),
  ];
  return new Map(paths.sort().map((p) => [p, readFileSync(join(demoDir, p))]));
}

/** Differences between a fresh render and what is on disk, one line each. */
export function diffOutput(fresh: Output, committed: Output): string[] {
  const lines: string[] = [];
  for (const [p, data] of fresh) {
    const old = committed.get(p);
    if (!old) lines.push(`missing: ${p}`);
    else if (!old.equals(data)) lines.push(`out of date: ${p}`);
  }
  for (const p of committed.keys()) if (!fresh.has(p)) lines.push(`stale: ${p}`);
  return lines.sort();
}

/** Renders, writes into a temporary directory beside the output, then swaps it into place. */
export function build(demoDir = DEMO_DIR): Output {
  const out = renderDemo(demoDir);
  const tmp = mkdtempSync(join(demoDir, '.build-'));
  try {
    writeTree(join(tmp, 'new'), out);
    mkdirSync(join(tmp, 'old'));
    for (const name of GENERATED) {
      const target = join(demoDir, name);
      if (existsSync(target)) renameSync(target, join(tmp, 'old', name));
      renameSync(join(tmp, 'new', name), target);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}

/** Renders into a temporary directory and compares it with the committed output. */
export function check(demoDir = DEMO_DIR): string[] {
  const tmp = mkdtempSync(join(tmpdir(), 'triage-demo-'));
  try {
    writeTree(tmp, renderDemo(demoDir));
    return diffOutput(readCommitted(tmp), readCommitted(demoDir));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function main(argv: string[]): number {
  try {
    if (argv.includes('--check')) {
      const diffs = check();
      if (diffs.length) {
        process.stderr.write(
          `demo output is out of date (run npm run demo:build):\n${diffs.map((d) => `  ${d}`).join('\n')}\n`,
        );
        return 1;
      }
      process.stderr.write('demo output is up to date\n');
      return 0;
    }
    const out = build();
    const pages = [...out.keys()].filter((p) => p.startsWith('sites/')).length;
    process.stderr.write(`demo built: ${pages} files under demo/sites, labels.json, sources.yaml\n`);
    return 0;
  } catch (e) {
    if (e instanceof DemoSourceError) {
      process.stderr.write(`demo build failed: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
