// Per-client rate limits: a client over its budget gets 429 with Retry-After and the usual
// JSON error; other clients are not held back; writes and the web app's files are counted
// apart from the reads; 0 turns a limit off. Clients are told apart by their address
// (`remoteAddress` of Fastify's inject), as the limiter tells them apart on the network.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Store } from '../store/index.js';
import { createApi } from './index.js';
import { ROOT, dialects, openTestStore, serveCommand } from './api.fixture.js';

const WRITE = 'write-secret-0123456789';

const get = (app: FastifyInstance, url: string, client: string) => app.inject({ method: 'GET', url, remoteAddress: client });
const post = (app: FastifyInstance, client: string, token = WRITE) =>
  // An empty article: refused (400) after the limit and the token are checked, so nothing is analysed.
  app.inject({ method: 'POST', url: '/api/articles', remoteAddress: client, headers: { authorization: `Bearer ${token}` }, payload: {} });

/** Asserts a 429 in the API's error shape, with a Retry-After within the minute. */
function assertLimited(r: LightMyRequestResponse, what: string): void {
  assert.equal(r.statusCode, 429, `${what}: ${r.body}`);
  assert.match(String(r.headers['content-type']), /^application\/json/, what);
  const body = r.json();
  assert.deepEqual(Object.keys(body), ['error'], what);
  assert.deepEqual(Object.keys(body.error), ['code', 'message'], what);
  assert.equal(body.error.code, 'rate_limited', what);
  assert.match(body.error.message, /a minute.*retry in/, what);
  assert.doesNotMatch(r.body, /\.js:\d+|at [A-Za-z.]+ \(/, what);
  const wait = Number(r.headers['retry-after']);
  assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 60, `${what}: retry-after ${r.headers['retry-after']}`);
  // The refusal goes through the same shell as any answer: its security headers are there.
  assert.equal(r.headers['x-content-type-options'], 'nosniff', what);
}

describe('per-client rate limits', () => {
  let store: Store;
  let close: () => Promise<void>;
  let web: string;
  const apps: FastifyInstance[] = [];
  const api = (options: Omit<Parameters<typeof createApi>[0], 'store'>) => {
    const app = createApi({ store, webRoot: '/nonexistent', ...options });
    apps.push(app);
    return app;
  };
  before(async () => {
    ({ store, close } = await openTestStore(dialects[0]!));
    web = mkdtempSync(join(tmpdir(), 'sitrep-limits-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/app.js"></script><link rel="stylesheet" href="/assets/app.css">');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(web, 'assets', 'app.css'), 'body { margin: 0 }');
  });
  after(async () => {
    for (const app of apps) await app.close();
    await close();
    rmSync(web, { recursive: true, force: true });
  });

  test('a client over its read budget gets 429 JSON with Retry-After; other clients are not held back', async () => {
    const app = api({ rateLimit: { perMinute: 3, writesPerMinute: 1 } });
    // The read routes share one budget: three different routes use it up.
    for (const url of ['/api/events', '/api/articles?q=ceasefire', '/api/outlets']) assert.equal((await get(app, url, '192.0.2.1')).statusCode, 200, url);
    assertLimited(await get(app, '/api/stories', '192.0.2.1'), 'a fourth read');
    assertLimited(await get(app, '/api/openapi.json', '192.0.2.1'), 'a fifth read, of another route');
    for (const other of ['192.0.2.2', '2001:db8:1::7']) {
      const r = await get(app, '/api/events', other);
      assert.equal(r.statusCode, 200, other);
      assert.equal(r.headers['x-ratelimit-remaining'], '2', other);
    }
  });

  test('writes have their own, lower budget, which refused tokens count against too', async () => {
    const app = api({ token: WRITE, rateLimit: { perMinute: 4, writesPerMinute: 2 } });
    for (let i = 0; i < 2; i++) assert.equal((await post(app, '192.0.2.10')).statusCode, 400);
    assertLimited(await post(app, '192.0.2.10'), 'a third write');
    // The client's reads are untouched by its writes.
    for (let i = 0; i < 4; i++) assert.equal((await get(app, '/api/events', '192.0.2.10')).statusCode, 200);
    assertLimited(await get(app, '/api/events', '192.0.2.10'), 'a fifth read');
    // Guessing the token costs the guesser: the limit is checked before the token.
    for (let i = 0; i < 2; i++) assert.equal((await post(app, '192.0.2.11', 'a-guess')).statusCode, 401);
    assertLimited(await post(app, '192.0.2.11', WRITE), 'a write after two guesses');
    // A client whose reads are used up may still write.
    for (let i = 0; i < 4; i++) await get(app, '/api/outlets', '192.0.2.12');
    assertLimited(await get(app, '/api/outlets', '192.0.2.12'), 'reads used up');
    assert.equal((await post(app, '192.0.2.12')).statusCode, 400);
  });

  test('the web app\'s page and files have a budget of their own: opening the app leaves the API reads whole', async () => {
    const app = api({ webRoot: web, rateLimit: { perMinute: 3, writesPerMinute: 1 } });
    const client = '192.0.2.20';
    // Opening the app: its page and files, then the reads it makes.
    for (const url of ['/', '/assets/app.js', '/assets/app.css']) assert.equal((await get(app, url, client)).statusCode, 200, url);
    for (const url of ['/api/events', '/api/stories', '/api/outlets']) assert.equal((await get(app, url, client)).statusCode, 200, url);
    assertLimited(await get(app, '/api/events', client), 'a fourth API read');
    // The files are bounded all the same.
    assertLimited(await get(app, '/stories/1', client), 'a fourth page');
    assert.equal((await get(app, '/', '192.0.2.21')).statusCode, 200);
  });

  test('0 turns a limit off, for reads and writes each', async () => {
    const open = api({ token: WRITE, rateLimit: { perMinute: 0, writesPerMinute: 0 } });
    for (let i = 0; i < 25; i++) {
      const r = await get(open, '/api/outlets', '192.0.2.30');
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['x-ratelimit-limit'], undefined);
    }
    for (let i = 0; i < 10; i++) assert.equal((await post(open, '192.0.2.30')).statusCode, 400);
    assert.doesNotMatch(JSON.stringify((await get(open, '/api/openapi.json', '192.0.2.30')).json().paths), /E429/);
    const writesOnly = api({ token: WRITE, rateLimit: { perMinute: 0, writesPerMinute: 1 } });
    for (let i = 0; i < 25; i++) assert.equal((await get(writesOnly, '/api/outlets', '192.0.2.31')).statusCode, 200);
    assert.equal((await post(writesOnly, '192.0.2.31')).statusCode, 400);
    assertLimited(await post(writesOnly, '192.0.2.31'), 'a second write');
  });

  test('by default a client may read 600 times a minute and write 60 times; the OpenAPI document lists the 429', async () => {
    const app = api({ token: WRITE });
    const read = await get(app, '/api/events', '192.0.2.40');
    assert.equal(read.headers['x-ratelimit-limit'], '600');
    assert.equal((await post(app, '192.0.2.40')).headers['x-ratelimit-limit'], '60');
    const doc = (await get(app, '/api/openapi.json', '192.0.2.40')).json();
    assert.deepEqual(doc.paths['/api/events'].get.responses['429'], { $ref: '#/components/responses/E429' });
    assert.deepEqual(doc.paths['/api/articles'].post.responses['429'], { $ref: '#/components/responses/E429' });
  });
});

/** The statuses of `n` reads of /api/outlets. */
async function statuses(url: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await fetch(`${url}api/outlets`)).status);
  return out;
}

test('sitrep serve takes the limit from --rate-limit, else $SITREP_RATE_LIMIT; 0 turns it off', async () => {
  const fromEnv = await serveCommand([], { SITREP_RATE_LIMIT: '2' });
  try {
    assert.deepEqual(await statuses(fromEnv.url, 3), [200, 200, 429]);
  } finally {
    fromEnv.stop();
  }
  const flag = await serveCommand(['--rate-limit', '0'], { SITREP_RATE_LIMIT: '2' });
  try {
    assert.deepEqual(await statuses(flag.url, 5), [200, 200, 200, 200, 200]);
  } finally {
    flag.stop();
  }
  const bad = spawn(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'serve', '--rate-limit', 'many'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  bad.stderr.on('data', (d: Buffer) => (err += String(d)));
  assert.equal(await new Promise((resolve) => bad.once('exit', resolve)), 2);
  assert.match(err, /whole number/);
});
