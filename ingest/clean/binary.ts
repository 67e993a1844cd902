// Binary content is no article: an image, archive or executable named .html (or served as text/html) would
// otherwise be decoded as windows-1252 and stored as text. Three tests, cheapest first: a known magic number,
// a NUL byte in the first 8,000 bytes (git's rule; UTF-16 and UTF-32 text excepted), and a share of characters
// that no text has (controls, U+FFFD from invalid sequences) in the decoded start of the page.

/** [name, bytes, offset]: signatures that no HTML or plain-text article starts with. */
const MAGIC: [string, number[], number][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0],
  ['a JPEG image', [0xff, 0xd8, 0xff], 0],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38], 0],
  ['a TIFF image', [0x49, 0x49, 0x2a, 0x00], 0],
  ['a TIFF image', [0x4d, 0x4d, 0x00, 0x2a], 0],
  ['a WebP image', [0x57, 0x45, 0x42, 0x50], 8],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04], 0],
  ['a gzip stream', [0x1f, 0x8b], 0],
  ['a bzip2 stream', [0x42, 0x5a, 0x68], 0],
  ['an xz stream', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 0],
  ['a zstd stream', [0x28, 0xb5, 0x2f, 0xfd], 0],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 0],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 0],
  ['an OLE2 file (an old Office document)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0],
  ['an ELF executable', [0x7f, 0x45, 0x4c, 0x46], 0],
  ['a Mach-O executable', [0xcf, 0xfa, 0xed, 0xfe], 0],
  ['a Java class or Mach-O universal file', [0xca, 0xfe, 0xba, 0xbe], 0],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d], 0],
  ['an SQLite database', [...Buffer.from('SQLite format 3\0')], 0],
  ['an MP4 or QuickTime video', [0x66, 0x74, 0x79, 0x70], 4],
  ['an Ogg stream', [0x4f, 0x67, 0x67, 0x53], 0],
  ['a FLAC file', [0x66, 0x4c, 0x61, 0x43], 0],
  ['an MP3 file', [0x49, 0x44, 0x33], 0],
  ['a web font', [0x77, 0x4f, 0x46, 0x46], 0],
  ['a web font', [0x77, 0x4f, 0x46, 0x32], 0],
];

const SNIFF = 8000;
/** Shares of the decoded start above which a page is binary: prose has no control characters, and random bytes
 * read as windows-1252 give about 11 %; U+FFFD is allowed more (a page in a wrong charset is still readable in
 * part), random bytes read as UTF-8 give most of it. */
const MAX_CONTROLS = 0.05;
const MAX_NON_TEXT = 0.3;

/** What binary format the bytes are, or null for text. `charset`: the one the page will be decoded with. */
export function binaryKind(bytes: Uint8Array, charset: string | null): string | null {
  for (const [name, sig, at] of MAGIC) {
    if (bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b)) return name;
  }
  const wide =
    /^utf-(16|32)/i.test(charset ?? '') ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe);
  if (!wide && bytes.subarray(0, SNIFF).includes(0)) return 'binary data (NUL bytes)';
  return null;
}

const HEAD = 64 * 1024;
/** What the loop below counts: C0 controls other than tab, line feed, form feed and carriage return, DEL, U+FFFD */
const NOT_TEXT = /[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]/;

/** For decoded text (whole, or in pieces: decodeChunks): a description when too much of its start is not text,
 * else null. */
export function nonTextShare(text: string | readonly string[]): string | null {
  const pieces = typeof text === 'string' ? [text] : text;
  let n = 0;
  let controls = 0;
  let invalid = 0;
  for (const piece of pieces) {
    const m = Math.min(piece.length, HEAD - n);
    // (one regex scan clears the usual page, which has none of them: the count below is ten times slower)
    const clean = !NOT_TEXT.test(m < piece.length ? piece.slice(0, m) : piece);
    for (let i = 0; i < (clean ? 0 : m); i++) {
      const c = piece.charCodeAt(i);
      // C0 controls other than tab, line feed, form feed and carriage return, and DEL
      if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) controls++;
      else if (c === 0xfffd) invalid++;
    }
    n += m;
    if (n === HEAD) break;
  }
  if (n === 0) return null;
  const share = (controls + invalid) / n;
  if (controls / n <= MAX_CONTROLS && share <= MAX_NON_TEXT) return null;
  return `binary data (${Math.round(share * 100)} % of the first ${n} characters are not text)`;
}
