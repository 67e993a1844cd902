// Effects handed to stages. The CLI wires the real ones; tests pass their own clock and paths.
import { safeLine } from './safe-text.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
  debug(msg: string): void;
}

/**
 * The one sink of every line written to stderr: one line, control characters escaped and URL credentials
 * removed (core/safe-text.ts), whatever feed title, file name or error message it carries. A stderr that
 * cannot be written is ignored: there is nowhere left to say so.
 */
export function writeLogLine(text: string): void {
  try {
    process.stderr.write(`${safeLine(text)}\n`);
  } catch {
    /* stderr closed */
  }
}

/** Logs go to stderr: stdout carries data only. */
export function stderrLogger(opts: { verbose?: boolean; quiet?: boolean } = {}): Logger {
  const out = (level: string) => (msg: string) => writeLogLine(`${level}${msg}`);
  return {
    info: opts.quiet ? () => {} : out(''),
    warn: out('warning: '),
    error: out('error: '),
    debug: opts.verbose ? out('debug: ') : () => {},
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** A logger that keeps its lines, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (msg: string) => {
    lines.push(`${level}: ${msg}`);
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error'), debug: push('debug') };
}
