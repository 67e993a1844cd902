// The Node version check that replaces npm's engine-strict (bin/check-node.cjs): an older Node stops with a clear
// message and exit 1; this one and newer pass.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const check = (version: string) =>
  spawnSync(process.execPath, ['-e', `require('./bin/check-node.cjs').checkNode(${JSON.stringify(version)})`], {
    encoding: 'utf8',
  });

describe('Node version check', () => {
  it('refuses a Node older than 20.19.0, naming both versions', () => {
    for (const v of ['20.18.1', '18.20.4']) {
      const r = check(v);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Node 20.19.0 or newer; this is Node ${v}`);
    }
  });
  it('accepts 20.19.0, this Node and newer majors', () => {
    for (const v of ['20.19.0', process.versions.node, '22.0.0']) expect(check(v).status).toBe(0);
  });
});
