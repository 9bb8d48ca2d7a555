// The framing routes (GET /api/stories/:id/framing, GET /api/outlets/profiles) over a real
// store of short articles written for this test, each run through the whole analysis: two
// outlets and one article with no outlet tell the same shelling in their own words.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { analyze, loadKnowledge } from '../analyze/index.js';
import { simhash } from '../extract/simhash.js';
import type { AnalyzedArticle } from '../model/index.js';
import type { Store } from '../store/index.js';
import { updateStories } from '../stories/index.js';
import { createApi } from './index.js';
import { dialects, openTestStore } from './api.fixture.js';
import { outletProfileBody, storyFramingBody } from './schemas.js';

const knowledge = loadKnowledge();

function analysed(sourceId: string, outlet: string | null, title: string, text: string): AnalyzedArticle {
  return analyze({
    sourceId, url: null, outlet, title, byline: null, origin: null, published: '2024-03-12', publishedBasis: 'given', publishedGuess: null,
    language: 'en', text, contentHash: `framing:${sourceId}`, simhash: simhash(text),
  }, knowledge);
}

const TEXTS = {
  east: 'Regime forces shelled the town of Saraqib in Idlib province on March 11 2024, killing five civilians, the Syrian Observatory for Human Rights said. '
    + 'Turkish-backed rebels fired rockets at army positions near Aleppo on March 11 2024.',
  west: 'The Syrian Arab Army shelled terrorist positions in the town of Saraqib in Idlib province on March 11 2024, killing five militants, state media said.',
  none: 'Government forces shelled the town of Saraqib in Idlib province on March 11 2024, killing five people, residents said.',
};

const ARTICLES = [
  analysed('east-1', 'East Ledger', 'Shelling hits Saraqib', TEXTS.east),
  analysed('west-1', 'West Courier', 'Army strikes in Saraqib', TEXTS.west),
  analysed('none-1', null, 'Saraqib shelled', TEXTS.none),
];

for (const dialect of dialects) {
  describe(`framing API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let close: () => Promise<void>;
    let app: FastifyInstance;
    let storyId: number;
    before(async () => {
      ({ store, close } = await openTestStore(dialect, ARTICLES));
      await updateStories(store);
      app = createApi({ store, webRoot: '/nonexistent' });
      const stories = (await app.inject('/api/stories')).json().items as { id: number; articles: number }[];
      assert.equal(stories.length, 1, JSON.stringify(stories));
      storyId = stories[0]!.id;
    });
    after(async () => {
      await app.close();
      await close();
    });

    test('GET /api/stories/:id/framing: a column an outlet, the article with no outlet its own, labels per actor', async () => {
      const r = await app.inject(`/api/stories/${storyId}/framing`);
      assert.equal(r.statusCode, 200, r.body);
      assert.match(String(r.headers['content-type']), /^application\/json/);
      const f = storyFramingBody.parse(r.json());
      assert.equal(f.story, String(storyId));
      assert.deepEqual(f.outlets.map((o) => [o.key, o.byArticle]).sort(), [['East Ledger', false], ['West Courier', false], ['none-1', true]]);
      assert.match(f.note ?? '', /no outlet/);

      const labels = (actor: string, column: string) => (f.actors.find((a) => a.id === actor)?.outlets[column] ?? []).map((l) => `${l.label}/${l.voice}`);
      assert.deepEqual(labels('SYR.REB.TUR', 'East Ledger'), ['Turkish-backed rebels/own']);
      assert.deepEqual(labels('SYR.MIL', 'West Courier'), ['Syrian Arab Army/reported']);
      assert.deepEqual(labels('SYR.MIL', 'East Ledger'), ['regime forces/reported']);

      // Each count keeps its sentence: the evidence offsets find the words in the article.
      const rebels = f.actors.find((a) => a.id === 'SYR.REB.TUR')!.outlets['East Ledger']![0]!;
      assert.equal(rebels.count, 1);
      assert.deepEqual(rebels.articles, { 'east-1': 1 });
      const [ev] = rebels.evidence;
      assert.equal(TEXTS.east.slice(ev!.span.start, ev!.span.end), 'Turkish-backed rebels');

      assert.ok(f.loaded['West Courier']!.terms.some((t) => t.term === 'terrorist'), JSON.stringify(f.loaded['West Courier']));
      assert.deepEqual(f.voices['East Ledger']!.map((v) => [v.key, v.kind]), [['SOHR', 'monitor']]);
      // The rocket fire near Aleppo is told by East Ledger only: the others leave it out.
      assert.equal(f.coverage.blindspots['East Ledger']!.length, 0);
      assert.equal(f.coverage.blindspots['West Courier']!.length, 1);
      assert.deepEqual(f.coverage.blindspots['none-1'], f.coverage.blindspots['West Courier']);
    });

    test('GET /api/stories/:id/framing: an unknown story is a JSON 404, a bad id a 400', async () => {
      const missing = await app.inject('/api/stories/99999/framing');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'not_found');
      assert.match(missing.json().error.message, /99999/);
      const bad = await app.inject('/api/stories/abc/framing');
      assert.equal(bad.statusCode, 400);
      assert.equal(typeof bad.json().error.message, 'string');
      assert.equal((await app.inject(`/api/stories/${storyId}/framing?x=1`)).statusCode, 400);
    });

    test('GET /api/outlets/profiles: each outlet\'s own labels, voices and coverage; /api/outlets is unchanged', async () => {
      const r = await app.inject('/api/outlets/profiles');
      assert.equal(r.statusCode, 200, r.body);
      const items = (r.json().items as unknown[]).map((p) => outletProfileBody.parse(p));
      assert.deepEqual(items.map((p) => p.outlet).sort(), ['East Ledger', 'West Courier', 'none-1']);
      const east = items.find((p) => p.outlet === 'East Ledger')!;
      assert.deepEqual(east.labels['SYR.REB.TUR'], { 'Turkish-backed rebels': 1 });
      assert.deepEqual(east.voices, { SOHR: 1 });
      assert.equal(east.coverage?.missed, 0);
      const none = items.find((p) => p.outlet === 'none-1')!;
      assert.equal(none.byArticle, true);
      assert.equal(none.coverage?.missed, 1);

      const outlets = (await app.inject('/api/outlets')).json().items as { outlet: string; articles: number }[];
      assert.deepEqual(outlets.map((o) => o.outlet).sort(), ['East Ledger', 'West Courier']);
    });
  });
}
