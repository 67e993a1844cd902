// Small helpers shared by the resolve modules: dates, ordering, union-find.

const DAY = 86_400_000;

/** The calendar day as written in an ISO date-time (the publisher's local date). */
export function dateOf(iso: string | null | undefined): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null;
}

/** Milliseconds since the epoch, or null when missing or unparsable. */
export function instant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** Whole days since the epoch of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** Compare with nulls last; for sort callbacks. */
export function cmp(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Compare several keys in turn. */
export function cmpBy<T>(...keys: ((x: T) => string | number | null)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const k of keys) {
      const c = cmp(k(a), k(b));
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** `items` sorted as `.sort(cmpBy(...keys))` sorts them (stably), each key computed once per item, not once per
 * comparison (a date parsed per comparison cost seconds over 100k documents). */
export function sortedBy<T>(items: T[], ...keys: ((x: T) => string | number | null)[]): T[] {
  const vals = items.map((x) => keys.map((k) => k(x)));
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    for (let j = 0; j < keys.length; j++) {
      const c = cmp(vals[a][j], vals[b][j]);
      if (c !== 0) return c;
    }
    return 0;
  });
  return order.map((i) => items[i]);
}

/** Union-find over string keys; the root of a set is its smallest key, so results do not depend on order. */
export class UnionFind {
  private parent = new Map<string, string>();

  find(x: string): string {
    // iterative, with path compression: a chain of near-duplicate pairs may be thousands of documents long
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    for (let y = x; y !== root; ) {
      const next = this.parent.get(y)!;
      this.parent.set(y, root);
      y = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }

  /** The sets over the given keys, each sorted, the list sorted by first key. */
  groups(keys: string[]): string[][] {
    const by = new Map<string, string[]>();
    for (const k of [...keys].sort()) {
      const r = this.find(k);
      const l = by.get(r);
      if (l) l.push(k);
      else by.set(r, [k]); // (a copy per key made a set of n members cost n² copies)
    }
    return [...by.values()].sort((a, b) => cmp(a[0], b[0]));
  }
}
