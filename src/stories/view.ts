// A story as users read it, computed from its members when asked: the articles with the
// dates the story gives them, the story events merged across articles (in date order: the
// timeline) with their claims ledgers, and the summary. Nothing here is stored; the
// articles' own layers are read, never changed.
import type { AnalyzedArticle, Story, StoryArticle } from '../model/index.js';
import type { Store, StoryMember } from '../store/index.js';
import { articleDate, redate, storySpan } from './dating.js';
import { mergeEvents, type Mention } from './events.js';
import { loadRoles, type RolesIn } from './roles.js';
import { summarize } from './summary.js';
import { centralTitle } from './title.js';

/** The story `id` (or the story it was merged into) as a Story, or null when there is none. */
export async function storyView(store: Store, id: number, roles: RolesIn = loadRoles()): Promise<Story | null> {
  const stored = await store.story(id);
  if (!stored) return null;
  return composeStory(String(stored.id), stored.title, stored.members, await memberDocs(store, stored.members), roles);
}

/** The analysed articles of a story's members that are not near-duplicates, by article id. */
export async function memberDocs(store: Store, members: readonly StoryMember[]): Promise<Map<number, AnalyzedArticle>> {
  const docs = new Map<number, AnalyzedArticle>();
  for (const m of members) {
    if (m.duplicateOf !== null) continue;
    const doc = await store.load(m.articleId);
    if (doc) docs.set(m.articleId, doc);
  }
  return docs;
}

/** The pure part of storyView: a Story from its members and their analysed articles. */
export function composeStory(
  id: string,
  title: string | null,
  members: readonly StoryMember[],
  docs: ReadonlyMap<number, AnalyzedArticle>,
  roles: RolesIn,
): Story {
  const originals = members.filter((m) => m.duplicateOf === null);
  const dated = originals.map((m) => ({ member: m, doc: docs.get(m.articleId) }));
  const span = storySpan(dated.map(({ member, doc }) => ({ ...member, publishedBasis: doc?.article.publishedBasis })));
  const dates = new Map(members.map((m) => [m.articleId, articleDate({ ...m, publishedBasis: docs.get(m.articleId)?.article.publishedBasis }, span)]));
  const sourceOf = new Map(members.map((m) => [m.articleId, m.sourceId]));
  const outletOf = (m: StoryMember) => m.outlet ?? hostOf(m.url);

  const mentions: Mention[] = [];
  for (const { member, doc } of dated) {
    if (!doc) continue;
    const date = dates.get(member.articleId) ?? null;
    for (const e of doc.events) {
      mentions.push({ sourceId: member.sourceId, outlet: outletOf(member), articleDate: date?.date ?? null, event: redate(e, member, date) });
    }
  }
  const year = span ? Number(span.first.slice(0, 4)) : null;
  const events = mergeEvents(id, mentions, roles(year));

  const articles: StoryArticle[] = members.map((m) => {
    return {
      sourceId: m.sourceId, outlet: outletOf(m), title: m.title, url: m.url, date: dates.get(m.articleId) ?? null,
      duplicateOf: m.duplicateOf === null ? null : sourceOf.get(m.duplicateOf) ?? null,
    };
  });
  const outlets: Record<string, number> = {};
  for (const a of articles) if (a.outlet && a.duplicateOf === null) outlets[a.outlet] = (outlets[a.outlet] ?? 0) + 1;
  const known = articles.map((a) => a.date?.date).filter((d): d is string => !!d).sort();
  return {
    id,
    title: centralTitle(originals.map((m) => m.title)) ?? title ?? '',
    articles: members.map((m) => m.sourceId),
    events,
    firstDate: known[0] ?? null,
    lastDate: known[known.length - 1] ?? null,
    outlets,
    members: articles,
    summary: summarize(dated.flatMap(({ member, doc }) => (doc ? [{ sourceId: member.sourceId, text: doc.article.text, sentences: doc.sentences }] : []))),
  };
}

/** An outlet's name when the article gives none: its web site. */
function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
