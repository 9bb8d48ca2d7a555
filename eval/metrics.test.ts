import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aebAggregate, aebPrecision, aebRecall, bagOfWordsPrf, shingleCounts, shingleMatch, wordTokens } from './metrics.js';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('tokens are \\w+ runs, Unicode letters and digits included, punctuation dropped', () => {
  assert.deepEqual(wordTokens("Kyiv's 2nd-day talks: naïve, 100%!"), ['Kyiv', 's', '2nd', 'day', 'talks', 'naïve', '100']);
  assert.deepEqual(wordTokens('  '), []);
});

test('shingles: 4-token windows with counts; a short text is one short shingle', () => {
  const c = shingleCounts('a b c d a b c d');
  assert.equal(c.size, 4); // abcd, bcda, cdab, dabc
  assert.equal(c.get(['a', 'b', 'c', 'd'].join('\u0000')), 2);
  assert.equal(shingleCounts('one two').size, 1);
  assert.equal(shingleCounts('').size, 0);
});

test('shingle match: identical texts are perfect, case matters, counts normalised', () => {
  const same = shingleMatch('the cat sat on the mat', 'the cat sat on the mat');
  close(same.tp, 1);
  assert.equal(aebPrecision(same), 1);
  assert.equal(aebRecall(same), 1);
  // The AEB script does not lower-case: different case, no shared shingle.
  const cased = shingleMatch('The cat sat on', 'the cat sat on');
  assert.equal(aebPrecision(cased), 0);
  // Extra predicted text: 3 of 6 predicted shingles are right, all 3 true ones found.
  const extra = shingleMatch('a b c d e f', 'a b c d e f g h i');
  close(aebPrecision(extra), 0.5);
  close(aebRecall(extra), 1);
  close(extra.tp + extra.fp + extra.fn, 1);
});

test('AEB aggregate: P over pages with a prediction, R over pages with a truth, F1 of the means', () => {
  const pages = [shingleMatch('a b c d e f', 'a b c d e f g h i'), shingleMatch('a b c d e', '')];
  const m = aebAggregate(pages);
  close(m.precision, 0.5); // the empty prediction is left out of P
  close(m.recall, 0.5); // ... but counts as 0 in R
  close(m.f1, 0.5);
});

test('bag of words: lower-cased multiset overlap, empty cases as in WCXB', () => {
  const s = bagOfWordsPrf('The the cat', 'the cat sat');
  close(s.precision, 2 / 3);
  close(s.recall, 2 / 3);
  close(s.f1, 2 / 3);
  assert.deepEqual(bagOfWordsPrf('', ''), { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(bagOfWordsPrf('x', ''), { precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(bagOfWordsPrf('', 'x'), { precision: 0, recall: 0, f1: 0 });
});
