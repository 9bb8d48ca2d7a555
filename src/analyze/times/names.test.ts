// One list of month and weekday names (./names.ts) read by the times grammar, extraction's date
// readers and the events stage's tolls: each form of the list is read by each of them, with the
// forms each one leaves out. Sentences written for the test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCasualties } from '../events/index.js';
import { findExplicitDate } from '../../extract/dates.js';
import { readTextHead } from '../../extract/text.js';
import { recognise } from './grammar.js';
import { MONTH_NAMES, MONTH_NUMBERS, MONTHS, WEEKDAY_NAMES } from './names.js';

const pad = (n: number) => String(n).padStart(2, '0');

test('the list: twelve months in order, each name and abbreviation numbered once', () => {
  assert.equal(MONTHS.length, 12);
  assert.equal(WEEKDAY_NAMES.length, 7);
  assert.equal(MONTH_NUMBERS['january'], 1);
  assert.equal(MONTH_NUMBERS['sept'], 9);
  assert.equal(MONTH_NUMBERS['sep'], 9);
  assert.equal(MONTH_NUMBERS['december'], 12);
  for (const [i, m] of MONTHS.entries()) {
    for (const w of [m.name, ...m.abbr]) assert.equal(MONTH_NUMBERS[w.toLowerCase()], i + 1, w);
    for (const w of m.wordLike ?? []) assert.ok(m.abbr.includes(w), w);
  }
});

test('extraction reads every name and abbreviation, with or without a dot, day first or month first', () => {
  for (const [i, m] of MONTHS.entries()) {
    for (const w of [m.name, ...m.abbr]) {
      const want = `2016-${pad(i + 1)}-05`;
      assert.equal(findExplicitDate(`Posted 5 ${w} 2016`), want, w);
      assert.equal(findExplicitDate(`Posted ${w.toUpperCase()}. 5, 2016`), want, w);
    }
  }
  assert.equal(findExplicitDate('Posted 5 Sepember 2016'), null);
  // a dateline run into the first line, after a weekday
  assert.equal(readTextHead('Tue 05 Jul 2016 Suicide bombing kills 12').published, '2016-07-05');
  assert.equal(readTextHead('Rebels advance AFP Monday 13 Nov 2017 Air strikes hit the town').published, '2017-11-13');
});

test('the times grammar reads names and dotted abbreviations anywhere, word-like abbreviations only between a day and a year', () => {
  const month = (text: string) => recognise(text).map((x) => x.reading).find((r) => r.k === 'date' || r.k === 'month') as { m: number } | undefined;
  for (const [i, m] of MONTHS.entries()) {
    assert.equal(month(`The talks resume on ${m.name} 5.`)?.m, i + 1, m.name);
    for (const a of m.abbr) {
      assert.equal(month(`The talks resume on ${a}. 5.`)?.m, i + 1, `${a}.`);
      assert.equal(month(`The talks resume on ${a} 5.`)?.m, m.wordLike?.includes(a) ? undefined : i + 1, a);
      assert.equal(month(`The talks resumed on 22 ${a} 2016.`)?.m, i + 1, `22 ${a} 2016`);
    }
  }
});

test('a figure before a month is a date, not a toll', () => {
  for (const m of MONTH_NAMES) assert.deepEqual(findCasualties(`Jets killed 9 ${m} 2016 in Idlib.`, 'killed'), [], m);
  assert.equal(findCasualties('Jets killed 9 in Idlib.', 'killed')[0]?.min, 9);
});
