import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findExplicitDate } from './dates.js';
import { extractDocument } from './index.js';
import { extractText } from './text.js';

test('a scraped text: furniture dropped, title from the first line, date from the byline, white space tidied', () => {
  const raw = '//\r\n\r\nArmy enters two villages\r\nBy News Desk - March 15 2024\r\n\r\n\r\n\r\nThe army\u00a0entered Tafas.  \r\nResidents fled.\r\n';
  assert.deepEqual(extractText(raw), {
    title: 'Army enters two villages',
    byline: 'By News Desk - March 15 2024',
    published: '2024-03-15',
    publishedBasis: 'byline',
    outlet: null,
    origin: null,
    text: 'Army enters two villages\nBy News Desk - March 15 2024\n\nThe army entered Tafas.\nResidents fled.',
    dropped: [{ line: 1, text: '//', reason: 'no letters' }],
  });
});

test('a repost names its origin and its house in lines that are dropped from the text', () => {
  const r = extractText('Talks resume\n\nThe delegations met on Monday.\n\nContinue this report at Example Wire\n\nREAD MORE WORLD NEWS AT: Example Review');
  assert.deepEqual([r.origin, r.outlet, r.text], ['Example Wire', 'Example Review', 'Talks resume\n\nThe delegations met on Monday.']);
});

test('a dateline without a byline gives the date; a text with no year gives none', () => {
  assert.equal(extractText('Talks in Sochi\n\nSat 16 Mar 2024\n\nLeaders met.').publishedBasis, 'dateline');
  assert.equal(extractText('Talks in Sochi\n\nSat 16 Mar 2024\n\nLeaders met.').published, '2024-03-16');
  const undated = extractText('Turkey sends reinforcements\n\nOn Sunday, a convoy crossed into Idlib on September 26.');
  assert.deepEqual([undated.published, undated.publishedBasis], [null, 'none']);
});

test('explicit dates in their common news forms', () => {
  assert.equal(findExplicitDate('By News Desk - September 26 2021'), '2021-09-26');
  assert.equal(findExplicitDate('Updated Sept. 29, 2021 at 10:00'), '2021-09-29');
  assert.equal(findExplicitDate('Wed 05 Apr 2017 Syria attack'), '2017-04-05');
  assert.equal(findExplicitDate('2020-02-17T08:00:00Z'), '2020-02-17');
  assert.equal(findExplicitDate('February 31 2020'), null);
  assert.equal(findExplicitDate('on 25 September'), null);
});

test('caller metadata wins; "clean": false keeps the text exactly as given', () => {
  const text = '  Title line\n\nBy Desk - March 1 2024\n\nRockets\u00a0hit the town.  ';
  const r = extractDocument({ sourceId: 'x', kind: 'text', content: text, clean: false, outlet: 'Wire' });
  assert.ok(r.ok);
  assert.equal(r.value.text, text);
  assert.equal(r.value.outlet, 'Wire');
  assert.equal(r.value.published, '2024-03-01');
  const given = extractDocument({ sourceId: 'y', kind: 'text', content: text, published: '2024-02-28' });
  assert.ok(given.ok);
  assert.deepEqual([given.value.published, given.value.publishedBasis], ['2024-02-28', 'given']);
  assert.equal(given.value.text, 'Title line\n\nBy Desk - March 1 2024\n\nRockets hit the town.');
});

test('the same text with other white space has the same content hash', () => {
  const a = extractDocument({ sourceId: 'a', kind: 'text', content: 'Rockets hit the town.\n\nTwo died.' });
  const b = extractDocument({ sourceId: 'b', kind: 'text', content: 'Rockets hit  the town.\r\n\r\n\r\nTwo died.\n' });
  assert.ok(a.ok && b.ok);
  assert.equal(a.value.contentHash, b.value.contentHash);
});

test('language is told from the text', () => {
  const en = extractDocument({ sourceId: 'en', kind: 'text', content: 'The army entered the town after the fighters agreed to hand over their weapons, residents said.' });
  const tr = extractDocument({ sourceId: 'tr', kind: 'text', content: 'Ordu, savaşçıların silahlarını teslim etmeyi kabul etmesinin ardından kasabaya girdi, dedi yerel halk.' });
  assert.ok(en.ok && tr.ok);
  assert.equal(en.value.language, 'en');
  assert.equal(tr.value.language, 'tr');
});

test('datelines run into the first line: weekday dates, "Date of publication", a wire name after the headline', () => {
  assert.equal(extractText('Tue 05 Jul 2016 Blast kills nine in a market town').published, '2016-07-05');
  assert.equal(extractText('Date of publication 22 June 2016 At least four people were hurt').published, '2016-06-22');
  assert.equal(extractText('Posted on July 20 2016 by a correspondent Talks resumed').published, '2016-07-20');
  assert.equal(extractText('Strikes hit a market town Monitor AFP Monday 13 Nov 2017 Strikes on a market').published, '2017-11-13');
  assert.equal(extractText('May the talks succeed, said the envoy in 2016.').published, null);
});

test('numeric datelines read day first, and a month-name date whose comma and space were scraped off', () => {
  assert.equal(extractText('26.11.2014 Some forty people were hurt in the strikes').published, '2014-11-26');
  assert.equal(extractText('04-07-2015 A blast hit the market').published, '2015-07-04');
  assert.equal(extractText('11.10.2017(updated 1838 11.10.2017) Get short URL Nine were killed').published, '2017-10-11');
  // Month first only when day first is no date.
  assert.equal(extractText('09/25/2016 Talks resumed').published, '2016-09-25');
  assert.equal(extractText('Last updated at Apr 152017 A car bomb hit buses').published, '2017-04-15');
  assert.equal(extractText('Last updated at Jul 012016 BEIRUT Fighting went on').published, '2016-07-01');
  // Numbers that are not a leading date stay unread.
  assert.equal(extractText('12.5 per cent of the town was hit in 2016').published, null);
  assert.equal(extractText('Apr 152 rockets fell').published, null);
  // A time stamp whose colon was scraped off, then the day, after the headline.
  assert.equal(extractText('Fighters take a dam Middle East 1730 28.04.2017 Fighters took the dam').published, '2017-04-28');
  assert.equal(extractText('In 1730 12 villages were built').published, null);
});

test('NUL and other control characters: taken out of a text to clean, refused where they cannot be', () => {
  const r = extractDocument({ sourceId: 'n', kind: 'text', content: 'Rockets\u0000 hit the\u0007 town.\tTwo\u001b died.' });
  assert.ok(r.ok);
  assert.equal(r.value.text, 'Rockets hit the town. Two died.');
  const exact = extractDocument({ sourceId: 'e', kind: 'text', content: 'Rockets\u0000 hit the town.', clean: false });
  assert.ok(!exact.ok);
  assert.match(exact.error, /NUL/);
  for (const field of ['title', 'outlet', 'url', 'sourceId'] as const) {
    const meta = extractDocument({ sourceId: 'm', kind: 'text', content: 'Rockets hit the town.', [field]: 'Wire\u0000 desk' });
    assert.ok(!meta.ok, field);
    assert.equal(meta.error, `its ${field} holds a NUL character`);
  }
});
