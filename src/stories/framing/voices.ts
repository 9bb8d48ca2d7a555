// Whom an article quotes or credits: every speaker of the attribution layer, and the
// sources of events that the attribution layer credits nowhere in the article ("a network
// of plane spotters logged …"), once a sentence. Each voice is classed by its actor id
// (data/framing/voices.json): officials of a side, armed groups, monitors, residents,
// state media; a person by the actor their role belongs to in the story's year.
import type { EventMention, Span, VoiceUse } from '../../model/index.js';
import type { ArticleContext } from './context.js';

const PRONOUNS = /^(?:he|she|they|it|we|i|you)$/i;

export function voiceUses(ctx: ArticleContext, events: readonly EventMention[], year: number | null): VoiceUse[] {
  const out: VoiceUse[] = [];
  for (const a of ctx.doc.attributions) {
    // "he said" with nobody resolved credits no one the reader could name.
    if (!a.speaker || (!a.speaker.id && PRONOUNS.test(a.speaker.text))) continue;
    out.push(voice(ctx, a.speaker, actorId(ctx, a.speaker.id), a.kind === 'direct' ? 'quoted' : 'reported', year));
  }
  // Event sources add the voices the attribution layer missed, not a second count of one it found.
  const credited = new Set(out.map((v) => v.key));
  const seen = new Set<string>();
  for (const e of events) {
    if (!e.source) continue;
    const id = actorId(ctx, e.source.id);
    if (credited.has(keyOf(id, e.source.text))) continue;
    const at = ctx.text.indexOf(e.source.text, e.evidence.start);
    const span = at >= 0 && at < e.evidence.end ? { start: at, end: at + e.source.text.length } : { start: e.evidence.start, end: e.evidence.end };
    const v = voice(ctx, { ...span, text: e.source.text }, id, 'source', year);
    if (seen.has(`${v.key} ${v.evidence.sentence}`)) continue;
    seen.add(`${v.key} ${v.evidence.sentence}`);
    out.push(v);
  }
  return out;
}

/** The id, unless it is a placeholder for a source nobody identified. */
const actorId = (ctx: ArticleContext, id: string | undefined) => (id && !ctx.lex.placeholders.has(id) ? id : undefined);

const keyOf = (id: string | undefined, text: string) => id ?? text.toLowerCase().replace(/\s+/g, ' ');

function voice(ctx: ArticleContext, said: Span & { text: string }, id: string | undefined, how: VoiceUse['how'], year: number | null): VoiceUse {
  const base = { key: keyOf(id, said.text), ...(id ? { id } : {}), text: said.text, how, evidence: ctx.evidence(said) };
  if (!id) return { ...base, kind: 'unidentified' };
  const role = id.startsWith('PER.') ? ctx.lex.roleOf(id, year) : undefined;
  const owner = role?.of ?? id;
  const k = ctx.lex.voiceKind(owner);
  return { ...base, kind: role ? k.person : k.kind, ...(k.side ? { side: owner } : {}), ...(role ? { role: role.title } : {}) };
}
