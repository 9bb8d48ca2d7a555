// Writing through the API (POST /api/articles) and the tokens that guard it, over a real
// store: bad input is a 4xx JSON error and changes nothing; good input is analysed and stored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { createApi } from './index.js';
import { dialects, openTestStore } from './api.fixture.js';

const WRITE = 'write-secret-0123456789';
const READ = 'read-secret-0123456789';

async function call(app: FastifyInstance, method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: string | object) {
  const r = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
  let json: any;
  try {
    json = JSON.parse(r.body);
  } catch {
    json = undefined;
  }
  return { status: r.statusCode, headers: r.headers, body: r.body, json };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const REPORT = 'Artillery shelled the village of Kansafra on Monday, killing four civilians, a monitoring group said. Residents fled north.';

for (const dialect of dialects) {
  describe(`API writes on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let close: () => Promise<void>;
    let app: FastifyInstance;
    let page: Server;
    let pageUrl: string;
    let pageHits = 0;
    before(async () => {
      ({ store, close } = await openTestStore(dialect));
      // Fetching a page on loopback is allowed here only: by default it is refused.
      app = createApi({ store, token: WRITE, readToken: READ, webRoot: '/nonexistent', bodyLimit: 20_000, fetch: { allowPrivate: true, perHostIntervalMs: 0 } });
      page = createServer((req, res) => {
        pageHits++;
        if (req.url === '/report.html') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<!doctype html><html><head><title>Shelling in Kansafra</title></head><body><article><h1>Shelling in Kansafra</h1><p>${REPORT}</p><p>Aid groups said they were sending tents and food to the camps near the border.</p></article></body></html>`);
        } else {
          res.writeHead(404).end();
        }
      });
      await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
      pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    });
    after(async () => {
      await app.close();
      await close();
      await new Promise((resolve) => page.close(resolve));
    });

    test('without SITREP_TOKEN the server refuses every write (403)', async () => {
      const readOnly = createApi({ store, webRoot: '/nonexistent' });
      const r = await call(readOnly, 'POST', '/api/articles', bearer('anything'), { text: REPORT });
      await readOnly.close();
      assert.equal(r.status, 403);
      assert.equal(r.json.error.code, 'writes_disabled');
    });

    test('a write needs the write token: none or a wrong one is 401, the read token 403', async () => {
      const none = await call(app, 'POST', '/api/articles', {}, { text: REPORT });
      assert.equal(none.status, 401);
      assert.equal(none.json.error.code, 'unauthorized');
      assert.match(String(none.headers['www-authenticate']), /^Bearer/);
      assert.equal((await call(app, 'POST', '/api/articles', bearer('wrong'), { text: REPORT })).status, 401);
      // The token is checked before the body is read.
      assert.equal((await call(app, 'POST', '/api/articles', { 'content-type': 'application/json' }, '{"text": "unfinished')).status, 401);
      assert.equal((await call(app, 'POST', '/api/articles', { authorization: `Basic ${WRITE}` }, { text: REPORT })).status, 401);
      const reader = await call(app, 'POST', '/api/articles', bearer(READ), { text: REPORT });
      assert.equal(reader.status, 403);
      assert.equal(reader.json.error.code, 'forbidden');
    });

    test('with a read token set, reads need a token too; the OpenAPI document stays public', async () => {
      assert.equal((await call(app, 'GET', '/api/events')).status, 401);
      assert.equal((await call(app, 'GET', '/feeds/events.atom')).status, 401);
      assert.equal((await call(app, 'GET', '/api/events', bearer('wrong'))).status, 401);
      assert.equal((await call(app, 'GET', '/api/events', bearer(READ))).status, 200);
      assert.equal((await call(app, 'GET', '/api/events', bearer(WRITE))).status, 200);
      assert.equal((await call(app, 'GET', '/api/openapi.json')).status, 200);
    });

    test('--private makes reads need SITREP_TOKEN, and cannot be had without a token', async () => {
      const privateApi = createApi({ store, token: WRITE, private: true, webRoot: '/nonexistent' });
      assert.equal((await call(privateApi, 'GET', '/api/articles')).status, 401);
      assert.equal((await call(privateApi, 'GET', '/api/articles', bearer(WRITE))).status, 200);
      await privateApi.close();
      assert.throws(() => createApi({ store, private: true }), /token/);
    });

    test('malformed writes are 4xx JSON errors and store nothing', async () => {
      const before = await store.counts();
      const auth = { ...bearer(WRITE), 'content-type': 'application/json' };
      const cases: [Record<string, string>, string | object, number, string][] = [
        [auth, '{"text": "unfinished', 400, 'bad_json'],
        [auth, '', 400, 'bad_json'],
        [{ ...bearer(WRITE), 'content-type': 'text/plain' }, REPORT, 415, 'unsupported_media_type'],
        [auth, { title: 'No text' }, 400, 'bad_request'],
        [auth, { text: REPORT, extra: 1 }, 400, 'bad_request'],
        [auth, { text: REPORT, published: '14 March' }, 400, 'bad_request'],
        [auth, { text: 42 }, 400, 'bad_request'],
        [auth, ['not', 'an', 'object'], 400, 'bad_request'],
        [auth, { url: 'javascript:alert(1)' }, 400, 'bad_request'],
        [auth, { url: 'file:///etc/passwd' }, 400, 'bad_request'],
        [auth, { text: 'x'.repeat(30_000) }, 413, 'payload_too_large'],
        [auth, { text: '   \n  ' }, 422, 'rejected'],
        [auth, { url: `${pageUrl}/missing.html` }, 422, 'fetch_failed'],
        [auth, '{"__proto__": {"polluted": true}, "text": "x"}', 400, 'bad_json'],
        // A NUL character, which PostgreSQL cannot store: refused by name on every store.
        [auth, { text: `${REPORT}\u0000 More.` }, 400, 'bad_request'],
        [auth, { text: REPORT, title: 'Shelling\u0000' }, 400, 'bad_request'],
        [auth, { text: REPORT, id: 'nul\u0000id' }, 400, 'bad_request'],
      ];
      for (const [headers, payload, status, code] of cases) {
        const r = await call(app, 'POST', '/api/articles', headers, payload);
        const what = typeof payload === 'string' ? payload.slice(0, 40) : JSON.stringify(payload).slice(0, 40);
        assert.equal(r.status, status, `${what}: ${r.body}`);
        assert.equal(r.json?.error?.code, code, what);
        assert.equal(typeof r.json.error.message, 'string');
        assert.doesNotMatch(r.body, /\.js:\d+/, what);
      }
      assert.equal(({} as { polluted?: boolean }).polluted, undefined);
      assert.deepEqual(await store.counts(), before);
    });

    test('a URL on a private address is refused by default (SSRF)', async () => {
      const guarded = createApi({ store, token: WRITE, webRoot: '/nonexistent' });
      const hitsBefore = pageHits;
      // Refused before any connection: addresses by their value, names by what they resolve to
      // (localhost), the test's own page on loopback included, however the address is written.
      const loopback = pageUrl.replace('127.0.0.1', '[::ffff:127.0.0.1]');
      for (const url of ['http://127.0.0.1:9/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://10.255.1.2:8080/admin',
        'http://localhost:9/', `${pageUrl}/report.html`, `${loopback}/report.html`, `${pageUrl.replace('127.0.0.1', 'localhost')}/report.html`]) {
        const r = await call(guarded, 'POST', '/api/articles', bearer(WRITE), { url });
        assert.equal(r.status, 422, url);
        assert.equal(r.json.error.code, 'fetch_failed');
        assert.match(r.json.error.message, /refused|private/, url);
      }
      assert.equal(pageHits, hitsBefore, 'the page on loopback was never asked for');
      await guarded.close();
    });

    test('an article given as text is analysed, stored with its layers, put in a story, and stored once', async () => {
      const before = await store.counts();
      const r = await call(app, 'POST', '/api/articles', bearer(WRITE), { id: 'posted-1', text: REPORT, title: 'Shelling', outlet: 'Post Desk', published: '2024-03-18' });
      assert.equal(r.status, 201, r.body);
      assert.equal(r.json.status, 'stored');
      assert.equal(r.json.sourceId, 'posted-1');
      assert.equal(r.headers.location, `/api/articles/${r.json.id}`);
      const stored = await call(app, 'GET', `/api/articles/${r.json.id}`, bearer(READ));
      assert.equal(stored.json.article.outlet, 'Post Desk');
      assert.equal(stored.json.article.published, '2024-03-18');
      assert.ok(stored.json.sentences.length >= 2);
      assert.equal((await store.counts()).articles, before.articles + 1);
      let inStory = false;
      for await (const s of store.stories()) if ((await store.story(s.id))?.members.some((m) => m.articleId === r.json.id)) inStory = true;
      assert.ok(inStory, 'the posted article joined a story');
      const again = await call(app, 'POST', '/api/articles', bearer(WRITE), { id: 'posted-1-again', text: REPORT });
      assert.equal(again.status, 200);
      assert.deepEqual(again.json, { id: r.json.id, sourceId: 'posted-1-again', status: 'unchanged' });
    });

    test('an article given as a URL is fetched and stored with the page\'s address', async () => {
      const r = await call(app, 'POST', '/api/articles', bearer(WRITE), { url: `${pageUrl}/report.html`, outlet: 'Fetched Desk' });
      assert.equal(r.status, 201, r.body);
      assert.equal(r.json.sourceId, `${pageUrl}/report.html`);
      const stored = await call(app, 'GET', `/api/articles/${r.json.id}`, bearer(READ));
      assert.equal(stored.json.article.url, `${pageUrl}/report.html`);
      assert.match(stored.json.article.text, /Kansafra/);
      const html = await call(app, 'POST', '/api/articles', bearer(WRITE), { html: `<html><body><article><p>${REPORT.replace('Monday', 'Tuesday')}</p></article></body></html>` });
      assert.equal(html.status, 201, html.body);
      assert.match(html.json.sourceId, /^api:[0-9a-f]{16}$/);
    });
  });
}
