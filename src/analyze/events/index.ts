// The events stage: who did what to whom, where, when, how many were hurt, and who says so.
// Precision first: an event needs a trigger from the reviewed lexicon (data/events/) and an
// actor or a recipient from the entity layer (or, for ASSAULT, casualties).
import { readdirSync, readFileSync } from 'node:fs';
import type { ActorRef, Casualties, EntityMention, EventDate, EventMention, EventStatus, EventType, TimeMention } from '../../model/index.js';
import { locateEvent, type EventKind } from '../places/index.js';
import type { Doc, Stage } from '../types.js';

export interface Trigger { type: EventType; mode: string; phrase: string; re: RegExp }
export interface EventKnowledge { triggers: Trigger[] }

interface TriggerFile { triggers: { type: EventType; mode: string; patterns: string[] }[] }

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileEventKnowledge(data: TriggerFile): EventKnowledge {
  const triggers: Trigger[] = [];
  for (const t of data.triggers) for (const p of t.patterns) {
    triggers.push({ type: t.type, mode: t.mode, phrase: p, re: new RegExp(`\\b${esc(p).replace(/ /g, '\\s+')}\\b`, 'gi') });
  }
  triggers.sort((a, b) => b.phrase.length - a.phrase.length);
  return { triggers };
}

/** Every lexicon file in data/events/triggers/ (one per family of types), compiled together. */
export function loadEventKnowledge(): EventKnowledge {
  const dir = new URL('../../../../data/events/triggers/', import.meta.url);
  const triggers: TriggerFile['triggers'] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    triggers.push(...(JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as TriggerFile).triggers);
  }
  return compileEventKnowledge({ triggers });
}

const MEETING = new Set<EventType>(['CONSULT', 'AGREE']);
const STATEMENT = new Set<EventType>(['ACCUSE', 'REJECT', 'THREATEN', 'REQUEST', 'SUPPORT', 'CONCEDE', 'SANCTION']);
const kindOf = (t: EventType): EventKind => (MEETING.has(t) ? 'meeting' : STATEMENT.has(t) ? 'statement' : 'action');

const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20,
};
const NUM = `(?:\\d[\\d,]*|${Object.keys(WORDS).filter((w) => w.length > 2).join('|')}|dozens|scores|a|an)`;
const WHO = `((?:[\\w'-]+\\s+){0,3}?(?:civilians|people|persons|fighters|militants|rebels|soldiers|troops|servicemen|children|child|women|members|personnel|terrorists|jihadists))`;
const QUAL = `(at\\s+least|more\\s+than|over|some|another|about|around|nearly|up\\s+to)?\\s*`;

function whoOf(s: string): Casualties['who'] {
  if (/civilian|child|women/i.test(s)) return 'civilians';
  if (/soldier|troops|servicem|personnel/i.test(s)) return 'soldiers';
  if (/fighter|militant|rebel|terrorist|jihadist|members/i.test(s)) return 'fighters';
  return 'people';
}
function count(qual: string | undefined, n: string): { min: number; max: number | null } | null {
  const w = n.toLowerCase();
  let v: number;
  if (w === 'dozens' || w === 'scores') return { min: 24, max: null };
  if (w in WORDS) v = WORDS[w]!; else v = Number(w.replace(/,/g, ''));
  if (!Number.isFinite(v) || v > 100000) return null;
  if (v >= 1900 && v <= 2100) return null; // a year
  const q = (qual ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (q === 'at least' || q === 'more than' || q === 'over') return { min: q === 'at least' ? v : v + 1, max: null };
  if (q === 'up to') return { min: 0, max: v };
  return { min: v, max: v };
}

/** Killed or injured in a sentence: "killing three people", "at least seven fighters were killed". */
export function parseCasualties(s: string, what: 'killed' | 'injured'): Casualties | null {
  const verb = what === 'killed' ? '(?:killed|killing|dead|died|deaths?|lost\\s+their\\s+lives)' : '(?:injured|injuring|wounded|wounding|hurt)';
  const pats = [
    new RegExp(`\\b${verb}\\s+${QUAL}(${NUM})(?:\\s+of)?\\s+${WHO}`, 'i'),
    new RegExp(`\\b${QUAL}(${NUM})(?:\\s+of)?\\s+${WHO}\\s+(?:were|was|have\\s+been|had\\s+been|are|being)?\\s*(?:reportedly\\s+)?${verb}`, 'i'),
    new RegExp(`\\b${QUAL}(${NUM})(?:\\s+of)?\\s+${WHO}\\b[^.;]{0,40}?\\b${verb}`, 'i'),
  ];
  for (const re of pats) {
    const m = re.exec(s);
    if (!m) continue;
    const c = count(m[1], m[2]!);
    if (!c) continue;
    const text = `${m[1] ? m[1] + ' ' : ''}${m[2]} ${m[3]}`.replace(/\s+/g, ' ').trim();
    return { ...c, who: whoOf(m[3]!), text };
  }
  return null;
}

const ref = (e: EntityMention): ActorRef | null => (e.id ? { id: e.id, text: e.text } : null);

function statusOf(sentence: string, triggerStart: number, triggerEnd: number, doc: Doc, date: EventDate | null): EventStatus {
  // the trigger's own clause: from 50 characters before it to 20 after
  const s = sentence.slice(Math.max(0, triggerStart - 50), triggerEnd + 20).toLowerCase();
  if (/\b(denied|denies|deny)\b/.test(s)) return 'denied';
  if (/\b(will|is set to|are set to|is due to|are due to|expected to|plans to|planned|to hold|upcoming)\b/.test(s) && !/\b(was|were|had)\b[^.]{0,20}\b(set|due|expected)\b/.test(s)) return 'planned';
  if (/\b(allegedly|claimed|claims|reportedly)\b/.test(s)) return 'claimed';
  const pubYear = doc.published ? Number(doc.published.slice(0, 4)) : null;
  if (pubYear && date && date.basis !== 'publication' && pubYear - Number(date.end.slice(0, 4)) >= 2) return 'background';
  return 'occurred';
}

function dateOf(doc: Doc, times: TimeMention[], at: number, sentence: string): EventDate | null {
  let best: TimeMention | null = null;
  let dist = Infinity;
  for (const t of times) {
    if (t.precision === 'duration') continue;
    const d = Math.abs(t.start - at);
    if (d < dist) { dist = d; best = t; }
  }
  if (best) {
    const range = best.range ?? [best.value, best.value];
    if (/^\d{4}-\d{2}-\d{2}$/.test(range[0]) && /^\d{4}-\d{2}-\d{2}$/.test(range[1])) {
      const basis = (best as { basis?: string }).basis === 'relative' ? 'relative' : 'explicit';
      return { start: range[0], end: range[1], precision: best.precision as EventDate['precision'], basis };
    }
  }
  if (doc.published && /\b(was|were|had|has|have|\w+ed)\b/i.test(sentence) && !/\bwill\b/i.test(sentence)) {
    return { start: doc.published, end: doc.published, precision: 'day', basis: 'publication' };
  }
  return null;
}

function sourceOf(doc: Doc, start: number, end: number, sentence: string, sStart: number): ActorRef | null {
  for (const a of doc.attributions) {
    if (a.speaker && a.start <= end && a.end >= start) {
      const ent = a.speaker.entity != null ? doc.entities[a.speaker.entity] : undefined;
      const id = a.speaker.id ?? ent?.id ?? 'SRC';
      return { id, text: a.speaker.text };
    }
  }
  const m = /\baccording to ([^,.;]+)/i.exec(sentence) ?? /,\s*([^,.;]{3,60}?)\s+(?:said|reported|stated)\b/i.exec(sentence);
  if (!m) return null;
  const at = sStart + m.index + m[0].indexOf(m[1]!);
  const ent = doc.entities.find((e) => e.start >= at && e.start < at + m[1]!.length && e.id);
  return { id: ent?.id ?? 'SRC', text: m[1]!.trim() };
}

export const findEvents: Stage<EventKnowledge, EventMention> = (doc: Doc, k: EventKnowledge): EventMention[] => {
  const out: EventMention[] = [];
  doc.sentences.forEach((sent, si) => {
    const text = doc.text.slice(sent.start, sent.end);
    const ents = doc.entities.filter((e) => e.start >= sent.start && e.end <= sent.end && e.id);
    const times = doc.times.filter((t) => t.start >= sent.start && t.end <= sent.end);
    const taken: [number, number][] = [];
    const found: { t: Trigger; start: number; end: number }[] = [];
    for (const t of k.triggers) {
      t.re.lastIndex = 0;
      for (let m = t.re.exec(text); m; m = t.re.exec(text)) {
        const s = m.index, e = s + m[0].length;
        if (taken.some(([a, b]) => s < b && e > a)) continue;
        taken.push([s, e]);
        found.push({ t, start: s, end: e });
      }
    }
    found.sort((a, b) => a.start - b.start);
    const seen = new Map<string, EventMention>();
    for (const f of found) {
      const before = text.slice(Math.max(0, f.start - 30), f.start).toLowerCase();
      if (/\b(not|never|no|didn't|did not|denied)\s+(\w+\s+)?$/.test(before)) continue;
      const absStart = sent.start + f.start, absEnd = sent.start + f.end;
      const after = text.slice(f.end);
      const passive = /\b(was|were|been|being)\s+(\w+\s+)?$/i.test(text.slice(0, f.start));
      let actor: ActorRef | null = null, recipient: ActorRef | null = null;
      const pre = ents.filter((e) => e.end <= absStart);
      const post = ents.filter((e) => e.start >= absEnd);
      if (passive) {
        const by = /^[^.;]{0,40}?\bby\s+/i.exec(after);
        if (/\bby$/i.test(f.t.phrase)) { const e = post[0]; if (e) actor = ref(e); }
        else if (by) { const e = post.find((x) => x.start >= absEnd + by.index + by[0].length - 1); if (e) actor = ref(e); }
        const subj = pre[pre.length - 1]; if (subj && subj.id !== actor?.id) recipient = ref(subj);
      } else {
        // the subject: the nearest entity before the trigger that is not a speaker ("X said", "according to X")
        const subj = [...pre].reverse().find((e) =>
          !/\b(said|says|reported|documented|told|according)\b/i.test(doc.text.slice(e.end, absStart)) &&
          !/\baccording\s+to\s+(the\s+)?([\w-]+\s+){0,3}$/i.test(doc.text.slice(Math.max(0, e.start - 40), e.start)));
        if (subj) actor = ref(subj);
        // the object: the first entity after the trigger in the same clause
        const obj = post.find((x) => x.start - absEnd < 60 && !/[,;:]/.test(doc.text.slice(absEnd, x.start)));
        if (obj) recipient = ref(obj);
        if (/\b(from|by)$/i.test(f.t.phrase) && obj) { actor = ref(obj); recipient = null; }
        if (f.t.type === 'ASSAULT' && recipient?.id.startsWith('PER.')) recipient = null;
      }
      if (MEETING.has(f.t.type)) {
        // "between X and Y", "X and Y met": both sides of a symmetric event
        const between = /^[^.;]{0,20}?\bbetween\b/i.exec(after);
        const two = between ? post.slice(0, 2) : !recipient && pre.length >= 2 ? pre.slice(-2) : [];
        if (two.length === 2) { actor = ref(two[0]!); recipient = ref(two[1]!); }
      }
      if (actor && recipient && actor.id === recipient.id) recipient = null;
      const killed = f.t.type === 'ASSAULT' ? parseCasualties(text, 'killed') : null;
      const injured = f.t.type === 'ASSAULT' ? parseCasualties(text, 'injured') : null;
      if (!actor && !recipient && !(f.t.type === 'ASSAULT' && (killed || injured))) continue;
      // one event per type and mode in a sentence; a trigger without a mode joins one of its type
      const key = `${f.t.type}/${f.t.mode}`;
      const prev = seen.get(key) ?? (f.t.mode ? seen.get(`${f.t.type}/`) : [...seen.entries()].find(([k2]) => k2.startsWith(`${f.t.type}/`))?.[1]);
      if (prev) {
        if (!prev.mode && f.t.mode) prev.mode = f.t.mode;
        prev.actor ??= actor; prev.recipient ??= recipient;
        continue;
      }
      const date = dateOf(doc, times, absStart, text);
      const ev: EventMention = {
        type: f.t.type, mode: f.t.mode, actor, recipient,
        place: locateEvent(doc, si, { kind: kindOf(f.t.type), span: { start: absStart, end: sent.end }, lookBack: f.t.type === 'ASSAULT' ? 1 : 0 }),
        date,
        status: statusOf(text, f.start, f.end, doc, date),
        killed, injured,
        source: sourceOf(doc, sent.start, sent.end, text, sent.start),
        evidence: { sentence: si, start: sent.start, end: sent.end },
        confidence: Math.min(1, 0.4 + (actor ? 0.25 : 0) + (recipient ? 0.2 : 0) + (f.t.phrase.includes(' ') ? 0.1 : 0)),
      };
      seen.set(key, ev);
      out.push(ev);
    }
  });
  return mergeArticle(out);
};

/**
 * One happening told twice in an article (headline, then body): same type, same actor and
 * recipient ids, modes that agree (or one empty). The first mention is kept; the later one
 * fills what it lacks (mode, a stated date over the publication date, casualties, source).
 */
function mergeArticle(events: EventMention[]): EventMention[] {
  const kept: EventMention[] = [];
  for (const e of events) {
    const same = kept.find((k) =>
      k.type === e.type && (k.actor?.id ?? '') === (e.actor?.id ?? '') && (k.recipient?.id ?? '') === (e.recipient?.id ?? '') &&
      (!k.mode || !e.mode || k.mode === e.mode) && k.status === e.status &&
      (!k.date || !e.date || !(k.date.end < e.date.start || k.date.start > e.date.end) || k.date.basis === 'publication'));
    if (!same) { kept.push(e); continue; }
    if (!same.mode) same.mode = e.mode;
    if (e.date && (!same.date || (same.date.basis === 'publication' && e.date.basis !== 'publication'))) same.date = e.date;
    same.killed ??= e.killed; same.injured ??= e.injured; same.source ??= e.source; same.place ??= e.place;
    same.confidence = Math.min(1, Math.max(same.confidence, e.confidence) + 0.05);
  }
  return kept;
}
