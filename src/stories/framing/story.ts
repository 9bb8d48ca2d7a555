// A story's framing: its articles read one by one (labels, loaded terms, voices), then
// counted per outlet side by side, with the story events each outlet reports or leaves out.
// An article whose outlet the store does not know is its own column, named by its sourceId.
import type {
  ActorFraming, AnalyzedArticle, Counted, CoverageEvent, FramingEvidence, FramingOutlet, LabelCount, LabelUse,
  OutletLoaded, Story, StoryFraming, TermCount, TermUse, VoiceCount, VoiceUse,
} from '../../model/index.js';
import { ArticleContext } from './context.js';
import { labelUses } from './labels.js';
import type { FramingLexicon } from './lexicon.js';
import { termUses, wordCount } from './loaded.js';
import { voiceUses } from './voices.js';

/** What one article says, before it is counted with its outlet. */
export interface ArticleFraming {
  sourceId: string;
  words: number;
  labels: LabelUse[];
  terms: TermUse[];
  voices: VoiceUse[];
}

export function articleFraming(doc: AnalyzedArticle, lex: FramingLexicon, year: number | null): ArticleFraming {
  const ctx = new ArticleContext(doc, lex);
  const labels = labelUses(ctx);
  return { sourceId: doc.article.sourceId, words: wordCount(ctx), labels, terms: termUses(ctx, labels), voices: voiceUses(ctx, doc.events, year) };
}

/** The framing of `story` from its members' analysed articles (by sourceId). */
export function storyFraming(story: Story, docs: ReadonlyMap<string, AnalyzedArticle>, lex: FramingLexicon): StoryFraming {
  const year = story.firstDate ? Number(story.firstDate.slice(0, 4)) : null;
  const members = (story.members ?? story.articles.map((sourceId) => ({ sourceId, outlet: docs.get(sourceId)?.article.outlet ?? null, duplicateOf: null })))
    .filter((m) => m.duplicateOf === null && docs.has(m.sourceId));
  const read = new Map(members.map((m) => [m.sourceId, articleFraming(docs.get(m.sourceId)!, lex, year)]));

  const columns = new Map<string, FramingOutlet>();
  const column = new Map<string, string>();
  for (const m of members) {
    const key = m.outlet ?? m.sourceId;
    const c = columns.get(key) ?? { key, outlet: m.outlet, byArticle: m.outlet === null, articles: [], words: 0 };
    c.articles.push(m.sourceId);
    c.words += read.get(m.sourceId)!.words;
    columns.set(key, c);
    column.set(m.sourceId, key);
  }
  const outlets = [...columns.values()];
  const perOutlet = <U>(pick: (a: ArticleFraming) => U[]) =>
    new Map(outlets.map((o) => [o.key, o.articles.flatMap((id) => pick(read.get(id)!))]));

  const byArticle = outlets.filter((o) => o.byArticle).length;
  return {
    story: story.id,
    title: story.title,
    outlets,
    ...(byArticle ? { note: `${byArticle} article(s) have no outlet in the store: each is its own column, named by its sourceId` } : {}),
    actors: actorRows(perOutlet((a) => a.labels), lex),
    loaded: loadedColumns(outlets, perOutlet((a) => a.terms), lex),
    voices: Object.fromEntries([...perOutlet((a) => a.voices)].map(([key, uses]) => [key, voiceCounts(uses, lex)])),
    coverage: coverage(story, outlets, column),
  };
}

/**
 * Uses counted by `key`: how many, in which articles, and the sentences; most used first.
 * `describe` gives the fields of a group from its first use.
 */
export function tally<U extends { evidence: FramingEvidence }, C>(uses: readonly U[], key: (u: U) => string, describe: (u: U, all: U[]) => C): (C & Counted)[] {
  const groups = new Map<string, U[]>();
  for (const u of uses) {
    const k = key(u);
    groups.set(k, [...(groups.get(k) ?? []), u]);
  }
  return [...groups.values()]
    .map((all) => {
      const articles: Record<string, number> = {};
      for (const u of all) articles[u.evidence.sourceId] = (articles[u.evidence.sourceId] ?? 0) + 1;
      return { ...describe(all[0]!, all), count: all.length, articles, evidence: all.map((u) => u.evidence) };
    })
    .sort((a, b) => b.count - a.count);
}

/** Whose words: a person by their dictionary name (not "He"), anyone else as the article names them. */
/** The order a cell lists its labels in: the outlet's own first (the sort is stable, so most used first within each). */
const VOICES: LabelCount['voice'][] = ['own', 'distanced', 'negated', 'quoted', 'reported'];

const speakerName = (s: LabelUse['speaker'], lex: FramingLexicon): string | undefined =>
  !s ? undefined : s.id && (s.id.startsWith('PER.') || !s.text) ? lex.nameOf(s.id) : s.text || undefined;

function actorRows(labels: Map<string, LabelUse[]>, lex: FramingLexicon): ActorFraming[] {
  // Actors several outlets name come first (they are what is compared), people last.
  const columns = new Map<string, number>();
  for (const uses of labels.values()) for (const id of new Set(uses.map((l) => l.actor))) columns.set(id, (columns.get(id) ?? 0) + 1);
  const person = (id: string) => (id.startsWith('PER.') ? 1 : 0);
  return [...columns.keys()]
    .sort((a, b) => person(a) - person(b) || columns.get(b)! - columns.get(a)! || a.localeCompare(b))
    .map((id) => ({
      id,
      name: lex.nameOf(id),
      outlets: Object.fromEntries([...labels].map(([key, uses]) => [key, tally(
        uses.filter((u) => u.actor === id),
        (u) => [u.voice, u.label, speakerName(u.speaker, lex) ?? ''].join('\u0000'),
        (u): Omit<LabelCount, keyof Counted> => {
          const speaker = speakerName(u.speaker, lex);
          return { label: u.label, kind: u.kind, terms: u.terms, voice: u.voice, ...(speaker ? { speaker } : {}), ...(u.distanced ? { distanced: u.distanced } : {}) };
        },
      ).sort((a, b) => VOICES.indexOf(a.voice) - VOICES.indexOf(b.voice))])),
    }));
}

function loadedColumns(outlets: FramingOutlet[], terms: Map<string, TermUse[]>, lex: FramingLexicon): Record<string, OutletLoaded> {
  return Object.fromEntries(outlets.map((o) => {
    const uses = terms.get(o.key) ?? [];
    const own = (category: TermUse['category']) => uses.filter((u) => u.voice === 'own' && u.category === category).length;
    const counted = tally(
      uses,
      (u) => [u.term, u.category, u.voice, u.about?.id ?? '', speakerName(u.speaker, lex) ?? ''].join('\u0000'),
      (u): Omit<TermCount, keyof Counted> => {
        const speaker = speakerName(u.speaker, lex);
        return { term: u.term, category: u.category, ...(u.tone ? { tone: u.tone } : {}), about: u.about?.id ?? null, voice: u.voice, ...(speaker ? { speaker } : {}) };
      },
    );
    return [o.key, { words: o.words, own: own('loaded'), perThousandWords: perThousand(own('loaded'), o.words), hedges: own('hedge'), factives: own('factive'), terms: counted }];
  }));
}

export const perThousand = (n: number, words: number): number => (words > 0 ? Math.round((n / words) * 100_000) / 100 : 0);

export function voiceCounts(uses: VoiceUse[], lex: FramingLexicon): VoiceCount[] {
  return tally(uses, (u) => u.key, (u, all): Omit<VoiceCount, keyof Counted> => ({
    key: u.key, ...(u.id ? { id: u.id } : {}),
    name: u.id?.startsWith('PER.') ? lex.nameOf(u.id) : commonest(all.map((x) => x.text)),
    kind: u.kind, ...(u.side ? { side: u.side } : {}), ...(u.role ? { role: u.role } : {}),
    how: [...new Set(all.map((x) => x.how))],
  }));
}

function commonest(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Which columns report each story event, and which leave out what another reports. */
function coverage(story: Story, outlets: FramingOutlet[], column: Map<string, string>): StoryFraming['coverage'] {
  const events: CoverageEvent[] = story.events.map((e) => {
    const by: Record<string, FramingEvidence[]> = {};
    for (const m of e.mentions) {
      const key = column.get(m.sourceId);
      if (!key) continue;
      const { sentence, start, end } = m.event.evidence;
      (by[key] ??= []).push({ sourceId: m.sourceId, sentence, start, end, span: { start, end } });
    }
    return {
      id: e.id, type: e.type, mode: e.mode, status: e.status,
      date: e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : null,
      place: e.place?.name ?? null, actor: e.actor?.id ?? null, recipient: e.recipient?.id ?? null,
      outlets: by, missing: outlets.map((o) => o.key).filter((k) => !by[k]),
    };
  });
  const blindspots = Object.fromEntries(outlets.map((o) => [o.key, outlets.length < 2 ? [] : events.filter((e) => e.missing.includes(o.key) && Object.keys(e.outlets).length > 0).map((e) => e.id)]));
  return { events, blindspots };
}
