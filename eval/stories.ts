// Story events on FA-KES dev: rows with the same annotated date, governorate and cause of
// death are taken as one incident told by several outlets. Every article is ingested into a
// fresh store and clustered into stories (as `sitrep ingest` does); each row's system label
// is the story event holding its article's principal event (eval/fakes.ts), so two rows
// fall together when sitrep merged their events. Scored pairwise (the figure that counts:
// most incidents are single rows, which flatter BCubed) and with BCubed, and for the
// incidents told by two or more outlets, whether one story event holds every outlet's toll.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventMention, Story } from '../src/model/index.js';
import { analyze, loadKnowledge } from '../src/analyze/index.js';
import { extractDocument } from '../src/extract/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { storyView, updateStories } from '../src/stories/index.js';
import { fmt, type Evaluator, type Row } from './common.js';
import { principalEvent, readFakes } from './fakes.js';

export interface Scores { p: number; r: number; f: number }

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Pairwise precision and recall of a clustering (item -> label) against a gold one. */
export function pairwise(system: readonly string[], gold: readonly string[]): Scores & { tp: number; fp: number; fn: number } {
  return pairScores(system, (i, j) => gold[i] === gold[j]);
}

/** Pairwise scores of a clustering against a gold relation on pairs of items (`same(i, j)`, i < j). */
function pairScores(system: readonly string[], same: (i: number, j: number) => boolean): Scores & { tp: number; fp: number; fn: number } {
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < system.length; i++) {
    for (let j = i + 1; j < system.length; j++) {
      const s = system[i] === system[j], g = same(i, j);
      if (s && g) tp++;
      else if (s) fp++;
      else if (g) fn++;
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 1, r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f: f1(p, r), tp, fp, fn };
}

/** BCubed precision and recall (Bagga & Baldwin 1998): per item, averaged. */
export function bcubed(system: readonly string[], gold: readonly string[]): Scores {
  let p = 0, r = 0;
  for (let i = 0; i < system.length; i++) {
    let both = 0, sys = 0, gol = 0;
    for (let j = 0; j < system.length; j++) {
      const s = system[i] === system[j], g = gold[i] === gold[j];
      if (s) sys++;
      if (g) gol++;
      if (s && g) both++;
    }
    p += both / sys;
    r += both / gol;
  }
  p /= system.length;
  r /= system.length;
  return { p, r, f: f1(p, r) };
}

/** A verdict, read by hand, on one pair of rows where sitrep and the annotation disagreed. */
export interface Verdict {
  /** Row keys (`rowKey`), in either order. */
  a: string;
  b: string;
  /** What the annotation says of the pair: one incident or two. */
  annotated: 'same' | 'different';
  /** `annotation-error`: the annotation is wrong about the pair; `sitrep-error`: it is right; `unclear`: cannot tell. */
  verdict: 'annotation-error' | 'sitrep-error' | 'unclear';
  why: string;
}

/** A row's identity: its article and the incident annotated for it (one article can carry two). */
export const rowKey = (r: { unit_id: string; date: string; location: string; cause_of_death: string }) =>
  `${r.unit_id}@${r.date}|${r.location}|${r.cause_of_death}`;
export const pairKey = (a: string, b: string) => (a < b ? `${a} ~ ${b}` : `${b} ~ ${a}`);

/** The adjudication file (eval/adjudicated/stories-fakes-dev.json), pair key -> verdict. */
export function readVerdicts(path: string): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  if (!existsSync(path)) return out;
  for (const v of (JSON.parse(readFileSync(path, 'utf8')) as { pairs: Verdict[] }).pairs) {
    if (!['annotation-error', 'sitrep-error', 'unclear'].includes(v.verdict) || !['same', 'different'].includes(v.annotated)) {
      throw new Error(`adjudication: bad verdict for ${v.a} ~ ${v.b}`);
    }
    const k = pairKey(v.a, v.b);
    if (out.has(k)) throw new Error(`adjudication: ${k} judged twice`);
    out.set(k, v);
  }
  return out;
}

/**
 * Pairwise scores against the annotation with adjudicated pairs corrected: a pair judged an
 * annotation error counts as the opposite of what the annotation says; `sitrep-error` and
 * `unclear` pairs, and pairs never read, stay as annotated. Beside the scores: how many pairs
 * where sitrep disagrees with the annotation got each verdict, and how many got none
 * (`unjudged`: a change to sitrep made them disagree after the reading). A verdict whose
 * rows are in the set but whose `annotated` no longer matches the gold throws: the file is stale.
 */
export function adjudicatedPairwise(system: readonly string[], gold: readonly string[], keys: readonly string[], verdicts: ReadonlyMap<string, Verdict>) {
  const count = { 'annotation-error': 0, 'sitrep-error': 0, unclear: 0, unjudged: 0, agreeingRead: 0 };
  for (let i = 0; i < system.length; i++) {
    for (let j = i + 1; j < system.length; j++) {
      const s = system[i] === system[j], g = gold[i] === gold[j];
      const v = verdicts.get(pairKey(keys[i]!, keys[j]!));
      if (v && (v.annotated === 'same') !== g) throw new Error(`adjudication: ${v.a} ~ ${v.b} is annotated ${g ? 'same' : 'different'} now`);
      if (s !== g) count[v?.verdict ?? 'unjudged']++;
      else if (v) count.agreeingRead++;
    }
  }
  // Pairs never read that the corrected pairs imply are one incident (A~B and B~C, so A~C),
  // though the annotation keeps them apart: how many, and how many of them sitrep joins.
  const root = system.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  const corrected = (i: number, j: number) => {
    const v = verdicts.get(pairKey(keys[i]!, keys[j]!));
    return (gold[i] === gold[j]) !== (v?.verdict === 'annotation-error');
  };
  for (let i = 0; i < system.length; i++) for (let j = i + 1; j < system.length; j++) if (corrected(i, j)) root[find(i)] = find(j);
  const implied = { pairs: 0, joined: 0, list: [] as [number, number][] };
  for (let i = 0; i < system.length; i++) {
    for (let j = i + 1; j < system.length; j++) {
      if (find(i) !== find(j) || corrected(i, j) || verdicts.has(pairKey(keys[i]!, keys[j]!))) continue;
      implied.pairs++;
      implied.list.push([i, j]);
      if (system[i] === system[j]) implied.joined++;
    }
  }
  return { ...pairScores(system, corrected), count, implied };
}

export const ADJUDICATED = new URL('../../eval/adjudicated/stories-fakes-dev.json', import.meta.url);

/**
 * A mention's identity across the pipeline's output and the story view (which redates some):
 * its article, type and evidence offset, and — since one sentence can tell two events of a
 * type — the fields the story leaves as the article gave them.
 */
const mentionKey = (sourceId: string, e: EventMention) =>
  `${sourceId}#${e.type}#${e.evidence.start}#${e.evidence.end}#${e.mode}#${e.actor?.id ?? ''}>${e.recipient?.id ?? ''}@${e.place?.name ?? ''}#${e.status}#${e.killed?.min ?? ''}`;

export const storiesEval: Evaluator = {
  name: 'stories/fakes',
  async run(dataDir: string): Promise<Row[]> {
    const rows = readFakes(join(dataDir, 'fakes', 'fakes-dev.csv'));
    const knowledge = loadKnowledge();
    const store = await openSqliteStore(':memory:');
    try {
      // Each article once (an article may carry two incidents); its stored id and principal event.
      const articleOf = new Map<string, number>();
      const principal = new Map<number, { sourceId: string; event: EventMention | null }>();
      for (const r of rows) {
        if (articleOf.has(r.unit_id)) continue;
        const sourceId = `fakes:${r.unit_id}`;
        const got = extractDocument({ sourceId, kind: 'text', content: r.article_content, title: r.article_title, outlet: r.source });
        if (!got.ok) continue;
        const analysed = analyze(got.value, knowledge);
        const saved = await store.save(analysed);
        articleOf.set(r.unit_id, saved.articleId);
        if (saved.status === 'stored') principal.set(saved.articleId, { sourceId, event: principalEvent(analysed.events, 'lede') });
      }
      await updateStories(store);

      // Story event of every mention; the story of every article (near-copies count as their original).
      const eventOf = new Map<string, string>();
      const viewOf = new Map<string, EventMention>(); // each mention as its story dates it
      const storyOfArticle = new Map<number, string>();
      const copyOf = new Map<number, number>();
      const stories: Story[] = [];
      const ids: number[] = [];
      for await (const s of store.stories()) ids.push(s.id);
      for (const id of ids) {
        const stored = (await store.story(id))!;
        for (const m of stored.members) {
          storyOfArticle.set(m.articleId, String(id));
          if (m.duplicateOf !== null) copyOf.set(m.articleId, m.duplicateOf);
        }
        const story = (await storyView(store, id))!;
        stories.push(story);
        for (const e of story.events) for (const m of e.mentions) {
          eventOf.set(mentionKey(m.sourceId, m.event), e.id);
          viewOf.set(mentionKey(m.sourceId, m.event), m.event);
        }
      }
      const eventLabel = (articleId: number): string => {
        const original = copyOf.get(articleId) ?? articleId;
        const p = principal.get(original);
        return (p?.event && eventOf.get(mentionKey(p.sourceId, p.event))) || `article:${original}`;
      };

      const scored = rows.filter((r) => articleOf.has(r.unit_id));
      const gold = scored.map((r) => `${r.date}|${r.location}|${r.cause_of_death}`);
      const events = scored.map((r) => eventLabel(articleOf.get(r.unit_id)!));
      const storyLabels = scored.map((r) => storyOfArticle.get(articleOf.get(r.unit_id)!) ?? `none:${r.unit_id}`);
      const keys = scored.map(rowKey);
      const verdicts = readVerdicts(ADJUDICATED.pathname);
      const adj = adjudicatedPairwise(events, gold, keys, verdicts);
      const pw = pairwise(events, gold), b3 = bcubed(events, gold), spw = pairwise(storyLabels, gold);

      // Incidents told by two or more outlets: does one story event hold every outlet's toll?
      const incidents = new Map<string, typeof scored>();
      scored.forEach((r, i) => incidents.set(gold[i]!, [...(incidents.get(gold[i]!) ?? []), r]));
      const eventById = new Map(stories.flatMap((s) => s.events.map((e) => [e.id, e] as const)));
      let multi = 0, ledgered = 0;
      for (const group of incidents.values()) {
        const outlets = new Set(group.map((r) => r.source));
        if (outlets.size < 2) continue;
        multi++;
        const labels = new Set(group.map((r) => eventLabel(articleOf.get(r.unit_id)!)));
        const e = labels.size === 1 ? eventById.get([...labels][0]!) : undefined;
        const tolls = new Set(e?.mentions.filter((m) => m.event.killed).map((m) => m.outlet) ?? []);
        if (e && [...outlets].every((o) => tolls.has(o))) ledgered++;
        else if (process.env['SITREP_EVAL_VERBOSE'] === 'stories') {
          // Why not: split over several story events, or an outlet's mentions in the one event give no toll.
          const idx = group.map((r) => scored.indexOf(r));
          const wrong = idx.flatMap((i, n) => idx.slice(n + 1).map((j) => verdicts.get(pairKey(keys[i]!, keys[j]!)))).filter((v) => v?.verdict === 'annotation-error').length;
          const why = e ? `one event; no toll from ${[...outlets].filter((o) => !tolls.has(o)).join(', ')}`
            : `split over ${labels.size} story events in ${new Set(group.map((r) => storyOfArticle.get(articleOf.get(r.unit_id)!))).size} stories`;
          console.log(`LEDGER ${group[0]!.date}|${group[0]!.location}|${group[0]!.cause_of_death} (${group.length} rows, ${outlets.size} outlets): ${why}; ${wrong} of its pairs judged not one incident`);
        }
      }

      if (process.env['SITREP_EVAL_VERBOSE'] === 'stories-sample') {
        // A fixed pseudo-random sample of disagreeing pairs, with each article's head, for reading by hand.
        const head = (r: (typeof scored)[number]) => `${r.source} [${r.date}|${r.location}|${r.cause_of_death}] ${r.article_title}\n      ${r.article_content.slice(0, 320).replace(/\s+/g, ' ')}`;
        const pairs: [string, number, number][] = [];
        for (let i = 0; i < scored.length; i++) for (let j = i + 1; j < scored.length; j++) {
          if (scored[i]!.unit_id === scored[j]!.unit_id) continue;
          if (gold[i] !== gold[j] && events[i] === events[j]) pairs.push(['FP', i, j]);
          if (gold[i] === gold[j] && events[i] !== events[j]) pairs.push(['FN', i, j]);
        }
        let seed = 7;
        const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        for (const kind of ['FP', 'FN']) {
          const of = pairs.filter((p) => p[0] === kind).map((p) => [rand(), p] as const).sort((a, b) => a[0] - b[0]).slice(0, 20);
          for (const [, [, i, j]] of of) console.log(`${kind}\n   ${head(scored[i]!)}\n   ${head(scored[j]!)}`);
        }
      }
      if (process.env['SITREP_EVAL_VERBOSE'] === 'stories') {
        // Every pair where sitrep and the annotation disagree: both rows' keys, their principal
        // events as their stories date them, the verdict read (if any), then each row's head.
        const show = (r: (typeof scored)[number]) => {
          const own = principal.get(copyOf.get(articleOf.get(r.unit_id)!) ?? articleOf.get(r.unit_id)!);
          const p = own?.event && (viewOf.get(mentionKey(own.sourceId, own.event)) ?? own.event);
          return p ? `${r.source}: ${p.type}/${p.mode} ${p.actor?.id ?? '-'}>${p.recipient?.id ?? '-'} @${p.place?.name ?? '-'}(${p.place?.precision ?? ''}) ${p.date ? `${p.date.start}..${p.date.end}` : 'undated'} ${p.status} k${p.killed?.min ?? '-'}` : `${r.source}: no event`;
        };
        const read = new Set<number>();
        for (let i = 0; i < scored.length; i++) for (let j = i + 1; j < scored.length; j++) {
          if ((gold[i] === gold[j]) === (events[i] === events[j])) continue;
          const v = verdicts.get(pairKey(keys[i]!, keys[j]!));
          const kind = gold[i] === gold[j] ? `FN (${storyLabels[i] === storyLabels[j] ? 'same story' : 'two stories'})` : 'FP';
          console.log(`${kind} ${keys[i]} ~ ${keys[j]} :: ${v ? `${v.verdict}: ${v.why}` : 'not adjudicated'}\n   ${show(scored[i]!)}\n   ${show(scored[j]!)}`);
          read.add(i).add(j);
        }
        for (const [i, j] of adj.implied.list) {
          console.log(`IMPLIED ${keys[i]} ~ ${keys[j]} :: not read\n   ${show(scored[i]!)}\n   ${show(scored[j]!)}`);
          read.add(i).add(j);
        }
        for (const i of [...read].sort((a, b) => a - b)) {
          const r = scored[i]!;
          console.log(`HEAD ${keys[i]} ${r.source} | ${r.article_title}\n      ${r.article_content.slice(0, 700).replace(/\s+/g, ' ')}`);
        }
      }
      const set = `FA-KES dev (${scored.length} rows, ${new Set(gold).size} incidents)`;
      const prf = (s: Scores) => `P ${fmt(s.p)} R ${fmt(s.r)} F1 ${fmt(s.f)}`;
      return [
        { metric: 'story events vs incidents, pairwise', set, value: `${prf(pw)} (tp ${pw.tp}, fp ${pw.fp}, fn ${pw.fn})`, anchor: 'target F1 0.85; news stream clustering 0.94 (Miranda et al. 2018)' },
        {
          metric: 'story events vs incidents, pairwise, adjudicated pairs corrected', set,
          value: `${prf(adj)} (tp ${adj.tp}, fp ${adj.fp}, fn ${adj.fn})`,
          anchor: `disagreeing pairs: ${adj.count['annotation-error']} annotation-error (flipped), ${adj.count['sitrep-error']} sitrep-error, ${adj.count.unclear} unclear, ${adj.count.unjudged} un-adjudicated (as annotated); ${adj.count.agreeingRead} agreeing pairs read; ${adj.implied.pairs} unread pairs the corrected ones imply are one incident, ${adj.implied.joined} joined by sitrep, not counted`,
        },
        { metric: 'story events vs incidents, BCubed', set, value: prf(b3), anchor: 'flattered by single-row incidents' },
        { metric: 'stories vs incidents, pairwise', set, value: `${prf(spw)} (tp ${spw.tp}, fp ${spw.fp}, fn ${spw.fn})`, anchor: 'stories are wider than incidents: recall is what counts' },
        { metric: 'multi-outlet incidents with every outlet\'s toll in one ledger', set, value: `${ledgered}/${multi}`, anchor: '—' },
        { metric: 'stories', set, value: `${stories.length} from ${principal.size} articles`, anchor: '—' },
      ];
    } finally {
      await store.close();
    }
  },
};
