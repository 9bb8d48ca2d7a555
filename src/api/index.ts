// The HTTP API (`sitrep serve`): JSON over the store, exports, Atom feeds, the web app's pages.
export { ApiError, DEFAULT_BODY_LIMIT, PAGE_CSP, createApi, serve, type ApiOptions, type Server } from './server.js';
