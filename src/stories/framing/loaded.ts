// Loaded terms, hedges and factives in one article (data/framing/loaded.json), each with
// whose words it is and whom it is about: the actor mention it is part of ("terrorist
// brigades"), the actor a label word stands for when it names none itself ("the
// terrorist-occupied enclave" -> the armed opposition the article calls terrorists), the
// label after a distancing word ("so-called rebels"), else the nearest actor in its clause.
import type { EntityMention, LabelUse, Span, TermUse } from '../../model/index.js';
import type { ArticleContext } from './context.js';
import type { TermInfo } from './lexicon.js';

export function termUses(ctx: ArticleContext, labels: readonly LabelUse[]): TermUse[] {
  const out: TermUse[] = [];
  const { toks } = ctx;
  for (let i = 0; i < toks.length; ) {
    const hit = ctx.formAt(ctx.lex.terms, i);
    if (!hit) {
      i++;
      continue;
    }
    const span = { start: toks[i]!.start, end: toks[hit.j - 1]!.end };
    const info = hit.value;
    const inName = ctx.entities.some((e) => e.start <= span.start && span.end <= e.end && !e.labels?.length && /\p{Lu}/u.test(e.text));
    if (!inName) {
      const judged = ctx.judge(span);
      // "terrorist-occupied": the occupier is the word before the hyphen.
      const previous = out[out.length - 1];
      const joined = previous && toks[i]!.hyphenBefore && previous.evidence.span.end === toks[i - 1]!.end;
      const about = joined ? previous.about : aboutWhom(ctx, span, hit.j, info, labels);
      out.push({
        term: info.term, text: ctx.text.slice(span.start, span.end), category: info.category,
        ...(info.tone ? { tone: info.tone } : {}),
        about: about?.id ? { id: about.id, text: about.text } : null,
        voice: judged.voice, ...(judged.speaker !== undefined ? { speaker: judged.speaker } : {}),
        evidence: ctx.evidence(span),
      });
    }
    i = hit.j;
  }
  return out;
}

/** Word tokens in the article: the denominator of the loaded-term rate. */
export const wordCount = (ctx: ArticleContext): number => ctx.toks.filter((t) => /\p{L}/u.test(t.text)).length;

function aboutWhom(ctx: ArticleContext, span: Span, after: number, info: TermInfo, labels: readonly LabelUse[]): Pick<EntityMention, 'id' | 'text'> | undefined {
  // Part of a label ("terrorist brigades", "militant ‘opposition’ fighters"): that label's actor.
  const label = labels.find((l) => l.evidence.span.start <= span.start && span.end <= l.evidence.span.end);
  if (label) return { id: label.actor, text: label.text };
  const actors = ctx.entities.filter((e) => e.id !== undefined && !ctx.isPlace(e));
  const holder = actors.find((e) => e.start <= span.start && span.end <= e.end);
  if (holder) return holder;
  // "so-called rebels": the label right after the distancing word.
  if (ctx.formAt(ctx.lex.distancing, ctx.tokenAt(span.start))) {
    const next = actors.find((e) => e.start >= span.end && ctx.tokenAt(e.start) <= after + 2);
    if (next) return next;
  }
  if (info.refers) {
    const named = mostUsed(labels.filter((l) => l.terms.includes(info.term)).map((l) => l.actor))
      ?? mostUsed(actors.map((e) => e.id!).filter((id) => id.endsWith(`.${info.refers}`) || id.includes(`.${info.refers}.`)));
    if (named) return { id: named, text: ctx.lex.nameOf(named) };
  }
  const clause = ctx.clauseAt(span.start);
  let best: EntityMention | undefined;
  let distance = Infinity;
  for (const e of actors) {
    if (e.start < clause.start || e.end > clause.end) continue;
    // The actor before the term (its subject) wins a tie.
    const d = e.end <= span.start ? span.start - e.end : e.start - span.end + 0.5;
    if (d < distance) [best, distance] = [e, d];
  }
  return best;
}

function mostUsed(ids: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [id, c] of counts) if (c > n) [best, n] = [id, c];
  return best;
}
