// What `sitrep serve` shows besides the JSON: the OpenAPI document, the pages (the web app's
// build, or the built-in page), the security headers, and the command itself.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { createApi, serve } from './index.js';
import { dialects, openTestStore, serveCommand } from './api.fixture.js';

const sqlite = dialects[0]!;

describe('the API document, pages and headers', () => {
  let store: Store;
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let web: string;
  before(async () => {
    ({ store, close } = await openTestStore(sqlite));
    web = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(web, '.env'), 'SECRET=1');
    writeFileSync(`${web}-outside.txt`, 'OUTSIDE-CONTENT');
    app = createApi({ store, webRoot: web });
  });
  after(async () => {
    await app.close();
    await close();
    rmSync(web, { recursive: true, force: true });
    rmSync(`${web}-outside.txt`, { force: true });
  });

  test('the OpenAPI document validates and describes every route', async () => {
    const r = await app.inject('/api/openapi.json');
    assert.equal(r.statusCode, 200);
    const doc = r.json();
    await SwaggerParser.validate(structuredClone(doc));
    assert.equal(doc.openapi, '3.0.3');
    for (const path of ['/api/articles', '/api/articles/{id}', '/api/events', '/api/events/{id}', '/api/events.csv', '/api/events.geojson',
      '/api/events.jsonl', '/api/outlets', '/api/outlets/profiles', '/api/stories', '/api/stories/{id}', '/api/stories/{id}/framing',
      '/feeds/events.atom', '/feeds/stories.atom']) {
      assert.ok(doc.paths[path]?.get, path);
    }
    assert.ok(doc.paths['/api/articles'].post.requestBody);
    assert.deepEqual(doc.paths['/api/articles'].post.security, [{ bearer: [] }]);
    const params = doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    for (const name of ['type', 'mode', 'actor', 'status', 'minKilled', 'from', 'to', 'bbox', 'near', 'km', 'limit', 'cursor', 'sort']) assert.ok(params.includes(name), name);
  });

  test('the web app is served from its build folder; its routes get index.html; nothing outside it or hidden is', async () => {
    const index = await app.inject('/');
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<title>app<\/title>/);
    assert.match(String(index.headers['content-security-policy']), /default-src 'self'/);
    const script = await app.inject('/assets/app.js');
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.match((await app.inject('/stories/3')).body, /<title>app<\/title>/);
    assert.equal((await app.inject('/assets/missing.js')).statusCode, 404);
    const outside = `${web.split('/').pop()}-outside.txt`;
    for (const path of ['/.env', '/assets/../.env', `/../${outside}`, `/%2e%2e/${outside}`, `/..%2f${outside}`, '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/%00']) {
      const r = await app.inject(path);
      assert.equal(r.statusCode, 404, path);
      assert.ok(!r.body.includes('SECRET') && !r.body.includes('OUTSIDE-CONTENT') && !r.body.includes('root:'), path);
    }
    // An unknown API path is a JSON 404, not the app.
    const api = await app.inject('/api/nothing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
  });

  test('without a web build, / is a page listing the API, with no script', async () => {
    const bare = createApi({ store, webRoot: join(web, 'assets') });
    const r = await bare.inject('/');
    await bare.close();
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.match(String(r.headers['content-security-policy']), /default-src 'self'/);
    assert.match(r.body, /\/api\/openapi\.json/);
    assert.match(r.body, /\/feeds\/events\.atom/);
    assert.doesNotMatch(r.body, /<script/);
  });

  test('answers carry security headers and no CORS permission, whatever the Origin', async () => {
    const r = await app.inject({ url: '/api/events', headers: { origin: 'https://elsewhere.example' } });
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['access-control-allow-origin'], undefined);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.match(String(r.headers['content-security-policy']), /default-src 'none'/);
    const preflight = await app.inject({ method: 'OPTIONS', url: '/api/articles', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
  });

  test('serve listens on loopback and answers over HTTP', async () => {
    const server = await serve({ store, webRoot: web, port: 0 });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const r = await fetch(`${server.url}api/outlets`);
      assert.equal(r.status, 200);
      assert.equal(((await r.json()) as { items: unknown[] }).items.length, 3);
    } finally {
      await server.close();
    }
  });
});

test('sitrep serve prints its URL, answers, and stops cleanly on SIGTERM', async () => {
  const { url, child, stop } = await serveCommand([], { SITREP_TOKEN: 'cli-token' });
  try {
    const posted = await fetch(`${url}api/articles`, {
      method: 'POST', headers: { authorization: 'Bearer cli-token', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'cli-1', text: 'Delegations met in the capital on Monday to discuss the exchange of prisoners.' }),
    });
    assert.equal(posted.status, 201, await posted.clone().text());
    const listed = (await (await fetch(`${url}api/articles`)).json()) as { items: { sourceId: string }[] };
    assert.deepEqual(listed.items.map((a) => a.sourceId), ['cli-1']);
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  } finally {
    stop();
  }
});
