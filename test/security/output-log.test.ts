// Issue 15, item 3: every line on stderr goes through one sink that escapes control characters (C0, DEL, C1,
// so every ESC sequence: OSC 52 clipboard writes, screen clears) and removes URL credentials.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeControls, redactUserinfo, safeLine, stripUserinfo } from '../../core/safe-text.ts';
import { tempDir, treeChanges, treeHash, triage } from './harness.ts';

/** Raw control characters other than the newline that ends each line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const OSC52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const CLEAR = '\u001b[2J\u001b[3J\u001bc';

describe('the log sink', () => {
  it('escapes every control character and keeps the rest readable', () => {
    expect(escapeControls(`a${OSC52}b`)).toBe('a\\x1b]52;c;cm0gLXJmIH4=\\x07b');
    expect(escapeControls('tab\tnl\ncr\rdel\u007fcsi\u009b2J')).toBe('tab\\tnl\\ncr\\rdel\\x7fcsi\\x9b2J');
    expect(escapeControls('evil\u202egnp.exe')).toBe('evil\\u202egnp.exe');
    expect(escapeControls('Hôpital Saint-Éloi — 北京')).toBe('Hôpital Saint-Éloi — 北京');
  });

  it('removes user name and password from URLs in a text, and only those', () => {
    expect(redactUserinfo('GET http://u:p@h.example/x failed, see https://a:b@c@d.example?q=1')).toBe(
      'GET http://h.example/x failed, see https://d.example?q=1',
    );
    expect(redactUserinfo('mail bob@example.org about https://h.example/@user')).toBe(
      'mail bob@example.org about https://h.example/@user',
    );
    expect(stripUserinfo('https://u:p%40ss@h.example:8443/a?b#c')).toBe('https://h.example:8443/a?b#c');
    expect(safeLine(`x http://u:pw@h/\u001b[2J`)).toBe('x http://h/\\x1b[2J');
  });
});

describe('file names and error messages on stderr', () => {
  it('clean: a file name with OSC 52, a screen clear and a newline is printed as one inert warning', () => {
    const root = tempDir('log-clean');
    const name = join(root, `report${OSC52}${CLEAR}\nerror: forged.html`);
    const before = treeHash(root);
    const r = triage(['clean', name]);
    expect(r.status).toBe(3);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warning: .*report\\x1b\]52;c;cm0gLXJmIH4=\\x07\\x1b\[2J\\x1b\[3J\\x1bc\\nerror: forged\.html/,
    );
    expect(treeChanges(before, treeHash(root))).toEqual([]);
  });

  it('ingest --dir: a stored file whose name carries C1 and bidi controls is logged escaped', () => {
    const root = tempDir('log-dir');
    const dir = join(root, 'in');
    mkdirSync(dir);
    writeFileSync(join(dir, `short\u009b31m\u202etxt.exe.txt`), 'Published: 2023-03-14\n\nToo short.\n');
    const r = triage(['--db', join(root, 'db.duckdb'), 'ingest', '--dir', dir, '--workers', '0']);
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toMatch(/short\\x9b31m\\u202etxt\.exe\.txt: not_article/);
  });

  it('usage errors echo the flag as typed, escaped', () => {
    const r = triage([`--db${CLEAR}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain("unknown option '--db\\x1b[2J\\x1b[3J\\x1bc'");
  });

  it('a fatal error names the input, escaped, on one line', () => {
    const root = tempDir('log-fatal');
    const r = triage(['ingest', '--sources', join(root, `missing${OSC52}.yaml`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^triage: .*missing\\x1b\]52;c;cm0gLXJmIH4=\\x07\.yaml: cannot read sources catalogue/);
  });
});
