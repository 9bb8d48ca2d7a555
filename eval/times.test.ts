// The TimeML reader: plain text of <TEXT>, TIMEX3 spans counted in that text, the DCT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTimeml } from './times.js';

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
