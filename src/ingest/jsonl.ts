// JSON Lines documents (INTERFACE.md): one JSON object a line, validated by the model's
// schema; a bad line is an error naming its line number.
import { jsonlDocumentSchema, type RawDocument } from '../model/index.js';

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
