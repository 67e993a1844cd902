// relieveHeap() really collects: garbage made here is gone from the heap after a call that is due.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { relieveHeap } from '../../core/heap.ts';

describe('relieveHeap', () => {
  it('runs a full collection once the heap grew past the step', () => {
    let junk: number[][] | null = Array.from({ length: 400 }, (_, i) => new Array(50_000).fill(i));
    expect(junk.length).toBe(400);
    junk = null;
    const before = v8.getHeapStatistics().used_heap_size;
    relieveHeap(0, 1);
    const after = v8.getHeapStatistics().used_heap_size;
    expect(before - after).toBeGreaterThan(50 * 1024 * 1024);
  });

  it('does nothing while the heap is below the step', () => {
    const before = v8.getHeapStatistics().used_heap_size;
    let junk: number[][] | null = Array.from({ length: 100 }, (_, i) => new Array(50_000).fill(i));
    expect(junk.length).toBe(100);
    junk = null;
    relieveHeap(8 * 1024 * 1024 * 1024, 1); // an 8 GB step is never reached
    expect(v8.getHeapStatistics().used_heap_size).toBeGreaterThan(before + 10 * 1024 * 1024);
  });
});
