// Every API route over a real store (SQLite in a temp folder; PostgreSQL too when
// SITREP_TEST_DATABASE_URL is set): listings, filters, paging, exports, feeds, errors.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { AnalyzedArticle, EventMention } from '../model/index.js';
import type { Store } from '../store/index.js';
import { updateStories } from '../stories/index.js';
import { createApi, serve } from './index.js';
import { ARTICLES, HOSTILE, dialects, openTestStore } from './api.fixture.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json: any;
}

async function call(app: FastifyInstance, url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; payload?: unknown } = {}): Promise<Answer> {
  const r = await app.inject({ method: init.method ?? 'GET', url, headers: init.headers ?? {}, ...(init.payload !== undefined ? { payload: init.payload as string } : {}) });
  const json: unknown = /^application\/(geo\+)?json/.test(String(r.headers['content-type'])) ? JSON.parse(r.body) : undefined;
  return { status: r.statusCode, headers: r.headers, body: r.body, json };
}

/** Every item of a listing, following its `next` links. */
async function all(app: FastifyInstance, url: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let pages = 0;
  for (let next: string | null = url; next; pages++) {
    const r = await call(app, next);
    assert.equal(r.status, 200, r.body);
    items.push(...r.json.items);
    next = r.json.next;
  }
  return { items, pages };
}

const ids = (items: { id: number }[]) => items.map((i) => i.id);
const sourceIds = (items: { sourceId?: string; article?: { sourceId: string } }[]) => items.map((i) => i.sourceId ?? i.article!.sourceId);

function xml(text: string): Document {
  // jsdom's XML parser throws on a document that is not well-formed.
  return new JSDOM(text, { contentType: 'application/xml' }).window.document;
}

for (const dialect of dialects) {
  describe(`API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let close: () => Promise<void>;
    let app: FastifyInstance;
    before(async () => {
      ({ store, close } = await openTestStore(dialect));
      await updateStories(store);
      app = createApi({ store, webRoot: '/nonexistent' });
    });
    after(async () => {
      await app.close();
      await close();
    });

    test('GET /api/articles lists every article without its text, in storing order', async () => {
      const r = await call(app, '/api/articles');
      assert.equal(r.status, 200);
      assert.deepEqual(sourceIds(r.json.items), ARTICLES.map((a) => a.article.sourceId));
      assert.equal(r.json.next, null);
      const first = r.json.items[0];
      assert.equal(first.text, undefined);
      assert.equal(first.length, ARTICLES[0]!.article.text.length);
      assert.equal(first.outlet, 'North Wire');
      assert.equal(typeof first.ingestedAt, 'string');
    });

    test('GET /api/articles filters by outlet, language, date range and full text', async () => {
      const get = async (q: string) => sourceIds((await call(app, `/api/articles?${q}`)).json.items);
      assert.deepEqual(await get('outlet=North%20Wire'), ['north-1', 'north-2']);
      assert.deepEqual(await get('language=fr'), ['fr-1']);
      assert.deepEqual(await get('from=2024-03-12&to=2024-03-13'), ['south-1', 'north-2']);
      assert.deepEqual(await get('q=ceasefire'), ['north-2']);
      assert.deepEqual(await get('q=tr%C3%AAve'), ['fr-1']);
      // SQLite's FTS5 syntax can be broken; PostgreSQL's web-search syntax reads anything.
      const broken = await call(app, '/api/articles?q=%22unbalanced%20AND');
      if (dialect.name === 'sqlite') {
        assert.deepEqual([broken.status, broken.json.error.code], [400, 'bad_query']);
        assert.match(broken.json.error.message, /^query parameter q: /);
      } else {
        assert.equal(broken.status, 200);
      }
    });

    test('GET /api/articles sorts and pages with a cursor, each article once', async () => {
      const newest = await call(app, '/api/articles?sort=-published');
      // Undated articles come last whichever the direction.
      assert.deepEqual(sourceIds(newest.json.items), ['hostile-1', 'north-2', 'south-1', 'north-1', 'fr-1']);
      for (const sort of ['id', '-id', 'published', '-published']) {
        const whole = (await call(app, `/api/articles?sort=${sort}`)).json.items;
        const paged = await all(app, `/api/articles?sort=${sort}&limit=2`);
        assert.equal(paged.pages, 3, sort);
        assert.deepEqual(ids(paged.items), ids(whole), sort);
      }
      const second = await call(app, '/api/articles?limit=2&offset=2');
      assert.deepEqual(sourceIds(second.json.items), ['north-2', 'hostile-1']);
      assert.match(second.json.next, /^\/api\/articles\?limit=2&cursor=/);
    });

    test('GET /api/articles refuses a cursor from another sort and one it did not give', async () => {
      const page = await call(app, '/api/articles?sort=published&limit=1');
      const cursor = new URL(page.json.next, 'http://x').searchParams.get('cursor')!;
      const other = await call(app, `/api/articles?sort=id&cursor=${cursor}`);
      assert.equal(other.status, 400);
      assert.match(other.json.error.message, /cursor/);
      const forged = await call(app, '/api/articles?cursor=bm90LWEtY3Vyc29y');
      assert.equal(forged.status, 400);
      assert.equal(forged.json.error.code, 'bad_request');
    });

    test('GET /api/articles/:id gives the text and every layer; unknown ids are 404, bad ones 400', async () => {
      const list = (await call(app, '/api/articles')).json.items;
      const id = list.find((a: { sourceId: string }) => a.sourceId === 'north-1').id;
      const r = await call(app, `/api/articles/${id}`);
      assert.equal(r.status, 200);
      assert.equal(r.json.id, id);
      assert.equal(r.json.article.text, ARTICLES[0]!.article.text);
      assert.equal(r.json.article.contentHash, undefined);
      for (const layer of ['sentences', 'entities', 'places', 'times', 'quantities', 'attributions', 'events']) assert.ok(Array.isArray(r.json[layer]), layer);
      assert.equal(r.json.events[0].place.name, 'Kafranbel');
      assert.equal((await call(app, '/api/articles/99999')).json.error.code, 'not_found');
      assert.equal((await call(app, '/api/articles/99999')).status, 404);
      for (const bad of ['abc', '0', '-1', '1.5']) assert.equal((await call(app, `/api/articles/${bad}`)).status, 400, bad);
    });

    test('GET /api/events lists events with their article and story', async () => {
      const r = await call(app, '/api/events');
      assert.equal(r.status, 200);
      assert.equal(r.json.items.length, 6);
      const e = r.json.items[0];
      assert.equal(e.type, 'ASSAULT');
      assert.equal(e.article.sourceId, 'north-1');
      assert.equal(typeof e.article.id, 'number');
      assert.equal(typeof e.story, 'number');
      const one = await call(app, `/api/events/${e.id}`);
      assert.deepEqual(one.json, e);
      assert.equal((await call(app, '/api/events/99999')).status, 404);
    });

    test('GET /api/events filters by type, mode, actor, recipient, status, place and minimum killed', async () => {
      const get = async (q: string) => {
        const r = await call(app, `/api/events?${q}`);
        assert.equal(r.status, 200, `${q}: ${r.body}`);
        return r.json.items.map((e: EventMention & { article: { sourceId: string } }) => `${e.article.sourceId}:${e.type}`);
      };
      assert.deepEqual(await get('type=CONSULT'), ['north-2:CONSULT', 'fr-1:CONSULT']);
      assert.deepEqual(await get('mode=aerial'), ['north-1:ASSAULT']);
      assert.deepEqual(await get('actor=SYR.MIL'), ['south-1:ASSAULT']);
      assert.deepEqual(await get('recipient=TUR.GOV'), ['north-2:CONSULT']);
      assert.deepEqual(await get('status=claimed'), ['hostile-1:ACCUSE']);
      assert.deepEqual(await get('minKilled=5'), ['north-1:ASSAULT']);
      assert.deepEqual(await get('minKilled=1'), ['north-1:ASSAULT', 'hostile-1:ASSAULT']);
      assert.deepEqual(await get('country=RU'), ['north-2:CONSULT']);
      assert.deepEqual(await get('admin1=Idlib'), ['north-1:ASSAULT']);
      assert.deepEqual(await get('type=ASSAULT&minKilled=1&admin1=Aleppo'), ['hostile-1:ASSAULT']);
    });

    test('GET /api/events filters by date range: an event counts when its dates overlap the range', async () => {
      const get = async (q: string) => (await call(app, `/api/events?${q}`)).json.items.map((e: { article: { sourceId: string } }) => e.article.sourceId);
      assert.deepEqual(await get('from=2024-03-12&to=2024-03-13'), ['south-1', 'north-2']);
      assert.deepEqual(await get('from=2024-03-14'), ['hostile-1', 'hostile-1']);
      assert.deepEqual(await get('to=2024-03-11'), ['north-1']);
    });

    test('GET /api/events filters by bounding box, across the antimeridian too, and by distance', async () => {
      const get = async (q: string) => (await call(app, `/api/events?${q}`)).json.items.map((e: EventMention) => e.place!.name);
      // North-west Syria: Idlib and Aleppo provinces, not Daraa.
      assert.deepEqual(await get('bbox=35.5,35.0,37.5,37.0'), ['Kafranbel', 'Afrin']);
      assert.deepEqual(await get('bbox=35.5,32.0,37.5,33.0'), ['Tafas']);
      assert.deepEqual(await get('bbox=170,-30,-170,0'), ['Suva']);
      // Kafranbel to Afrin is about 113 km.
      assert.deepEqual(await get('near=35.53,36.56&km=20'), ['Kafranbel']);
      assert.deepEqual(await get('near=35.53,36.56&km=150'), ['Kafranbel', 'Afrin']);
      assert.deepEqual(await get('near=-18,-179.5&km=250'), ['Suva']);
      assert.deepEqual(await get('near=35.53,36.56&km=150&bbox=36.7,36,37,37'), ['Afrin']);
    });

    test('GET /api/events sorts by date and killed (missing values last) and pages through every sort', async () => {
      const order = async (sort: string) => (await call(app, `/api/events?sort=${sort}`)).json.items.map((e: { article: { sourceId: string }; type: string }) => `${e.article.sourceId}:${e.type}`);
      assert.deepEqual((await order('-killed')).slice(0, 2), ['north-1:ASSAULT', 'hostile-1:ASSAULT']);
      assert.deepEqual((await order('killed')).slice(0, 2), ['hostile-1:ASSAULT', 'north-1:ASSAULT']);
      assert.deepEqual((await order('-date')).slice(0, 3), ['hostile-1:ACCUSE', 'hostile-1:ASSAULT', 'north-2:CONSULT']);
      assert.equal((await order('date')).at(-1), 'fr-1:CONSULT');
      for (const sort of ['id', '-id', 'date', '-date', 'killed', '-killed']) {
        const whole = (await call(app, `/api/events?sort=${sort}`)).json.items;
        const paged = await all(app, `/api/events?sort=${sort}&limit=1`);
        assert.equal(paged.pages, 6, sort);
        assert.deepEqual(ids(paged.items), ids(whole), sort);
      }
    });

    test('malformed queries are 400 with a JSON error naming the parameter', async () => {
      const bad = {
        'bbox=1,2,3': /bbox/, 'bbox=a,b,c,d': /bbox/, 'bbox=0,10,1,5': /bbox/, 'bbox=0,0,200,1': /bbox/,
        'near=35,36': /km/, 'km=5': /near/, 'near=95,0&km=5': /near/, 'near=35,36&km=-1': /km/,
        'minKilled=abc': /minKilled/, 'minKilled=-1': /minKilled/, 'limit=0': /limit/, 'limit=5000': /limit/,
        'type=BOMBING': /type/, 'status=rumoured': /status/, 'from=2024-3-1': /from/, 'sort=size': /sort/,
        'minkilled=5': /minkilled/, 'type=ASSAULT&type=AID': /type/,
      };
      for (const [q, field] of Object.entries(bad)) {
        const r = await call(app, `/api/events?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.json.error.code, 'bad_request', q);
        assert.match(r.json.error.message, field, q);
        assert.doesNotMatch(r.body, /at .*\.js:\d+/, q);
      }
    });

    test('GET /api/events.csv streams every matching event in sitrep or ACLED columns', async () => {
      const r = await call(app, '/api/events.csv');
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-type']), /^text\/csv/);
      assert.match(String(r.headers['content-disposition']), /attachment; filename="events.csv"/);
      const rows = parseCsv(r.body, { columns: true }) as Record<string, string>[];
      assert.equal(rows.length, 6);
      assert.equal(rows[0]!.location, 'Kafranbel');
      // A hostile value survives CSV quoting intact.
      assert.equal(rows.find((x) => x.article_source_id === 'hostile-1')!.actor1_text, HOSTILE);
      const filtered = parseCsv((await call(app, '/api/events.csv?type=ASSAULT&minKilled=1&sort=-killed')).body, { columns: true }) as Record<string, string>[];
      assert.deepEqual(filtered.map((x) => x.location), ['Kafranbel', 'Afrin']);
      const acled = await call(app, '/api/events.csv?columns=acled');
      const acledRows = parseCsv(acled.body, { columns: true }) as Record<string, string>[];
      assert.ok(acledRows.length > 0 && acledRows.length <= 6);
      assert.ok('event_id_cnty' in acledRows[0]! || 'event_type' in acledRows[0]!);
      assert.equal((await call(app, '/api/events.geojson?columns=acled')).status, 400);
    });

    test('GET /api/events.geojson is a FeatureCollection of the placed events', async () => {
      const r = await call(app, '/api/events.geojson?type=ASSAULT');
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], 'application/geo+json');
      assert.equal(r.json.type, 'FeatureCollection');
      assert.equal(r.json.features.length, 3);
      for (const f of r.json.features) {
        assert.equal(f.type, 'Feature');
        assert.equal(f.geometry.type, 'Point');
        assert.deepEqual(f.geometry.coordinates, [f.properties.place.lon, f.properties.place.lat]);
      }
    });

    test('GET /api/events.jsonl gives one event a line, with a limit', async () => {
      const r = await call(app, '/api/events.jsonl?limit=4');
      assert.equal(r.status, 200);
      const lines = r.body.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 4);
      assert.equal(lines[0].article.sourceId, 'north-1');
    });

    test('GET /api/outlets counts articles and events by outlet', async () => {
      const r = await call(app, '/api/outlets');
      assert.equal(r.status, 200);
      assert.deepEqual(r.json.items, [
        { outlet: 'North Wire', articles: 2, events: 2, firstPublished: '2024-03-11', lastPublished: '2024-03-13' },
        { outlet: 'Hostile & <Co>', articles: 1, events: 2, firstPublished: '2024-03-14', lastPublished: '2024-03-14' },
        { outlet: 'South Desk', articles: 1, events: 1, firstPublished: '2024-03-12', lastPublished: '2024-03-12' },
      ]);
    });

    test('GET /api/stories lists the stories a page at a time, and /api/stories/:id gives one', async () => {
      const every = await all(app, '/api/stories');
      assert.ok(every.items.length >= 1);
      const paged = await all(app, '/api/stories?limit=1');
      assert.deepEqual(ids(paged.items), ids(every.items));
      const story = await call(app, `/api/stories/${every.items[0].id}`);
      assert.equal(story.status, 200);
      assert.equal(story.json.id, String(every.items[0].id));
      assert.ok(Array.isArray(story.json.events));
      assert.equal((await call(app, '/api/stories/99999')).status, 404);
    });

    test('GET /feeds/events.atom is well-formed Atom, newest first, every value escaped', async () => {
      const r = await call(app, '/feeds/events.atom?type=ASSAULT');
      assert.equal(r.status, 200);
      assert.match(String(r.headers['content-type']), /^application\/atom\+xml/);
      const doc = xml(r.body);
      const feed = doc.documentElement;
      assert.equal(feed.localName, 'feed');
      assert.equal(feed.namespaceURI, 'http://www.w3.org/2005/Atom');
      for (const name of ['id', 'title', 'updated', 'author']) assert.ok(feed.querySelector(`:scope > ${name}`), name);
      const entries = [...feed.getElementsByTagName('entry')];
      assert.equal(entries.length, 3);
      for (const entry of entries) {
        for (const name of ['id', 'title', 'updated', 'summary']) assert.ok(entry.getElementsByTagName(name)[0]?.textContent, name);
        assert.match(entry.querySelector('link[rel="alternate"]')!.getAttribute('href')!, /^http:\/\/localhost(:\d+)?\/(stories|articles)\/\d+$/);
        assert.ok(!Number.isNaN(Date.parse(entry.getElementsByTagName('updated')[0]!.textContent!)));
      }
      const titles = entries.map((e) => e.getElementsByTagName('title')[0]!.textContent);
      assert.match(titles[0]!, /^ASSAULT \(small-arms\) by SYR\.REB in Afrin, 2024-03-14: 3-5 killed$/);
      // The hostile text is there as text, without its control character, and no element came of it.
      const summary = entries[0]!.getElementsByTagName('summary')[0]!.textContent!;
      assert.ok(summary.includes(HOSTILE.replace('\u0001', '')));
      assert.equal(doc.getElementsByTagName('script').length, 0);
      assert.equal(doc.getElementsByTagName('img').length, 0);
      // The javascript: URL of the hostile article is not offered as a link.
      assert.ok(!r.body.includes('javascript:'));
      const none = xml((await call(app, '/feeds/events.atom?type=AID')).body);
      assert.equal(none.getElementsByTagName('entry').length, 0);
      assert.equal((await call(app, '/feeds/events.atom?bbox=1')).status, 400);
    });

    test('GET /feeds/stories.atom is well-formed Atom with an entry a story', async () => {
      const r = await call(app, '/feeds/stories.atom');
      assert.equal(r.status, 200);
      const doc = xml(r.body);
      const stories = (await all(app, '/api/stories')).items.length;
      assert.equal(doc.getElementsByTagName('entry').length, stories);
      const updated = [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('updated')[0]!.textContent!);
      assert.deepEqual(updated, [...updated].sort().reverse());
    });

    test('unknown routes and failures are JSON errors without a stack trace', async () => {
      const missing = await call(app, '/api/nothing');
      assert.equal(missing.status, 404);
      assert.equal(missing.json.error.code, 'not_found');
      const undecodable = await call(app, '/api/%E0%A4%A');
      assert.deepEqual([undecodable.status, undecodable.json.error.code], [400, 'bad_request']);
      const fire = () => new Error('disk on fire');
      const failing = new Proxy(store, {
        get: (target, name, receiver) => {
          if (name === 'outlets') return () => Promise.reject(fire());
          if (name === 'events') return async function* () { throw fire(); };
          return Reflect.get(target, name, receiver);
        },
      });
      const logged: string[] = [];
      const broken = createApi({ store: failing, webRoot: '/nonexistent', log: (m) => logged.push(m) });
      // The exports too: a store failing at the start is a 500, not a 200 cut off after its first line.
      for (const url of ['/api/outlets', '/api/events', '/api/events.csv', '/api/events.geojson', '/api/events.jsonl']) {
        const r = await call(broken, url);
        assert.equal(r.status, 500, url);
        assert.deepEqual(Object.keys(r.json.error), ['code', 'message'], url);
        assert.equal(r.json.error.code, 'internal', url);
        assert.ok(!r.body.includes('disk on fire') && !r.body.includes('.js:'), url);
      }
      await broken.close();
      assert.match(logged.join('\n'), /disk on fire/);
    });
  });
}


describe('exports of more events than one read of the store takes', () => {
  // Several megabytes of CSV: more than the socket buffers hold, so a slow reader holds the export up.
  const many = 20_000;
  const text = 'A long list of incidents, each with its own day and toll.';
  const big: AnalyzedArticle = {
    ...ARTICLES[0]!,
    article: { ...ARTICLES[0]!.article, sourceId: 'big', text, contentHash: 'hash:big' },
    sentences: [{ start: 0, end: text.length }], entities: [],
    events: Array.from({ length: many }, (_, i): EventMention => ({
      ...ARTICLES[0]!.events[0]!,
      // Many events share a day and a toll, and some have none: the order's ties and gaps.
      date: i % 11 === 0 ? null : { start: `2024-03-0${1 + (i % 7)}`, end: `2024-03-0${1 + (i % 7)}`, precision: 'day', basis: 'explicit' },
      killed: i % 5 === 0 ? null : { min: i % 13, max: null, who: 'people', text: 'people' },
      evidence: { sentence: 0, start: 0, end: text.length },
    })),
  };
  let store: Store;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  before(async () => {
    ({ store, close } = await openTestStore(dialects[0]!, [big]));
    app = createApi({ store, webRoot: '/nonexistent' });
  });
  after(async () => {
    await app.close();
    await close();
  });

  test('every event comes once, in the asked order, across the reads', async () => {
    for (const sort of ['-date', 'killed']) {
      const lines = (await call(app, `/api/events.jsonl?sort=${sort}`)).body.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, many, sort);
      assert.equal(new Set(lines.map((e) => e.id)).size, many, sort);
      const whole: number[] = [];
      for await (const e of store.events({ sort: sort as 'id' })) whole.push(e.id);
      assert.deepEqual(lines.map((e) => e.id), whole, sort);
    }
    const csv = parseCsv((await call(app, '/api/events.csv?limit=2500')).body, { columns: true });
    assert.equal(csv.length, 2500);
  });

  test('other requests are answered while an export is read slowly', async () => {
    const server = await serve({ store, webRoot: '/nonexistent', port: 0 });
    try {
      const slow = await fetch(`${server.url}api/events.csv`);
      const reader = slow.body!.getReader();
      await reader.read();
      // The export is under way and its reader idle; the store still answers others (a single
      // query streaming the export would hold SQLite's one connection until the reader finished).
      const r = await fetch(`${server.url}api/outlets`, { signal: AbortSignal.timeout(5000) });
      assert.equal(r.status, 200);
      await reader.cancel();
    } finally {
      await server.close();
    }
  });
});
