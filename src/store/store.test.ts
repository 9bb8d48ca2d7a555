// Every store test runs against both dialects (./dialects.fixture.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedArticle, EventMention, TimeMention } from '../model/index.js';
import { simhash } from '../extract/simhash.js';
import type { Store } from './index.js';
import { dialects, withDialectStore } from './dialects.fixture.js';

function article(text: string, extra: Partial<AnalyzedArticle> = {}): AnalyzedArticle {
  return {
    article: {
      sourceId: `doc-${text.length}`, url: null, outlet: 'Test Outlet', title: text.split('.')[0]!, byline: null, origin: null,
      published: '2024-03-14', publishedBasis: 'given', publishedGuess: null, language: 'en', text, contentHash: `hash:${text}`,
      simhash: simhash(text),
    },
    sentences: [{ start: 0, end: text.length }],
    entities: [], places: [], times: [], quantities: [], attributions: [], events: [],
    ...extra,
  };
}

const shelling: EventMention = {
  type: 'ASSAULT', mode: 'heavy-weapons',
  actor: { id: 'SYR.MIL', text: 'Government artillery' }, recipient: null,
  place: { name: 'Kansafra', lat: 35.6, lon: 36.5, country: 'SY', admin1: 'Idlib', precision: 1 },
  date: { start: '2024-03-13', end: '2024-03-13', precision: 'day', basis: 'relative' },
  status: 'occurred', killed: { min: 4, max: null, who: 'civilians', text: 'at least four civilians' }, injured: null,
  source: { id: 'SOHR', text: 'the Syrian Observatory' }, evidence: { sentence: 0, start: 0, end: 20 }, confidence: 0.8,
};

for (const dialect of dialects) {
  describe(`store on ${dialect.name}`, { skip: dialect.skip }, () => {
    const withStore = (fn: (s: Store) => Promise<void>) => withDialectStore(dialect, fn);

    test('storing the same article twice changes nothing and says so', () =>
      withStore(async (store) => {
        const doc = article('Artillery shelled the village. Four people died.');
        const first = await store.save(doc);
        const second = await store.save({ ...doc, article: { ...doc.article, sourceId: 'another-id' } });
        assert.equal(first.status, 'stored');
        assert.deepEqual(second, { status: 'unchanged', articleId: first.articleId });
        assert.deepEqual(await store.counts(), { articles: 1, events: 0 });
      }));

    test('an article and its layers round-trip through the store', () =>
      withStore(async (store) => {
        const text = 'Government artillery shelled Kansafra on Wednesday.';
        const doc = article(text, {
          entities: [{ start: 0, end: 20, text: 'Government artillery', type: 'group', id: 'SYR.MIL', labels: ['artillery'] }],
          places: [{ start: 30, end: 38, text: 'Kansafra', name: 'Kansafra', lat: 35.6, lon: 36.5, country: 'SY', admin1: 'Idlib', precision: 1 }],
          // A stage's own fields (here the times stage's tense and basis) come back too.
          times: [{ start: 42, end: 51, text: 'Wednesday', value: '2024-03-13', precision: 'day', range: ['2024-03-13', '2024-03-13'], tense: 'past', basis: 'relative' } as TimeMention],
          quantities: [{ start: 0, end: 4, text: 'four', min: 4, max: null, unit: 'killed' }],
          attributions: [{
            start: 0, end: 20, kind: 'reported', cue: { start: 40, end: 44, text: 'said' },
            speaker: { start: 30, end: 38, text: 'Kansafra', id: 'SOHR', entity: 0 },
          }],
          events: [shelling],
        });
        const { articleId } = await store.save(doc);
        assert.deepEqual(await store.load(articleId), doc);
        assert.equal(await store.load(articleId + 1), null);
      }));

    test('a failure while writing layers leaves no part of the article behind', () =>
      withStore(async (store) => {
        const broken = article('A sentence about a place.', {
          // lat is NOT NULL: the insert of this layer fails after the article row was written.
          places: [{ start: 0, end: 1, text: 'A', name: 'A', lat: null as unknown as number, lon: 0, country: 'SY', precision: 1 }],
        });
        await assert.rejects(store.save(broken));
        assert.deepEqual(await store.counts(), { articles: 0, events: 0 });
        assert.equal(await store.findByHash(broken.article.contentHash), null);
        // The same article, repaired, is then stored normally.
        const fixed = { ...broken, places: [] };
        assert.equal((await store.save(fixed)).status, 'stored');
      }));

    test('a layer span outside the text is refused, and the store stays sound', () =>
      withStore(async (store) => {
        const text = 'Short text.';
        await assert.rejects(store.save(article(text, { sentences: [{ start: 0, end: 40 }] })), /span outside the text: sentences 0 spans 0-40 in a text of 11/);
        assert.deepEqual(await store.counts(), { articles: 0, events: 0 });
        await store.save(article(text));
        assert.deepEqual(await store.check(), []);
      }));

    test('a lightly edited copy is linked to the article it copies; other articles are not', () =>
      withStore(async (store) => {
        const places = ['Kafranbel', 'Tafas', 'Ariha', 'Saraqib', 'Jisr al-Shughur', 'Kansafra', 'Maarat', 'Sarmin'];
        const report = (n: number) => places.map((p, i) => `Shells hit ${p} on day ${i + n} and ${i + 2} people were hurt there, residents said.`).join(' ');
        const original = article(report(1));
        const copy = article(report(1).replace('residents said.', 'residents told us.') + ' Reporting by a correspondent.');
        const other = article(places.map((p) => `Delegations met in ${p} to discuss the exchange of prisoners and the opening of roads.`).join(' '));
        const first = await store.save(original);
        const second = await store.save(copy);
        const third = await store.save(other);
        const rows = new Map<number, { id: number; similarity: number } | null>();
        for await (const a of store.articles()) rows.set(a.id, a.duplicateOf);
        assert.equal(rows.get(first.articleId), null);
        assert.equal(rows.get(second.articleId)?.id, first.articleId);
        assert.ok(rows.get(second.articleId)!.similarity >= 0.95);
        assert.equal(rows.get(third.articleId), null);
      }));

    test('full-text search finds articles by words in their text', () =>
      withStore(async (store) => {
        await store.save(article('Artillery shelled the village of Kansafra.'));
        await store.save(article('Leaders met in Sochi for talks.'));
        await store.save(article('Erdoğan and Putin met in Sochi.'));
        const found = async (search: string) => {
          const texts = [];
          for await (const a of store.articles({ search })) texts.push(a.article.text);
          return texts;
        };
        assert.deepEqual(await found('talks'), ['Leaders met in Sochi for talks.']);
        assert.deepEqual(await found('erdogan'), ['Erdoğan and Putin met in Sochi.']);
        if (dialect.name === 'postgres') {
          // Web-search syntax: a word can be excluded, but excluded words alone find nothing, not every article.
          assert.deepEqual(await found('sochi -talks'), ['Erdoğan and Putin met in Sochi.']);
          assert.deepEqual(await found('-talks'), []);
          assert.deepEqual(await found('-talks -kansafra'), []);
        }
      }));

    test('events come back with the article they came from, filtered by type and date', () =>
      withStore(async (store) => {
        const doc = article('Government artillery shelled Kansafra.', { events: [shelling] });
        doc.article.url = 'https://example.org/a';
        await store.save(doc);
        const rows = [];
        for await (const e of store.events({ type: 'ASSAULT', from: '2024-03-01' })) rows.push(e);
        assert.equal(rows.length, 1);
        assert.deepEqual(rows[0]!.event, shelling);
        assert.equal(rows[0]!.article.sourceId, doc.article.sourceId);
        assert.equal(rows[0]!.article.url, 'https://example.org/a');
        let none = 0;
        for await (const _ of store.events({ to: '2024-01-01' })) none++;
        assert.equal(none, 0);
      }));
  });
}
