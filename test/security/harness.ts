// Shared by the hostile-input suite: run the real CLI and prove that nothing outside the output path changed.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/triage.js', import.meta.url));

/** Runs `triage ARGS` as a user would, with TZ pinned and no colour. */
export function triage(args: string[], env: Record<string, string> = {}, input?: string): SpawnSyncReturns<string> {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  // No exit status means a signal, a timeout or a failed spawn: say which, since no test expects one.
  if (r.status === null) {
    const why = r.error ? `${r.error.message}` : `signal ${r.signal}`;
    throw new Error(
      `triage ${args.join(' ')} did not exit (${why}) after ${Date.now() - started} ms; stderr: ${r.stderr?.slice(-1500)}`,
    );
  }
  return r;
}

/** `triage ARGS` as a child beside others; like triage(), it fails naming the signal when there is no exit status. */
export function triageAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', fail).on('close', (status, signal) => {
      if (status !== null) return done({ status, stdout, stderr });
      const ms = Date.now() - started;
      fail(
        new Error(
          `triage ${args.join(' ')} did not exit (signal ${signal}) after ${ms} ms; stderr: ${stderr.slice(-1500)}`,
        ),
      );
    });
  });
}

export const tempDir = (tag: string): string => mkdtempSync(join(tmpdir(), `triage-sec-${tag}-`));

/** Path → content hash (or link target, or kind) for every entry under ROOT, skipping paths EXCEPT accepts. */
export function treeHash(root: string, except: (rel: string) => boolean = () => false): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = relative(root, full);
      if (except(rel)) continue;
      const st = lstatSync(full);
      if (st.isSymbolicLink()) out.set(rel, `link:${readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.set(rel, 'dir');
        walk(full);
      } else if (st.isFile()) out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
      else out.set(rel, 'special');
    }
  };
  walk(root);
  return out;
}

/** The entries that differ between two tree hashes (added, removed or changed). */
export function treeChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}
