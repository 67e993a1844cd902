// The process's own streams. stdout carries data: when it cannot be written the run ends with one line (or, when
// the reader has gone, `triage … | head`, with none) instead of a JavaScript stack. stderr carries logs: every
// line goes through the one sink (core/effects.ts writeLogLine), so no feed title or file name reaches it raw.
import { EXIT, OutputError, describe, exitCodeFor } from '../core/errors.ts';
import { writeLogLine as errLine } from '../core/effects.ts';

export { errLine };

/** What commander prints (usage errors echo the flag as typed): one or more lines, each cleaned. */
export function errText(text: string): void {
  for (const line of text.replace(/\n$/, '').split('\n')) errLine(line);
}

const MEANING: Record<string, string> = {
  ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', EFBIG: 'file too large',
  EBADF: 'stdout is closed', EIO: 'input/output error',
};

/** The error stdout reported, as the runner names it. */
export function stdoutError(err: NodeJS.ErrnoException): OutputError {
  const what = err.code ? (MEANING[err.code] ?? describe(err)) : describe(err);
  return new OutputError(`cannot write to stdout: ${what}${err.code ? ` (${err.code})` : ''}`, err.code);
}

/**
 * Called once by the CLI. EPIPE exits with the code the run had so far (0 when it had none): the reader took
 * what it wanted. Anything else (ENOSPC on `> /dev/full`) prints one line and exits 4.
 */
export function guardStdio(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    const e = stdoutError(err);
    const code = exitCodeFor(e);
    if (code !== EXIT.ok) errLine(`triage: ${e.message}`);
    process.exit(code === EXIT.ok ? Number(process.exitCode ?? EXIT.ok) : code);
  });
  process.stderr.on('error', () => { /* logs cannot be written: the data on stdout still can */ });
}
