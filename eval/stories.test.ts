import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjudicatedPairwise, pairKey, pairwise, type Verdict } from './stories.js';

// Four rows: the annotation says {a, b} and {c} and {d}; the system joins a, b and c.
const system = ['x', 'x', 'x', 'y'];
const gold = ['1', '1', '2', '3'];
const keys = ['a', 'b', 'c', 'd'];
const verdicts = (list: Omit<Verdict, 'why'>[]) => new Map(list.map((v) => [pairKey(v.a, v.b), { ...v, why: '-' }]));

test('with no verdicts the corrected figure is the raw one, every disagreement un-adjudicated', () => {
  const raw = pairwise(system, gold);
  const adj = adjudicatedPairwise(system, gold, keys, new Map());
  assert.deepEqual([adj.tp, adj.fp, adj.fn], [raw.tp, raw.fp, raw.fn]);
  assert.equal(adj.count.unjudged, 2); // a~c, b~c
});

test('an annotation error flips its pair; sitrep-error and unclear stay as annotated', () => {
  const adj = adjudicatedPairwise(system, gold, keys, verdicts([
    { a: 'c', b: 'a', annotated: 'different', verdict: 'annotation-error' },
    { a: 'b', b: 'c', annotated: 'different', verdict: 'unclear' },
  ]));
  assert.deepEqual([adj.tp, adj.fp, adj.fn], [2, 1, 0]);
  assert.deepEqual(adj.count, { 'annotation-error': 1, 'sitrep-error': 0, unclear: 1, unjudged: 0, agreeingRead: 0 });
  assert.equal(adj.implied.pairs, 0); // b~c was read
});

test('pairs the corrected ones imply by transitivity, and not read, are counted apart', () => {
  const adj = adjudicatedPairwise(system, gold, keys, verdicts([{ a: 'c', b: 'a', annotated: 'different', verdict: 'annotation-error' }]));
  // a~b (annotated) and a~c (corrected) are one incident, so b~c is implied; the system joins it
  assert.deepEqual([adj.implied.pairs, adj.implied.joined], [1, 1]);
  assert.equal(adj.count.unjudged, 1);
});

test('a verdict on a pair where both agree still applies, and is counted as read', () => {
  const adj = adjudicatedPairwise(system, gold, keys, verdicts([{ a: 'c', b: 'd', annotated: 'different', verdict: 'annotation-error' }]));
  assert.equal(adj.fn, 1);
  assert.equal(adj.count.agreeingRead, 1);
});

test('a verdict whose annotated relation no longer matches the gold is refused', () => {
  assert.throws(() => adjudicatedPairwise(system, gold, keys, verdicts([{ a: 'a', b: 'b', annotated: 'different', verdict: 'unclear' }])), /annotated same now/);
});
