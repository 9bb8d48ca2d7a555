// Times evaluation.
// 1. TBAQ (TempEval-3 training data, TimeML): every TIMEX3 in <TEXT> against the stage's
//    mentions, the document date being the TIMEX3 with functionInDocument="CREATION_TIME".
//    Scored the TempEval-3 way: strict span F1 (same start and end), relaxed span F1 (any
//    overlap, one-to-one), value accuracy over relaxed matches, value F1 = relaxed F1 x
//    value accuracy. Two notational variants count as equal (normValue): W08 = W8, 199 = 199X.
// 2. Seeds: for each gold event dated from the text (basis explicit or relative), the
//    stage's mentions in the event's evidence sentence whose scope (the clauses a mention
//    dates: the whole sentence unless a relative clause limits it, see
//    src/analyze/times/clauses.ts) takes in the evidence; the event counts as right when one
//    of them covers days inside the gold range (a mention's own range, or the days of the
//    event an offset places: "a few days after eight soldiers died"). Run once with the gold
//    publication date as reference, once with the date inferPublication finds from the text
//    alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTimes, inferPublication, loadTimeKnowledge, type TimeKnowledge, type TimeMentionDetail } from '../src/analyze/times/index.js';
import { type Evaluator, fmt, sentencedDoc, type Row } from './common.js';

// ---------------------------------------------------------------------------
// TimeML

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimemlDoc {
  id: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e]!);
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** Plain text of <TEXT> (all text nodes joined) and its TIMEX3 spans. */
export function readTimeml(xml: string, id = ''): TimemlDoc {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0] ?? '';
  const dct = (attr(dctTag, 'value') ?? '').slice(0, 10);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { start: number; type: string; value: string } | null = null;
  const TOKEN = /<(\/?)([A-Za-z0-9]+)([^>]*)>|([^<]+)/g;
  for (let m = TOKEN.exec(body); m; m = TOKEN.exec(body)) {
    if (m[4] !== undefined) { text += decode(m[4]); continue; }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '') open = { start: text.length, type: attr(m[3]!, 'type') ?? '', value: attr(m[3]!, 'value') ?? '' };
    else if (open) {
      timexes.push({ start: open.start, end: text.length, text: text.slice(open.start, text.length), type: open.type, value: open.value });
      open = null;
    }
  }
  return { id, dct, text, timexes };
}

// Notational variants of one value, both found in the gold: week "W08" = "W8", and a
// decade written "199" (TIMEX3) or "199X" (TIMEX2 style).
const normValue = (v: string): string => v.toUpperCase().replace(/-W0(\d)\b/, '-W$1').replace(/^(\d{3})X$/, '$1');

export interface TimexScores {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  valueRight: number;
  typeRight: number;
  /** Relaxed matches with a wrong value, and misses/false alarms, for error analysis. */
  errors: { doc: string; kind: 'value' | 'missed' | 'spurious'; gold?: GoldTimex; system?: TimeMentionDetail }[];
}

export function scoreTimeml(docs: TimemlDoc[], knowledge: TimeKnowledge): TimexScores {
  const s: TimexScores = { gold: 0, system: 0, strict: 0, relaxed: 0, valueRight: 0, typeRight: 0, errors: [] };
  for (const d of docs) {
    const sys = findTimes(sentencedDoc(d.text, d.dct || null), knowledge);
    s.gold += d.timexes.length;
    s.system += sys.length;
    const used = new Set<number>();
    for (const g of d.timexes) {
      if (sys.some((x) => x.start === g.start && x.end === g.end)) s.strict++;
      // One-to-one relaxed match: the first unused overlapping system mention.
      const i = sys.findIndex((x, k) => !used.has(k) && x.start < g.end && g.start < x.end);
      if (i < 0) { s.errors.push({ doc: d.id, kind: 'missed', gold: g }); continue; }
      used.add(i);
      s.relaxed++;
      const x = sys[i]!;
      if (normValue(x.value) === normValue(g.value)) s.valueRight++;
      else s.errors.push({ doc: d.id, kind: 'value', gold: g, system: x });
      if (x.type === g.type) s.typeRight++;
    }
    sys.forEach((x, k) => { if (!used.has(k)) s.errors.push({ doc: d.id, kind: 'spurious', system: x }); });
  }
  return s;
}

const f1 = (tp: number, gold: number, sys: number): { p: number; r: number; f: number } => {
  const p = sys ? tp / sys : 0, r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export function loadTbaq(dataDir: string): TimemlDoc[] {
  const docs: TimemlDoc[] = [];
  for (const sub of ['TimeBank', 'AQUAINT']) {
    const dir = join(dataDir, 'time', 'tbaq', sub);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.tml')).sort()) {
      docs.push(readTimeml(readFileSync(join(dir, name), 'utf8'), `${sub}/${name}`));
    }
  }
  return docs;
}

// ---------------------------------------------------------------------------
// Seeds

interface GoldEvent {
  id: string;
  date?: { start: string; end: string; basis: string } | null;
  evidence?: { char_start: number; char_end: number };
  optional?: boolean;
}
interface GoldArticle {
  published: { date: string; earliest?: string; latest?: string };
  events: GoldEvent[];
}

export interface SeedScores {
  events: number;
  /** Events whose evidence sentence holds a dated mention whose scope takes in the event. */
  withDate: number;
  /** Events whose sentence holds dated mentions, all of them for another clause of it. */
  otherClause: string[];
  right: number;
  wrong: { id: string; gold: string; got: string[] }[];
  publication: { file: string; gold: string; inferred: string | null; inRange: boolean; sameMonth: boolean; basis: string }[];
}

/**
 * Whether the time layer dates a gold event right from its sentence: the mentions of the
 * sentences of the event's evidence, with the days each gives (its own range, or for an offset
 * between two events, "two days after Putin met", the days of the event it places), whose
 * scope takes in the evidence (a mention's scope is all of its sentence unless a relative
 * clause limits it). `right` when one of them lies inside the gold range, `wrong` when none
 * does, `other-clause` when the sentence's mentions all date another clause, `none` when the
 * sentence has no dated mention.
 */
export function judgeEventDate(
  times: readonly TimeMentionDetail[], sentences: readonly { start: number; end: number }[],
  evidence: { char_start: number; char_end: number }, gold: { start: string; end: string },
): { verdict: 'right' | 'wrong' | 'other-clause' | 'none'; got: string[] } {
  const days = times.flatMap((t) => [
    ...(t.range ? [{ t, range: t.range, label: t.text }] : []),
    ...(t.placed ? [{ t, range: t.placed.range, label: `${t.text} (placed)` }] : []),
  ]);
  const own = sentences.filter((s) => s.start < evidence.char_end && evidence.char_start < s.end);
  const inSentence = days.filter(({ t }) => own.some((s) => t.start >= s.start && t.end <= s.end));
  const inside = inSentence.filter(({ t }) => !t.scope || t.scope.some(([a, b]) => a < evidence.char_end && evidence.char_start < b));
  const got = inside.map(({ range, label }) => `${label}=${range[0]}..${range[1]}`);
  if (inside.length === 0) return { verdict: inSentence.length > 0 ? 'other-clause' : 'none', got };
  return { verdict: inside.some(({ range }) => range[0] >= gold.start && range[1] <= gold.end) ? 'right' : 'wrong', got };
}

export function scoreSeeds(dataDir: string, knowledge: TimeKnowledge, reference: 'gold' | 'inferred', notAfter: string): SeedScores {
  const gold = JSON.parse(readFileSync(join(dataDir, 'gold', 'seeds.events.json'), 'utf8')) as Record<string, GoldArticle>;
  const out: SeedScores = { events: 0, withDate: 0, otherClause: [], right: 0, wrong: [], publication: [] };
  for (const [file, article] of Object.entries(gold)) {
    if (!file.endsWith('.txt')) continue;
    const text = readFileSync(join(dataDir, 'seeds', file), 'utf8');
    const inferred = inferPublication(text, { notAfter });
    const g = article.published;
    const lo = g.earliest ?? g.date, hi = g.latest ?? g.date;
    out.publication.push({
      file, gold: g.date, inferred: inferred?.date ?? null,
      inRange: !!inferred && inferred.date >= lo && inferred.date <= hi,
      sameMonth: !!inferred && inferred.date.slice(0, 7) === g.date.slice(0, 7),
      basis: inferred?.basis.join('+') ?? '',
    });
    const published = reference === 'gold' ? g.date : inferred?.date ?? null;
    const doc = sentencedDoc(text, published);
    // The days each mention gives: its own range and, for an offset between two events ("two
    // days after Putin met"), the days of the event it places.
    const times = findTimes(doc, knowledge);
    for (const e of article.events) {
      if (!e.date || !e.evidence || (e.date.basis !== 'explicit' && e.date.basis !== 'relative')) continue;
      out.events++;
      const v = judgeEventDate(times, doc.sentences, e.evidence, e.date);
      if (v.verdict === 'none') continue;
      if (v.verdict === 'other-clause') { out.otherClause.push(e.id); continue; }
      out.withDate++;
      if (v.verdict === 'right') out.right++;
      else out.wrong.push({ id: e.id, gold: `${e.date.start}..${e.date.end}`, got: v.got });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------

export const timesEvaluation: Evaluator = {
  name: 'times',
  async run(dataDir: string): Promise<Row[]> {
    const knowledge = loadTimeKnowledge();
    const tb = scoreTimeml(loadTbaq(dataDir), knowledge);
    const strict = f1(tb.strict, tb.gold, tb.system);
    const relaxed = f1(tb.relaxed, tb.gold, tb.system);
    const valueAccuracy = tb.relaxed ? tb.valueRight / tb.relaxed : 0;
    const set = 'time/tbaq (256 docs)';
    const rows: Row[] = [
      { metric: 'timex strict span F1', set, value: fmt(strict.f * 100, 1), anchor: 'HeidelTime 81.3 (TE-3 test)' },
      { metric: 'timex relaxed span F1', set, value: fmt(relaxed.f * 100, 1), anchor: 'HeidelTime 90.3 (TE-3 test)' },
      { metric: 'timex relaxed P / R', set, value: `${fmt(relaxed.p * 100, 1)} / ${fmt(relaxed.r * 100, 1)}`, anchor: '—' },
      { metric: 'timex value accuracy', set, value: fmt(valueAccuracy * 100, 1), anchor: '—' },
      { metric: 'timex value F1', set, value: fmt(relaxed.f * valueAccuracy * 100, 1), anchor: 'HeidelTime 77.6, SUTime 67.4 (TE-3 test); target 80' },
      { metric: 'timex type accuracy', set, value: fmt(tb.relaxed ? (tb.typeRight / tb.relaxed) * 100 : 0, 1), anchor: '—' },
    ];
    // What a live run would pass: an article cannot be newer than the day it is read. It only
    // matters for texts that name no year at all (seed 003).
    const notAfter = new Date().toISOString().slice(0, 10);
    for (const reference of ['gold', 'inferred'] as const) {
      const s = scoreSeeds(dataDir, knowledge, reference, notAfter);
      rows.push({
        metric: `seed event dates right (reference: ${reference} publication date)`,
        set: 'gold/seeds.events.json',
        value: `${s.right}/${s.withDate}`,
        anchor: `${s.events - s.withDate} of ${s.events} events have no date phrase for their clause` +
          (s.otherClause.length ? ` (${s.otherClause.length} only one for another clause: ${s.otherClause.join(', ')})` : ''),
      });
      if (reference === 'inferred') {
        rows.push({
          metric: 'seed publication date inferred in gold range',
          set: 'seeds (text only)',
          value: `${s.publication.filter((p) => p.inRange).length}/${s.publication.length}`,
          anchor: `same month ${s.publication.filter((p) => p.sameMonth).length}/${s.publication.length}`,
        });
      }
    }
    return rows;
  },
};
