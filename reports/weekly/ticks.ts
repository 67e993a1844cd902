// Axis ticks for counts: whole numbers only (there are no half incidents).

/** Whole-number ticks from 0 to max, at most about six of them. */
export function intTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 5));
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}
