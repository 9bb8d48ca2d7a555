// Ingest adapters: paths on disk to RawDocuments. A file or line that cannot be read
// becomes a rejection naming the input and the reason; the rest of the batch goes on.
import { accessSync, constants, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RawDocument } from '../model/index.js';
import { streamCsv, streamJsonl, streamWarc, type CsvMapping } from './archives.js';
import { MAX_DOCUMENT_BYTES, decodeText, gunzip } from './decode.js';

export { parseCsvMapping, type CsvMapping } from './archives.js';
export { parseJsonlLine, parseJsonlLines, type JsonlLine } from './jsonl.js';

export type IngestItem =
  | { ok: true; doc: RawDocument }
  | { ok: false; input: string; error: string };

export type InputKind = 'text' | 'html' | 'jsonl' | 'csv' | 'warc';

const KINDS: [InputKind, RegExp][] = [
  ['html', /\.html?(\.gz)?$/],
  ['text', /\.txt(\.gz)?$/],
  ['jsonl', /\.(jsonl|ndjson)(\.gz)?$/],
  ['csv', /\.csv(\.gz)?$/],
  ['warc', /\.warc(\.gz)?$/],
];

/** The kind of input a file name says it is, or null when sitrep does not read it. */
export function inputKind(path: string): InputKind | null {
  const name = path.toLowerCase();
  return KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

export const READABLE = '.txt, .html, .htm, .jsonl, .ndjson, .csv, .warc (each also gzipped)';

export interface InputFile {
  path: string;
  kind: InputKind | null;
}

/**
 * The files named by `paths`, folders walked in name order. Files in folders that sitrep
 * does not read are skipped; a file named explicitly keeps kind null so it is rejected.
 */
export function listInputs(paths: string[]): { files: InputFile[]; missing: string[] } {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (inputKind(path)) files.push({ path, kind: inputKind(path) });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push({ path: p, kind: inputKind(p) });
  }
  return { files, missing };
}

export interface ReadOptions {
  /** CSV column mapping (`--csv-map`). */
  csv?: CsvMapping;
}

/**
 * Reads one input file into documents: one for a page or a text; a stream of them for
 * JSONL, CSV and WARC, read in constant memory.
 */
export async function* readInput(file: InputFile, options: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const { path, kind } = file;
  if (kind === null) {
    yield { ok: false, input: path, error: `unsupported file type "${extname(path) || path}" (sitrep reads ${READABLE})` };
    return;
  }
  try {
    accessSync(path, constants.R_OK);
  } catch (e) {
    yield { ok: false, input: path, error: `cannot read: ${(e as Error).message}` };
    return;
  }
  if (kind === 'jsonl') return yield* streamJsonl(path);
  if (kind === 'csv') return yield* streamCsv(path, options.csv);
  if (kind === 'warc') return yield* streamWarc(path);
  if (statSync(path).size > MAX_DOCUMENT_BYTES) {
    yield { ok: false, input: path, error: `larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` };
    return;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    yield { ok: false, input: path, error: `cannot read: ${(e as Error).message}` };
    return;
  }
  if (path.toLowerCase().endsWith('.gz')) {
    const unzipped = gunzip(bytes);
    if (!unzipped.ok) {
      yield { ok: false, input: path, error: unzipped.error };
      return;
    }
    bytes = unzipped.value;
  }
  const text = decodeText(bytes);
  if (!text.ok) {
    yield { ok: false, input: path, error: text.error };
    return;
  }
  yield { ok: true, doc: { sourceId: path, kind, content: text.value } };
}
