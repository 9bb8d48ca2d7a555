// Scoring helpers shared by the evaluators. The extraction metrics reproduce the two
// benchmarks' own scripts (see eval/README.md for the exact definitions and sources).

/**
 * Word tokens as Python's `re.findall(r'\w+', text)` finds them: runs of letters, digits
 * and underscores (Python's Unicode `\w` is alphanumeric-or-underscore, marks excluded).
 */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

export interface TpFpFn {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * AEB (scrapinghub/article-extraction-benchmark, evaluate.py `string_shingle_matching`):
 * multisets of `n`-token shingles of the case-kept `\w+` tokens; a text with fewer than n
 * tokens gives one short shingle. TP/FP/FN are normalised to sum to 1 per page.
 */
export function shingleMatch(truth: string, pred: string, n = 4): TpFpFn {
  const t = shingleCounts(truth, n);
  const p = shingleCounts(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp: 0, fp: 0, fn: 0 };
}

export function shingleCounts(text: string, n = 4): Map<string, number> {
  const tokens = wordTokens(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function aebPrecision({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function aebRecall({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * AEB aggregate: precision averaged over pages with a prediction (tp+fp > 0), recall over
 * pages with a truth (tp+fn > 0), F1 from the two averages.
 */
export function aebAggregate(pages: TpFpFn[]): Prf {
  const precision = mean(pages.filter((x) => x.tp + x.fp > 0).map(aebPrecision));
  const recall = mean(pages.filter((x) => x.tp + x.fn > 0).map(aebRecall));
  return { precision, recall, f1: harmonic(precision, recall) };
}

/**
 * WCXB (Murrough-Foley/web-content-extraction-benchmark, evaluate.py `word_f1`): bag of
 * lower-cased `\w+` tokens with multiplicity; empty reference scores 1 only against an
 * empty prediction; empty prediction scores 0.
 */
export function bagOfWordsPrf(pred: string, reference: string): Prf {
  const p = wordTokens(pred.toLowerCase());
  const r = wordTokens(reference.toLowerCase());
  if (r.length === 0) return p.length === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 };
  if (p.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const rc = new Map<string, number>();
  for (const w of r) rc.set(w, (rc.get(w) ?? 0) + 1);
  const pc = new Map<string, number>();
  for (const w of p) pc.set(w, (pc.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const [w, c] of pc) overlap += Math.min(c, rc.get(w) ?? 0);
  const precision = overlap / p.length;
  const recall = overlap / r.length;
  return { precision, recall, f1: harmonic(precision, recall) };
}

export function mean(xs: number[]): number {
  if (xs.length === 0) return 0;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}
