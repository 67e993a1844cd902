// The one CSV writer: `export --format csv`, `query --csv` and `query --sql … --csv` all write through it.
// Quoting alone does not stop a spreadsheet evaluating `=HYPERLINK(…)` or `@SUM(…)` in a title or an article
// text, so cells that start like a formula are neutralised by the OWASP rule: a single quote in front, and the
// cell quoted. Numbers are the exception: a number (a JS number, or a numeric column whose text reads as a plain
// number) is written bare, so a negative figure stays a number a spreadsheet can add up.

export type CsvValue = string | number | bigint | boolean | null | undefined | Date | readonly unknown[] | object;

/** `=`, `+`, `-`, `@`, TAB and CR (OWASP), and their full-width forms, which some spreadsheets also read. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const NEEDS_QUOTES = /[",\n\r]/;
/** What a numeric column may write bare: digits, one point, an exponent; nothing a spreadsheet computes. */
const PLAIN_NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$|^-?(inf|infinity)$|^nan$/i;

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

function textCell(s: string): string {
  if (FORMULA_START.test(s)) return quoted(`'${s}`);
  // an empty text is quoted so it reads back apart from a missing value (NULL), as DuckDB writes it
  return s === '' || NEEDS_QUOTES.test(s) ? quoted(s) : s;
}

/** Lists as `;`-joined values (`a;b`: one cell a spreadsheet can split); other objects as JSON. */
function asText(v: Exclude<CsvValue, null | undefined | number | bigint>): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) {
    return v.map((x) => (x === null || typeof x !== 'object' ? String(x) : JSON.stringify(x))).join(';');
  }
  return JSON.stringify(v);
}

/** One cell. `numeric`: the column holds numbers, so a text that reads as a plain number is written bare. */
export function csvCell(v: CsvValue, numeric = false): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = asText(v);
  return numeric && PLAIN_NUMBER.test(s) ? s : textCell(s);
}

/** One record, newline-terminated; `numeric[k]` says whether column k holds numbers. */
export function csvLine(values: readonly CsvValue[], numeric: readonly boolean[] = []): string {
  return `${values.map((v, k) => csvCell(v, numeric[k] ?? false)).join(',')}\n`;
}

/** A whole CSV text: a header row, then the rows. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  numeric: readonly boolean[] = [],
): string {
  return csvLine(header) + rows.map((r) => csvLine(r, numeric)).join('');
}

/** DuckDB column types whose values are numbers. */
export const isNumericType = (type: string): boolean =>
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL)\b/i.test(
    type,
  );
