// HTML -> article text on the two extraction benchmarks in shared/data/extraction, scored
// with each benchmark's own metric, plus publication-date accuracy on WCXB.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../src/extract/html.js';
import { aebAggregate, bagOfWordsPrf, mean, shingleMatch, type TpFpFn } from './metrics.js';
import { fmt, type Evaluator, type Row } from './common.js';

const readGz = (path: string): string => gunzipSync(readFileSync(path)).toString('utf8');

/** Scrapinghub article-extraction benchmark: 4-token shingle P/R over pages, F1 of the means. */
export const aebExtraction: Evaluator = {
  name: 'extraction/aeb',
  async run(dataDir) {
    const dir = join(dataDir, 'extraction', 'aeb');
    if (!existsSync(join(dir, 'ground-truth.json'))) return [missing('aeb', dir)];
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
    const pages: TpFpFn[] = [];
    let failed = 0;
    for (const id of Object.keys(truth).sort()) {
      const gold = truth[id]!;
      const path = join(dir, 'html', `${id}.html.gz`);
      if (!existsSync(path)) continue;
      const res = extractHtml(readGz(path), gold.url ? { url: gold.url } : {});
      if (!res.ok) failed++;
      pages.push(shingleMatch(gold.articleBody ?? '', res.ok ? res.value.text : ''));
    }
    const { precision, recall, f1 } = aebAggregate(pages);
    const set = `aeb (${pages.length} pages)`;
    const anchor = 'Readability.js 0.947 / trafilatura 0.958 / best 0.970';
    return [
      { metric: 'article text precision (4-shingles)', set, value: fmt(precision), anchor: '—' },
      { metric: 'article text recall (4-shingles)', set, value: fmt(recall), anchor: '—' },
      { metric: 'article text F1 (4-shingles)', set, value: fmt(f1), anchor },
      { metric: 'pages with no text extracted', set, value: String(failed), anchor: '—' },
    ];
  },
};

interface WcxbTruth {
  url?: string;
  ground_truth?: { main_content?: string | null; publish_date?: string | null };
}

/** WCXB dev split (article pages): bag-of-words F1 per page, averaged; date accuracy. */
export const wcxbExtraction: Evaluator = {
  name: 'extraction/wcxb-dev',
  async run(dataDir) {
    const dir = join(dataDir, 'extraction', 'wcxb-dev');
    const gtDir = join(dir, 'ground-truth');
    if (!existsSync(gtDir)) return [missing('wcxb-dev', dir)];
    const prec: number[] = [];
    const rec: number[] = [];
    const f1s: number[] = [];
    let failed = 0;
    let dated = 0;
    let dateFound = 0;
    let dateRight = 0;
    for (const file of readdirSync(gtDir).filter((f) => f.endsWith('.json')).sort()) {
      const id = file.slice(0, -'.json'.length);
      const htmlPath = join(dir, 'html', `${id}.html.gz`);
      if (!existsSync(htmlPath)) continue;
      const gold = JSON.parse(readFileSync(join(gtDir, file), 'utf8')) as WcxbTruth;
      const res = extractHtml(readGz(htmlPath), gold.url ? { url: gold.url } : {});
      if (!res.ok) failed++;
      const s = bagOfWordsPrf(res.ok ? res.value.text : '', gold.ground_truth?.main_content ?? '');
      prec.push(s.precision);
      rec.push(s.recall);
      f1s.push(s.f1);
      const goldDate = gold.ground_truth?.publish_date;
      const goldDay = typeof goldDate === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(goldDate.trim())?.[0] : undefined;
      if (goldDay) {
        dated++;
        const ours = res.ok ? res.value.published : null;
        if (ours) dateFound++;
        if (ours === goldDay) dateRight++;
      }
    }
    const set = `wcxb-dev (${f1s.length} pages)`;
    const dset = `wcxb-dev (${dated} dated pages)`;
    return [
      { metric: 'article text precision (bag of words)', set, value: fmt(mean(prec)), anchor: '—' },
      { metric: 'article text recall (bag of words)', set, value: fmt(mean(rec)), anchor: '—' },
      { metric: 'article text F1 (bag of words)', set, value: fmt(mean(f1s)), anchor: 'Readability 0.726 (test split) / trafilatura 0.833' },
      { metric: 'pages with no text extracted', set, value: String(failed), anchor: '—' },
      { metric: 'publication date accuracy (day)', set: dset, value: fmt(dated ? dateRight / dated : 0), anchor: "htmldate 0.949 (published, on htmldate's own set)" },
      { metric: 'publication date found (any)', set: dset, value: fmt(dated ? dateFound / dated : 0), anchor: '—' },
    ];
  },
};

function missing(set: string, dir: string): Row {
  return { metric: 'skipped: data not found', set, value: '—', anchor: dir };
}
