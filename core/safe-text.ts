// Text from outside (feed titles, file names, URLs, error messages) on its way to a terminal or a stored link.
// Two threats: control sequences that drive the terminal (clear the screen, write the clipboard through OSC 52,
// forge a log line with a newline) and credentials written into URLs (`http://user:pass@host/`).

/**
 * C0 (TAB and newline included: a log line is one line), DEL, C1 (0x9b is a one-byte CSI), the Unicode line
 * separators and the bidirectional overrides that reorder what a file name appears to say.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Every control character as a visible escape (`\x1b`, `\n`, `\u202e`): nothing reaches the terminal raw. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

/**
 * `scheme://user:pass@` anywhere in a text. The scheme is bounded and the authority stops at `/ ? #`, quotes
 * or white space, so the scan stays linear on any input; the greedy class takes a password holding `@` whole.
 */
const USERINFO = /\b([a-z][a-z0-9+.-]{0,15}:\/\/)[^\s/?#"'<>\\]*@/gi;

/** Removes the user name and password of every URL written in a text (a log line, an error, a JSON line). */
export function redactUserinfo(s: string): string {
  return s.includes('@') ? s.replace(USERINFO, '$1') : s;
}

/** Whether a URL carries a user name or password. */
export function hasUserinfo(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return redactUserinfo(url) !== url;
  }
}

/** The URL without user name and password (stored links never keep them); other text passes unchanged. */
export function stripUserinfo(url: string): string;
export function stripUserinfo(url: string | null): string | null;
export function stripUserinfo(url: string | null): string | null {
  if (url === null || !url.includes('@')) return url;
  try {
    const u = new URL(url);
    if (u.username === '' && u.password === '') return url;
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return redactUserinfo(url);
  }
}

/** What the log sink writes: one line, no credentials, no control sequence. */
export const safeLine = (s: string): string => escapeControls(redactUserinfo(s));
