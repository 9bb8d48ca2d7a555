// The reviewed data files of data/ (lexicons, word lists, actor dictionaries, gazetteer
// additions), read where they are when first needed. Every stage reads them through here, so
// an edit to any of them shows at the next run: a JSON import would read the copy the
// compiler made in dist/ at the last build instead, and only some files went that way.
import { readdirSync, readFileSync } from 'node:fs';

/** data/ of the repository (this module runs as dist/src/data-files.js). */
const DATA = new URL('../../data/', import.meta.url);

/** The URL of `path` under data/ ("events/words.json", "events/triggers/"). */
export function dataUrl(path: string): URL {
  return new URL(path, DATA);
}

/** The text of data/`path`; a file that cannot be read is an error naming it. */
export function readDataText(path: string): string {
  try {
    return readFileSync(dataUrl(path), 'utf8');
  } catch (e) {
    throw new Error(`data/${path}: cannot be read (${(e as Error).message})`);
  }
}

/** data/`path` parsed as JSON (of the shape the caller says); text that is not JSON is an error naming the file. */
export function readDataJson<T>(path: string): T {
  return parseJson<T>(readDataText(path), `data/${path}`);
}

/** `text` (the content of `file`) parsed as JSON; text that is not JSON is an error naming the file. */
export function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

/** The names of the `.json` files in the folder data/`dir`, sorted. */
export function dataJsonFiles(dir: string): string[] {
  return readdirSync(dataUrl(dir.endsWith('/') ? dir : `${dir}/`)).filter((n) => n.endsWith('.json')).sort();
}
