// Bytes to text, or a reason why not. Input from the open web lies about its encoding
// (a page "declared UTF-8" is often Latin-1 or Windows-1256), so the bytes decide: byte-
// order marks, UTF-16 told by its zero bytes, strict UTF-8, and failing that a statistical
// guess among the single-byte code pages (chardet), Windows-1252 when it cannot tell.
import { gunzipSync } from 'node:zlib';
import * as chardet from 'chardet';
import { fail, ok, type Result } from '../model/index.js';

/** Inputs larger than this (after decompression) are rejected rather than read. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export function gunzip(bytes: Buffer): Result<Buffer> {
  try {
    return ok(gunzipSync(bytes, { maxOutputLength: MAX_DOCUMENT_BYTES }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return fail(`larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB when decompressed`);
    return fail(`not a valid gzip file (${(e as Error).message})`);
  }
}

export function decodeText(bytes: Buffer): Result<string> {
  if (bytes.length === 0) return fail('empty file');
  if (bytes.length > MAX_DOCUMENT_BYTES) return fail(`larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = bytes.subarray(3).toString('utf8');
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const head = bytes.subarray(0, 8192);
    const utf16 = utf16WithoutBom(head);
    if (utf16) text = new TextDecoder(utf16).decode(bytes);
    else if (looksBinary(head)) return fail('binary data, not text');
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = decodeLegacy(bytes);
      }
    }
  }
  if (text.trim() === '') return fail('no text (only whitespace)');
  return ok(text);
}

/** Text in a single-byte code page, as chardet guesses it. */
function decodeLegacy(bytes: Buffer): string {
  const guess = chardet.detect(bytes.subarray(0, 65536));
  if (guess && /^(windows-125[0-8]|ISO-8859-([2-9]|1[0-5])|KOI8-R)$/i.test(guess) && !/^(windows-1252|ISO-8859-1)$/i.test(guess)) {
    try {
      return new TextDecoder(guess.toLowerCase()).decode(bytes);
    } catch {
      // An encoding this Node.js cannot decode: fall through to Windows-1252.
    }
  }
  return decodeWindows1252(bytes);
}

/** UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte. */
function utf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (head.length < 16) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = Math.floor(head.length / 2);
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** NUL bytes or many control characters: an image, archive or executable, not text. */
function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length * 0.05;
}

// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, leaving 0x80-0x9F as C1
// controls; Windows-1252 puts curly quotes, dashes and the euro sign there.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
