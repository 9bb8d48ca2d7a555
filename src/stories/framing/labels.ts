// The words an article uses for each actor: the entity layer's label of every mention
// with a canonical id ("Turkish-backed rebel positions" -> SYR.REB.TUR), else the actor's
// name as written ("Syrian Arab Army"). A label belongs to the mention it modifies: of
// "Russia and Syria's military forces" each state gets its own, and a backer's word
// ("Russia-backed Assad regime") goes to the actor it is about, not to the backer.
import type { EntityMention, LabelUse } from '../../model/index.js';
import type { Token } from '../../analyze/entities/tokens.js';
import type { ArticleContext } from './context.js';

const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'we', 'us', 'i', 'me', 'they', 'them', 'it']);
const DETERMINERS = new Set(['the', 'a', 'an']);
const CONJUNCTIONS = new Set(['and', 'or', '&']);
/** Only white space and quotation marks between two words. */
const QUOTE_GAP = /^[\s‘’'“”"«»]*$/;
const QUOTE_MARK = /[‘’'“”"«»]/;

export function labelUses(ctx: ArticleContext): LabelUse[] {
  const out: LabelUse[] = [];
  const { entities } = ctx;
  for (let n = 0; n < entities.length; n++) {
    const e = entities[n]!;
    if (!e.id || PRONOUNS.has(e.text.toLowerCase())) continue;
    if (backerOf(ctx, e, entities[n + 1])) continue;
    const phrase = phraseOf(ctx, e);
    if (!phrase) continue;
    const prev = entities[n - 1];
    const toks = prev && backerOf(ctx, prev, e) ? [...ctx.toks.slice(ctx.tokenAt(prev.start), ctx.tokenAt(prev.end)), ...phrase.toks] : phrase.toks;
    const span = { start: toks[0]!.start, end: toks[toks.length - 1]!.end };
    const written = ctx.text.slice(span.start, span.end).replace(/\s+/g, ' ');
    const terms = phrase.kind === 'label' ? [...new Set(toks.map((t) => ctx.lex.family.get(t.key)).filter((x): x is string => !!x))] : [];
    const judged = ctx.judge(span);
    const scare = ctx.scareQuotesIn(span).map((q) => ctx.text.slice(q.start, q.end));
    out.push({
      actor: e.id, label: phrase.kind === 'label' ? normalised(ctx, toks) : written, text: written,
      kind: phrase.kind, terms, voice: judged.voice,
      ...(judged.speaker !== undefined ? { speaker: judged.speaker } : {}),
      ...(scare.length ? { distanced: scare } : {}),
      evidence: ctx.evidence(span),
    });
  }
  return out;
}

/**
 * Whether `m` is only a backer's word ("Russia-backed", "Russian-led") standing right before
 * the mention `next`: then the word labels `next`.
 */
function backerOf(ctx: ArticleContext, m: EntityMention, next: EntityMention | undefined): boolean {
  if (!next || m.type !== 'country' || m.labels?.[0] !== m.text) return false;
  const last = ctx.toks[ctx.tokenAt(m.end) - 1];
  return !!last && last.hyphenBefore && ctx.lex.backedWords.has(last.key) && /^\s+$/.test(ctx.text.slice(m.end, next.start));
}

/** The words used for the mention, and whether they are a label or a name. */
function phraseOf(ctx: ArticleContext, e: EntityMention): { toks: Token[]; kind: 'label' | 'name' } | null {
  const own = { i: ctx.tokenAt(e.start), j: ctx.tokenAt(e.end) };
  const label = e.labels?.[0];
  if (!label) {
    // A proper name of a group or an organisation; a person's or a country's bare name is no label.
    if (e.type !== 'organization' && e.type !== 'group') return null;
    return { toks: ctx.toks.slice(own.i, own.j), kind: 'name' };
  }
  const at = labelOffset(ctx.text, label, e);
  let i = ctx.tokenAt(at);
  let j = ctx.tokenAt(at + label.length);
  // "Russian and Syrian military forces": the first conjunct takes the shared head words.
  if (own.j < j && ctx.toks.slice(own.j, j).some((t) => CONJUNCTIONS.has(t.key))) {
    let h = j;
    while (h > own.j && isLabelWord(ctx, ctx.toks[h - 1]!) && !CONJUNCTIONS.has(ctx.toks[h - 1]!.key)) h--;
    return { toks: [...trimmed(ctx, own.i, own.j, false), ...trimmed(ctx, h, j, true)], kind: 'label' };
  }
  // "… and Syrian military forces": the last conjunct starts at its own words.
  if (own.i > i && ctx.toks.slice(i, own.i).some((t) => CONJUNCTIONS.has(t.key))) i = own.i;
  [i, j] = acrossQuotes(ctx, i, j);
  return { toks: trimmed(ctx, i, j, true), kind: 'label' };
}

/** Where the mention's label starts: the occurrence that holds the mention, or ends right before it ("President" Vladimir Putin). */
function labelOffset(text: string, label: string, e: EntityMention): number {
  for (let at = text.indexOf(label, Math.max(0, e.start - label.length - 2)); at >= 0 && at <= e.end; at = text.indexOf(label, at + 1)) {
    const end = at + label.length;
    if (end >= e.start || /^\s+$/.test(text.slice(end, e.start))) return at;
  }
  return e.start;
}

function isLabelWord(ctx: ArticleContext, t: Token): boolean {
  return ctx.lex.labelWords.has(t.key) || ctx.lex.things.has(t.key);
}

/**
 * A label cut by quotation marks ("militant ‘opposition’ fighters", which the entity layer
 * reads as "opposition"): the label words on the other side of the marks belong to it.
 */
function acrossQuotes(ctx: ArticleContext, i: number, j: number): [number, number] {
  const { toks, text } = ctx;
  const fits = (a: Token, b: Token, crossed: boolean) => {
    const gap = text.slice(a.end, b.start);
    return a.sentence === b.sentence && QUOTE_GAP.test(gap) && (crossed || QUOTE_MARK.test(gap)) && !b.hyphenBefore;
  };
  let crossed = false;
  while (i > 0 && fits(toks[i - 1]!, toks[i]!, crossed) && !toks[i - 1]!.upper && !toks[i - 1]!.hyphenBefore && isLabelWord(ctx, toks[i - 1]!)) {
    crossed ||= QUOTE_MARK.test(text.slice(toks[i - 1]!.end, toks[i]!.start));
    i--;
  }
  crossed = false;
  while (j < toks.length && fits(toks[j - 1]!, toks[j]!, crossed) && !toks[j]!.upper && isLabelWord(ctx, toks[j]!)) {
    crossed ||= QUOTE_MARK.test(text.slice(toks[j - 1]!.end, toks[j]!.start));
    j++;
  }
  return [i, j];
}

/** Tokens [i, j) without leading determiners and (`tail`) trailing things ("positions"); one word at least stays. */
function trimmed(ctx: ArticleContext, i: number, j: number, tail: boolean): Token[] {
  const { toks, lex } = ctx;
  while (j - i > 1 && DETERMINERS.has(toks[i]!.key)) i++;
  // "Assad regime outposts" -> "Assad regime"; "Russian campaign" stays, "Russian" alone would say nothing.
  let k = j;
  while (tail && k - i > 1 && (lex.things.has(toks[k - 1]!.key) || toks[k - 1]!.possessive)) k--;
  const said = toks.slice(i, k).some((t) => lex.labelWords.has(t.key) && !lex.things.has(t.key));
  return toks.slice(i, said ? k : j);
}

/**
 * The label as compared: words as written, except that label words capitalised only because
 * they open a sentence or stand in a headline ("Turkish-backed Militants", "Rebels said") and
 * titles ("Foreign Minister") are put in lower case; names keep their capitals ("Islamic State").
 */
function normalised(ctx: ArticleContext, toks: Token[]): string {
  let out = '';
  for (let n = 0; n < toks.length; n++) {
    const t = toks[n]!;
    if (n > 0) out += /[-‐]$/.test(t.gap) ? '-' : t.gap === '' || QUOTE_MARK.test(t.gap) ? t.gap.replace(/\s+/g, ' ') : ' ';
    const lower = ctx.lex.labelWords.has(t.key) && (ctx.lex.titleWords.has(t.key) || t.first || ctx.headline(t.sentence));
    out += lower ? t.text.toLowerCase() : t.text;
  }
  return out;
}
