// The OpenAPI 3.0 document of the API, generated from the routes' own zod schemas.
import { z } from 'zod';
import type { Route } from './routes.js';
import { errorBody } from './schemas.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** An object schema's properties as OpenAPI parameters. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name, in: where, required: where === 'path' || (object.required ?? []).includes(name),
      ...(description ? { description } : {}), schema: rest,
    };
  });
}

const ERRORS: Record<number, string> = {
  400: 'The request is malformed: a parameter or the body does not parse (the message names which)',
  401: 'A bearer token is needed, or the one given is wrong',
  403: 'Not allowed: writes are off (no SITREP_TOKEN set), or the token only allows reads',
  404: 'No such record',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'The article was refused: its page could not be fetched, or it has no text sitrep can read',
  429: 'Too many requests from this address: wait the seconds of the Retry-After header',
  500: 'A failure on the server (its details are logged, not sent)',
};

export function openApiDocument(routes: readonly Route[], options: { version: string; privateReads: boolean; rateLimited: { read: boolean; write: boolean } }): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const ok = r.answer;
    const errors = [400, ...(r.access === 'write' || (r.access === 'read' && options.privateReads) ? [401] : []), ...(r.errors ?? []), ...(options.rateLimited[r.access === 'write' ? 'write' : 'read'] ? [429] : []), 500];
    const security = r.access === 'write' ? [{ bearer: [] }] : r.access === 'read' && options.privateReads ? [{ bearer: [] }] : [];
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      operationId: `${r.method.toLowerCase()}${path.replace(/\{(\w+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      security,
      responses: {
        [String(ok.status ?? 200)]: {
          description: ok.description,
          content: { [ok.type.split(';')[0]!]: { schema: ok.schema ? jsonSchema(ok.schema, 'output') : { type: 'string' } } },
        },
        ...Object.fromEntries([...new Set(errors)].map((status) => [String(status), { $ref: `#/components/responses/E${status}` }])),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'sitrep',
      version: options.version,
      description: 'Events of war and diplomacy read from news articles, each with the sentence and outlet it comes from. '
        + 'Errors are `{"error": {"code", "message"}}`.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'SITREP_TOKEN (writes and reads), or SITREP_READ_TOKEN (reads)' } },
      schemas: { Error: jsonSchema(errorBody, 'output') },
      responses: Object.fromEntries(Object.entries(ERRORS).map(([status, description]) => [
        `E${status}`, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ])),
    },
  };
}
