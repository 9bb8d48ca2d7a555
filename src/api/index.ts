// The HTTP API (`sitrep serve`): JSON over the store, exports, Atom feeds, the web app's pages.
export { ApiError, DEFAULT_BODY_LIMIT, DEFAULT_RATE_LIMIT, PAGE_CSP, createApi, serve, type ApiOptions, type RateLimit, type Server } from './server.js';
