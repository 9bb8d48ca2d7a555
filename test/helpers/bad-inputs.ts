// Generates the bad-input corpus: files of every kind the open web throws at an ingest,
// made here (never downloaded). Each entry says what sitrep must do with it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BadInput {
  file: string;
  /** The sourceId of its document when it is not the file path (a JSONL line's id). */
  id?: string;
  /** `stored`, or a pattern the rejection reason must match. */
  expect: 'stored' | 'stored-or-rejected' | RegExp;
  /** For stored texts: words the clean text must contain, and the language. */
  contains?: string;
  language?: string;
}

const ARABIC = 'قال المرصد السوري لحقوق الإنسان إن الغارات الجوية استهدفت قرى في ريف إدلب الجنوبي. وأضاف أن سبعة مقاتلين قتلوا في القصف. وتستمر المحادثات بين الطرفين الأسبوع المقبل.';
const RUSSIAN = 'Российские самолёты нанесли удары по позициям боевиков в провинции Идлиб. По данным наблюдателей, погибли семь человек. Переговоры продолжатся на следующей неделе.';
const TURKISH = 'Türk askerleri İdlib kırsalındaki gözlem noktalarına yeni takviyeler gönderdi. Yerel kaynaklar, saldırılarda yedi kişinin öldüğünü söyledi. Görüşmeler gelecek hafta devam edecek.';
const ENGLISH = 'Government artillery shelled two villages south of the city on Saturday, killing three people, a monitoring group said. Talks are due to resume next week.';

/** Bytes of `text` in a single-byte code page that TextDecoder knows. */
function encodeSingleByte(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

const html = (body: string, head = '<meta charset="utf-8"><title>Test page</title>') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

export function writeBadInputs(dir: string): BadInput[] {
  mkdirSync(dir, { recursive: true });
  const inputs: [BadInput, Buffer | string][] = [
    [{ file: 'empty.txt', expect: /empty file/ }, ''],
    [{ file: 'whitespace.txt', expect: /only whitespace/ }, ' \n\t\n '],
    [{ file: 'image.html', expect: /binary data/ }, Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(2048)])],
    [{ file: 'double.html.gz', expect: /binary data/ }, gzipSync(gzipSync(html(`<p>${ENGLISH}</p>`)))],
    [{ file: 'random.txt', expect: /binary data/ }, randomBytes(4096)],
    [{ file: 'not-gzip.html.gz', expect: /not a valid gzip file/ }, 'plain text pretending to be gzip'],
    [{ file: 'latin1-declared-utf8.html', expect: 'stored', contains: 'Genève' }, Buffer.from(html(`<p>Delegations met in Genève on Monday. ${ENGLISH}</p>`), 'latin1')],
    [{ file: 'cp1256-declared-utf8.html', expect: 'stored', contains: 'المرصد', language: 'ar' }, encodeSingleByte(html(`<p>تقرير من مراسلنا في المنطقة.</p><p>${ARABIC}</p>`), 'windows-1256')],
    [{ file: 'utf16-bom.txt', expect: 'stored', contains: 'monitoring group' }, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Report from the north\n\n${ENGLISH}`, 'utf16le')])],
    [{ file: 'utf16-no-bom.txt', expect: 'stored', contains: 'monitoring group' }, Buffer.from(`Shelling near the city\n\n${ENGLISH}`, 'utf16le')],
    [{ file: 'arabic.txt', expect: 'stored', contains: 'المرصد', language: 'ar' }, ARABIC],
    [{ file: 'russian.txt', expect: 'stored', contains: 'Идлиб', language: 'ru' }, RUSSIAN],
    [{ file: 'turkish.txt', expect: 'stored', contains: 'İdlib', language: 'tr' }, TURKISH],
    [{ file: 'huge.html', expect: /larger than 20 MB/ }, html(`<p>${'word '.repeat(11 * 1024 * 1024)}</p>`)],
    [{ file: 'nested.html', expect: 'stored-or-rejected' }, html('<div>'.repeat(100_000) + `<p>${ENGLISH}</p>` + '</div>'.repeat(100_000))],
    [{ file: 'scripts-only.html', expect: /no article text/ }, html('<script>document.write("x")</script>'.repeat(200))],
    // A 10 MB article: stored, or refused when its analysis passes the time limit.
    [{ file: 'lines.jsonl', id: 'long-line', expect: 'stored-or-rejected' }, `${JSON.stringify({ id: 'long-line', text: `Long report\n\n${(ENGLISH + ' ').repeat(60_000)}` })}\n{"id":"cut","text":"The line was cut sho\n`],
    // NUL in a JSONL text is taken out; in metadata it is refused (no store keeps a NUL).
    [{ file: 'nul-text.jsonl', id: 'nul-text', expect: 'stored', contains: 'monitoring group' }, `${JSON.stringify({ id: 'nul-text', text: `Shelling\u0000 report\n\n${ENGLISH}` })}\n`],
    [{ file: 'nul-title.jsonl', id: 'nul-title', expect: /its title holds a NUL character/ }, `${JSON.stringify({ id: 'nul-title', title: 'Shelling\u0000 report', text: ENGLISH })}\n`],
    [{ file: 'broken.csv', expect: /CSV reading stopped/ }, `id,text\n1,"A row before the broken one. ${ENGLISH}"\n2,"quote never closed\n`],
    [{ file: 'cut-record.warc', id: 'https://example.org/cut', expect: /WARC record cut short/ }, (() => {
      const block = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${html(`<p>${ENGLISH}</p>`)}`;
      const record = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/cut\r\nContent-Length: ${Buffer.byteLength(block)}\r\n\r\n${block}`;
      return record.slice(0, record.length - 80);
    })()],
    [{ file: 'truncated.warc.gz', expect: /no WARC records found/ }, gzipSync(`WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n`).subarray(0, 40)],
  ];
  for (const [input, bytes] of inputs) writeFileSync(join(dir, input.file), bytes);
  return inputs.map(([input]) => input);
}
