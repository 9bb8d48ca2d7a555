// Fetching from the open web, safely: http(s) only; private, loopback and link-local
// addresses refused unless allowed (a URL a user gives must not reach internal services),
// checked on the address actually connected to (no DNS rebinding) and again on every
// redirect; a time limit, a size cap, a User-Agent, and a minimum interval per host.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import type { Readable } from 'node:stream';
import { fail, ok, type Result } from '../model/index.js';

export interface FetchOptions {
  /** Allow private, loopback and link-local addresses (default: $SITREP_ALLOW_PRIVATE=1). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** Least time between two requests to one host. */
  perHostIntervalMs?: number;
  userAgent?: string;
  headers?: Record<string, string>;
}

export interface FetchedPage {
  url: string;
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

const DEFAULTS = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  perHostIntervalMs: 1000,
  userAgent: 'sitrep/0.1 (+https://example.invalid/sitrep; news event extraction)',
};
const MAX_REDIRECTS = 5;

/** True for addresses a server on the open web never has: private, loopback, link-local… */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return (
      a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 224
    );
  }
  if (isIP(address) !== 6) return false;
  const h = hextets(address);
  const embedded = () => `${h[6]! >> 8}.${h[6]! & 255}.${h[7]! >> 8}.${h[7]! & 255}`;
  const zeros = (n: number) => h.slice(0, n).every((x) => x === 0);
  // An IPv4 address inside an IPv6 one is judged as IPv4, whichever way it is written
  // (`::ffff:127.0.0.1` is also `::ffff:7f00:1`): mapped, translated (SIIT) and NAT64.
  if (zeros(5) && h[5] === 0xffff) return isPrivateAddress(embedded());
  if (zeros(4) && h[4] === 0xffff && h[5] === 0) return isPrivateAddress(embedded());
  if (h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0)) return isPrivateAddress(embedded());
  // 6to4 carries its IPv4 address in the second and third hextets.
  if (h[0] === 0x2002) return isPrivateAddress(`${h[1]! >> 8}.${h[1]! & 255}.${h[2]! >> 8}.${h[2]! & 255}`);
  return (
    zeros(6) || // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
    (h[0] === 0x64 && h[1] === 0xff9b) || // local-use NAT64 (64:ff9b:1::/48)
    (h[0] === 0x2001 && (h[1] === 0 || h[1] === 0xdb8)) || // Teredo, documentation
    (h[0]! & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (h[0]! & 0xffc0) === 0xfe80 || (h[0]! & 0xffc0) === 0xfec0 || // link-local, old site-local
    h[0]! >= 0xff00 // multicast
  );
}

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted IPv4 part is two). */
function hextets(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').map((x) => parseInt(x, 16)) : []);
  const before = groups(head);
  const after = groups(tail);
  return tail === undefined ? before : [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

const lastRequest = new Map<string, number>();

async function waitForHost(host: string, intervalMs: number): Promise<void> {
  const last = lastRequest.get(host) ?? 0;
  const wait = last + intervalMs - Date.now();
  lastRequest.set(host, Math.max(Date.now(), last + intervalMs));
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/** GET `url`, following redirects; every refusal and failure is a value saying why. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Result<FetchedPage>> {
  const opts = { ...DEFAULTS, allowPrivate: process.env.SITREP_ALLOW_PRIVATE === '1', ...options };
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      return fail(`not a URL: ${current}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return fail(`only http and https URLs are fetched, not ${parsed.protocol}`);
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (!opts.allowPrivate && isIP(host) && isPrivateAddress(host)) return fail(`refused: ${host} is a private, loopback or link-local address`);
    await waitForHost(parsed.host, opts.perHostIntervalMs);
    const res = await request(parsed, opts);
    if (!res.ok) return res;
    const { status, headers } = res.value;
    if (status >= 300 && status < 400 && headers.location) {
      current = new URL(headers.location, parsed).toString();
      continue;
    }
    return ok({ ...res.value, url: current });
  }
  return fail(`more than ${MAX_REDIRECTS} redirects`);
}

function request(url: URL, opts: typeof DEFAULTS & FetchOptions): Promise<Result<Omit<FetchedPage, 'url'>>> {
  return new Promise((resolve) => {
    // Resolve the name ourselves and connect to the address we checked.
    const lookup = (hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return callback(err, '', 0);
        const allowed = opts.allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
        if (allowed.length === 0) return callback(new Error(`refused: ${hostname} resolves to a private, loopback or link-local address`), '', 0);
        if ((options as { all?: boolean }).all) return callback(null, allowed);
        callback(null, allowed[0]!.address, allowed[0]!.family);
      });
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(url, {
      lookup: lookup as never,
      headers: { 'user-agent': opts.userAgent, 'accept-encoding': 'gzip, deflate, br', accept: '*/*', ...opts.headers },
      timeout: opts.timeoutMs,
    }, (res) => {
      const status = res.statusCode ?? 0;
      const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > opts.maxBytes) {
        res.destroy();
        return resolve(fail(`larger than ${opts.maxBytes} bytes (Content-Length ${declared})`));
      }
      let body: Readable = res;
      const encoding = res.headers['content-encoding'];
      if (encoding === 'gzip') body = res.pipe(createGunzip());
      else if (encoding === 'deflate') body = res.pipe(createInflate());
      else if (encoding === 'br') body = res.pipe(createBrotliDecompress());
      const chunks: Buffer[] = [];
      let size = 0;
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          req.destroy();
          body.destroy();
          resolve(fail(`larger than ${opts.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      body.on('end', () => resolve(ok({ status, headers, body: Buffer.concat(chunks) })));
      body.on('error', (e) => resolve(fail(`reading the response failed: ${e.message}`)));
    });
    const timer = setTimeout(() => req.destroy(new Error(`no complete answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new Error(`timed out after ${opts.timeoutMs} ms`)));
    req.on('error', (e) => resolve(fail(e.message)));
  });
}
