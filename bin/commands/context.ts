// Wiring shared by the commands: the real store, clock and logger from the global options.
import type { Command } from 'commander';
import { stderrLogger, systemClock, type Clock, type Logger } from '../../core/effects.ts';
import { Store } from '../../data/store.ts';
import { redactUserinfo } from '../../core/safe-text.ts';

export interface GlobalOpts { db: string; verbose?: boolean; quiet?: boolean }

export interface Ctx { db: string; log: Logger; clock: Clock }

export function ctxOf(cmd: Command): Ctx {
  const g = cmd.optsWithGlobals() as GlobalOpts;
  return { db: g.db, log: stderrLogger({ verbose: g.verbose, quiet: g.quiet }), clock: systemClock };
}

export async function withStore<T>(ctx: Ctx, fn: (store: Store) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  const store = await Store.open(ctx.db, opts);
  try {
    return await fn(store);
  } finally {
    store.close();
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
