// The quality floors (bench/quality/floors.json): per data set, the sha256 it was measured on and a floor per figure.
// A floor applies only to the data it was pinned to: another sha256 is a failure of its own ("data set changed").
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './cli.ts';
import type { Figures, Measured } from './measure.ts';

export interface Pin {
  source: string;
  sha256: string;
  scorer_sha256?: string;
  measured: Figures;
  floors: Record<string, number>;
}
export interface FloorsFile {
  note: string;
  margin: number;
  sets: Record<string, Pin>;
}

export const FLOORS_PATH = join(ROOT, 'bench/quality/floors.json');
export const REPIN = 'npm run bench:floors';

export const loadFloors = (path = FLOORS_PATH): FloorsFile => JSON.parse(readFileSync(path, 'utf8')) as FloorsFile;

export function saveFloors(f: FloorsFile, path = FLOORS_PATH): void {
  // one data set per block, one line of floors each: the diff of a re-pin shows what moved
  const sets = Object.entries(f.sets)
    .map(
      ([k, p]) =>
        `    ${JSON.stringify(k)}: {\n${Object.entries(p)
          .map(([a, v]) => `      ${JSON.stringify(a)}: ${JSON.stringify(v)}`)
          .join(',\n')}\n    }`,
    )
    .join(',\n');
  const head = `  "note": ${JSON.stringify(f.note)},\n  "margin": ${f.margin},\n`;
  writeFileSync(path, `{\n${head}  "sets": {\n${sets}\n  }\n}\n`);
}

export interface Check {
  field: string;
  floor: number;
  got: number | null;
  ok: boolean;
}
export interface Verdict {
  pinned: boolean;
  changed: string | null;
  checks: Check[];
  failures: string[];
}

/** Figures against the floors pinned for their data set. An unpinned set has no floors (and is no failure). */
export function checkFloors(m: Measured, file = loadFloors()): Verdict {
  const pin = file.sets[m.set];
  if (!pin) return { pinned: false, changed: null, checks: [], failures: [] };
  const changed =
    pin.sha256 !== m.sha256
      ? `${m.set}: data set changed (sha256 ${m.sha256.slice(0, 12)}…, floors pinned to ${pin.sha256.slice(0, 12)}…): ` +
        `re-pin with ${REPIN}`
      : pin.scorer_sha256 && m.scorer_sha256 && pin.scorer_sha256 !== m.scorer_sha256
        ? `${m.set}: scorer changed (score.mjs sha256 ${m.scorer_sha256.slice(0, 12)}…): re-pin with ${REPIN}`
        : null;
  if (changed) return { pinned: true, changed, checks: [], failures: [changed] };
  const checks = Object.entries(pin.floors).map(([field, floor]) => {
    const got = m.figures[field] ?? null;
    return { field, floor, got, ok: got !== null && got >= floor };
  });
  const failures = checks
    .filter((c) => !c.ok)
    .map((c) => `${m.set} ${c.field}: ${c.got ?? 'not measured'} < floor ${c.floor}`);
  return { pinned: true, changed: null, checks, failures };
}

/** A floor a little under a measured figure: minus the margin, rounded down to two decimals. */
export const floorOf = (got: number, margin: number): number =>
  Math.max(0, Math.floor((got - margin) * 100 + 1e-6) / 100);

export interface Repin {
  next: FloorsFile;
  lowered: string[];
  raised: string[];
}

/**
 * New floors for the measured sets (others are kept as they are): figure − margin, or the old floor while the figure
 * still meets it. `lowered` lists every floor that would go down (the figure fell below it, or is no longer measured).
 */
export function repin(file: FloorsFile, measured: Measured[], margin = file.margin): Repin {
  const next: FloorsFile = { ...file, margin, sets: { ...file.sets } };
  const lowered: string[] = [],
    raised: string[] = [];
  for (const m of measured) {
    const old = file.sets[m.set]?.floors ?? {};
    const floors: Record<string, number> = {};
    for (const [field, got] of Object.entries(m.figures)) {
      if (got === null) continue;
      const was = old[field];
      // a floor the figure still meets stays where it is, even if above figure − margin: only a real drop lowers one
      floors[field] = was !== undefined && was <= got ? Math.max(was, floorOf(got, margin)) : floorOf(got, margin);
    }
    for (const [field, was] of Object.entries(old)) {
      const now = floors[field];
      if (now === undefined) lowered.push(`${m.set} ${field} ${was} → none`);
      else if (now < was) lowered.push(`${m.set} ${field} ${was} → ${now}`);
      else if (now > was) raised.push(`${m.set} ${field} ${was} → ${now}`);
    }
    const scorer = m.scorer_sha256 ? { scorer_sha256: m.scorer_sha256 } : {};
    next.sets[m.set] = { source: relative(ROOT, m.source), sha256: m.sha256, ...scorer, measured: m.figures, floors };
  }
  return { next, lowered, raised };
}
