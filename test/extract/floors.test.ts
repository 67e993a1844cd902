// The floors file's rules (bench/quality/floors.ts): pins by sha256, re-pins never lower a floor unnoticed.
import { describe, it, expect } from 'vitest';
import { checkFloors, floorOf, repin, type FloorsFile } from '../../bench/quality/floors.ts';
import type { Measured } from '../../bench/quality/measure.ts';

const file: FloorsFile = {
  note: '',
  margin: 0.01,
  sets: { s: { source: 'x', sha256: 'aaa', measured: { a: 0.8, b: 0.5 }, floors: { a: 0.79, b: 0.49 } } },
};
const measured = (figures: Measured['figures'], sha256 = 'aaa'): Measured => ({
  set: 's',
  source: 'x',
  sha256,
  figures,
});

describe('quality floors', () => {
  it('a floor is the figure less the margin, rounded down to two decimals', () => {
    expect(floorOf(0.796, 0.01)).toBe(0.78);
    expect(floorOf(1, 0.01)).toBe(0.99);
    expect(floorOf(0.3, 0.01)).toBe(0.29);
    expect(floorOf(0.005, 0.01)).toBe(0);
  });

  it('fails a figure under its floor, and any figure when the data set no longer matches its pin', () => {
    expect(checkFloors(measured({ a: 0.8, b: 0.5 }), file).failures).toEqual([]);
    expect(checkFloors(measured({ a: 0.7, b: 0.5 }), file).failures).toEqual(['s a: 0.7 < floor 0.79']);
    expect(checkFloors(measured({ a: 0.8, b: null }), file).failures).toEqual(['s b: not measured < floor 0.49']);
    const changed = checkFloors(measured({ a: 0.9, b: 0.9 }, 'bbb'), file);
    expect(changed.failures).toHaveLength(1);
    expect(changed.changed).toMatch(/data set changed.*re-pin with npm run bench:floors/);
    expect(checkFloors({ ...measured({ a: 0 }), set: 'other' }, file)).toMatchObject({ pinned: false, failures: [] });
  });

  it('a re-pin raises floors, keeps one the figure still meets, and lists every floor it would lower', () => {
    const up = repin(file, [measured({ a: 0.9, b: 0.495 })]);
    expect(up.next.sets.s!.floors).toEqual({ a: 0.89, b: 0.49 });
    expect(up.raised).toEqual(['s a 0.79 → 0.89']);
    expect(up.lowered).toEqual([]);
    const down = repin(file, [measured({ a: 0.7, b: null })]);
    expect(down.lowered).toEqual(['s a 0.79 → 0.69', 's b 0.49 → none']);
  });
});
