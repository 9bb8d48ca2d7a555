// The attribution stage on the seeds. A gold event with a `source` is found when an
// attribution whose content overlaps the gold evidence (or its extra quotes) credits a
// speaker whose id is compatible with the gold source id (eval/entities.ts `compatible`).
// Events with no gold `source` (the outlet's own voice, or a statement whose speaker is the
// actor) should not be credited to anyone but their actor: the share that is, is reported.
// The raw seed text is analysed as is (clean:false), so gold offsets line up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attribution } from '../src/model/index.js';
import { docOf } from '../src/analyze/types.js';
import { splitSentences } from '../src/analyze/sentences/index.js';
import { findEntities, loadEntityKnowledge, type EntityKnowledge } from '../src/analyze/entities/index.js';
import { findAttributions, loadAttributionKnowledge, type AttributionKnowledge } from '../src/analyze/attribution/index.js';
import { compatible } from './entities.js';
import { fmt, type Evaluator, type GoldEvent, type Row } from './common.js';



export interface AttributionScore {
  sourced: number;
  /** Sourced events with an attribution on their evidence, whatever the speaker. */
  attributed: number;
  /** … whose speaker id is compatible with the gold source. */
  found: number;
  /** Attributions on sourced evidence that name a speaker with an id, and how many fit. */
  speakers: number;
  speakersRight: number;
  unsourced: number;
  /** Unsourced events with an attribution on their evidence to a speaker who is not the
   *  event's actor ("Lavrov said that…" is Lavrov's own statement event, not a source). */
  unsourcedAttributed: number;
  misses: string[];
  falseCredits: string[];
}

export function scoreAttributions(dataDir: string, ek: EntityKnowledge, ak: AttributionKnowledge): AttributionScore | null {
  const goldPath = join(dataDir, 'gold', 'seeds.events.json');
  if (!existsSync(goldPath)) return null;
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<string, { published?: { date?: string }; events?: GoldEvent[] }>;
  const s: AttributionScore = { sourced: 0, attributed: 0, found: 0, speakers: 0, speakersRight: 0, unsourced: 0, unsourcedAttributed: 0, misses: [], falseCredits: [] };
  for (const [file, g] of Object.entries(gold)) {
    if (file.startsWith('_') || file === 'new_ids' || !g.events) continue;
    const path = join(dataDir, 'seeds', file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const published = g.published?.date ?? null;
    const sentences = splitSentences(text);
    const entities = findEntities(docOf(text, { published, sentences }), ek);
    const atts = findAttributions(docOf(text, { published, sentences, entities }), ak);
    for (const ev of g.events) {
      const spans = [
        { start: ev.evidence.char_start, end: ev.evidence.char_end },
        ...(ev.evidence.extra ?? []).map((x) => ({ start: x.char_start, end: x.char_start + x.quote.length })),
      ];
      const on = atts.filter((a: Attribution) => spans.some((sp) => a.start < sp.end && sp.start < a.end));
      if (ev.source) {
        s.sourced++;
        if (on.length > 0) s.attributed++;
        const src = ev.source;
        for (const a of on) {
          if (!a.speaker?.id) continue;
          s.speakers++;
          if (compatible(src, a.speaker.id, ek)) s.speakersRight++;
        }
        if (on.some((a) => a.speaker?.id !== undefined && compatible(src, a.speaker.id, ek))) s.found++;
        else s.misses.push(`${file.slice(0, 3)} ${src.id} "${src.text}" got [${on.map((a) => `${a.speaker?.text ?? '-'}:${a.speaker?.id ?? '-'}`).join(', ')}]`);
      } else {
        s.unsourced++;
        const actor = ev.actor;
        const wrong = on.filter((a) => a.speaker?.id !== undefined && !(actor && compatible(actor, a.speaker.id, ek)));
        if (wrong.length > 0) {
          s.unsourcedAttributed++;
          s.falseCredits.push(`${file.slice(0, 3)} @${ev.evidence.char_start} actor ${actor?.id ?? '-'} got [${wrong.map((a) => `${a.speaker?.text}:${a.speaker?.id}`).join(', ')}]`);
        }
      }
    }
  }
  return s;
}

export const attributionEval: Evaluator = {
  name: 'attribution/seeds',
  async run(dataDir) {
    const s = scoreAttributions(dataDir, loadEntityKnowledge(), loadAttributionKnowledge());
    if (!s) return [{ metric: 'attribution: seeds gold not found', set: 'seeds', value: '—', anchor: '—' }];
    const set = `seeds (${s.sourced} sourced / ${s.unsourced} unsourced events)`;
    const rows: Row[] = [
      { metric: 'source recall (attribution on evidence, compatible speaker id)', set, value: fmt(s.sourced ? s.found / s.sourced : 0), anchor: '—' },
      { metric: 'sourced events with any attribution on evidence', set, value: fmt(s.sourced ? s.attributed / s.sourced : 0), anchor: '—' },
      { metric: 'speaker precision (ids on sourced evidence that fit)', set, value: fmt(s.speakers ? s.speakersRight / s.speakers : 0), anchor: '—' },
      { metric: 'unsourced events credited to a non-actor speaker (lower is better)', set, value: fmt(s.unsourced ? s.unsourcedAttributed / s.unsourced : 0), anchor: '—' },
    ];
    return rows;
  },
};
