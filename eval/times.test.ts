// The TimeML reader: plain text of <TEXT>, TIMEX3 spans counted in that text, the DCT; and
// the seeds' judge of an event's date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes, loadTimeKnowledge } from '../src/analyze/times/index.js';
import { sentencedDoc } from './common.js';
import { judgeEventDate, readTimeml } from './times.js';

test('TimeML: text nodes joined, TIMEX3 offsets into them, the creation time as reference', () => {
  const xml = '<TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2021-09-26" functionInDocument="CREATION_TIME">Sept. 26</TIMEX3></DCT>'
    + '<TEXT>Jets <EVENT eid="e1">struck</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2021-09-25">Saturday</TIMEX3> &amp; talks lasted <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.</TEXT></TimeML>';
  const doc = readTimeml(xml, 'x');
  assert.equal(doc.dct, '2021-09-26');
  assert.equal(doc.text, 'Jets struck on Saturday & talks lasted two days.');
  assert.deepEqual(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value]), [
    ['Saturday', 'DATE', '2021-09-25'],
    ['two days', 'DURATION', 'P2D'],
  ]);
});

test('seed dates: a mention counts for an event only where its scope takes the event in, and a wrong date fails', () => {
  const text = 'Jets bombed the port on Friday. We are in talks with partners who signed a pact with us two years ago.';
  const doc = sentencedDoc(text, '2021-09-26');
  const times = findTimes(doc, loadTimeKnowledge());
  const at = (w: string) => ({ char_start: text.indexOf(w), char_end: text.indexOf(w) + w.length });
  assert.equal(judgeEventDate(times, doc.sentences, at('bombed the port'), { start: '2021-09-24', end: '2021-09-24' }).verdict, 'right');
  assert.equal(judgeEventDate(times, doc.sentences, at('bombed the port'), { start: '2021-09-23', end: '2021-09-23' }).verdict, 'wrong');
  // The pact is dated by its own clause; the talks are not dated by it.
  assert.equal(judgeEventDate(times, doc.sentences, at('signed a pact'), { start: '2019-01-01', end: '2019-12-31' }).verdict, 'right');
  assert.equal(judgeEventDate(times, doc.sentences, at('signed a pact'), { start: '2020-01-01', end: '2020-12-31' }).verdict, 'wrong');
  assert.equal(judgeEventDate(times, doc.sentences, at('in talks'), { start: '2021-09-25', end: '2021-09-25' }).verdict, 'other-clause');
});
