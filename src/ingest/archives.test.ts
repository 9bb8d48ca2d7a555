import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseCsvMapping, streamCsv, streamJsonl, streamWarc } from './archives.js';
import type { IngestItem } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-archives-'));

async function collect(items: AsyncIterable<IngestItem>) {
  const out = [];
  for await (const i of items) out.push(i.ok ? i.doc : { rejected: i.input, error: i.error });
  return out;
}

test('CSV rows become documents, columns found by common names, Latin-1 decoded', async () => {
  const path = join(dir, 'reports.csv');
  const csv = 'unit_id,article_title,article_content,source,date\r\n' +
    '17,Talks resume,"Delegations met in Gen\u00e8ve, officials said.",wire,2017-04-05\r\n' +
    '18,Shelling,"Artillery hit ""the old town"".",radio,4/7/17\r\n';
  writeFileSync(path, Buffer.from(csv, 'latin1'));
  assert.deepEqual(await collect(streamCsv(path)), [
    { sourceId: '17', kind: 'text', content: 'Delegations met in Genève, officials said.', outlet: 'wire', title: 'Talks resume', published: '2017-04-05' },
    { sourceId: '18', kind: 'text', content: 'Artillery hit "the old town".', outlet: 'radio', title: 'Shelling' },
  ]);
});

test('a CSV column mapping names the columns; a missing column is an error naming the header', async () => {
  const path = join(dir, 'mapped.csv.gz');
  writeFileSync(path, gzipSync('key,story\nk1,Rockets hit the town.\n'));
  assert.deepEqual(await collect(streamCsv(path, parseCsvMapping('id=key,text=story'))), [
    { sourceId: 'k1', kind: 'text', content: 'Rockets hit the town.' },
  ]);
  const [bad] = await collect(streamCsv(path, parseCsvMapping('text=body')));
  assert.match((bad as { error: string }).error, /no column "body" \(for text\); the header has key, story/);
  assert.throws(() => parseCsvMapping('colour=red'), /bad column mapping "colour=red"/);
});

test('broken CSV quoting stops that file with the row it reached', async () => {
  const path = join(dir, 'broken.csv');
  writeFileSync(path, 'id,text\n1,"fine"\n2,"never closed\n');
  const items = await collect(streamCsv(path));
  assert.deepEqual(items[0], { sourceId: '1', kind: 'text', content: 'fine' });
  assert.match((items[1] as { rejected: string }).rejected, /broken\.csv#2$/);
  assert.match((items[1] as { error: string }).error, /^CSV reading stopped: /);
});

test('JSONL streams line by line, from gzip too', async () => {
  const path = join(dir, 'docs.jsonl.gz');
  writeFileSync(path, gzipSync('{"id":"a","text":"One."}\r\n\r\n{"text":"Two."}\n{oops\n'));
  const items = await collect(streamJsonl(path));
  assert.deepEqual(items.slice(0, 2), [
    { sourceId: 'a', kind: 'text', content: 'One.' },
    { sourceId: `${path}#3`, kind: 'text', content: 'Two.' },
  ]);
  assert.equal((items[2] as { rejected: string }).rejected, `${path}#4`);
  assert.match((items[2] as { error: string }).error, /^line 4: not valid JSON/);
});

function warcRecord(type: string, headers: Record<string, string>, block: string): string {
  const body = Buffer.from(block, 'utf8');
  const lines = ['WARC/1.0', `WARC-Type: ${type}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`];
  return lines.join('\r\n') + '\r\n\r\n' + block + '\r\n\r\n';
}

test('WARC: HTML responses become pages with their URL; other records are passed over', async () => {
  const page = '<html><body><p>Army units entered the town.</p></body></html>';
  const http = (status: string, type: string, body: string) =>
    `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const warc =
    warcRecord('warcinfo', { 'WARC-Record-ID': '<urn:uuid:1>', 'Content-Type': 'application/warc-fields' }, 'software: test\r\n') +
    warcRecord('response', { 'WARC-Record-ID': '<urn:uuid:2>', 'WARC-Target-URI': 'https://example.org/a', 'Content-Type': 'application/http; msgtype=response' }, http('200 OK', 'text/html; charset=utf-8', page)) +
    warcRecord('response', { 'WARC-Record-ID': '<urn:uuid:3>', 'WARC-Target-URI': 'https://example.org/logo.png', 'Content-Type': 'application/http; msgtype=response' }, http('200 OK', 'image/png', 'PNG')) +
    warcRecord('response', { 'WARC-Record-ID': '<urn:uuid:4>', 'WARC-Target-URI': 'https://example.org/gone', 'Content-Type': 'application/http; msgtype=response' }, http('404 Not Found', 'text/html', '<p>no</p>'));
  const path = join(dir, 'crawl.warc');
  writeFileSync(path, warc);
  assert.deepEqual(await collect(streamWarc(path)), [{ sourceId: 'https://example.org/a', kind: 'html', content: page, url: 'https://example.org/a' }]);
  const truncated = join(dir, 'truncated.warc.gz');
  writeFileSync(truncated, gzipSync(warc).subarray(0, 120));
  assert.deepEqual(await collect(streamWarc(truncated)), [{ rejected: truncated, error: 'no WARC records found (not a WARC file, or cut short)' }]);
  const notWarc = join(dir, 'notes.warc');
  writeFileSync(notWarc, 'These are my notes, not an archive.\n\n');
  assert.deepEqual(await collect(streamWarc(notWarc)), [{ rejected: `${notWarc} (record 1)`, error: 'not a WARC record (no WARC-Type); reading stopped' }]);
});

test('WARC: a record cut short inside its body is refused, not stored in part; so is a last gzip member cut short', async () => {
  // Words that do not repeat, so a gzip member cut in half loses real text.
  const page = `<html><body><p>${Array.from({ length: 300 }, (_, i) => `w${((i * 7919) % 1000).toString(36)}`).join(' ')}</p></body></html>`;
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${page}`;
  const record = (n: number) => warcRecord('response', { 'WARC-Record-ID': `<urn:uuid:${n}>`, 'WARC-Target-URI': `https://example.org/${n}` }, http);
  const plain = join(dir, 'cut.warc');
  const whole = record(1) + record(2);
  writeFileSync(plain, whole.slice(0, whole.length - 600));
  const items = await collect(streamWarc(plain));
  assert.deepEqual(items[0], { sourceId: 'https://example.org/1', kind: 'html', content: page, url: 'https://example.org/1' });
  assert.match((items[1] as { error: string }).error, /^WARC record cut short: \d+ bytes of its body missing$/);
  assert.equal(items.length, 2);
  const gz = join(dir, 'cut.warc.gz');
  writeFileSync(gz, Buffer.concat([gzipSync(record(1)), gzipSync(record(2)).subarray(0, 300)]));
  const gzItems = await collect(streamWarc(gz));
  assert.equal((gzItems[0] as { sourceId: string }).sourceId, 'https://example.org/1');
  assert.equal((gzItems[1] as { rejected: string }).rejected, `${gz} (record 2)`);
  assert.match((gzItems[1] as { error: string }).error, /^WARC file ends inside a record: its last \d+ bytes could not be read$/);
});
