// The real seed articles (read from ../shared/data at test time, never copied here):
// their junk lines go, no sentence of the story is lost, and their dates are read right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractExplained } from '../src/extract/index.js';

const seeds = fileURLToPath(new URL('../../../shared/data/seeds/', import.meta.url));
const skip = !existsSync(seeds) && 'no ../shared/data/seeds';

const JUNK = [
  /^most popular$/i, /^subscribe to our newsletter$/i, /^you may also like$/i, /^latest from blog$/i, /^notify of$/i,
  /^view all comments$/i, /^facebook twitter/i, /vpn deal/i, /^get your copy/i, /^\d+ min read$/i, /^\/\/$/, /^read more .* at:/i,
];

test('seeds: every junk line is dropped and every story line kept', { skip }, () => {
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
    const raw = readFileSync(join(seeds, file), 'utf8');
    const r = extractExplained({ sourceId: file, kind: 'text', content: raw });
    assert.ok(r.ok, file);
    const lines = r.value.article.text.split('\n');
    for (const line of lines) for (const junk of JUNK) assert.doesNotMatch(line, junk, `${file}: "${line}" kept`);
    // Story paragraphs are long; each must survive whole (white space folded).
    const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
    const clean = fold(r.value.article.text);
    for (const line of raw.split('\n')) {
      if (fold(line).length >= 100 && !/\((photo|source)[^)]*\)$/i.test(line)) assert.ok(clean.includes(fold(line)), `${file}: lost "${line.slice(0, 60)}…"`);
    }
  }
});

test('seeds: the dated byline gives the date; undated seeds say none and carry a guess', { skip }, () => {
  const dates = Object.fromEntries(readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((file) => {
    const r = extractExplained({ sourceId: file, kind: 'text', content: readFileSync(join(seeds, file), 'utf8') });
    assert.ok(r.ok);
    const a = r.value.article;
    return [file.slice(0, 3), [a.published, a.publishedBasis, a.publishedGuess?.date.slice(0, 7) ?? null]];
  }));
  assert.deepEqual(dates['000'], ['2021-09-26', 'byline', null]);
  assert.deepEqual(dates['001'], [null, 'none', '2020-02']);
  for (const id of ['002', '003', '004']) assert.deepEqual(dates[id]!.slice(0, 2), [null, 'none'], id);
});
