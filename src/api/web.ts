// The pages `sitrep serve` shows at `/`: the web app's files from its build folder when it
// has been built (src/web, built into dist/web), else a small page listing the API. Paths
// that name no file go to the app's index.html, which routes them itself (`/stories/3`).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import { xmlText } from './atom.js';
import type { Route } from './routes.js';

/** dist/web beside the compiled API (dist/src/api). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.geojson': 'application/geo+json', '.map': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};

/** Registers `/` and the app's files (or the built-in page when `root` holds no index.html), with `options` (their rate limit). */
export function registerWeb(app: FastifyInstance, root: string, routes: readonly Route[], options: RouteShorthandOptions = {}): void {
  const folder = resolve(root);
  const index = resolve(folder, 'index.html');
  if (!existsSync(index)) {
    const page = builtInPage(routes);
    app.get('/', options, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
    return;
  }
  app.get('/*', options, async (request, reply) => {
    // Decoded by the router already.
    const path = (request.params as { '*': string })['*'];
    // The API and feeds answer for themselves: an unknown one is a JSON 404, not the app.
    // Hidden files and paths that climb out are never served.
    if (/^(api|feeds)(\/|$)/.test(path) || /(^|[\\/])\./.test(path) || path.includes('\0')) return reply.callNotFound();
    const file = fileIn(folder, path);
    if (file) return reply.type(TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream').header('cache-control', 'no-cache').send(createReadStream(file));
    // A route of the app (no extension): its index page; a missing asset: 404.
    if (extname(path) === '') return reply.type(TYPES['.html']!).header('cache-control', 'no-cache').send(createReadStream(index));
    return reply.callNotFound();
  });
}

/** The file `path` names inside `folder`, or null: never one outside it. */
function fileIn(folder: string, path: string): string | null {
  const file = resolve(folder, `./${path === '' ? 'index.html' : path}`);
  if (!file.startsWith(folder + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** A page naming every route, for a build without the web app. Plain HTML: no script, no style. */
function builtInPage(routes: readonly Route[]): string {
  const items = routes.map((r) => {
    const path = xmlText(r.path);
    const link = r.method === 'GET' && !r.path.includes(':') ? `<a href="${path}">${path}</a>` : path;
    return `<li><code>${r.method} ${link}</code>: ${xmlText(r.summary)}</li>`;
  });
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>sitrep</title></head><body>',
    '<h1>sitrep</h1>',
    '<p>The web app is not built here; the API answers. Its OpenAPI document: <a href="/api/openapi.json">/api/openapi.json</a>.</p>',
    `<ul>${items.join('\n')}</ul>`,
    '</body></html>',
    '',
  ].join('\n');
}
