// Bytes to text, or a reason why not. Input from the open web lies about its encoding, so
// the order is: byte-order marks, strict UTF-8, then Windows-1252 (a superset of Latin-1,
// the commonest mislabelled encoding in news scrapes).
import { gunzipSync } from 'node:zlib';
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
    if (looksBinary(head)) return fail('binary data, not text');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  if (text.trim() === '') return fail('no text (only whitespace)');
  return ok(text);
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
