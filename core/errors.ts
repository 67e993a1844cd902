// Errors are named by what the runner does next. One place (exitCodeFor) maps them to exit codes.

/** Typed reasons recorded with every skipped or failed item (fetches.error_reason, failures.reason). */
export type FailureReason =
  | 'network'
  | 'timeout'
  | 'http_status'
  | 'too_large'
  | 'too_many_redirects'
  | 'not_modified'
  | 'robots_disallowed'
  | 'address_refused'
  | 'bad_charset'
  | 'malformed_feed'
  | 'not_a_feed'
  | 'not_article'
  | 'parse_error'
  | 'unknown_currency'
  | 'unreadable_file'
  | 'unsupported_type'
  | 'empty_body'
  // local entries not read: a FIFO, socket or device (or folder); a link out of the folder; a link to a folder
  | 'special_file'
  | 'outside_folder'
  | 'linked_folder';

abstract class TriageError extends Error {
  abstract readonly action: 'retry' | 'skip' | 'throttle' | 'stop' | 'config';
  /** the message without the input, for lines that name the input themselves */
  readonly detail: string;
  constructor(
    message: string,
    readonly input?: string,
  ) {
    super(input ? `${message} (${input})` : message);
    this.detail = message;
    this.name = new.target.name;
  }
}

/** Transient: try again later with backoff (network errors, 5xx). */
export class RetryableError extends TriageError {
  readonly action = 'retry' as const;
  constructor(
    message: string,
    input: string,
    readonly reason: FailureReason = 'network',
  ) {
    super(message, input);
  }
}

/** The server asked us to slow down (429, Retry-After). */
export class ThrottleError extends TriageError {
  readonly action = 'throttle' as const;
  constructor(
    message: string,
    input: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message, input);
  }
}

/** This one item cannot be processed: record the reason, go on with the rest. */
export class SkipError extends TriageError {
  readonly action = 'skip' as const;
  constructor(
    readonly reason: FailureReason,
    message: string,
    input: string,
  ) {
    super(message, input);
  }
}

/** The run cannot go on (database locked, disk full). */
export class StopError extends TriageError {
  readonly action = 'stop' as const;
}

/** Another Triage process holds the database: this run must not start (exit 2, the user retries later). */
export class BusyError extends StopError {}

/** No source answered at all: the network (or DNS, or a proxy) is down. Nothing is rewritten from stale data. */
export class NetworkDownError extends StopError {}

/** Bad flags, bad configuration file, missing input: the user must fix something. */
export class ConfigError extends TriageError {
  readonly action = 'config' as const;
}

/**
 * The output could not be written: stdout's reader went away (EPIPE: it had what it wanted, so a quiet exit 0)
 * or the disk is full (exit 4).
 */
export class OutputError extends StopError {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, internal: 1, usage: 2, partial: 3, output: 4, network: 5 } as const;

/** errno codes that say the output could not be stored, wherever it was going. */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const MEANING: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EBADF: 'the stream is closed',
  EIO: 'input/output error',
  EPIPE: 'the reader has gone',
};

/** A failed write to TARGET (stdout, a file) as the runner names it: one line, without Node's syscall detail. */
export function outputError(err: unknown, target: string): OutputError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const what = (code && MEANING[code]) ?? describe(err).split('\n')[0];
  return new OutputError(`cannot write ${target}: ${what}${code ? ` (${code})` : ''}`, code);
}

/** Whether an error says the disk (or quota, or file size limit) is full. */
export const isFull = (err: unknown): boolean => FULL.has((err as NodeJS.ErrnoException | null)?.code ?? '');

export function exitCodeFor(err: unknown): number {
  if (err instanceof OutputError) return err.code === 'EPIPE' ? EXIT.ok : EXIT.output;
  if (isFull(err)) return EXIT.output;
  if (err instanceof ConfigError || err instanceof BusyError) return EXIT.usage;
  if (err instanceof SkipError) return EXIT.partial;
  if (err instanceof NetworkDownError) return EXIT.network;
  return EXIT.internal;
}

export function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The message for a line or row that already names `item`: the error's input is left out when it is that item
 * (one path per warning), kept when it is another (a redirect target, a sidecar). */
export function messageFor(err: unknown, item: string): string {
  return err instanceof TriageError && err.input === item ? err.detail : describe(err);
}
