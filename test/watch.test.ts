// `sitrep watch` against feeds and pages served from 127.0.0.1 by this test. Loopback is
// allowed here with --allow-private, in this test only; without it the feed is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPrivateAddress } from '../src/ingest/fetch.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');

function sitrep(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    delete env.SITREP_DB;
    delete env.SITREP_ALLOW_PRIVATE;
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Home | World</nav>` +
  `<article><h1>${title}</h1><p>${body}</p><p>Officials said talks would continue next week in the capital.</p></article></body></html>`;

function serve(): Promise<{ server: Server; base: string; rssItems: string[]; hits: Record<string, number> }> {
  const rssItems = ['a1', 'a2'];
  const hits: Record<string, number> = {};
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (path === '/rss.xml') {
      const etag = `"v${rssItems.length}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
      const items = rssItems.map((id) => `<item><title>Report ${id}</title><link>${base}/${id}</link><guid>${id}</guid><pubDate>Sun, 17 Mar 2024 09:00:00 GMT</pubDate></item>`).join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      return res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>${base}</link><description>d</description>${items}</channel></rss>`);
    }
    if (path === '/atom.xml') {
      const lastModified = 'Sun, 17 Mar 2024 09:00:00 GMT';
      if (req.headers['if-modified-since'] === lastModified) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': lastModified });
      return res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Radio</title><id>urn:radio</id><updated>2024-03-17T00:00:00Z</updated>` +
        `<entry><title>Convoy crosses border</title><id>urn:radio:1</id><link href="${base}/b1"/><published>2024-03-16T00:00:00Z</published><updated>2024-03-16T00:00:00Z</updated></entry></feed>`);
    }
    const bodies: Record<string, string> = {
      '/a1': 'Artillery shelled two villages south of the city on Saturday, killing three people, a monitoring group said.',
      '/a2': 'Government forces entered the town of Tafas after local fighters agreed to hand over their weapons.',
      '/a3': 'A drone strike hit a vehicle near the border crossing, wounding two men, local sources said.',
      '/b1': 'A military convoy of about forty vehicles crossed the border overnight, according to residents.',
    };
    if (bodies[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page(`Story ${path.slice(1)}`, bodies[path]!));
    }
    res.writeHead(404).end('not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, rssItems, hits });
  }));
}

test('watch ingests each new feed item once, using conditional requests; private addresses are refused by default', async () => {
  const { server, base, rssItems, hits } = await serve();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
    const list = join(dir, 'feeds.txt');
    writeFileSync(list, `# test feeds\n${base}/rss.xml\n\n${base}/atom.xml  # radio\n`);
    const db = join(dir, 'w.db');

    const refused = await sitrep(['watch', list, '--once', '--db', db]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /rss\.xml: failed: refused: 127\.0\.0\.1 is a private, loopback or link-local address/);
    assert.equal(hits['/rss.xml'], undefined);

    const first = await sitrep(['watch', list, '--once', '--allow-private', '--db', db]);
    assert.equal(first.code, 0, first.err);
    assert.deepEqual(first.out.trim().split('\n'), [
      `${base}/rss.xml: 2 new, 2 ingested, 0 unchanged, 0 rejected`,
      `${base}/atom.xml: 1 new, 1 ingested, 0 unchanged, 0 rejected`,
    ]);

    const second = await sitrep(['watch', list, '--once', '--allow-private', '--db', db]);
    assert.deepEqual(second.out.trim().split('\n'), [`${base}/rss.xml: not modified`, `${base}/atom.xml: not modified`]);

    rssItems.push('a3');
    const third = await sitrep(['watch', list, '--once', '--allow-private', '--db', db]);
    assert.equal(third.out.trim().split('\n')[0], `${base}/rss.xml: 1 new, 1 ingested, 0 unchanged, 0 rejected`);
    assert.deepEqual([hits['/a1'], hits['/a2'], hits['/a3'], hits['/b1']], [1, 1, 1, 1]);

    const articles = (await sitrep(['articles', '--json', '--db', db])).out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(articles.map((a) => [a.sourceId.slice(base.length), a.title, a.published]), [
      ['/a1', 'Report a1', '2024-03-17'], ['/a2', 'Report a2', '2024-03-17'], ['/b1', 'Convoy crosses border', '2024-03-16'], ['/a3', 'Report a3', '2024-03-17'],
    ]);
  } finally {
    server.close();
  }
});

test('private, loopback, link-local and shared addresses are told from public ones', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
    assert.equal(isPrivateAddress(a), true, a);
  }
  for (const a of ['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111']) assert.equal(isPrivateAddress(a), false, a);
});
