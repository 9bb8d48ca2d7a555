// The steady-state figure is the median of the passes after the warm-up: the cold passes
// (V8 still optimising) never count, and one disturbed pass does not move it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { steadyRate } from './steady.js';

test('the warm-up passes do not count; the median of the rest does', () => {
  assert.equal(steadyRate([100, 200, 300, 310, 290, 50, 305], 3), 297.5);
  assert.equal(steadyRate([100, 200, 300, 310, 290, 305], 3), 305);
});

test('no pass after the warm-up gives no figure', () => {
  assert.ok(Number.isNaN(steadyRate([100, 200], 2)));
});
