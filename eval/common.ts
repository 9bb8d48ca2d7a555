// Shared by eval/ and bench/: where the DEV data lives, the row type evaluators return,
// and plain-text table printing.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docOf, type Doc } from '../src/analyze/types.js';
import { splitSentences } from '../src/analyze/sentences/index.js';

/** A document of `text` with its sentence layer: what the stages after sentences read. */
export function sentencedDoc(text: string, published: string | null = null): Doc {
  return docOf(text, { published, sentences: splitSentences(text) });
}

/** One row of the eval table. */
export interface Row {
  metric: string;
  set: string;
  value: string;
  /** A published or reference figure to read the value against; "—" when there is none. */
  anchor: string;
}

export interface Evaluator {
  name: string;
  /** `dataDir` is the shared data folder (`../shared/data` from the repository). */
  run(dataDir: string): Promise<Row[]>;
}

export const fmt = (x: number, digits = 3): string => x.toFixed(digits);

/** SITREP_DATA, else ../shared/data beside the repository (compiled files run from dist/<dir>/). */
export function dataDir(): string {
  if (process.env['SITREP_DATA']) return resolve(process.env['SITREP_DATA']);
  return fileURLToPath(new URL('../../../shared/data', import.meta.url));
}

/** A `|`-separated table with a header rule; columns listed in `right` are right-aligned. */
export function formatTable(headers: string[], rows: string[][], right: number[] = []): string {
  const width = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (right.includes(i) ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join(' | ').trimEnd();
  return [line(headers), width.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** An actor reference in gold/seeds.events.json (persons carry the sector id of their role). */
export interface GoldRef {
  id: string;
  text: string;
  role?: string;
}

/** The fields of a gold event the evaluators read (see the file's `_conventions`). */
export interface GoldEvent {
  actor?: GoldRef;
  recipient?: GoldRef;
  source?: GoldRef;
  evidence: { quote: string; char_start: number; char_end: number; extra?: { quote: string; char_start: number }[] };
}
