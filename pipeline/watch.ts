// `triage watch`: polls each source when its interval is due, analyses, refreshes the report and the alerts,
// then sleeps until the next source is due. The caller holds the store (the database lock) for the whole watch;
// a stop request ends the run between items (pages not fetched yet stay pending for the next start).
import type { Source } from '../ingest/sources.ts';
import { intervalMs } from '../ingest/sources.ts';
import { NetworkDownError, describe } from '../core/errors.ts';
import type { Logger } from '../core/effects.ts';
import { runPipeline, type RunDeps, type RunResult } from './run.ts';

export interface WatchDeps extends Omit<RunDeps, 'log'> {
  log: Logger;
  /** true once a stop was asked for (SIGINT, SIGTERM) */
  stopped: () => boolean;
  /** sleeps up to `ms`, waking early when a stop is asked for */
  sleep: (ms: number) => Promise<void>;
  /** after each cycle: alerts, snapshot for readers */
  afterCycle?: (r: RunResult) => Promise<string>;
  /** when each source was last polled (from the store), so a restart does not poll everything at once */
  lastPolled?: Map<string, string | null>;
}

export interface WatchResult {
  cycles: number;
}

/** Runs cycles until stopped (or `maxCycles`); one log line per cycle. */
export async function watch(
  deps: WatchDeps,
  sources: Source[],
  outDir: string,
  o: { maxCycles?: number } = {},
): Promise<WatchResult> {
  const enabled = sources.filter((s) => s.enabled);
  const now = () => deps.clock.now().getTime();
  const due = new Map(
    enabled.map((s) => {
      const last = deps.lastPolled?.get(s.id);
      return [s.id, last ? Date.parse(last) + intervalMs(s.interval) : now()];
    }),
  );
  // stages log at debug level here: a watch writes one line per cycle (warnings still show)
  const quiet: Logger = { ...deps.log, info: (m) => deps.log.debug(m) };
  let cycles = 0;
  while (!deps.stopped() && (o.maxCycles === undefined || cycles < o.maxCycles)) {
    const started = now();
    const polled = enabled.filter((s) => (due.get(s.id) ?? 0) <= started);
    if (polled.length) {
      cycles++;
      for (const s of polled) due.set(s.id, started + intervalMs(s.interval));
      let line: string;
      try {
        const r = await runPipeline({ ...deps, log: quiet }, polled, outDir);
        const extra = deps.afterCycle && !deps.stopped() ? await deps.afterCycle(r) : '';
        line =
          `${polled.length} source${polled.length === 1 ? '' : 's'} polled, ${r.ingest.documents_new} new and ` +
          `${r.ingest.documents_updated} updated documents, ${r.ingest.failures} failures, ` +
          `${r.counts.incidents ?? 0} incidents, ${r.analyze.alerts} alerts${extra}` +
          (r.report ? `, report ${r.report.period}` : '');
      } catch (err) {
        // no network this time: say so and try again when the next source is due
        if (!(err instanceof NetworkDownError)) throw err;
        line = describe(err);
      }
      const next = Math.min(...due.values());
      deps.log.info(
        `watch: cycle ${cycles} in ${((now() - started) / 1000).toFixed(1)} s: ${line}; ` +
          `next poll in ${Math.max(0, Math.round((next - now()) / 1000))} s`,
      );
    }
    if (deps.stopped() || (o.maxCycles !== undefined && cycles >= o.maxCycles)) break;
    const wait = Math.max(0, Math.min(...due.values()) - now());
    if (wait > 0) await deps.sleep(wait);
  }
  return { cycles };
}
