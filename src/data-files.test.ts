import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataJsonFiles, dataUrl, readDataJson } from './data-files.js';

test('data files are read from data/ of the repository itself, not from a copy in dist/', () => {
  const path = fileURLToPath(dataUrl('entities/words.json'));
  assert.ok(!path.split(/[\\/]/).includes('dist'), path);
  assert.ok(path.endsWith('/data/entities/words.json'), path);
  assert.ok(existsSync(path));
  assert.ok(Array.isArray(readDataJson<{ personNouns: { words: string[] } }>('entities/words.json').personNouns.words));
  assert.ok(dataJsonFiles('events/triggers').length > 0);
});

test('a data file that is missing is an error naming it', () => {
  assert.throws(() => readDataJson('actors/no-such-file.json'), /data\/actors\/no-such-file\.json: cannot be read/);
});
