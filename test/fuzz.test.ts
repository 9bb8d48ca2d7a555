// Property-based tests (fast-check): whatever the input, no exception escapes, every
// offset lies within the text, and analysis is deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, docOf, loadKnowledge } from '../src/analyze/index.js';
import { findCasualties, parseCasualties } from '../src/analyze/events/casualties.js';
import { findTimes } from '../src/analyze/times/index.js';
import { splitSentences } from '../src/analyze/sentences/index.js';
import { extractDocument } from '../src/extract/index.js';
import { extractHtml } from '../src/extract/html.js';
import { parseJsonlLine } from '../src/ingest/jsonl.js';

const knowledge = loadKnowledge();
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** News-like text: words of the domain, numbers, dates, quotes and punctuation, in any order. */
const newsy = fc
  .array(
    fc.oneof(
      fc.constantFrom('Russian', 'jets', 'bombed', 'Idlib', 'on', 'Sunday', 'said', 'Lavrov', 'U.S.', 'Sept.', '29', '2021',
        'at least seven', 'fighters', 'killed', 'Erdoğan', 'Deraa', 'the', 'army', '“', '”', '"', '.', ',', '!', '?', '\n', '\n\n',
        'Gen.', 'Maj.', 'Hayat Tahrir al-Sham', 'last week', 'two years ago', 'for eight years', 'according to', 'SOHR', '(', ')'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(' '));

const within = (spans: { start: number; end: number }[], length: number) =>
  spans.every((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length);

test('sentence splitting: spans in order, within the text, covering every non-space character', () => {
  fc.assert(
    fc.property(fc.oneof(newsy, fc.string({ unit: 'grapheme', maxLength: 300 })), (text) => {
      const spans = splitSentences(text);
      assert.ok(within(spans, text.length));
      for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start >= spans[i - 1]!.end);
      const covered = spans.map((s) => text.slice(s.start, s.end)).join('').replace(/\s/g, '');
      assert.equal(covered, text.replace(/\s/g, ''));
    }),
    { numRuns: RUNS * 4 },
  );
});

test('analysis: no exception, every layer within the text, the same result twice', () => {
  fc.assert(
    fc.property(newsy, fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })), (text, date) => {
      const published = date ? date.toISOString().slice(0, 10) : undefined;
      const article = extractDocument({ sourceId: 'fuzz', kind: 'text', content: text, clean: false, ...(published ? { published } : {}) });
      if (!article.ok) return; // empty text: refused with a reason, which is allowed
      // Read as English whatever the language guess, so that every stage runs.
      const english = { ...article.value, language: 'en' };
      const a = analyze(english, knowledge);
      const length = a.article.text.length;
      for (const layer of [a.sentences, a.entities, a.places, a.times, a.quantities, a.attributions, a.events.map((e) => e.evidence)]) assert.ok(within(layer, length));
      assert.deepEqual(analyze(english, knowledge), a);
    }),
    { numRuns: RUNS },
  );
});

/** TIMEX3 values: a day (and part or time of day), month, year, week (or its weekend), quarter, season, decade (`197`) or century (`19`), a duration, or a reference. */
const TIMEX_VALUE = /^(\d{4}(-\d{2}(-\d{2}(T(MO|AF|EV|NI|\d{2}:\d{2}))?)?|-W\d{2}(-WE)?|-Q[1-4]|-(SP|SU|FA|WI))?|\d{2,3}|PT?(\d+(\.\d+)?|X)[YMWDHS]|(PRESENT|PAST|FUTURE)_REF)$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Date talk: weekdays, months, years, relative phrases, ranges, and noise between them. */
const datey = fc
  .array(
    fc.oneof(
      fc.constantFrom('on', 'Sunday', 'last', 'next', 'week', 'month', 'year', 'ago', 'days', 'two', '3', 'since', 'until', 'between', 'and',
        'early', 'late', 'mid-', 'March', 'Sept.', 'December', '29', '31', '2011', '2021', '1999', '9999', '0', 'the', 'of', 'from', 'to', '-', '–',
        'yesterday', 'tonight', 'this', 'morning', 'weekend', 'decade', 'century', 'Ramadan', 'spring', 'Q3', '10/11/12', '2020-02-30', ',', '.'),
      fc.integer({ min: -5, max: 100_000 }).map(String),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

test('temporal parser: no exception; spans within the text; values are ISO dates with ranges in order', () => {
  fc.assert(
    fc.property(datey, fc.option(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })), (text, date) => {
      const published = date ? date.toISOString().slice(0, 10) : null;
      const doc = docOf(text, { published, title: null, sentences: splitSentences(text) });
      const times = findTimes(doc, knowledge.times);
      assert.ok(within(times, text.length));
      for (const t of times) {
        assert.equal(t.text, text.slice(t.start, t.end));
        if (t.value !== null && t.value !== undefined) assert.match(t.value, TIMEX_VALUE, `value of "${t.text}"`);
        if (t.range) {
          assert.match(t.range[0], ISO_DAY);
          assert.match(t.range[1], ISO_DAY);
          assert.ok(t.range[0] <= t.range[1], `range of "${t.text}" in order`);
        }
      }
      assert.deepEqual(findTimes(doc, knowledge.times), times);
    }),
    { numRuns: RUNS * 2 },
  );
});

/** Toll talk: numbers in words and digits, qualifiers, victims and verbs. */
const tolly = fc
  .array(
    fc.oneof(
      fc.constantFrom('at least', 'more than', 'up to', 'some', 'about', 'dozens of', 'hundreds', 'of', 'between', 'and', 'to', 'seven', 'five',
        'twenty-one', 'a dozen', 'one', 'no', 'zero', 'million', 'thousand', 'civilians', 'fighters', 'soldiers', 'people', 'children',
        'were', 'was', 'killed', 'dead', 'died', 'wounded', 'injured', 'killing', 'the', 'death toll', 'rose to', ',', '.', '-'),
      fc.oneof(fc.nat(1000), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })).map(String),
      fc.constantFrom('1e309', '1,000,000,000,000', '007', '3.5', '-4', 'NaN'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(' '));

test('casualty parser: no exception; figures are whole, finite and in order; spans within the text', () => {
  fc.assert(
    fc.property(tolly, (text) => {
      for (const what of ['killed', 'injured'] as const) {
        const spans = findCasualties(text, what);
        assert.ok(within(spans, text.length));
        for (const c of [...spans, parseCasualties(text, what)]) {
          if (!c) continue;
          assert.ok(Number.isSafeInteger(c.min) && c.min >= 0, `min ${c.min} of "${text}"`);
          if (c.max !== null) assert.ok(Number.isSafeInteger(c.max) && c.max >= c.min, `max ${c.max} of "${text}"`);
        }
      }
    }),
    { numRuns: RUNS * 4 },
  );
});

test('HTML extraction: no exception on arbitrary markup', () => {
  const tag = fc.constantFrom('p', 'div', 'article', 'script', 'style', 'h1', 'li', 'table', 'td', 'nav', 'footer', 'span', 'br', 'meta', 'time');
  const markup = fc.array(fc.oneof(tag.map((t) => `<${t}>`), tag.map((t) => `</${t}>`), newsy, fc.constantFrom('<!--', '-->', '&amp;', '&#x0;', '<![CDATA[', '"', "'")), { maxLength: 60 })
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(markup, (html) => {
      const r = extractHtml(html, { url: 'https://example.org/a' });
      if (r.ok) assert.equal(typeof r.value.text, 'string');
      else assert.equal(typeof r.error, 'string');
    }),
    { numRuns: RUNS },
  );
});

test('JSONL lines: any line is a document or an error naming its line, never an exception', () => {
  fc.assert(
    fc.property(fc.oneof(fc.json(), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.record({ id: fc.string(), text: fc.string(), published: fc.string() }).map((o) => JSON.stringify(o))), fc.nat(10_000), (line, n) => {
      const r = parseJsonlLine(line, n + 1);
      if (r === null) assert.equal(line.trim(), '');
      else if (!r.ok) assert.match(r.error, new RegExp(`^line ${n + 1}: `));
      else assert.equal(typeof r.doc.content, 'string');
    }),
    { numRuns: RUNS * 4 },
  );
});
