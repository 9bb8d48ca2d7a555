// The HTTP shell over the store: Fastify, the routes of ./routes.ts validated by their zod
// schemas, bearer tokens, per-client rate limits, JSON errors that never carry a stack trace,
// security headers, and the web app's pages. No CORS: a browser page from another origin
// cannot read the API.
import { createHash, timingSafeEqual } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';
import type { FetchOptions } from '../ingest/fetch.js';
import type { Analyzer } from '../pipeline.js';
import { threadAnalyzer } from '../queue/threads.js';
import type { Store } from '../store/index.js';
import { openApiDocument } from './openapi.js';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit.js';
import { ApiError, apiRoutes, type Access, type Context } from './routes.js';
import { DEFAULT_WEB_ROOT, registerWeb } from './web.js';

export { DEFAULT_RATE_LIMIT, type RateLimit };

export { ApiError } from './routes.js';

export interface ApiOptions {
  store: Store;
  /** Bearer token for writes (and reads); without it writes are refused (403). */
  token?: string | undefined;
  /** Bearer token for reads only; when set, reads need a token. */
  readToken?: string | undefined;
  /** Reads need a token (`token` or `readToken`) too. */
  private?: boolean;
  /** The web app's build folder (default dist/web); the built-in page when it has no index.html. */
  webRoot?: string;
  /** How URLs posted to `POST /api/articles` are fetched (private addresses are refused by default). */
  fetch?: FetchOptions;
  /** Largest request body in bytes (default 5 MiB). */
  bodyLimit?: number;
  /** Analysis time limit for a posted article (ms). */
  timeLimitMs?: number;
  /** `http(s)://host[:port]` for links in feeds, when the server sits behind a proxy; default: as the caller reached it. */
  publicUrl?: string;
  /** Where failures are told (default: stderr). */
  log?: (message: string) => void;
  /** Requests a minute one client (IP address) may make; each limit left out has its default, 0 turns it off. */
  rateLimit?: Partial<RateLimit>;
}


export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

/** The CSP of the web pages: everything from this server, nothing inline, no framing. */
export const PAGE_CSP = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/** Answers that are data (JSON, CSV, feeds) run nothing and load nothing. */
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** The API as a Fastify instance, not yet listening (`app.listen`, or `app.inject` in tests). */
export function createApi(options: ApiOptions): FastifyInstance {
  const log = options.log ?? ((m: string) => console.error(`sitrep serve: ${m}`));
  if (options.private && !options.token && !options.readToken) {
    throw new Error('private reads need a token: set SITREP_TOKEN or SITREP_READ_TOKEN');
  }
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    logger: false,
    return503OnClosing: true,
    // A URL the router cannot decode: the same JSON error as any other bad request.
    frameworkErrors: (error, _request, reply) => void (reply as FastifyReply).code(400).send(errorJson('bad_request', error.message)),
  });
  // Bodies are JSON only: anything else is a 415.
  app.removeContentTypeParser('text/plain');

  let analyzer: Analyzer | null = null;
  const ctx: Context = {
    store: options.store,
    analyzer: () => (analyzer ??= threadAnalyzer(1, options.timeLimitMs)),
    fetch: options.fetch ?? {},
    log,
  };
  app.addHook('onClose', async () => {
    await analyzer?.close();
  });

  const limits = { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  const budget = rateLimits(app, limits);
  let document: object | null = null;
  const routes = apiRoutes(ctx, () => (document ??= openApiDocument(routes, {
    version: '0.1.0', privateReads: needsReadToken(options), rateLimited: { read: limits.perMinute > 0, write: limits.writesPerMinute > 0 },
  })));
  const allowed = access(options);
  // The routes are declared in a plugin of their own, loaded after the rate limiter, which
  // sees each route as it is declared.
  void app.register(async (api) => {
    for (const r of routes) {
      api.route({
        method: r.method,
        url: r.path,
        ...budget(r.access === 'write' ? 'write' : 'read'),
        // After the rate limiter (onRequest), so that guessed tokens count against the budget
        // too, and before the body is read: a caller without the token gets no further.
        preParsing: async (request, reply) => allowed(r.access, request, reply),
        handler: async (request, reply) =>
          r.handle({
            query: parse(r.query, request.query, 'query parameter'),
            params: parse(r.params, request.params, 'path parameter'),
            body: parse(r.body, request.body, 'body'),
            base: baseUrl(request, options.publicUrl),
            url: request.url,
          }, reply),
      });
    }
    registerWeb(api, options.webRoot ?? DEFAULT_WEB_ROOT, routes, budget('files'));
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    void reply.headers({
      'content-security-policy': type.startsWith('text/html') ? PAGE_CSP : DATA_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    return payload;
  });

  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send(errorJson('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)));

  app.setErrorHandler(async (error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(errorJson(error.code, error.message));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send(errorJson(FASTIFY_CODES[error.code] ?? 'bad_request', error.message));
    log(`${request.method} ${request.url.split('?')[0]} failed: ${error.stack ?? error.message}`);
    return reply.code(500).send(errorJson('internal', 'the server failed to answer; the failure is logged'));
  });

  return app;
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_json',
};

const errorJson = (code: string, message: string) => ({ error: { code, message } });

const MINUTE = 60_000;

/**
 * Registers the rate limiter (when a limit is on), keyed by the client's address (an IPv6
 * client by its /64); answers the route options that put a route on one of three budgets:
 * - `read`: every read route shares one count per client, so a client's budget does not
 *   grow with the number of routes;
 * - `write`: `POST /api/articles`, each an analysis, counted apart and lower, so that a
 *   client's writes neither use up its reads nor the other way round;
 * - `files`: the web app's pages and files, counted apart: opening the app fetches its page
 *   and its scripts and styles besides the API reads it then makes, and those must not
 *   starve the API reads (nor a busy script the app's loading); they are still bounded, at
 *   the read limit, since each is a file read from disk.
 * Over its budget a client gets 429 with `Retry-After` and the usual JSON error. A path no
 * route matches is not counted: the 404 touches neither the store nor the disk. Behind a
 * reverse proxy every client has the proxy's address: limit there, or set 0 here.
 */
function rateLimits(app: FastifyInstance, limits: RateLimit): (budget: 'read' | 'write' | 'files') => RouteShorthandOptions {
  const { perMinute, writesPerMinute } = limits;
  if (perMinute <= 0 && writesPerMinute <= 0) return () => ({});
  void app.register(rateLimit, {
    // The read budget: the routes with no rateLimit of their own count against it (with
    // reads unlimited, each read route opts out below, and this is never used).
    max: Math.max(perMinute, 1),
    timeWindow: MINUTE,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate_limited', `too many requests from this address (at most ${context.max} a minute); retry in ${context.after}`),
  });
  // A route given its own settings gets a count of its own.
  const own = (max: number): RouteShorthandOptions => ({ config: { rateLimit: max > 0 ? { max, timeWindow: MINUTE } : false } });
  return (budget) => (budget === 'write' ? own(writesPerMinute) : budget === 'files' ? own(perMinute) : perMinute > 0 ? {} : own(0));
}

/** A request part parsed by its schema; a failure names the part and the field. */
function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, part: string): S extends z.ZodType ? z.output<S> : undefined {
  if (!schema) return undefined as never;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data as never;
  const why = r.error.issues.map((i) => (i.path.length ? `${part} ${i.path.join('.')}: ${i.message}` : `${part}: ${i.message}`)).join('; ');
  throw new ApiError(400, 'bad_request', why);
}

const needsReadToken = (o: ApiOptions) => Boolean(o.private || o.readToken);

/** Checks the bearer token a route's access needs; throws the refusal. */
function access(options: ApiOptions) {
  const digest = (t: string) => createHash('sha256').update(t).digest();
  const write = options.token ? digest(options.token) : null;
  const read = options.readToken ? digest(options.readToken) : null;
  const readsOpen = !needsReadToken(options);
  return (need: Access, request: FastifyRequest, reply: FastifyReply) => {
    if (need === 'public' || (need === 'read' && readsOpen)) return;
    if (need === 'write' && !write) throw new ApiError(403, 'writes_disabled', 'writes are off: the server has no SITREP_TOKEN');
    const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    const refuse = (message: string) => {
      void reply.header('www-authenticate', 'Bearer realm="sitrep"');
      return new ApiError(401, 'unauthorized', message);
    };
    if (!given) throw refuse('this needs "Authorization: Bearer <token>"');
    const token = digest(given);
    if (write && timingSafeEqual(token, write)) return;
    if (need === 'read' && read && timingSafeEqual(token, read)) return;
    if (need === 'write' && read && timingSafeEqual(token, read)) throw new ApiError(403, 'forbidden', 'this token allows reads only');
    throw refuse('the token is not valid');
  };
}

/** `http(s)://host[:port]` for links: the configured one, else the Host the caller used when it looks like a host. */
function baseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const host = /^[A-Za-z0-9.\-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(request.host) ? request.host : `${request.socket.localAddress}:${request.socket.localPort}`;
  return `${request.protocol}://${host}`;
}

export interface Server {
  /** `http://host:port/` */
  url: string;
  close(): Promise<void>;
}

/** Serves the API on `host:port` (port 0: any free one). */
export async function serve(options: ApiOptions & { host?: string; port?: number }): Promise<Server> {
  const app = createApi(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shown}:${port}/`, close: () => app.close() };
}
