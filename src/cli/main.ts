// The `sitrep` command: a thin shell over the pipeline, the store and the exports.
// Exit codes (INTERFACE.md): 0 success, 1 some inputs rejected, 2 usage error. What only some
// commands need (the API server, the queue client, the feed poller, the story texts and
// framing views, the extractor in this thread) each imports when it runs, so that the
// others, `ingest` first, start without loading them.
import { createInterface } from 'node:readline';
import { Command, CommanderError, Option } from 'commander';
import { CSV_COLUMN_SETS, EXPORT_FORMATS, exportEvents, type CsvColumns, type ExportFormat } from '../export/index.js';
import { listInputs, parseCsvMapping, parseJsonlLine, readInput, type CsvMapping, type IngestItem, type ReadOptions } from '../ingest/index.js';
import type { AnalyzedArticle } from '../model/index.js';
import { ingestItems, type Analyzer } from '../pipeline.js';
import { threadAnalyzer, threadIngestor } from '../queue/threads.js';
import { DEFAULT_RATE_LIMIT, type RateLimit } from '../api/rate-limit.js';
import { QueryError, openStore, type Store, type StoreOptions } from '../store/index.js';
import { storyView, updateStories } from '../stories/index.js';
import { EXIT_OK, EXIT_REJECTED, EXIT_USAGE, UsageError, progress, write } from './io.js';

const program = new Command();
program
  .name('sitrep')
  .description('Turns news about wars and diplomacy into a sourced, queryable record of events.')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

/** The exit code of the command that ran; actions set it through `run`. */
let exitCode = EXIT_OK;
const run =
  <A extends unknown[]>(action: (...args: A) => Promise<number>) =>
  async (...args: A): Promise<void> => {
    exitCode = await action(...args);
  };

/** Adds the store options every store command takes. */
const storeOptions = (cmd: Command) =>
  cmd
    .addOption(new Option('--db <file>', 'SQLite database file (default: $SITREP_DB or ./sitrep.db)'))
    .addOption(new Option('--database-url <url>', 'PostgreSQL instead of SQLite: postgres://user:pass@host/db (default: $SITREP_DATABASE_URL)'));

/** Just the store options of a command's options, to hand to threads. */
const storeOf = (opts: StoreOptions): StoreOptions => ({
  ...(opts.db ? { db: opts.db } : {}),
  ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
});

/** Threads that analyse, store and put in stories what the command reads (`--workers`, `--time-limit`). */
const ingestorOf = (opts: StoreOptions & { timeLimit?: number }, threads: number | undefined) =>
  threadIngestor(threads ?? 1, storeOf(opts), opts.timeLimit ? { timeLimitMs: opts.timeLimit * 1000 } : {});

async function withStore<T>(opts: StoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The documented JSON shape of one analysed document (INTERFACE.md). */
function analysisJson(where: { id: string } | { line: number }, a: AnalyzedArticle) {
  const { article } = a;
  return {
    ...where,
    article: {
      title: article.title, outlet: article.outlet, url: article.url, byline: article.byline, origin: article.origin,
      published: article.published, publishedBasis: article.publishedBasis, publishedGuess: article.publishedGuess,
      language: article.language, text: article.text,
    },
    sentences: a.sentences, entities: a.entities, places: a.places, times: a.times, quantities: a.quantities,
    attributions: a.attributions, events: a.events,
  };
}

/** Every document in the paths, with the files' progress reported as each is finished. */
async function* inputItems(
  inputs: string[] | ReturnType<typeof listInputs>,
  options: ReadOptions = {},
  onFile: (path: string) => void = () => {},
): AsyncGenerator<IngestItem> {
  const { files, missing } = Array.isArray(inputs) ? listInputs(inputs) : inputs;
  for (const m of missing) yield { ok: false, input: m, error: 'no such file or folder' };
  for (const f of files) {
    yield* readInput(f, options);
    onFile(f.path);
  }
}

const csvMapOption = () =>
  new Option('--csv-map <mapping>', 'CSV columns for the fields, e.g. text=article_content,title=article_title,published=date (common names are found without it)')
    .argParser((spec: string) => {
      try {
        return parseCsvMapping(spec);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    });

// ---------------------------------------------------------------------------

storeOptions(program.command('ingest'))
  .description('read files, folders and JSONL into the store (.txt, .html, .htm, .html.gz, .jsonl)')
  .argument('<paths...>', 'files or folders')
  .option('-q, --quiet', 'print only the summary line (no progress bar, no rejection lines)')
  .option('--workers <n>', 'analysis threads (default 1)', parsePositive)
  .option('--time-limit <seconds>', 'refuse a document whose analysis takes longer (default 30)', parsePositive)
  .option('--queue', 'queue the inputs on Redis for `sitrep worker` processes instead (same as `sitrep enqueue`)')
  .option('--redis-url <url>', 'Redis for --queue (default: $SITREP_REDIS_URL or redis://127.0.0.1:6379)')
  .addOption(csvMapOption())
  .action(run(async (paths: string[], opts: StoreOptions & { quiet?: boolean; workers?: number; timeLimit?: number; queue?: boolean; redisUrl?: string; csvMap?: CsvMapping }) => {
    if (opts.queue) return enqueueCommand(paths, opts);
    const inputs = listInputs(paths);
    const bar = progress(opts.quiet ? 0 : inputs.files.length, 'ingest');
    const items = inputItems(inputs, opts.csvMap ? { csv: opts.csvMap } : {}, (path) => bar.tick(path));
    // The store is opened (and migrated) here first; then each thread opens its own. The
    // threads put what they store in stories as they go; what a thread ended midway left out
    // is clustered at the end (and `sitrep stories` catches up on anything a stopped run missed).
    const summary = await withStore(opts, async (store) => {
      const ingestor = ingestorOf(opts, opts.workers);
      try {
        return await ingestItems(items, ingestor).finally(() => ingestor.close());
      } finally {
        await updateStories(store);
      }
    });
    bar.stop();
    if (!opts.quiet) for (const r of summary.rejected) console.error(`rejected ${r.input}: ${r.error}`);
    console.log(`${summary.ingested} ingested, ${summary.unchanged} unchanged, ${summary.rejected.length} rejected`);
    return summary.rejected.length ? EXIT_REJECTED : EXIT_OK;
  }));

program
  .command('enqueue')
  .description('queue files, folders and JSONL on Redis for `sitrep worker` processes')
  .argument('<paths...>', 'files or folders')
  .option('--redis-url <url>', 'Redis (default: $SITREP_REDIS_URL or redis://127.0.0.1:6379)')
  .addOption(csvMapOption())
  .action(run(enqueueCommand));

async function enqueueCommand(paths: string[], opts: { redisUrl?: string; csvMap?: CsvMapping }): Promise<number> {
  const items = inputItems(paths, opts.csvMap ? { csv: opts.csvMap } : {});
  const { enqueue } = await import('../queue/bullmq.js');
  const summary = await enqueue(items, opts.redisUrl ? { redisUrl: opts.redisUrl } : {});
  for (const r of summary.rejected) console.error(`rejected ${r.input}: ${r.error}`);
  console.log(`${summary.queued} queued, ${summary.alreadyQueued} already queued, ${summary.rejected.length} rejected`);
  return summary.rejected.length ? EXIT_REJECTED : EXIT_OK;
}

storeOptions(program.command('worker'))
  .description('take queued documents from Redis, analyse them and store them, until stopped')
  .option('--redis-url <url>', 'Redis (default: $SITREP_REDIS_URL or redis://127.0.0.1:6379)')
  .option('--concurrency <n>', 'analysis threads (default 1), each taking a few documents at once to store them together', parsePositive)
  .option('--time-limit <seconds>', 'fail a document whose analysis takes longer (default 30)', parsePositive)
  .option('--lock-ms <n>', 'how long a job stays locked to this worker without a heartbeat (default 30000)', parsePositive)
  .option('--exit-when-idle', 'stop once nothing is waiting or running')
  .option('-q, --quiet', 'no line per document')
  .action(run(async (opts: StoreOptions & { redisUrl?: string; concurrency?: number; timeLimit?: number; lockMs?: number; exitWhenIdle?: boolean; quiet?: boolean }) => {
    await withStore(opts, async (store) => {
      const { runWorker } = await import('../queue/bullmq.js');
      const ingestor = ingestorOf(opts, opts.concurrency);
      await runWorker(ingestor, {
        ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}),
        ...(opts.lockMs ? { lockDuration: opts.lockMs } : {}),
        exitWhenIdle: opts.exitWhenIdle ?? false,
        onJob: (e) => {
          if (e.status === 'failed') console.error(`failed ${e.sourceId}: ${e.error}`);
          else if (!opts.quiet) console.log(`${e.status} ${e.sourceId}`);
        },
      });
      await ingestor.close();
      // What the threads left to another worker that was clustering at the time.
      await updateStories(store);
    });
    return EXIT_OK;
  }));

storeOptions(program.command('watch'))
  .description('poll RSS, Atom and JSON feeds and ingest the pages of new items, until stopped')
  .argument('<feeds>', 'a file of feed URLs, one a line (# comments allowed)')
  .option('--interval <seconds>', 'time between polls of the whole list (default 300)', parsePositive)
  .option('--once', 'poll every feed once, then stop')
  .option('--allow-private', 'allow feeds and pages on private, loopback and link-local addresses (default: $SITREP_ALLOW_PRIVATE=1)')
  .option('--workers <n>', 'analysis threads (default 1)', parsePositive)
  .option('--time-limit <seconds>', 'refuse a page whose analysis takes longer (default 30)', parsePositive)
  .action(run(async (feedList: string, opts: StoreOptions & { interval?: number; once?: boolean; allowPrivate?: boolean; workers?: number; timeLimit?: number }) => {
    const { pollFeed, readFeedList } = await import('../ingest/watch.js');
    let feeds: string[];
    try {
      feeds = readFeedList(feedList);
    } catch (e) {
      throw new UsageError(`cannot read the feed list: ${(e as Error).message}`);
    }
    const fetchOptions = opts.allowPrivate ? { allowPrivate: true } : {};
    let stopping = false;
    let wake = () => {};
    const stop = () => {
      stopping = true;
      wake();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let failed = 0;
    await withStore(opts, async (store) => {
      const ingestor = ingestorOf(opts, opts.workers);
      while (!stopping) {
        for (const feed of feeds) {
          if (stopping) break;
          const r = await pollFeed(store, ingestor, feed, fetchOptions);
          for (const x of r.rejected) console.error(`rejected ${x.input}: ${x.error}`);
          if (r.status === 'failed') {
            failed++;
            console.error(`${feed}: failed: ${r.error}`);
          } else {
            console.log(`${feed}: ${r.status === 'not-modified' ? 'not modified' : `${r.newItems} new, ${r.ingested} ingested, ${r.unchanged} unchanged, ${r.rejected.length} rejected`}`);
          }
        }
        if (opts.once) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, (opts.interval ?? 300) * 1000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      await ingestor.close();
    });
    return failed ? EXIT_REJECTED : EXIT_OK;
  }));

storeOptions(program.command('doctor'))
  .description('check the store: engine integrity, foreign keys, full-text index, layer offsets within their texts')
  .action(run(async (opts: StoreOptions) => {
    return withStore(opts, async (store) => {
      const problems = await store.check();
      const counts = await store.counts();
      for (const p of problems) console.error(`${p.check}: ${p.detail}`);
      console.log(`${problems.length ? `${problems.length} problem(s)` : 'ok'}: ${counts.articles} articles, ${counts.events} events`);
      return problems.length ? EXIT_REJECTED : EXIT_OK;
    });
  }));

program
  .command('queue')
  .description('what the Redis queue holds: counts by state, and the failed documents with their reasons')
  .option('--redis-url <url>', 'Redis (default: $SITREP_REDIS_URL or redis://127.0.0.1:6379)')
  .option('--json', 'as JSON')
  .action(run(async (opts: { redisUrl?: string; json?: boolean }) => {
    const { queueStatus } = await import('../queue/bullmq.js');
    const status = await queueStatus(opts.redisUrl ? { redisUrl: opts.redisUrl } : {});
    if (opts.json) await write(JSON.stringify(status) + '\n');
    else {
      await write(Object.entries(status.counts).map(([k, v]) => `${k} ${v}`).join(', ') + '\n');
      for (const f of status.failed) await write(`failed ${f.sourceId} after ${f.attempts} attempt(s): ${f.reason}\n`);
    }
    return EXIT_OK;
  }));

program
  .command('analyze')
  .description('analyse documents without storing them: FILE... or JSON Lines on stdin')
  .argument('[files...]', 'files to analyse; none or "-" reads JSONL from stdin')
  .option('--json', 'pretty JSON (one object, or an array for several documents)')
  .option('--jsonl', 'one JSON line per document (the default for stdin)')
  .addOption(csvMapOption())
  .option('--time-limit <seconds>', 'refuse a document whose analysis takes longer (default 30)', parsePositive)
  .action(run(async (files: string[], opts: { json?: boolean; jsonl?: boolean; csvMap?: CsvMapping; timeLimit?: number }) => {
    if (opts.json && (files.length === 0 || (files.length === 1 && files[0] === '-'))) {
      throw new UsageError('--json needs FILE arguments; stdin is read as JSON Lines (--jsonl)');
    }
    // One analysis thread, so that a hostile document meets the time limit.
    const analyzer = threadAnalyzer(1, opts.timeLimit ? opts.timeLimit * 1000 : undefined);
    try {
      if (files.length === 0 || (files.length === 1 && files[0] === '-')) return await analyzeStdin(analyzer);
      return await analyzeFiles(files, opts, analyzer);
    } finally {
      await analyzer.close();
    }
  }));

async function analyzeFiles(files: string[], opts: { json?: boolean; csvMap?: CsvMapping }, analyzer: Analyzer): Promise<number> {
  const results: unknown[] = [];
  let rejected = 0;
  for await (const item of inputItems(files, opts.csvMap ? { csv: opts.csvMap } : {})) {
    let out: unknown;
    if (!item.ok) {
      out = { id: item.input, error: item.error };
      rejected++;
    } else {
      const r = await analyzer.process(item.doc);
      if (r.ok) out = analysisJson({ id: item.doc.sourceId }, r.value);
      else {
        out = { id: item.doc.sourceId, error: r.error };
        rejected++;
      }
    }
    if (opts.json) results.push(out);
    else await write(JSON.stringify(out) + '\n');
  }
  if (opts.json) await write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
  return rejected ? EXIT_REJECTED : EXIT_OK;
}

/** JSONL on stdin, one output line per input line, in order, read and written as a stream. */
async function analyzeStdin(analyzer: Analyzer): Promise<number> {
  let lineNo = 0;
  let rejected = 0;
  for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNo++;
    const line = parseJsonlLine(text, lineNo);
    if (line === null) continue;
    let out: unknown;
    if (!line.ok) {
      out = line.id ? { id: line.id, error: line.error } : { line: line.line, error: line.error };
    } else {
      // A document without an id is still analysed; its line number identifies it.
      const where = line.doc.sourceId ? { id: line.doc.sourceId } : { line: lineNo };
      const r = await analyzer.process({ ...line.doc, sourceId: line.doc.sourceId || `stdin#${lineNo}` });
      out = r.ok ? analysisJson(where, r.value) : { ...where, error: r.error };
    }
    if ('error' in (out as object)) rejected++;
    await write(JSON.stringify(out) + '\n');
  }
  return rejected ? EXIT_REJECTED : EXIT_OK;
}

program
  .command('extract')
  .description('clean text and metadata of pages or texts, without analysis')
  .argument('<files...>', '.html, .htm, .html.gz or .txt files')
  .option('--jsonl', 'one JSON line per file (the default)')
  .option('--explain', 'add `dropped` (each line dropped as page furniture, with the reason) and `languageDetection` (the detector\'s answer with its reliability)')
  .action(run(async (files: string[], opts: { explain?: boolean }) => {
    const { extractExplained } = await import('../extract/index.js');
    let rejected = 0;
    for await (const item of inputItems(files)) {
      const file = item.ok ? item.doc.sourceId : item.input;
      const r = item.ok ? extractExplained(item.doc) : item;
      if (!r.ok) {
        rejected++;
        await write(JSON.stringify({ file, error: r.error }) + '\n');
        continue;
      }
      const a = r.value.article;
      await write(JSON.stringify({
        file, title: a.title, byline: a.byline, outlet: a.outlet, origin: a.origin, published: a.published,
        publishedBasis: a.publishedBasis, language: a.language, text: a.text,
        ...(opts.explain ? { dropped: r.value.dropped, languageDetection: r.value.language } : {}),
      }) + '\n');
    }
    return rejected ? EXIT_REJECTED : EXIT_OK;
  }));

storeOptions(program.command('events'))
  .description('export stored events, each with its article (sourceId, url, outlet)')
  .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS, 'table']).default('table'))
  .addOption(new Option('--columns <set>', 'CSV columns: sitrep (every field) or acled (ACLED names and categories, '
    + 'only events ACLED would code: occurred or claimed, no statements; see docs/CODEBOOK.md)').choices([...CSV_COLUMN_SETS]).default('sitrep'))
  .option('--type <type>', 'PLOVER event type, e.g. ASSAULT')
  .option('--actor <id>', 'canonical actor id, e.g. RUS.MIL')
  .option('--from <date>', 'events ending on or after YYYY-MM-DD')
  .option('--to <date>', 'events starting on or before YYYY-MM-DD')
  .option('--limit <n>', 'at most n events', parsePositive)
  .action(run(async (opts: StoreOptions & { format: ExportFormat | 'table'; columns: CsvColumns; type?: string; actor?: string; from?: string; to?: string; limit?: number }) => {
    if (opts.columns !== 'sitrep' && opts.format !== 'csv') throw new UsageError(`--columns ${opts.columns} needs --format csv`);
    const query = { ...pick(opts, ['type', 'actor', 'from', 'to', 'limit'] as const) };
    await withStore(opts, async (store) => {
      if (opts.format !== 'table') {
        let skipped = 0;
        const options = { columns: opts.columns, onSkipped: () => void skipped++ };
        for await (const chunk of exportEvents(store.events(query), opts.format, options)) await write(chunk);
        if (skipped) console.error(`sitrep: ${skipped} event(s) have no ACLED row (statements, or not occurred/claimed)`);
        return;
      }
      let n = 0;
      for await (const { event: e, article } of store.events(query)) {
        if (n++ === 0) await write(tableRow(['date', 'type', 'mode', 'actor', 'recipient', 'place', 'killed', 'status', 'article']));
        await write(tableRow([
          e.date?.start ?? '', e.type, e.mode, e.actor?.id ?? '', e.recipient?.id ?? '', e.place?.name ?? '',
          e.killed ? String(e.killed.min) : '', e.status, article.sourceId,
        ]));
      }
      const counts = await store.counts();
      await write(`${n} events from ${counts.articles} stored articles\n`);
    });
    return EXIT_OK;
  }));

storeOptions(program.command('articles'))
  .description('list stored articles')
  .option('--json', 'JSON Lines, one article a line, with its text')
  .option('--search <query>', 'full-text search (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*)')
  .option('--outlet <name>', 'only this outlet')
  .option('--language <code>', 'only this language (ISO 639-1)')
  .option('--from <date>', 'published on or after YYYY-MM-DD')
  .option('--to <date>', 'published on or before YYYY-MM-DD')
  .option('--limit <n>', 'at most n articles', parsePositive)
  .action(run(async (opts: StoreOptions & { json?: boolean; search?: string; outlet?: string; language?: string; from?: string; to?: string; limit?: number }) => {
    const query = pick(opts, ['search', 'outlet', 'language', 'from', 'to', 'limit'] as const);
    await withStore(opts, async (store) => {
      for await (const { id, ingestedAt, article, duplicateOf } of store.articles(query)) {
        if (opts.json) await write(JSON.stringify({ id, ingestedAt, ...article, duplicateOf }) + '\n');
        else await write(tableRow([String(id), article.published ?? '', article.language, article.title ?? '', article.sourceId]));
      }
    });
    return EXIT_OK;
  }));

storeOptions(program.command('stories'))
  .description('put newly stored articles in stories, then list the stories: id, first and last date, articles, outlets, title')
  .option('--json', 'every story in full, as a JSON array (INTERFACE.md)')
  .action(run(async (opts: StoreOptions & { json?: boolean }) => {
    const { storyRow } = await import('../stories/text.js');
    await withStore(opts, async (store) => {
      await updateStories(store);
      if (!opts.json) {
        for await (const s of store.stories()) await write(storyRow(s));
        return;
      }
      // Streamed one story at a time, so a large store does not have to fit in memory.
      let n = 0;
      await write('[');
      for await (const s of store.stories()) {
        const story = await storyView(store, s.id);
        if (story) await write((n++ ? ',\n' : '\n') + JSON.stringify(story));
      }
      await write(n ? '\n]\n' : ']\n');
    });
    return EXIT_OK;
  }));

storeOptions(program.command('story'))
  .description('one story: its articles and outlets, the timeline of its events with their claims, and a summary')
  .argument('<id>', 'story id, as `sitrep stories` lists it (the id of a story since merged into another also works)')
  .option('--json', 'as JSON')
  .action(run(async (id: string, opts: StoreOptions & { json?: boolean }) => {
    const storyId = parsePositive(id);
    const { storyText } = await import('../stories/text.js');
    return withStore(opts, async (store) => {
      await updateStories(store);
      const story = await storyView(store, storyId);
      if (!story) throw new UsageError(`no story ${storyId}`);
      await write(opts.json ? JSON.stringify(story, null, 2) + '\n' : storyText(story));
      return EXIT_OK;
    });
  }));

storeOptions(program.command('framing'))
  .description('how each outlet tells one story, side by side: its words for each actor, loaded terms and hedges, voices, and the story events it reports or leaves out')
  .argument('<id>', 'story id, as `sitrep stories` lists it')
  .option('--json', 'as JSON, every count with the sentences it counts (article sourceId and offsets)')
  .action(run(async (id: string, opts: StoreOptions & { json?: boolean }) => {
    const storyId = parsePositive(id);
    const { framingText, framingView } = await import('../stories/framing/index.js');
    return withStore(opts, async (store) => {
      await updateStories(store);
      const framing = await framingView(store, storyId);
      if (!framing) throw new UsageError(`no story ${storyId}`);
      await write(opts.json ? JSON.stringify(framing, null, 2) + '\n' : framingText(framing));
      return EXIT_OK;
    });
  }));

storeOptions(program.command('outlets'))
  .description('outlet profiles across all stories, computed from their articles: labels per actor, voices, loaded-term rate, coverage')
  .option('--json', 'as a JSON array of profiles, every count with the sentences it counts')
  .action(run(async (opts: StoreOptions & { json?: boolean }) => {
    const { outletsText, outletsView } = await import('../stories/framing/index.js');
    await withStore(opts, async (store) => {
      await updateStories(store);
      const profiles = await outletsView(store);
      await write(opts.json ? JSON.stringify(profiles) + '\n' : outletsText(profiles));
    });
    return EXIT_OK;
  }));

storeOptions(program.command('serve'))
  .description('serve the HTTP API (/api), Atom feeds (/feeds) and the web app until stopped; prints the URL')
  .option('--port <n>', 'port (default 8080; 0 picks a free one)', parsePort)
  .option('--host <address>', 'address to listen on (default 127.0.0.1: this machine only)')
  .option('--private', 'reads need a bearer token too: $SITREP_TOKEN or $SITREP_READ_TOKEN (writes always need $SITREP_TOKEN)')
  .option('--rate-limit <per-minute>', `reads a minute per client address, writes (POST /api/articles) a tenth of it; 0: no limit (default: $SITREP_RATE_LIMIT or ${DEFAULT_RATE_LIMIT.perMinute})`, parseCount)
  .action(run(async (opts: StoreOptions & { port?: number; host?: string; private?: boolean; rateLimit?: number }) => {
    const token = process.env.SITREP_TOKEN || undefined;
    const readToken = process.env.SITREP_READ_TOKEN || undefined;
    if (opts.private && !token && !readToken) throw new UsageError('--private needs a token: set SITREP_TOKEN or SITREP_READ_TOKEN');
    const rateLimit = rateLimitOf(opts.rateLimit ?? envCount('SITREP_RATE_LIMIT'));
    const { serve } = await import('../api/index.js');
    return withStore(opts, async (store) => {
      const server = await serve({ store, token, readToken, private: opts.private ?? false, host: opts.host ?? '127.0.0.1', port: opts.port ?? 8080, rateLimit })
        .catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL') throw new UsageError(`cannot listen on ${opts.host ?? '127.0.0.1'}:${opts.port ?? 8080}: ${e.code}`);
          throw e;
        });
      console.log(`sitrep serving on ${server.url}`);
      console.error(`sitrep: writes ${token ? 'need SITREP_TOKEN' : 'are off (set SITREP_TOKEN to allow POST /api/articles)'}; `
        + `reads ${opts.private || readToken ? 'need a token' : 'are open'}; `
        + `${rateLimit.perMinute ? `at most ${rateLimit.perMinute} reads and ${rateLimit.writesPerMinute} writes a minute per client address` : 'no rate limit'}. Stop with Ctrl-C.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      return EXIT_OK;
    });
  }));

// ---------------------------------------------------------------------------

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`expected a port from 0 to 65535, got "${value}"`);
  return n;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`expected a positive whole number, got "${value}"`);
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`expected a whole number, 0 or more, got "${value}"`);
  return n;
}

/** A count from the environment variable `name`, if set. */
function envCount(name: string): number | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  try {
    return parseCount(value);
  } catch (e) {
    throw new UsageError(`${name}: ${(e as Error).message}`);
  }
}

/** `--rate-limit N`: N reads a minute per client and a tenth of that for writes (at least one); 0 turns both off. */
function rateLimitOf(perMinute: number | undefined): RateLimit {
  if (perMinute === undefined) return DEFAULT_RATE_LIMIT;
  return { perMinute, writesPerMinute: perMinute === 0 ? 0 : Math.max(1, Math.round(perMinute / 10)) };
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function tableRow(cells: string[]): string {
  return cells.map((c) => c.replace(/[\t\n]+/g, ' ')).join('\t') + '\n';
}

/** A failure that is not the input's fault (unwritable database, a bug): exit code 3. */
const EXIT_FAILURE = 3;

async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code) ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError || e instanceof QueryError) {
      console.error(`sitrep: ${e.message}`);
      return EXIT_USAGE;
    }
    console.error(`sitrep: ${(e as Error).message}`);
    return EXIT_FAILURE;
  }
}

process.exitCode = await main(process.argv);
