import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventMention } from '../src/model/index.js';
import { assign } from './events.js';

const sys = (type: string, actor: string, day: string): EventMention => ({
  type: type as EventMention['type'], mode: '', actor: { id: actor, text: actor }, recipient: null, place: null,
  date: { start: day, end: day, precision: 'day', basis: 'explicit' }, status: 'occurred', killed: null, injured: null, source: null,
  evidence: { sentence: 0, start: 0, end: 1 }, confidence: 1,
});

test('matching is one-to-one and does not let an optional gold event take a mention a required one needs', () => {
  const gold = [
    { id: 'o', type: 'ASSAULT', actor: { id: 'SYR.MIL' }, optional: true, date: { start: '2020-02-10', end: '2020-02-16' } },
    { id: 'r', type: 'ASSAULT', actor: { id: 'SYR.MIL' }, date: { start: '2020-02-10', end: '2020-02-10' } },
  ];
  // the only mention fits both: it goes to the required event
  assert.deepEqual([...assign([sys('ASSAULT', 'SYR.MIL', '2020-02-10')], gold, new Map())], [[0, 1]]);
  // two mentions: each gets one, whatever the order of the system's output
  const two = assign([sys('ASSAULT', 'SYR.MIL', '2020-02-10'), sys('ASSAULT', 'SYR.MIL', '2020-02-12')], gold, new Map());
  assert.deepEqual([...two].sort(), [[0, 1], [1, 0]]);
  // a mention of another type matches nothing
  assert.equal(assign([sys('CONSULT', 'SYR.MIL', '2020-02-10')], gold, new Map()).size, 0);
});

test('FA-KES buckets: an attacker named only by a label is not identified', async () => {
  const { actorBucket } = await import('./fakes.js');
  const e = (id: string, text: string) => ({ ...sys('ASSAULT', id, '2016-01-01'), actor: { id, text } });
  assert.equal(actorBucket(e('SYR.REB', 'terrorist groups')), 'unknown');
  assert.equal(actorBucket(e('SYR.REB', 'Takfiri terrorists')), 'unknown');
  assert.equal(actorBucket(e('SYR.REB', 'Free Syrian Army')), 'armed opposition groups');
  assert.equal(actorBucket(e('SYR.MIL', 'regime helicopters')), 'syrian government or russian troops');
});
