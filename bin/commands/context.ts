// Wiring shared by the commands: the real store, clock and logger from the global options.
import type { Command } from 'commander';
import { stderrLogger, systemClock, type Clock, type Logger } from '../../core/effects.ts';
import type { Store } from '../../store/store.ts';
import { redactUserinfo } from '../../core/safe-text.ts';
import { describe } from '../../core/errors.ts';

export interface GlobalOpts {
  db: string;
  verbose?: boolean;
  quiet?: boolean;
}

export interface Ctx {
  db: string;
  log: Logger;
  clock: Clock;
}

export function ctxOf(cmd: Command): Ctx {
  const g = cmd.optsWithGlobals() as GlobalOpts;
  return { db: g.db, log: stderrLogger({ verbose: g.verbose, quiet: g.quiet }), clock: systemClock };
}

/**
 * A reader opens the current read snapshot or the file (store/snapshot.ts), so it never blocks a writer for long;
 * a writer that finishes publishes the snapshot for the readers that come while the next one writes.
 */
export async function withStore<T>(
  ctx: Ctx,
  fn: (store: Store) => Promise<T>,
  opts: { readOnly?: boolean } = {},
): Promise<T> {
  // DuckDB loads here, for the commands that use it (`triage clean` does not).
  const { Store } = await import('../../store/store.ts');
  const { openReader } = await import('../../store/snapshot.ts');
  const store = opts.readOnly
    ? await openReader(ctx.db, (path) => Store.open(path, { readOnly: true }), ctx.log)
    : await Store.open(ctx.db);
  try {
    const out = await fn(store);
    if (!opts.readOnly) await publish(ctx, store);
    return out;
  } finally {
    store.close();
  }
}

/** A failed snapshot costs readers only freshness (they read the file when it is free): a warning, no failure. */
async function publish(ctx: Ctx, store: Store): Promise<void> {
  try {
    const { publishSnapshot } = await import('../../store/snapshot.ts');
    const p = await publishSnapshot(store);
    const how = p.reused ? `, ${((p.written ?? 0) / 2 ** 20).toFixed(1)} MiB of it rewritten` : '';
    ctx.log.debug(`read snapshot ${p.path}: ${(p.bytes / 2 ** 20).toFixed(1)} MiB${how} in ${p.ms.toFixed(0)} ms`);
  } catch (err) {
    ctx.log.warn(`could not publish the read snapshot of ${ctx.db}: ${describe(err)}`);
  }
}

/** Writes data to stdout. A URL's user name and password are never printed (a store written before they were
 * stripped at ingestion may still hold some). */
export function out(text: string): void {
  process.stdout.write(redactUserinfo(text));
}

/** Writes one line of data to stdout. */
export function emit(line: string): void {
  out(`${line}\n`);
}
