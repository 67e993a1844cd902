// Bounded memory for long single-threaded passes (incident resolution over 100k documents). V8 sizes its heap by
// its own heuristics and, on a machine with plenty of RAM, lets the garbage of a long pass pile up to gigabytes
// before a full collection (measured: ~1 GB of heap over ~350 MB live while grouping). relieveHeap() asks for a
// full collection once the heap has grown by `step` bytes since the last one. The collector is exposed at run
// time (a V8 flag, then a fresh context's `gc`), so the CLI needs no node flags and no re-exec.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;
let floor = 0;
let calls = 0;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null; // a runtime without it: V8's own heuristics only
    }
  }
  return collect;
}

/** Cheap to call in a loop: looks at the heap every `every` calls, collects when it grew by `step` bytes. */
export function relieveHeap(step = 128 * 1024 * 1024, every = 256): void {
  if (++calls % every) return;
  const used = v8.getHeapStatistics().used_heap_size;
  if (used < floor + step) return;
  const gc = collector();
  if (!gc) return;
  gc();
  floor = v8.getHeapStatistics().used_heap_size;
}
