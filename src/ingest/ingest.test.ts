import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeText } from './decode.js';
import { listInputs, parseJsonlLines, readInput } from './index.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

test('JSONL: each line becomes a document; bad lines are errors naming their line', () => {
  const text = [
    '{"id":"a","text":"Rockets hit the town.","outlet":"Wire","published":"2024-03-14"}',
    '',
    '{"id":"b","text": "unterminated',
    '{"id":"c"}',
    '{"id":"d","text":"Talks resumed.","published":"14 March 2024"}',
    '{"html":"<p>No id here.</p>"}',
    '[1, 2]',
  ].join('\n');
  const lines = [...parseJsonlLines(text)];
  assert.equal(lines.length, 6);
  assert.deepEqual(lines[0], {
    ok: true, line: 1,
    doc: { sourceId: 'a', kind: 'text', content: 'Rockets hit the town.', outlet: 'Wire', published: '2024-03-14' },
  });
  assert.equal(lines[1]!.ok, false);
  assert.equal(lines[1]!.line, 3);
  assert.match((lines[1] as { error: string }).error, /^line 3: not valid JSON/);
  assert.deepEqual(lines[2], { ok: false, line: 4, id: 'c', error: 'line 4: a document needs "text" or "html"' });
  assert.match((lines[3] as { error: string }).error, /^line 5: published: expected a date as YYYY-MM-DD/);
  assert.deepEqual(lines[4], { ok: true, line: 6, doc: { sourceId: '', kind: 'html', content: '<p>No id here.</p>' } });
  assert.equal(lines[5]!.ok, false);
});

test('a JSONL file gives documents without an id the file and line as sourceId', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
  const path = join(dir, 'docs.jsonl');
  writeFileSync(path, '{"text":"One."}\n{"id":"x","text":"Two."}\nnot json\n');
  const items = await collect(readInput({ path, kind: 'jsonl' }));
  assert.deepEqual(items.map((i) => (i.ok ? i.doc.sourceId : i.input)), [`${path}#1`, 'x', `${path}#3`]);
});

test('folders are walked in name order, keeping only files sitrep reads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-walk-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'b.txt'), 'B.');
  writeFileSync(join(dir, 'a.html'), '<p>A.</p>');
  writeFileSync(join(dir, 'notes.pdf'), 'x');
  writeFileSync(join(dir, 'sub', 'c.html.gz'), gzipSync('<p>C.</p>'));
  writeFileSync(join(dir, '.hidden.txt'), 'H.');
  const { files, missing } = listInputs([dir, join(dir, 'notes.pdf'), join(dir, 'gone.txt')]);
  assert.deepEqual(files.map((f) => [f.path.slice(dir.length + 1), f.kind]), [
    ['a.html', 'html'], ['b.txt', 'text'], ['sub/c.html.gz', 'html'], ['notes.pdf', null],
  ]);
  assert.deepEqual(missing, [join(dir, 'gone.txt')]);
  const [gz] = await collect(readInput(files[2]!));
  assert.deepEqual(gz, { ok: true, doc: { sourceId: join(dir, 'sub', 'c.html.gz'), kind: 'html', content: '<p>C.</p>' } });
  const [pdf] = await collect(readInput(files[3]!));
  assert.equal(pdf!.ok, false);
  assert.match((pdf as { error: string }).error, /unsupported file type "\.pdf"/);
});

test('bytes are decoded strictly as UTF-8, else as Windows-1252; binary and empty input is refused', () => {
  assert.deepEqual(decodeText(Buffer.from('Erdoğan met Putin.', 'utf8')), { ok: true, value: 'Erdoğan met Putin.' });
  assert.deepEqual(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x48, 0x69])), { ok: true, value: 'Hi' });
  assert.deepEqual(decodeText(Buffer.from('Hom\u00e9 caf\u00e9', 'latin1')), { ok: true, value: 'Homé café' });
  assert.deepEqual(decodeText(Buffer.from([0x93, 0x71, 0x94])), { ok: true, value: '\u201cq\u201d' });
  assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00])), { ok: true, value: 'Hi' });
  assert.deepEqual(decodeText(Buffer.alloc(0)), { ok: false, error: 'empty file' });
  assert.deepEqual(decodeText(Buffer.from('  \n\t ')), { ok: false, error: 'no text (only whitespace)' });
  assert.deepEqual(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), { ok: false, error: 'binary data, not text' });
});

test('a broken gzip file is refused with the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gz-'));
  const path = join(dir, 'page.html.gz');
  writeFileSync(path, 'this is not gzip');
  const [item] = await collect(readInput({ path, kind: 'html' }));
  assert.equal(item!.ok, false);
  assert.match((item as { error: string }).error, /^not a valid gzip file/);
});
