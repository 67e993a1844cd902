// Wiring shared by the commands: the real store, clock and logger from the global options.
import type { Command } from 'commander';
import { stderrLogger, systemClock, type Clock, type Logger } from '../../core/effects.ts';
import type { Store } from '../../data/store.ts';

export interface GlobalOpts { db: string; verbose?: boolean; quiet?: boolean }

export interface Ctx { db: string; log: Logger; clock: Clock }

export function ctxOf(cmd: Command): Ctx {
  const g = cmd.optsWithGlobals() as GlobalOpts;
  return { db: g.db, log: stderrLogger({ verbose: g.verbose, quiet: g.quiet }), clock: systemClock };
}

export async function withStore<T>(ctx: Ctx, fn: (store: Store) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  // DuckDB loads here, for the commands that use it (`triage clean` does not).
  const { Store } = await import('../../data/store.ts');
  const store = await Store.open(ctx.db, opts);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

/** Writes one line of data to stdout. */
export function emit(line: string): void {
  process.stdout.write(`${line}\n`);
}
