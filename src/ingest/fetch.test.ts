// The safe fetch's address checks: an internal address is refused however it is spelled,
// before any connection is made. The only server here listens on 127.0.0.1 and counts hits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl, isPrivateAddress } from './fetch.js';

test('an IPv4 address written inside an IPv6 one is judged as the IPv4 address', () => {
  const internal = [
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::FFFF:7F00:0001', '0:0:0:0:0:ffff:7f00:1', '::ffff:a00:1', '::ffff:a9fe:a9fe',
    '::ffff:0:7f00:1', '64:ff9b::7f00:1', '64:ff9b::10.0.0.1', '2002:7f00:1::1', '2002:c0a8:101::',
    '::7f00:1', '::127.0.0.1', '::', '::1', '0:0:0:0:0:0:0:1', 'fe80::1%eth0', 'fec0::1', 'fc00::1', 'ff02::1', '64:ff9b:1::1', '2001:db8::1',
  ];
  for (const a of internal) assert.equal(isPrivateAddress(a), true, a);
  const open = ['::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808', '2002:808:808::1', '2606:4700::1111', '2a00:1450:4001::200e'];
  for (const a of open) assert.equal(isPrivateAddress(a), false, a);
});

let server: Server;
let port: number;
let hits = 0;
before(async () => {
  server = createServer((_request, response) => {
    hits++;
    response.end('internal page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise((resolve) => server.close(resolve)));

test('a URL naming loopback in any spelling is refused without a connection', async () => {
  const urls = [
    `http://127.0.0.1:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://[::ffff:7f00:1]:${port}/`, `http://[::127.0.0.1]:${port}/`,
    `http://2130706433:${port}/`, `http://0x7f.1:${port}/`, `http://localhost:${port}/`, 'http://10.0.0.1/', 'http://[fd00::1]/',
  ];
  for (const url of urls) {
    const r = await fetchUrl(url, { allowPrivate: false, perHostIntervalMs: 0, timeoutMs: 2000 });
    assert.equal(r.ok, false, url);
    assert.match(r.ok ? '' : r.error, /refused/, url);
  }
  assert.equal(hits, 0);
  // The same server is reached when private addresses are allowed: the refusals above are the check's.
  const allowed = await fetchUrl(`http://[::ffff:127.0.0.1]:${port}/`, { allowPrivate: true, perHostIntervalMs: 0, timeoutMs: 2000 });
  assert.equal(allowed.ok && allowed.value.body.toString(), 'internal page');
});
