// Re-measures every data set present and writes bench/quality/floors.json: each floor a little under its figure (the
// file's margin, default 0.01, rounded down to two decimals), pinned to the data's sha256.
// Usage: npm run bench:floors -- [--allow-regression] [--margin 0.01]
// A floor never goes down silently: without --allow-regression the run refuses and writes nothing; with it, it
// prints the lines the commit message must carry ("Floors lowered: <set> <field> <old> → <new>").
// Data sets that are absent (no ../shared) keep their pins untouched.
import { loadFloors, repin, saveFloors, FLOORS_PATH } from './floors.ts';
import { HN_DIR, measureCasie, measureCasieMjs, measureDemo, measureSplit, type Measured } from './measure.ts';
import { measureCasieHealth } from './casie-health.ts';
const args = process.argv.slice(2);
const allow = args.includes('--allow-regression');
const mAt = args.indexOf('--margin');
const margin = mAt >= 0 ? Number(args[mAt + 1]) : undefined;
if (margin !== undefined && !(margin >= 0 && margin < 0.5)) {
  console.error('--margin takes a number in [0, 0.5)');
  process.exit(2);
}

const file = loadFloors();
const measured: Measured[] = [];
const demo = measureDemo();
if (demo) measured.push(demo.measured);
const casie = measureCasie();
if (casie) measured.push(casie.measured);
const [mjs, dev, check, ...ours] = await Promise.all([
  measureCasieMjs(),
  measureSplit(HN_DIR, 'dev'),
  measureSplit(HN_DIR, 'check'),
  measureCasieHealth('a'),
  measureCasieHealth('b'),
  measureCasieHealth('a', { labels: 'casie-generic' }),
  measureCasieHealth('b', { labels: 'casie-generic' }),
]);
for (const m of [mjs, dev?.measured, check?.measured, ...ours.map((r) => r?.measured)]) if (m) measured.push(m);
for (const set of Object.keys(file.sets)) {
  if (!measured.some((m) => m.set === set)) console.log(`${set}: not found, pin kept`);
}

const { next, lowered, raised } = repin(file, measured, margin);
for (const m of measured) {
  const floors = Object.entries(next.sets[m.set]!.floors)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(`${m.set.padEnd(22)} ${floors}`);
}
if (raised.length) console.log(`\nraised: ${raised.join('; ')}`);
if (lowered.length && !allow) {
  console.error(
    `\nrefused: ${lowered.length} floor(s) would go down (${lowered.join('; ')}).\n` +
      'Run again with --allow-regression if that is intended, and carry the printed lines in the commit message.',
  );
  process.exit(1);
}
saveFloors(next);
console.log(`\nwrote ${FLOORS_PATH}`);
if (lowered.length) {
  console.log('\nThe commit message must carry:');
  for (const l of lowered) console.log(`Floors lowered: ${l}`);
}
