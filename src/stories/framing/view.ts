// Framing read from the store: one story's (`sitrep framing`) and every outlet's profile
// across all stories (`sitrep outlets`). Computed when asked from the articles' layers.
import type { AnalyzedArticle, OutletProfile, StoryFraming } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { loadRoles, type RolesIn } from '../roles.js';
import { composeStory, memberDocs } from '../view.js';
import { loadFramingLexicon, type FramingLexicon } from './lexicon.js';
import { OutletProfiles } from './profiles.js';
import { storyFraming } from './story.js';

/** The framing of story `id` (or of the story it was merged into), or null when there is none. */
export async function framingView(store: Store, id: number, lex: FramingLexicon = loadFramingLexicon(), roles: RolesIn = loadRoles()): Promise<StoryFraming | null> {
  const stored = await store.story(id);
  if (!stored) return null;
  const docs = await memberDocs(store, stored.members);
  const story = composeStory(String(stored.id), stored.title, stored.members, docs, roles);
  const bySource = new Map<string, AnalyzedArticle>();
  for (const m of stored.members) {
    const doc = docs.get(m.articleId);
    if (doc) bySource.set(m.sourceId, doc);
  }
  return storyFraming(story, bySource, lex);
}

/** Every outlet's profile across all stored stories. */
export async function outletsView(store: Store, lex: FramingLexicon = loadFramingLexicon()): Promise<OutletProfile[]> {
  const profiles = new OutletProfiles();
  const roles = loadRoles();
  const ids: number[] = [];
  for await (const s of store.stories()) ids.push(s.id);
  for (const id of ids) {
    const f = await framingView(store, id, lex, roles);
    if (f) profiles.add(f);
  }
  return profiles.result();
}
