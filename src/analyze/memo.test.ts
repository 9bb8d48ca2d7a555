import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoize } from './memo.js';

test('memoize: an answer kept is not computed again; null is kept, undefined is not', () => {
  const calls: string[] = [];
  const f = memoize(10, (k) => { calls.push(k); return k === 'none' ? null : k === 'gone' ? undefined : k.toUpperCase(); });
  assert.equal(f('a'), 'A');
  assert.equal(f('a'), 'A');
  assert.equal(f('none'), null);
  assert.equal(f('none'), null);
  assert.equal(f('gone'), undefined);
  assert.equal(f('gone'), undefined);
  assert.deepEqual(calls, ['a', 'none', 'gone', 'gone']);
});

test('memoize: full at its cap, it is emptied before the next answer is kept', () => {
  let n = 0;
  const f = memoize(3, (k) => { n++; return k.length; });
  for (const k of ['a', 'bb', 'ccc']) f(k);
  assert.equal(n, 3);
  f('a'); f('ccc');
  assert.equal(n, 3); // three kept
  f('dddd'); // the memo was full: emptied, then 'dddd' kept
  assert.equal(n, 4);
  f('dddd');
  assert.equal(n, 4);
  f('a'); // computed again
  assert.equal(n, 5);
});

test('memoize: each memo is its own', () => {
  const f = memoize(5, (k) => `f:${k}`), g = memoize(5, (k) => `g:${k}`);
  assert.equal(f('x'), 'f:x');
  assert.equal(g('x'), 'g:x');
});
