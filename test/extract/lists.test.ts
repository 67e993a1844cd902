// Word lists as data: loaded and validated once, compiled into whole-word regexes.
import { afterAll, describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLists, listRe, words } from '../../analyze/extract/lists.ts';

// (every folder made here is removed after the file's tests)
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lists-'));
  made.push(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

describe('word lists', () => {
  it('reads every list with its source note and matches whole words, patterns and any white space', () => {
    const lists = loadLists(
      folder({
        'verbs.yaml':
          'source: "Written by the test: past-tense verbs."\nwords: [paid, "/hack(?:ed|ers?)/", handed over, paid]\n',
      }),
    );
    expect(words(lists, 'verbs')).toEqual(['paid', '/hack(?:ed|ers?)/', 'handed over']);
    const re = listRe(lists, 'verbs');
    expect(re.test('The clinic PAID the sum')).toBe(true);
    expect(re.test('the hackers left')).toBe(true);
    expect(re.test('it was handed\n  over')).toBe(true);
    expect(re.test('unpaid invoices')).toBe(false);
    expect(listRe(lists, 'verbs')).toBe(re); // compiled once per reference
  });

  it('names the file of a list without a source note, and a list the code needs but the folder lacks', () => {
    const dir = folder({ 'bad.yaml': 'words: [a, b]\n' });
    expect(() => loadLists(dir)).toThrow(/invalid word list/);
    expect(() => loadLists(dir)).toThrow(expect.objectContaining({ message: expect.stringContaining('bad.yaml') }));
    expect(() => words(loadLists(folder({})), 'missing')).toThrow(/missing word list "missing"/);
    // a pattern ending in a space can never match before the next word: refused, naming it
    const open = folder({
      'open.yaml': 'source: "Written by the test: a pattern."\nwords: ["/encrypted (?:by|in) /"]\n',
    });
    expect(() => loadLists(open)).toThrow(/the pattern \/encrypted \(\?:by\|in\) \/ ends in a space/);
  });
});
