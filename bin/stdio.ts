// The process's own streams. stdout carries data: when it cannot be written the run ends with one line (or, when
// the reader has gone, `triage … | head`, with none) instead of a JavaScript stack. stderr carries logs: every
// line goes through the one sink (core/effects.ts writeLogLine), so no feed title or file name reaches it raw.
import { EXIT, exitCodeFor, outputError } from '../core/errors.ts';
import { writeLogLine as errLine } from '../core/effects.ts';

export { errLine };

/** What commander prints (usage errors echo the flag as typed): one or more lines, each cleaned. */
export function errText(text: string): void {
  for (const line of text.replace(/\n$/, '').split('\n')) errLine(line);
}

/**
 * Called once by the CLI. EPIPE exits with the code the run had so far (0 when it had none): the reader took
 * what it wanted. Anything else (ENOSPC on `> /dev/full`) prints one line and exits 4.
 */
export function guardStdio(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    const e = outputError(err, 'to stdout');
    const code = exitCodeFor(e);
    if (code !== EXIT.ok) errLine(`triage: ${e.message}`);
    process.exit(code === EXIT.ok ? Number(process.exitCode ?? EXIT.ok) : code);
  });
  process.stderr.on('error', () => {
    /* logs cannot be written: the data on stdout still can */
  });
}
