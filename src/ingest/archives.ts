// Bulk inputs read as streams in constant memory: JSON Lines, CSV with a column mapping,
// and WARC web archives (Common Crawl's CC-NEWS and the like). Each record becomes a raw
// document or a rejection naming the file, the record and the reason.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { LimitReader, WARCParser } from 'warcio';
import { isoDay } from '../model/index.js';
import { MAX_DOCUMENT_BYTES, decodeText, decodeWindows1252 } from './decode.js';
import type { IngestItem } from './index.js';
import { parseJsonlLine } from './jsonl.js';

function open(path: string): Readable {
  const raw = createReadStream(path);
  return path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/** JSON Lines, one document a line; `id` is the sourceId, else `FILE#LINE`. */
export async function* streamJsonl(path: string): AsyncGenerator<IngestItem> {
  let lineNo = 0;
  try {
    for await (const text of createInterface({ input: open(path), crlfDelay: Infinity })) {
      lineNo++;
      const where = `${path}#${lineNo}`;
      if (text.length > MAX_DOCUMENT_BYTES) {
        yield { ok: false, input: where, error: `line ${lineNo}: longer than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` };
        continue;
      }
      const line = parseJsonlLine(text, lineNo);
      if (line === null) continue;
      if (!line.ok) yield { ok: false, input: line.id ? `${where} (id ${line.id})` : where, error: line.error };
      else yield { ok: true, doc: { ...line.doc, sourceId: line.doc.sourceId || where } };
    }
  } catch (e) {
    yield { ok: false, input: `${path}#${lineNo + 1}`, error: `reading stopped: ${(e as Error).message}` };
  }
}

/** Which CSV column holds each field. Unmapped fields are looked for under common names. */
export interface CsvMapping {
  id?: string;
  text?: string;
  html?: string;
  title?: string;
  published?: string;
  outlet?: string;
  url?: string;
}

const CSV_DEFAULT_COLUMNS: Required<Record<keyof CsvMapping, string[]>> = {
  id: ['id', 'unit_id', 'guid', 'doc_id'],
  text: ['text', 'article_content', 'content', 'body', 'article_text', 'maintext'],
  html: ['html', 'raw_html'],
  title: ['title', 'article_title', 'headline'],
  published: ['published', 'date', 'publish_date', 'date_publish', 'pubdate'],
  outlet: ['outlet', 'source', 'source_domain', 'publisher'],
  url: ['url', 'link', 'source_url'],
};

/** Parses `text=article_content,title=article_title` into a mapping. */
export function parseCsvMapping(spec: string): CsvMapping {
  const mapping: CsvMapping = {};
  for (const pair of spec.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!field || !column || !(field in CSV_DEFAULT_COLUMNS)) {
      throw new Error(`bad column mapping "${pair}": expected FIELD=COLUMN with FIELD one of ${Object.keys(CSV_DEFAULT_COLUMNS).join(', ')}`);
    }
    mapping[field as keyof CsvMapping] = column;
  }
  return mapping;
}

/** Strict UTF-8 unless the first 64 KB say otherwise; then Windows-1252 (Latin-1's superset). */
function sniffEncoding(path: string): 'utf8' | 'windows-1252' {
  if (path.toLowerCase().endsWith('.gz')) return 'utf8';
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(65536);
    const n = readSync(fd, head, 0, head.length, 0);
    // `stream: true`: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, n), { stream: true });
    return 'utf8';
  } catch {
    return 'windows-1252';
  } finally {
    closeSync(fd);
  }
}

/** CSV with a header row; each row a document. The encoding is sniffed (UTF-8 or Windows-1252). */
export async function* streamCsv(path: string, mapping: CsvMapping = {}): AsyncGenerator<IngestItem> {
  const encoding = sniffEncoding(path);
  let source: Readable = open(path);
  if (encoding === 'windows-1252') {
    // A single-byte encoding: chunks can be decoded one by one.
    source = source.pipe(new Transform({ transform: (chunk: Buffer, _enc, done) => done(null, decodeWindows1252(chunk)) }));
  }
  const parser = source.pipe(parseCsv({ columns: true, bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_DOCUMENT_BYTES }));
  let columns: Record<keyof CsvMapping, string | undefined> | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      row++;
      if (!columns) {
        const header = Object.keys(record);
        columns = Object.fromEntries(
          (Object.keys(CSV_DEFAULT_COLUMNS) as (keyof CsvMapping)[]).map((f) => [f, mapping[f] ?? CSV_DEFAULT_COLUMNS[f].find((c) => header.includes(c))]),
        ) as Record<keyof CsvMapping, string | undefined>;
        for (const [field, column] of Object.entries(mapping)) {
          if (!header.includes(column)) throw new Error(`no column "${column}" (for ${field}); the header has ${header.join(', ')}`);
        }
        if (!columns.text && !columns.html) throw new Error(`no text or html column; map one with --csv-map text=COLUMN (the header has ${header.join(', ')})`);
      }
      const get = (f: keyof CsvMapping) => (columns![f] ? record[columns![f]!]?.trim() || undefined : undefined);
      const where = `${path}#${row}`;
      const id = get('id');
      const html = get('html');
      const text = get('text');
      const published = normaliseDay(get('published'));
      yield {
        ok: true,
        doc: {
          sourceId: id ? `${id}` : where,
          kind: text !== undefined ? 'text' : 'html',
          content: text ?? html ?? '',
          ...(get('url') ? { url: get('url')! } : {}),
          ...(get('outlet') ? { outlet: get('outlet')! } : {}),
          ...(get('title') ? { title: get('title')! } : {}),
          ...(published ? { published } : {}),
        },
      };
    }
  } catch (e) {
    yield { ok: false, input: `${path}#${row + 1}`, error: `CSV reading stopped: ${(e as Error).message}` };
  }
}

/** A CSV date cell as YYYY-MM-DD when it starts with one; other forms are left to extraction. */
function normaliseDay(cell: string | undefined): string | undefined {
  const day = cell?.slice(0, 10);
  return day && isoDay.safeParse(day).success ? day : undefined;
}

/** HTML responses in a WARC file (gzipped per record or not). */
export async function* streamWarc(path: string): AsyncGenerator<IngestItem> {
  let n = 0;
  const parser = new WARCParser(createReadStream(path));
  try {
    for await (const record of parser) {
      n++;
      if (!record.warcType) {
        yield { ok: false, input: `${path} (record ${n})`, error: 'not a WARC record (no WARC-Type); reading stopped' };
        return;
      }
      if (record.warcType !== 'response') continue;
      const url = record.warcTargetURI ?? undefined;
      const id = record.warcHeader('WARC-Record-ID') ?? `${path}#${n}`;
      const type = record.httpHeaders?.headers.get('content-type') ?? '';
      if (type && !/html|xml/i.test(type)) continue;
      const status = Number(record.httpHeaders?.statusCode ?? 200);
      if (status < 200 || status >= 300) continue;
      // The raw body first: what the record's Content-Length promised and the file did not
      // hold is still owed to its reader. A record cut short is refused, not stored in part.
      await record.readFully(false);
      const owed = record.reader instanceof LimitReader ? record.reader.limit : 0;
      if (owed > 0) {
        yield { ok: false, input: url ?? id, error: `WARC record cut short: ${owed} bytes of its body missing` };
        continue;
      }
      const text = decodeText(Buffer.from(await record.readFully(true)));
      if (!text.ok) {
        yield { ok: false, input: url ?? id, error: text.error };
        continue;
      }
      yield { ok: true, doc: { sourceId: url ?? id, kind: 'html', content: text.value, ...(url ? { url } : {}) } };
    }
  } catch (e) {
    yield { ok: false, input: `${path} (record ${n + 1})`, error: `WARC reading stopped: ${(e as Error).message}` };
    return;
  }
  // The parser ends quietly on a file it cannot read at all (a gzip cut short, say).
  if (n === 0) {
    yield { ok: false, input: path, error: 'no WARC records found (not a WARC file, or cut short)' };
    return;
  }
  // ...and on a last gzip member cut short, whose record it never hands out: the bytes it
  // did not get through say so. (An uncompressed record cut short is caught above.)
  const unread = statSync(path).size - parser._reader.getRawOffset();
  if (unread > 0) yield { ok: false, input: `${path} (record ${n + 1})`, error: `WARC file ends inside a record: its last ${unread} bytes could not be read` };
}
