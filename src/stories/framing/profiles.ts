// Outlet profiles across every story: the labels each outlet uses for each actor, whom it
// credits, how often it uses loaded words, and which story events it leaves out — summed
// from the stories' framing, never taken from an external rating. Counts are of the
// outlet's own voice; every count keeps its sentences under `evidence`.
import type { FramingEvidence, OutletProfile, StoryFraming } from '../../model/index.js';
import { perThousand } from './story.js';

type Profile = OutletProfile & Required<Pick<OutletProfile, 'stories' | 'words' | 'labelTerms' | 'voiceKinds' | 'voiceSides' | 'loaded' | 'coverage' | 'evidence'>>;

/** Adds stories one at a time, so the stories of a large store need not be held at once. */
export class OutletProfiles {
  private readonly profiles = new Map<string, Profile & { sources: Set<string> }>();

  add(f: StoryFraming): void {
    const compared = f.outlets.length >= 2;
    for (const o of f.outlets) {
      const p = this.profile(o.key, o.byArticle);
      p.stories++;
      for (const id of o.articles) p.sources.add(id);
      p.words += o.words;
      for (const a of f.actors) {
        for (const l of a.outlets[o.key] ?? []) {
          if (l.voice !== 'own') continue;
          bump((p.labels[a.id] ??= {}), l.label, l.count);
          push((p.evidence.labels[a.id] ??= {}), l.label, l.evidence);
          for (const t of l.terms) bump((p.labelTerms[a.id] ??= {}), t, l.count);
        }
      }
      for (const v of f.voices[o.key] ?? []) {
        bump(p.voices, v.key, v.count);
        push(p.evidence.voices, v.key, v.evidence);
        bump(p.voiceKinds, v.kind, v.count);
        if (v.side) bump(p.voiceSides, v.side, v.count);
      }
      const loaded = f.loaded[o.key];
      if (loaded) {
        p.loaded.own += loaded.own;
        p.loaded.hedges += loaded.hedges;
        p.loaded.factives += loaded.factives;
        for (const t of loaded.terms) {
          if (t.voice !== 'own') continue;
          bump(p.loaded.terms, t.term, t.count);
          push(p.evidence.loaded, t.term, t.evidence);
        }
      }
      if (compared) {
        p.coverage.events += f.coverage.events.length;
        p.coverage.reported += f.coverage.events.filter((e) => e.outlets[o.key]).length;
        const missed = f.coverage.blindspots[o.key] ?? [];
        p.coverage.missed += missed.length;
        p.evidence.missed.push(...missed.map((event) => ({ story: f.story, event })));
      }
    }
  }

  /** Outlets with the most articles first. */
  result(): OutletProfile[] {
    return [...this.profiles.values()]
      .map(({ sources, ...p }) => ({ ...p, articles: sources.size, loaded: { ...p.loaded, perThousandWords: perThousand(p.loaded.own, p.words) } }))
      .sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
  }

  private profile(outlet: string, byArticle: boolean): Profile & { sources: Set<string> } {
    let p = this.profiles.get(outlet);
    if (!p) {
      p = {
        outlet, articles: 0, labels: {}, voices: {}, ...(byArticle ? { byArticle } : {}), stories: 0, words: 0,
        labelTerms: {}, voiceKinds: {}, voiceSides: {},
        loaded: { own: 0, perThousandWords: 0, hedges: 0, factives: 0, terms: {} },
        coverage: { events: 0, reported: 0, missed: 0 },
        evidence: { labels: {}, voices: {}, loaded: {}, missed: [] },
        sources: new Set(),
      };
      this.profiles.set(outlet, p);
    }
    return p;
  }
}

export function outletProfiles(framings: Iterable<StoryFraming>): OutletProfile[] {
  const profiles = new OutletProfiles();
  for (const f of framings) profiles.add(f);
  return profiles.result();
}

function bump(counts: Record<string, number>, key: string, n: number): void {
  counts[key] = (counts[key] ?? 0) + n;
}

function push(lists: Record<string, FramingEvidence[]>, key: string, evidence: FramingEvidence[]): void {
  (lists[key] ??= []).push(...evidence);
}
