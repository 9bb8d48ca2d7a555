// Ingest adapters: paths on disk to RawDocuments. A file or line that cannot be read
// becomes a rejection naming the input and the reason; the rest of the batch goes on.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { jsonlDocumentSchema, type RawDocument } from '../model/index.js';
import { decodeText, gunzip } from './decode.js';

export type IngestItem =
  | { ok: true; doc: RawDocument }
  | { ok: false; input: string; error: string };

export type InputKind = 'text' | 'html' | 'jsonl';

/** The kind of input a file name says it is, or null when sitrep does not read it. */
export function inputKind(path: string): InputKind | null {
  const name = path.toLowerCase();
  if (name.endsWith('.html.gz') || name.endsWith('.htm.gz') || name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  if (name.endsWith('.txt') || name.endsWith('.txt.gz')) return 'text';
  if (name.endsWith('.jsonl') || name.endsWith('.jsonl.gz') || name.endsWith('.ndjson')) return 'jsonl';
  return null;
}

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

/** Reads one input file into documents (one for a page or text, many for JSONL). */
export function* readInput(file: InputFile): Generator<IngestItem> {
  const { path, kind } = file;
  if (kind === null) {
    yield { ok: false, input: path, error: `unsupported file type "${extname(path) || path}" (sitrep reads .txt, .html, .htm, .html.gz, .jsonl)` };
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
  if (kind === 'jsonl') {
    yield* parseJsonl(text.value, path);
    return;
  }
  yield { ok: true, doc: { sourceId: path, kind, content: text.value } };
}

/** One document per JSONL line; `id` becomes the sourceId, else `FILE#LINE`. */
export function* parseJsonl(text: string, input: string): Generator<IngestItem> {
  for (const line of parseJsonlLines(text)) {
    const where = `${input}#${line.line}`;
    if (!line.ok) yield { ok: false, input: line.id ? `${where} (id ${line.id})` : where, error: line.error };
    else yield { ok: true, doc: { ...line.doc, sourceId: line.doc.sourceId || where } };
  }
}

export type JsonlLine =
  | { ok: true; line: number; doc: RawDocument }
  | { ok: false; line: number; id?: string; error: string };

/** Parses JSON Lines into raw documents, one result per non-blank line, in order. */
export function* parseJsonlLines(text: string): Generator<JsonlLine> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const parsed = parseJsonlLine(lines[i]!, i + 1);
    if (parsed) yield parsed;
  }
}

/**
 * One JSONL line (1-based `line`) as a raw document, or null for a blank line. A document
 * without `id` gets an empty sourceId for the caller to fill.
 */
export function parseJsonlLine(text: string, line: number): JsonlLine | null {
  const raw = text.trim();
  if (raw === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return { ok: false, line, error: `line ${line}: not valid JSON (${(e as Error).message})` };
  }
  const parsed = jsonlDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : undefined;
    const why = parsed.error.issues.map((is) => (is.path.length ? `${is.path.join('.')}: ${is.message}` : is.message)).join('; ');
    return { ok: false, line, ...(id ? { id } : {}), error: `line ${line}: ${why}` };
  }
  const d = parsed.data;
  const doc: RawDocument = {
    sourceId: d.id ?? '',
    // Given text wins over HTML: it is what the caller wants analysed (and what
    // "clean": false offsets refer to).
    kind: d.text !== undefined ? 'text' : 'html',
    content: d.text ?? d.html ?? '',
    ...(d.url !== undefined ? { url: d.url } : {}),
    ...(d.outlet !== undefined ? { outlet: d.outlet } : {}),
    ...(d.title !== undefined ? { title: d.title } : {}),
    ...(d.published !== undefined ? { published: d.published } : {}),
    ...(d.clean !== undefined ? { clean: d.clean } : {}),
  };
  return { ok: true, line, doc };
}
