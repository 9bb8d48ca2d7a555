// The API's rate limit settings, apart from the server so that the command line can state
// the default without loading the server.
export interface RateLimit {
  /** Reads a minute per client, every read route together (the web app's files have a budget as large of their own). */
  perMinute: number;
  /** Writes (`POST /api/articles`, each an analysis) a minute per client, apart from the reads. */
  writesPerMinute: number;
}

/** Room for an analyst's web app and scripts on a self-hosted server; a flood from one address is cut short. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 600, writesPerMinute: 60 };
