// The command line as scripts see it: output shapes and exit codes (INTERFACE.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');
const sample = join(root, 'data/sample');
const seeds = join(root, '../shared/data/seeds');

function sitrep(args: string[], input?: string) {
  const env = { ...process.env };
  delete env.SITREP_DB;
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', cwd: root, env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'sitrep-cli-')), 'test.db');

test('ingest stores the sample once; the second run reports every article unchanged', () => {
  const db = tempDb();
  const first = sitrep(['ingest', sample, '--db', db]);
  assert.equal(first.code, 0, first.err);
  assert.equal(first.out.trim(), '4 ingested, 0 unchanged, 0 rejected');
  const second = sitrep(['ingest', sample, '--db', db]);
  assert.equal(second.code, 0);
  assert.equal(second.out.trim(), '0 ingested, 4 unchanged, 0 rejected');
  const listed = sitrep(['articles', '--json', '--db', db]);
  const articles = listed.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(articles.length, 4);
  assert.deepEqual(articles.map((a) => a.published), ['2024-03-14', '2024-03-15', '2024-03-16', '2024-03-17']);
  assert.equal(articles[3].sourceId, 'sample-wire-0417');
  assert.equal(articles[2].outlet, 'Example Wire');
});

test('ingest exits 1 when some inputs are rejected, naming each, and stores the rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'good.txt'), 'Talks resumed\n\nThe two delegations met in Geneva on Monday.');
  writeFileSync(join(dir, 'lines.jsonl'), '{"id":"ok","text":"Rockets hit the town."}\n{broken\n');
  const r = sitrep(['ingest', dir, join(dir, 'missing.txt'), '--db', tempDb()]);
  assert.equal(r.code, 1);
  assert.equal(r.out.trim(), '2 ingested, 0 unchanged, 3 rejected');
  assert.match(r.err, /missing\.txt: no such file or folder/);
  assert.match(r.err, /empty\.txt: empty file/);
  assert.match(r.err, /lines\.jsonl#2: line 2: not valid JSON/);
});

test('usage errors exit 2', () => {
  assert.equal(sitrep(['ingest']).code, 2);
  assert.equal(sitrep(['events', '--format', 'xml', '--db', tempDb()]).code, 2);
  assert.equal(sitrep(['no-such-command']).code, 2);
  assert.equal(sitrep(['events', '--limit', '-3', '--db', tempDb()]).code, 2);
  assert.equal(sitrep(['articles', '--search', '"unterminated', '--db', tempDb()]).code, 2);
  assert.equal(sitrep(['--help']).code, 0);
});

test('analyze --jsonl: one line per input, in order, errors naming their line', () => {
  const input = [
    JSON.stringify({ id: 'first', text: 'Gen. Smith arrived on Sept. 29. Talks began.', clean: false }),
    'not json at all',
    '',
    JSON.stringify({ id: 'third', text: '' }),
    JSON.stringify({ text: 'No id. Still analysed.' }),
  ].join('\n');
  const r = sitrep(['analyze', '--jsonl'], input);
  assert.equal(r.code, 1);
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 4);
  assert.equal(lines[0].id, 'first');
  assert.equal(lines[0].article.text, 'Gen. Smith arrived on Sept. 29. Talks began.');
  assert.deepEqual(lines[0].sentences, [{ start: 0, end: 31 }, { start: 32, end: 44 }]);
  assert.deepEqual(lines[0].entities.map((e: { text: string; type: string }) => [e.text, e.type]), [['Smith', 'person']]);
  for (const layer of ['places', 'times', 'quantities', 'events']) assert.ok(Array.isArray(lines[0][layer]), layer);
  assert.deepEqual(Object.keys(lines[1]), ['line', 'error']);
  assert.equal(lines[1].line, 2);
  assert.equal(lines[2].id, 'third');
  assert.match(lines[2].error, /no article text found/);
  assert.equal(lines[3].line, 5);
  assert.equal(lines[3].sentences.length, 2);
});

test('events exports are well formed even on an empty store', () => {
  const db = tempDb();
  sitrep(['ingest', sample, '--db', db]);
  const json = sitrep(['events', '--format', 'json', '--db', db]);
  assert.equal(json.code, 0);
  assert.ok(Array.isArray(JSON.parse(json.out)));
  const geo = JSON.parse(sitrep(['events', '--format', 'geojson', '--db', db]).out);
  assert.equal(geo.type, 'FeatureCollection');
  const csv = sitrep(['events', '--format', 'csv', '--db', db]).out.split('\n');
  assert.match(csv[0]!, /^event_id,event_date,.*,article_source_id,article_url,outlet/);
});

test('the five seed articles are stored once', { skip: !existsSync(seeds) && 'no ../shared/data' }, () => {
  const db = tempDb();
  assert.equal(sitrep(['ingest', seeds, '--db', db]).out.trim(), '5 ingested, 0 unchanged, 0 rejected');
  assert.equal(sitrep(['ingest', seeds, '--db', db]).out.trim(), '0 ingested, 5 unchanged, 0 rejected');
});

test('ingest --workers 2 stores exactly what a single thread stores', () => {
  const one = tempDb();
  const two = tempDb();
  assert.equal(sitrep(['ingest', sample, '--db', one]).code, 0);
  const threaded = sitrep(['ingest', sample, '--workers', '2', '--db', two]);
  assert.equal(threaded.code, 0, threaded.err);
  assert.equal(threaded.out.trim(), '4 ingested, 0 unchanged, 0 rejected');
  const dump = (db: string) =>
    sitrep(['articles', '--json', '--db', db]).out.trim().split('\n')
      .map((l) => {
        // Two threads write in the order they finish: row ids and times may differ.
        const { ingestedAt: _, id: __, ...rest } = JSON.parse(l);
        return rest;
      })
      .sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  assert.deepEqual(dump(two), dump(one));
});

test('analyze FILE --json prints one analysis with the article and its layers', () => {
  const r = sitrep(['analyze', join(sample, '02-deraa-settlement.txt'), '--json']);
  assert.equal(r.code, 0);
  const a = JSON.parse(r.out);
  assert.equal(a.id, join(sample, '02-deraa-settlement.txt'));
  assert.equal(a.article.title, 'Army enters Deraa villages after settlement deal');
  assert.deepEqual([a.article.published, a.article.publishedBasis], ['2024-03-15', 'byline']);
  const sentences = a.sentences.map((s: { start: number; end: number }) => a.article.text.slice(s.start, s.end));
  assert.equal(sentences[0], 'Army enters Deraa villages after settlement deal');
  assert.ok(sentences.includes('"We want only to stay in our homes," one resident said.'));
});

test('doctor finds a layer span that points outside its text', async () => {
  const db = tempDb();
  sitrep(['ingest', sample, '--db', db]);
  const healthy = sitrep(['doctor', '--db', db]);
  assert.equal(healthy.code, 0);
  assert.match(healthy.out.trim(), /^ok: 4 articles, [1-9]\d* events$/);
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(db);
  raw.prepare('UPDATE sentences SET "end" = 99999 WHERE article_id = 2 AND idx = 1').run();
  raw.close();
  const r = sitrep(['doctor', '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.err, /^offsets: sentences 1 of article 2 spans \d+-99999, outside its text of \d+$/m);
});

test('extract --explain: the lines dropped and the language detector\'s answer with its reliability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-explain-'));
  const file = join(dir, 'page.txt');
  writeFileSync(file, 'Subscribe to our newsletter\nRussian jets bombed villages around the town on Sunday, residents said, and the strikes killed at least five fighters.\n');
  const r = sitrep(['extract', '--explain', file]);
  assert.equal(r.code, 0);
  const line = JSON.parse(r.out.trim());
  assert.equal(line.language, 'en');
  assert.deepEqual([line.languageDetection.language, line.languageDetection.reliable], ['en', true]);
  assert.ok(Array.isArray(line.dropped));
  // without --explain, the interface's fields only
  assert.equal(JSON.parse(sitrep(['extract', file]).out.trim()).languageDetection, undefined);
});
