import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RawDocument } from '../model/index.js';
import { threadAnalyzer } from './threads.js';

const fixture = new URL('./threads.fixture.js', import.meta.url);
const doc = (content: string): RawDocument => ({ sourceId: content, kind: 'text', content });

test('the real analysis thread analyses a document', async () => {
  const pool = threadAnalyzer(1);
  try {
    const r = await pool.process(doc('Rockets hit the town on Sunday. Two people died.'));
    assert.ok(r.ok);
    assert.equal(r.value.sentences.length, 2);
  } finally {
    await pool.close();
  }
});

test('a document that hangs is refused after the time limit; a crash fails only its document; the rest go on', async () => {
  const pool = threadAnalyzer(2, 300, fixture);
  try {
    const results = await Promise.all(['a', 'hang', 'b', 'crash', 'c', 'd'].map((c) => pool.process(doc(c))));
    assert.deepEqual(results, [
      { ok: true, value: { echoed: 'a' } },
      { ok: false, error: 'analysis took longer than 0.3 s' },
      { ok: true, value: { echoed: 'b' } },
      { ok: false, error: 'analysis failed: analysis thread exited with code 3' },
      { ok: true, value: { echoed: 'c' } },
      { ok: true, value: { echoed: 'd' } },
    ]);
  } finally {
    await pool.close();
  }
});

test('threads that cannot start fail every document with the reason instead of retrying forever', async () => {
  process.env.SITREP_FIXTURE_BROKEN = '1';
  const pool = threadAnalyzer(2, 1000, fixture);
  try {
    const results = await Promise.all([pool.process(doc('a')), pool.process(doc('b'))]);
    for (const r of results) assert.deepEqual(r, { ok: false, error: 'analysis threads cannot start: cannot load knowledge' });
    assert.deepEqual(await pool.process(doc('c')), { ok: false, error: 'analysis threads cannot start: cannot load knowledge' });
  } finally {
    delete process.env.SITREP_FIXTURE_BROKEN;
    await pool.close();
  }
});
