// The HTTP shell over the store: Fastify, the routes of ./routes.ts validated by their zod
// schemas, bearer tokens, JSON errors that never carry a stack trace, security headers, and
// the web app's pages. No CORS: a browser page from another origin cannot read the API.
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FetchOptions } from '../ingest/fetch.js';
import type { Analyzer } from '../pipeline.js';
import { threadAnalyzer } from '../queue/threads.js';
import type { Store } from '../store/index.js';
import { openApiDocument } from './openapi.js';
import { ApiError, apiRoutes, type Access, type Context } from './routes.js';
import { DEFAULT_WEB_ROOT, registerWeb } from './web.js';

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

  let document: object | null = null;
  const routes = apiRoutes(ctx, () => (document ??= openApiDocument(routes, { version: '0.1.0', privateReads: needsReadToken(options) })));
  const allowed = access(options);
  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.path,
      // Before the body is read: a caller without the token gets no further.
      onRequest: async (request, reply) => allowed(r.access, request, reply),
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
  registerWeb(app, options.webRoot ?? DEFAULT_WEB_ROOT, routes);

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
