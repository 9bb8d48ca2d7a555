import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './index.js';

/** The sentences of `text`, as strings. */
function split(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

test('plain sentences split after full stops, question and exclamation marks', () => {
  assert.deepEqual(split('The army entered Tafas. Residents fled! Will the truce hold? Nobody knows.'), [
    'The army entered Tafas.',
    'Residents fled!',
    'Will the truce hold?',
    'Nobody knows.',
  ]);
});

test('U.S. and U.N. inside a sentence do not split it', () => {
  assert.deepEqual(split('The U.S. Army and U.N. monitors arrived. They left on Monday.'), [
    'The U.S. Army and U.N. monitors arrived.',
    'They left on Monday.',
  ]);
  assert.deepEqual(split('Sanctions by the U.S. followed within days.'), ['Sanctions by the U.S. followed within days.']);
});

test('U.S. at the end of a sentence splits when a typical sentence starter follows', () => {
  assert.deepEqual(split('The rebels were backed by the U.S. The talks resumed on Friday.'), [
    'The rebels were backed by the U.S.',
    'The talks resumed on Friday.',
  ]);
  assert.deepEqual(split('Aid went through the U.N. But the border stayed closed.'), [
    'Aid went through the U.N.',
    'But the border stayed closed.',
  ]);
  assert.deepEqual(split('The plan was drafted in the U.K.'), ['The plan was drafted in the U.K.']);
});

test('U.S. followed by a capitalised name stays one sentence (a known limit)', () => {
  assert.deepEqual(split('He met U.S. Secretary of State Blinken.'), ['He met U.S. Secretary of State Blinken.']);
});

test('month abbreviations before a day do not split', () => {
  assert.deepEqual(split('The leaders meet on Sept. 29 in Sochi. A deal is expected.'), [
    'The leaders meet on Sept. 29 in Sochi.',
    'A deal is expected.',
  ]);
});

test('titles and ranks before a name do not split', () => {
  assert.deepEqual(split('Gen. Smith inspected the base. According to Maj. Youssef Hamoud, shelling continued.'), [
    'Gen. Smith inspected the base.',
    'According to Maj. Youssef Hamoud, shelling continued.',
  ]);
  assert.deepEqual(split('Lt. Col. Ahmed and Dr. Lee met Mr. Karim.'), ['Lt. Col. Ahmed and Dr. Lee met Mr. Karim.']);
  // A title matches only with its capital: "ms" here is milliseconds.
  assert.deepEqual(split('The delay was 40 ms. Then it rose.'), ['The delay was 40 ms.', 'Then it rose.']);
});

test('decimal numbers and numbered items do not split', () => {
  assert.deepEqual(split('About 3.5 million people fled. Resolution No. 2254 was cited.'), [
    'About 3.5 million people fled.',
    'Resolution No. 2254 was cited.',
  ]);
});

test('a quotation ending in a comma or question mark continues with its attribution', () => {
  assert.deepEqual(split('"We will fight," he said.'), ['"We will fight," he said.']);
  assert.deepEqual(split('\u201cWhere are the convoys?\u201d asked a resident. Nobody answered.'), [
    '\u201cWhere are the convoys?\u201d asked a resident.',
    'Nobody answered.',
  ]);
});

test('a sentence ending inside a quotation splits after the closing quote', () => {
  assert.deepEqual(split('He said: "We are ready." Then he left.'), ['He said: "We are ready."', 'Then he left.']);
  assert.deepEqual(split('Lavrov said: \u201cProgress is slow.\u201d The summit is on Wednesday.'), [
    'Lavrov said: \u201cProgress is slow.\u201d',
    'The summit is on Wednesday.',
  ]);
  assert.deepEqual(split('\u201cThe militants left the area. \u201d Shelling resumed later.'), [
    '\u201cThe militants left the area. \u201d',
    'Shelling resumed later.',
  ]);
});

test('an ellipsis splits before a capital and not before a lower-case word', () => {
  assert.deepEqual(split('The shelling went on\u2026 Then it stopped. We waited... and waited.'), [
    'The shelling went on\u2026',
    'Then it stopped.',
    'We waited... and waited.',
  ]);
});

test('paragraphs always split, even without final punctuation: headline, byline, caption', () => {
  const text =
    'Army enters two villages\nBy News Desk - September 26 2021\n\nTroops in Deraa (Photo credit: AFP)\n\nThe army entered Tafas. Residents fled.';
  assert.deepEqual(split(text), [
    'Army enters two villages',
    'By News Desk - September 26 2021',
    'Troops in Deraa (Photo credit: AFP)',
    'The army entered Tafas.',
    'Residents fled.',
  ]);
});

test('a caption run into the text ends at its photo or wire credit', () => {
  assert.deepEqual(split('A boy sits in a tent near the border (Wire World and Agencies) A bomb killed six people.'), [
    'A boy sits in a tent near the border (Wire World and Agencies)',
    'A bomb killed six people.',
  ]);
  assert.deepEqual(split('Smoke over the town (File photo) After the strike, people fled.'), ['Smoke over the town (File photo)', 'After the strike, people fled.']);
  // Other parentheses do not split, nor a credit before a lower-case word.
  assert.deepEqual(split('The Syrian Observatory (SOHR) Monitors said so.'), ['The Syrian Observatory (SOHR) Monitors said so.']);
  assert.deepEqual(split('Talks ended (Reuters) and fighting resumed.'), ['Talks ended (Reuters) and fighting resumed.']);
});

test('a lone "1 min read" line is its own sentence', () => {
  assert.deepEqual(split('Turkey sends reinforcements\n\n1 min read\n\nA convoy crossed the border.'), [
    'Turkey sends reinforcements',
    '1 min read',
    'A convoy crossed the border.',
  ]);
});

test('a line break inside a sentence does not split it', () => {
  assert.deepEqual(split('The convoy crossed into Idlib\novernight and headed south. It carried tanks.'), [
    'The convoy crossed into Idlib\novernight and headed south.',
    'It carried tanks.',
  ]);
  assert.deepEqual(split('Talks were held between the\nTurkish and Russian delegations.'), [
    'Talks were held between the\nTurkish and Russian delegations.',
  ]);
  assert.deepEqual(split('Troops moved in,\nResidents said.'), ['Troops moved in,\nResidents said.']);
  assert.deepEqual(split('It was led by Gen.\nSmith.'), ['It was led by Gen.\nSmith.']);
});

test('a line break splits where the previous line ends a sentence or the next starts one', () => {
  assert.deepEqual(split('Sign up for our newsletter\nGet the latest news.\nFollow us'), [
    'Sign up for our newsletter',
    'Get the latest news.',
    'Follow us',
  ]);
  assert.deepEqual(split('Sanctions were imposed by the U.S.\nRussia responded.'), [
    'Sanctions were imposed by the U.S.',
    'Russia responded.',
  ]);
});

test('initials in a name do not split', () => {
  assert.deepEqual(split('J. K. Rowling wrote it. George W. Bush read it.'), [
    'J. K. Rowling wrote it.',
    'George W. Bush read it.',
  ]);
});

test('times and other dotted abbreviations split only before a sentence starter', () => {
  assert.deepEqual(split('The strike came at 5 a.m. Syrian time. It hit a depot at 6 p.m. The depot burned.'), [
    'The strike came at 5 a.m. Syrian time.',
    'It hit a depot at 6 p.m.',
    'The depot burned.',
  ]);
  assert.deepEqual(split('Fuel, food, etc. were sent. Trucks, cars, etc. The list grew.'), [
    'Fuel, food, etc. were sent.',
    'Trucks, cars, etc.',
    'The list grew.',
  ]);
});

test('empty and white-space-only texts have no sentences', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(' \n\n\t \u00a0\r\n'), []);
});

test('spans exclude surrounding white space, including CRLF line ends and non-breaking spaces', () => {
  const text = '  \r\nHeadline here\r\n\r\nThe army entered Tafas.\u00a0 Residents fled.  \r\n';
  assert.deepEqual(splitSentences(text), [
    { start: 4, end: 17 },
    { start: 21, end: 44 },
    { start: 46, end: 61 },
  ]);
  assert.deepEqual(split(text), ['Headline here', 'The army entered Tafas.', 'Residents fled.']);
});

test('offsets are UTF-16 offsets and hold with non-ASCII text', () => {
  const text = 'Erdo\u011fan met Putin. \u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 \u0627\u0644\u0642\u0635\u0641 \u062a\u0648\u0642\u0641. \u0647\u0644 \u0633\u062a\u0633\u062a\u0645\u0631 \u0627\u0644\u0647\u062f\u0646\u0629\u061f Emoji \u{1F600} ok.';
  const sentences = splitSentences(text);
  assert.deepEqual(split(text), [
    'Erdo\u011fan met Putin.',
    '\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 \u0627\u0644\u0642\u0635\u0641 \u062a\u0648\u0642\u0641.',
    '\u0647\u0644 \u0633\u062a\u0633\u062a\u0645\u0631 \u0627\u0644\u0647\u062f\u0646\u0629\u061f',
    'Emoji \u{1F600} ok.',
  ]);
  assert.deepEqual(sentences[0], { start: 0, end: 18 });
  assert.equal(sentences[3]!.end, text.length);
  // CJK full stops need no space after them.
  assert.deepEqual(split('\u4f1a\u8c08\u7ed3\u675f\u4e86\u3002\u53cc\u65b9\u540c\u610f\u505c\u706b\uff01'), ['\u4f1a\u8c08\u7ed3\u675f\u4e86\u3002', '\u53cc\u65b9\u540c\u610f\u505c\u706b\uff01']);
});

test('every non-white-space character lies in exactly one sentence, in order', () => {
  const text = 'A. B.  "C?" d.\n\n e\u2026 F! (G.) H.\nI\u2029J. U.S. \u00a0 K ...';
  const sentences = splitSentences(text);
  let previousEnd = 0;
  let covered = 0;
  for (const { start, end } of sentences) {
    assert.ok(start >= previousEnd && end > start);
    assert.match(text[start]!, /\S/);
    assert.match(text[end - 1]!, /\S/);
    assert.doesNotMatch(text.slice(previousEnd, start), /\S/);
    covered += text.slice(start, end).replace(/\s/g, '').length;
    previousEnd = end;
  }
  assert.doesNotMatch(text.slice(previousEnd), /\S/);
  assert.equal(covered, text.replace(/\s/g, '').length);
});
