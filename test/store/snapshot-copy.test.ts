// Read snapshots rewrite only what changed (store/snapshot-copy.ts): each publish leaves a snapshot byte for byte
// equal to the checkpointed database, reusing the snapshot before last, whatever that spare holds; a spare a reader
// still holds is never written; a snapshot opens and reads the data of its own publish.
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../store/store.ts';
import { publishSnapshot, snapshotIsCurrent, snapshotOf } from '../../store/snapshot.ts';
import { lockedByAnyone, spareOf } from '../../store/snapshot-copy.ts';

const dir = mkdtempSync(join(tmpdir(), 'triage-snapcopy-'));
const open: Store[] = [];
afterAll(() => open.forEach((s) => s.close()));

/** A writer of its own file (meta rows of some bulk make it span many blocks). */
async function writer(name: string): Promise<Store> {
  const s = await Store.open(join(dir, `${name}.duckdb`), { uncached: true });
  open.push(s);
  return s;
}
const fill = (s: Store, from: number, n: number) =>
  s.upsert(
    'meta',
    ['key', 'value'],
    Array.from({ length: n }, (_, i) => [`k${from + i}`, `${'v'.repeat(200)}${Math.sin(from + i)}`]),
  );
const same = (a: string, b: string) => readFileSync(a).equals(readFileSync(b));
const reader = async (path: string) => {
  const r = await Store.open(path, { readOnly: true, uncached: true });
  open.push(r);
  return r;
};
const rows = async (r: Store) => (await r.one<{ n: number }>('SELECT count(*)::INT AS n FROM meta'))!.n;

describe('publishSnapshot', () => {
  it('copies the first time, then rewrites only the changed blocks of the spare; each snapshot equals the file', async () => {
    const s = await writer('a');
    await fill(s, 0, 20_000);
    const first = await publishSnapshot(s);
    expect(first.reused).toBe(false);
    expect(same(s.path, snapshotOf(s.path))).toBe(true);
    expect(existsSync(spareOf(snapshotOf(s.path)))).toBe(false);
    await fill(s, 20_000, 2_000);
    const second = await publishSnapshot(s);
    expect(second.reused).toBe(false); // no spare yet: the first snapshot becomes it
    expect(existsSync(spareOf(snapshotOf(s.path)))).toBe(true);
    await fill(s, 22_000, 500);
    const third = await publishSnapshot(s);
    expect(third.reused).toBe(true);
    expect(third.written).toBeGreaterThan(0);
    expect(third.written).toBeLessThan(statSync(s.path).size);
    expect(same(s.path, snapshotOf(s.path))).toBe(true);
    expect(snapshotIsCurrent(s.path)).toBe(true);
    const r = await reader(snapshotOf(s.path));
    expect(await rows(r)).toBe((await rows(s)) as number);
  });

  it('brings a spare holding anything (a publish stopped halfway) to the file, shorter or longer', async () => {
    const s = await writer('b');
    await fill(s, 0, 10_000);
    await publishSnapshot(s);
    await fill(s, 10_000, 100);
    await publishSnapshot(s);
    const spare = spareOf(snapshotOf(s.path));
    writeFileSync(spare, Buffer.alloc(statSync(s.path).size * 2, 7)); // garbage, longer than the database
    await fill(s, 10_100, 100);
    const p = await publishSnapshot(s);
    expect(p.reused).toBe(true);
    expect(same(s.path, snapshotOf(s.path))).toBe(true);
    writeFileSync(spare, Buffer.alloc(1000, 3)); // shorter
    await fill(s, 10_200, 100);
    expect((await publishSnapshot(s)).reused).toBe(true);
    expect(same(s.path, snapshotOf(s.path))).toBe(true);
  });

  it('never writes a spare a reader holds: the whole file is copied and the reader keeps its data', async () => {
    const s = await writer('c');
    await fill(s, 0, 5_000);
    await publishSnapshot(s);
    const held = await reader(snapshotOf(s.path)); // holds the snapshot that will be the spare
    const heldIno = statSync(snapshotOf(s.path)).ino;
    const before = await rows(held);
    await fill(s, 5_000, 1_000);
    await publishSnapshot(s);
    const spare = spareOf(snapshotOf(s.path));
    expect(statSync(spare).ino).toBe(heldIno);
    expect(lockedByAnyone(spare)).toBe(true);
    await fill(s, 6_000, 1_000);
    const p = await publishSnapshot(s);
    expect(p.reused).toBe(false);
    expect(same(s.path, snapshotOf(s.path))).toBe(true);
    expect(await rows(held)).toBe(before);
    held.close();
    open.splice(open.indexOf(held), 1);
  });
});
