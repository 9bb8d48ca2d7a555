// inferPublication: the date of an article that prints none, from its own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferPublication } from './index.js';

test('a dated byline line near the top', () => {
  const text = 'Floods close the northern pass\nBy Staff Reporter - September 26 2021\nRescuers reached two villages on 26 September.';
  const p = inferPublication(text);
  assert.deepEqual([p?.date, p?.basis, p?.precision], ['2021-09-26', ['byline'], 'day']);
});

test('a weekday with its date fixes the year; "today, February 17" fixes the day', () => {
  const text = [
    'HOMS - Troops entered the village, the agency reported today, February 17.',
    'On Monday, February 10, a convoy was ambushed.',
    'The accord of September 17, 2018 still stands.',
  ].join(' ');
  const p = inferPublication(text, { notAfter: '2026-11-25' });
  // 10 February was a Monday in 2014, 2020 and 2025; 2018 is named, so 2020 is the first that fits.
  assert.equal(p?.date, '2020-02-17');
  assert.ok(p?.basis.includes('today') && p.basis.includes('weekday-date'));
  assert.ok(p!.confidence >= 0.8);
});

test('an upcoming dated meeting and a weekday that names the same day', () => {
  const text = 'The foreign ministers are due to meet on September 29. Shelling hit the port on Sunday. '
    + 'The talks are set to open in Geneva on Wednesday.';
  const p = inferPublication(text, { notAfter: '2026-11-25' });
  // 29 September is a Wednesday in 2021 (and 2027, after the bound): a few days before it.
  assert.equal(p?.date.slice(0, 7), '2021-09');
  assert.ok(p!.date <= '2021-09-29' && p!.date >= '2021-09-23');
  assert.ok(p?.basis.includes('weekday-coincidence'));
});

test('a year used as a modifier means a later year; the latest past date gives the day', () => {
  const text = 'Residents reported on 1 October that shelling resumed. It breaks a 2020 truce.';
  const p = inferPublication(text, { notAfter: '2026-11-25' });
  assert.deepEqual([p?.date, p?.precision], ['2021-10-01', 'day']);
  assert.ok(p?.basis.includes('latest-event'));
});

test('nothing that ties the text to a year gives null', () => {
  assert.equal(inferPublication('Jets bombed the town on Sunday.'), null);
});

test('a "year" after the latest possible date is not a year: a clock time like "updated 2042" gives no guess, never NaN', () => {
  const p = inferPublication('Get short URL (updated 2042) Six people were killed in the shelling on Sunday.', { notAfter: '2026-11-26' });
  assert.ok(p === null || /^\d{4}-\d{2}-\d{2}$/.test(p.date), JSON.stringify(p));
});
