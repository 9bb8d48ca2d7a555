// The events stage: who did what to whom, where, when, how many were hurt, and who says so.
// Precision first: an event needs a trigger from the reviewed lexicon (data/events/) and an
// actor or a recipient from the entity layer (or, for ASSAULT, casualties). What the sentence
// leaves out (the attacker, the weapon, the place) is taken from its context and listed in
// `implied`, with a lower confidence.
import type { ActorRef, Attribution, Casualties, EntityMention, EventDate, EventMention, EventStatus, EventType, PlaceMention, PlaceRef, TimeMention } from '../../model/index.js';
import { compatible } from '../../model/actors.js';
import { locateEvent, refOf, type EventKind, type ResolvedPlace } from '../places/index.js';
import { dates } from '../times/clauses.js';
import type { TimeMentionDetail } from '../times/index.js';
import { bySentence, type Doc, type Stage } from '../types.js';
import { findCasualties } from './casualties.js';
import { alternation, matchPhrases, statusWords, words, WORDS, type EventKnowledge, type ModeCue, type PhraseMatch, type Trigger } from './lexicon.js';

export { compileEventKnowledge, loadEventKnowledge, type EventKnowledge, type Trigger } from './lexicon.js';
export { findCasualties, parseCasualties } from './casualties.js';

const MEETING = new Set<EventType>(['CONSULT', 'AGREE']);
const STATEMENT = new Set<EventType>(['ACCUSE', 'REJECT', 'THREATEN', 'REQUEST', 'SUPPORT', 'CONCEDE', 'SANCTION']);
const MATERIAL = new Set<EventType>(['ASSAULT', 'MOBILIZE', 'RETREAT']);
const kindOf = (t: EventType): EventKind => (MEETING.has(t) ? 'meeting' : STATEMENT.has(t) ? 'statement' : 'action');

/** A person, a country or a group as actor of an ASSAULT is fine; a person is never its target. */
const ref = (e: EntityMention): ActorRef => ({ id: e.id!, text: e.text });

/** What the places and times stages know beyond the shared record (present on their own mentions). */
const placeOf = (p: PlaceMention): Partial<ResolvedPlace> => p;
const timeOf = (t: TimeMention): Partial<TimeMentionDetail> => t;

type Implied = NonNullable<EventMention['implied']>[number];

/** Lists `field` in the event's `implied` (once) and lowers its confidence by `cost` (floor 0.1). */
function imply(e: EventMention, field: Implied, cost = 0.1): void {
  if (!(e.implied ??= []).includes(field)) e.implied.push(field);
  if (cost) e.confidence = Math.max(0.1, e.confidence - cost);
}

/** Part-of compatibility of actor ids: `RUS.MIL` fits `RUS`, equal ids fit (no person roles here). */
const NO_ROLES: ReadonlyMap<string, string> = new Map();
export const partOf = (a: string | undefined, b: string | undefined): boolean => compatible(a, b, NO_ROLES);

/** What one sentence offers the rules below, computed once. */
interface SentenceView {
  index: number; start: number; end: number; text: string;
  entities: EntityMention[];
  times: TimeMention[];
  triggers: PhraseMatch<Trigger>[];
  cues: PhraseMatch<ModeCue>[];
}

/** Modes that name what killed, before modes that name how it was delivered. */
const OUTRANKS = ['chemical', 'suicide', 'execution'];

/** The article says the attacker is not known: no antecedent is guessed near it. */
const UNKNOWN_PERPETRATOR = new RegExp(`\\b${words('unknownAttacker')}\\b`, 'i');
/** After a passive toll: "(were killed) on Sunday in fierce clashes with", "during fighting against". */
const CLASHED_WITH = new RegExp(`^[^.;]{0,40}?\\b(?:in|during|amid)\\s+(?:[\\w-]+\\s+){0,2}?${words('fighting')}\\s+(?:with|against)\\s+(?:the\\s+)?`, 'i');
const NEGATED = new RegExp(`\\b${words('negators')}\\s+(\\w+\\s+)?$`, 'i');
/** Meeting nouns, and what the talks are about: a place after the latter is their topic (meetingPlace). */
const MEETING_NOUN = new RegExp(`\\b${words('meetingNouns')}\\b`, 'gi');
const TALKS_TOPIC = new RegExp(`\\b${words('talksTopic')}\\b`, 'i');
/** "the Sochi Memorandum of (September 17, 2018)": the date of a document. */
const DOCUMENT_OF = new RegExp(`\\b${words('documentNouns')}\\s+(?:of|dated)\\s+$`, 'i');
/** After a reporter's name: "(SOHR) has documented", "reported". */
const WITNESSED = new RegExp(`^[\\s,)]*(?:\\([^)]*\\)\\s*)?(?:has\\s+|have\\s+|also\\s+)?${words('witnessVerbs')}\\b`, 'i');
/** Between a weapon cue and its attacker: "carried out by (the) ...", "belonging to ...". */
const WEAPON_OWNER = new RegExp(`^\\s+(?:${words('weaponVerbs')}\\s+)?${words('weaponOwnedBy')}\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}$`, 'i');
/** An aim, not an act: "efforts to (separate)", "and to (cooperate)". */
const AIM_BEFORE = new RegExp(`\\b${words('aimsBefore')}\\s+to\\s+$`, 'i');
/** A trend, not a happening: "attacks ... have been increasing". */
const TREND_NOUN = new RegExp(`^(?:the\\s+|an?\\s+)?${words('trendNouns')}\\b`, 'i');
const TREND_AFTER = new RegExp(`^[^.;,]{0,60}?\\b(?:have|has|had)\\s+(?:been\\s+)?${words('trendStems')}\\w*`, 'i');
/** "shot down" with no object after it: its end, a stop, or a place or time. */
const AFTER_SHOT_DOWN = new RegExp(`^\\s*(?:$|[.,;:]|${words('afterShotDown')}\\b)`, 'i');
/** Between a name and a trigger: the name speaks ("SOHR said jets struck"). */
const SPEECH_AFTER_SUBJECT = new RegExp(`\\b${words('speechAfterSubject')}\\b`, 'i');
/** "a Russian-brokered truce": who brokered the thing. */
const BROKERED_AFTER = new RegExp(`^-${words('brokeredAfterHyphen')}\\b`, 'i');
/** "The army also deployed troops ...": a further act. */
const FURTHER_ACT = new RegExp(`\\b${words('furtherAct')}\\b`, 'i');
/** What someone does by habit ("has for years bombed", "still frequently carries out attacks"). */
const HABIT = new RegExp(`\\b${words('habit')}\\b`, 'i');

/**
 * A habit, not a happening: an adverb of habit in the trigger's clause before it, and no day,
 * week or month stated in the sentence ("Jets often struck the town on Sunday" stays an event).
 */
function habitual(v: SentenceView, tStart: number, tEnd: number): boolean {
  const [from] = clauseBounds(v.text, tStart, tEnd);
  if (!HABIT.test(v.text.slice(Math.max(from, tStart - 40), tStart))) return false;
  return !v.times.some((t) => t.precision === 'day' || t.precision === 'week' || t.precision === 'month');
}

const CLAUSE_BREAK = /(,\s*(which|when|while|as|after|before|but|although|whereas)\b|;|\s[–—]\s)/i;

/** The trigger's clause: from the last clause break before it to the next one after it. */
function clauseOf(text: string, tStart: number, tEnd: number): string {
  const [from, to] = clauseBounds(text, tStart, tEnd);
  return text.slice(from, to);
}

/** Offsets in `text` of the trigger's clause (see clauseOf). */
function clauseBounds(text: string, tStart: number, tEnd: number): [number, number] {
  const before = text.slice(0, tStart);
  let from = 0;
  // (a relative clause, ", which killed five", belongs with the clause it hangs on)
  for (const m of before.matchAll(/(,\s*(?:when|while|as|after|before|but|although|whereas|since)\b|,\s*(?:a\s+few\s+|several\s+|\w+\s+)?(?:days?|weeks?)\s+(?:after|before)\b|;|\s[–—]\s)/gi)) from = m.index! + 1;
  const rest = text.slice(tEnd);
  const stop = rest.search(/,\s*(?:which|who|when|while|as|after|before|but|although|whereas)\b|;|\s[–—]\s/i);
  return [from, stop < 0 ? text.length : tEnd + stop];
}

/** A trigger's status from its cue words (data/events/status.json); the grammar around each list is here. */
const STATUS = {
  denied: new RegExp(`\\b${statusWords('denied')}\\b`),
  hypothetical: new RegExp(`\\b${statusWords('hypothetical')}\\b[^.]{0,30}$`),
  planned: new RegExp(`\\b${statusWords('planned')}\\b`),
  /** "a meeting ... set to take place": a meeting's plan may follow it */
  meetingPlanned: new RegExp(`\\b${statusWords('plannedFor')}\\s+to\\s+${statusWords('meetingVerbs')}\\b`),
  /** "the talks were scheduled": a past plan */
  pastPlan: new RegExp(`\\b(?:was|were|had)\\b[^.]{0,20}\\b${statusWords('plannedFor')}\\b`),
  claimed: new RegExp(`\\b${statusWords('claimed')}\\b`),
  blamedOn: new RegExp(`\\b${statusWords('blamedOn')}\\b`, 'i'),
  recent: new RegExp(`\\b(?:over|in|during)\\s+the\\s+(?:last|past)\\s+(?:${statusWords('recentCounts')}|\\d+)?\\s*${statusWords('recentUnits')}\\b`, 'i'),
  background: new RegExp(`\\b(?:${statusWords('background')}|in\\s+the\\s+(?:last|past)\\s+\\w+\\s+${statusWords('spanUnits')}|(?:during|in|over)\\s+the\\s+(?:last|past)\\s+(?:\\w+\\s+)?${statusWords('longSpanUnits')})\\b`, 'i'),
  /** (not "a war monitor said": a monitor's name says nothing of a war's toll) */
  war: new RegExp(`\\b${statusWords('wars')}\\b(?![\\s-]+monitor)`, 'i'),
  warToll: new RegExp(`\\b(?:has|have|had)\\s+(?:${statusWords('warTollAdverbs')}\\s+)?${statusWords('warTollVerbs')}\\b`, 'i'),
};

function statusOf(v: SentenceView, type: EventType, tStart: number, tEnd: number, doc: Doc, date: EventDate | null): EventStatus {
  const before = v.text.slice(Math.max(0, tStart - 50), tStart).toLowerCase();
  const rest = v.text.slice(tEnd);
  const clauseEnd = rest.search(/[;.]|,\s*(?:but|while|which|as)\b/);
  const around = v.text.slice(Math.max(0, tStart - 50), tEnd + Math.min(60, clauseEnd < 0 ? rest.length : clauseEnd)).toLowerCase();
  const clause = clauseOf(v.text, tStart, tEnd);
  if (STATUS.denied.test(before)) return 'denied';
  if (STATUS.hypothetical.test(before)) return 'hypothetical';
  // an act's own plan stands before it ("will attack"); a meeting's may follow it ("a meeting ... set to take place")
  const window = MATERIAL.has(type) ? `${before} ${v.text.slice(tStart, tEnd).toLowerCase()}` : around;
  if ((STATUS.planned.test(window) || (!MATERIAL.has(type) && STATUS.meetingPlanned.test(clause.toLowerCase()))) && !STATUS.pastPlan.test(around)) return 'planned';
  if (STATUS.claimed.test(before)) return 'claimed';
  // "strikes blamed on the regime", "an attack attributed to ISIS": the attacker is someone's claim
  if (STATUS.blamedOn.test(clause)) return 'claimed';
  // history the article recalls, and cumulative tolls over a period, which are not one event
  // ("over the past 24 hours", "in the last two days": a recent spell, told as news)
  if ((!STATUS.recent.test(clause) && STATUS.background.test(clause)) || (STATUS.war.test(v.text) && STATUS.warToll.test(clause))) return 'background';
  if (doc.published && date && date.basis !== 'publication') {
    const days = (Date.parse(doc.published) - Date.parse(date.end)) / 86_400_000;
    if (days > 90) return 'background';
  }
  return 'occurred';
}

/**
 * A toll summed over attacks in two provinces ("8 civilians killed in rocket attacks on Aleppo
 * and Homs", "in Hama & Homs"): a total over several incidents, not one event. True when, after
 * `from` (an offset in the sentence), two places of one country in different provinces follow
 * "in / on / across / against" and are joined only by "and", "&", a comma or nothing.
 */
function overProvinces(doc: Doc, v: SentenceView, from: number): boolean {
  const ps = doc.places.filter((p) => p.start >= v.start + from && p.end <= v.end && p.admin1);
  for (let i = 0; i + 1 < ps.length; i++) {
    const a = ps[i]!, b = ps[i + 1]!;
    if (a.country !== b.country || a.admin1 === b.admin1) continue;
    if (!/^\s*(?:,\s*)?(?:(?:and|&)\s+)?$/i.test(doc.text.slice(a.end, b.start))) continue;
    if (/\b(?:in|on|across|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(doc.text.slice(Math.max(v.start, a.start - 40), a.start))) return true;
  }
  return false;
}

/**
 * Where a meeting was: a place the places stage marks as a meeting place, or one the
 * sentence puts the meeting in ("met in Moscow", "a summit ... in Sochi on Wednesday"), never
 * the subject of the talks ("to discuss the situation in Idlib").
 */
function meetingPlace(doc: Doc, v: SentenceView, tStart: number, tEnd: number): PlaceRef | null {
  const p = locateEvent(doc, v.index, { kind: 'meeting', span: { start: tStart, end: v.end }, strictSpan: true });
  if (!p) return null;
  const mention = doc.places.find((m) => m.start >= v.start && m.end <= v.end && m.name === p.name.split(', ')[0]);
  if (!mention) return p;
  // a place after the trigger, not what the talks are about; after a later meeting noun only
  // the words from that noun count ("will discuss the issue of Idlib in their meeting on
  // Sept. 29 in Sochi": Sochi); the most precise such place wins ("in Russia's resort of Sochi")
  const put = (m: PlaceMention) => {
    let between = doc.text.slice(tEnd, m.start);
    const noun = [...between.matchAll(MEETING_NOUN)].pop();
    if (noun) between = between.slice(noun.index! + noun[0].length);
    return m.start >= tEnd && !TALKS_TOPIC.test(between);
  };
  const best = doc.places.filter((m) => m.start >= tEnd && m.end <= v.end && put(m) && !placeOf(m).actorLike)
    .sort((a, b) => a.precision - b.precision || a.start - b.start)[0];
  // the places stage's meeting place, unless a more precise place follows it ("in the Black Sea resort of Sochi")
  if (placeOf(mention).meetingPlace && !(best && best.precision < mention.precision && best.start > mention.start)) return p;
  return best ? refOf(best) : null;
}

const clauseSpan = (v: SentenceView, tStart: number, tEnd: number) => {
  const [from, to] = clauseBounds(v.text, tStart, tEnd);
  return { start: v.start + from, end: v.start + to };
};

/**
 * Where an act happened: the place its clause names, and among places as precise, one after the
 * trigger ("The army retakes Qaryatain in Homs, kills 50 in Hama": the killing is in Hama).
 */
function actionPlace(doc: Doc, v: SentenceView, tStart: number, tEnd: number, lookBack: number): PlaceRef | null {
  const span = clauseSpan(v, tStart, tEnd);
  const whole = locateEvent(doc, v.index, { kind: 'action', span, strictSpan: true, lookBack });
  if (!whole) return null;
  const after = locateEvent(doc, v.index, { kind: 'action', span: { start: v.start + tStart, end: span.end }, strictSpan: true });
  return after && after.precision <= whole.precision ? after : whole;
}

/** A year used as a modifier ("a 2020 agreement", "the 2018 deal") dates a thing, not the event. */
function modifierYear(doc: Doc, t: TimeMention): boolean {
  // the date in a document's name does the same: "the Sochi Memorandum of September 17, 2018"
  if (DOCUMENT_OF.test(doc.text.slice(Math.max(0, t.start - 20), t.start))) return true;
  return t.precision === 'year' && /\b(a|an|the|its|their|this|that)\s+$/i.test(doc.text.slice(Math.max(0, t.start - 6), t.start)) &&
    /^\s+[a-z]/.test(doc.text.slice(t.end, t.end + 3));
}

function dateRef(t: TimeMention): EventDate | null {
  const range = t.range ?? [t.value, t.value];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(range[0]) || !/^\d{4}-\d{2}-\d{2}$/.test(range[1])) return null;
  const basis = timeOf(t).basis === 'relative' ? 'relative' : 'explicit';
  return { start: range[0], end: range[1], precision: t.precision as EventDate['precision'], basis };
}

/**
 * The event's date: the days the times stage placed an event after "N days after/before" on
 * (when the trigger stands in that clause); else the time of its sentence nearest the trigger
 * (a "Days before this meeting" is a date there, counted by the times stage); else the latest time
 * stated in the two sentences before it in the same paragraph (narrative time: "On Sunday,
 * jets bombed X. The strikes killed five."), marked implied; else the publication date when
 * the sentence reads as past; else null.
 */
function dateOf(doc: Doc, views: SentenceView[], v: SentenceView, at: number): { date: EventDate | null; implied: boolean } {
  // "On February 8, a few days after soldiers died", "These strikes come two days after Putin
  // met": the times stage counts the days of the event after the signal (`placed`)
  for (const t of v.times) {
    const placed = timeOf(t).placed;
    if (placed && t.end <= at && /^\s+(after|before)\b/i.test(doc.text.slice(t.end, at)) && !/[,;.]/.test(doc.text.slice(t.end, at).replace(/^\s+(after|before)\b/i, ''))) {
      return { date: { start: placed.range[0], end: placed.range[1], precision: placed.precision as EventDate['precision'], basis: 'relative' }, implied: false };
    }
  }
  let best: TimeMention | null = null;
  let dist = Infinity;
  for (const t of v.times) {
    if (t.precision === 'duration' || modifierYear(doc, t)) continue;
    // "talks with partners who signed a pact two years ago": the relative clause's time;
    // "The envoy, who came at the rebels' request, left this week": the main clause's
    // time does not date the relative clause told before it (the times stage's `scope`)
    if (!dates(timeOf(t).scope, at)) continue;
    // "160 civilians were killed in raids whilst a source did not deny strikes there recently": a
    // contrasting clause after the trigger (its comma often lost in scraped text) has its own time
    if (t.start > at && /\b(?:whilst|whereas)\b/i.test(doc.text.slice(at, t.start))) continue;
    const d = Math.abs(t.start - at) + (t.start > at ? 20 : 0);
    if (d < dist && dateRef(t)) { dist = d; best = t; }
  }
  // "In 2019 Russian jets killed 12 people on Monday": a finer time of the same clause that lies
  // inside the nearest one (a day within its year or month) dates the event more precisely
  if (best) {
    const coarse = dateRef(best)!;
    const finer = v.times.find((t) => t !== best && t.precision !== 'duration' && !modifierYear(doc, t) && dates(timeOf(t).scope, at) &&
      PRECISION_RANK[t.precision] < PRECISION_RANK[best!.precision] && dateRef(t) && dateRef(t)!.start >= coarse.start && dateRef(t)!.end <= coarse.end);
    if (finer) best = finer;
  }
  // "accusing Russia of deaths since its intervention in 2015": a period from then until publication
  if (best && doc.published && /\bsince\s+(?:(?:its|the|their|his|her|a|an|last)\s+)?(?:[\w-]+\s+){0,2}(?:in\s+|of\s+)?$/i.test(doc.text.slice(Math.max(0, best.start - 40), best.start))) {
    const from = dateRef(best)!;
    if (from.start < doc.published) return { date: { start: from.start, end: doc.published, precision: from.precision, basis: 'relative' }, implied: false };
  }
  // "On February 8, a few days after soldiers died": the time, moved by the offset between it and the trigger
  // (only an offset set off after the time by a comma: "On February 8, a few days after ...")
  if (best) return { date: dateRef(best), implied: false };
  for (let i = v.index - 1; i >= Math.max(0, v.index - 2); i--) {
    const prev = views[i]!;
    // a new paragraph, unless the sentence opens by pointing back ("These airstrikes come ...")
    if (/\n\s*\n/.test(doc.text.slice(prev.end, v.start)) && !/^\W*(these|this|those|that)\b/i.test(v.text)) break;
    // (not the start of a period: "the deadliest attack since the conflict began six years ago")
    const t = [...prev.times].reverse().find((x) => x.precision !== 'duration' && !modifierYear(doc, x) && dateRef(x) &&
      !/\bsince\b[^.;]{0,60}$/i.test(doc.text.slice(Math.max(prev.start, x.start - 60), x.start)));
    if (t) return { date: dateRef(t), implied: true };
  }
  if (doc.published && /\b(was|were|had|has|have|\w+ed)\b/i.test(v.text) && !/\bwill\b/i.test(v.text)) {
    const pub: EventDate = { start: doc.published, end: doc.published, precision: 'day', basis: 'publication' };
    return { date: pub, implied: false };
  }
  return { date: null, implied: false };
}

/** The actor id of an attribution's speaker: its own, else its entity mention's. */
function speakerOf(doc: Doc, a: Attribution): string | undefined {
  return a.speaker?.id ?? (a.speaker?.entity != null ? doc.entities[a.speaker.entity]?.id : undefined);
}

function sourceOf(doc: Doc, v: SentenceView, k: EventKnowledge): ActorRef | null {
  // a monitor or an outlet that documents, counts or reports what the sentence tells
  const witness = v.entities.find((e) => k.reporter(e.id!) &&
    WITNESSED.test(doc.text.slice(e.end, e.end + 40)));
  if (witness) return ref(witness);
  for (const a of doc.attributions) {
    if (a.speaker && a.start <= v.end && a.end >= v.start) {
      return { id: speakerOf(doc, a) ?? 'SRC', text: a.speaker.text };
    }
  }
  const m = /\baccording to ([^,.;]+)/i.exec(v.text) ?? /,\s*([^,.;]{3,60}?)\s+(?:said|reported|stated)\b/i.exec(v.text);
  if (!m) return null;
  const at = v.start + m.index + m[0].indexOf(m[1]!);
  const ent = v.entities.find((e) => e.start >= at && e.start < at + m[1]!.length);
  return { id: ent?.id ?? 'SRC', text: m[1]!.trim() };
}

/** Entities that speak rather than act: attribution speakers and "according to X". */
function speakers(doc: Doc): Set<EntityMention> {
  const out = new Set<EntityMention>();
  for (const a of doc.attributions) {
    if (!a.speaker) continue;
    for (const e of doc.entities) if (e.start < a.speaker.end && e.end > a.speaker.start) out.add(e);
  }
  for (const e of doc.entities) {
    const before = doc.text.slice(Math.max(0, e.start - 60), e.start);
    if (/\baccording\s+to\s+(the\s+)?([\w'’-]+\s+){0,4}$/i.test(before) && !/[,.;]/.test(before.slice(before.toLowerCase().lastIndexOf('according')))) out.add(e);
    // a headline's speaker before a colon: "Syrian opposition: 1,300 killed in gas attack"
    if (/^\s*:/.test(doc.text.slice(e.end, e.end + 3))) out.add(e);
  }
  return out;
}

/** The attacker named beside a weapon: "coalition airstrikes", "airstrikes by Russian jets", "a helicopter belonging to the regime". */
function actorAtCue(v: SentenceView, doc: Doc, cue: PhraseMatch<ModeCue>, spoken: Set<EntityMention>, k: EventKnowledge): EntityMention | null {
  const cs = v.start + cue.start, ce = v.start + cue.end;
  for (const e of v.entities) {
    // "Raqqa airstrikes", "Syria airstrikes": a place names where, not who
    if (spoken.has(e) || doc.places.some((p) => p.start === e.start && p.end === e.end) || !canAttack(doc, k, e, [])) continue;
    if (e.end <= cs && cs - e.end <= 3 && /^[\s'’s-]*$/.test(doc.text.slice(e.end, cs))) return e;
    if (e.start >= ce && WEAPON_OWNER.test(doc.text.slice(ce, e.start))) return e;
    if (e.start <= cs && e.end >= ce) return e; // the cue is inside the entity ("Russian warplanes")
  }
  return null;
}

/** "the strikes ... were believed to have been carried out by", "an airstrike likely conducted by" (not "blamed on": someone's claim, CODEBOOK §3). */
const ATTRIBUTED = new RegExp(`\\b${words('attackNouns')}\\b[^.;]{0,160}?\\b${words('carriedOutBy')}\\s+by\\s+(?:either\\s+)?(?:the\\s+)?`, 'gi');
/** "Islamic State claimed responsibility for the attack": the attacker's own word (not "no group has claimed"). */
const CLAIMS_RESPONSIBILITY = new RegExp(`^\\s+(?:${words('claimAdverbs')}\\s+)*${words('claimVerbs')}\\s+${words('claimedThings')}\\b`, 'i');
/** Where the attacker's name ends: a clause, what was hit, where, or how the monitor knows. */
const ATTRIBUTED_END = new RegExp(`[,;:]|\\s${words('attributedEnd')}\\b`, 'i');

/**
 * The attackers a sentence names for an attack after "carried out by", in
 * order: one ("carried out by Russian planes which ..."), or several when the sentence leaves
 * it open ("by Syrian government or Russian warplanes"); ids that are parts of one another
 * count once. Several joined by "and" are one side: the first is returned.
 */
function attributedAttackers(doc: Doc, v: SentenceView, spoken: Set<EntityMention>, k: EventKnowledge): ActorRef[] {
  const claimant = v.entities.find((e) => !spoken.has(e) && CLAIMS_RESPONSIBILITY.test(doc.text.slice(e.end, e.end + 60)) && canAttack(doc, k, e, [], true) &&
    !/\b(?:no|not|never)\s+(?:\w+\s+)?$/i.test(doc.text.slice(Math.max(v.start, e.start - 20), e.start)));
  if (claimant) return [ref(claimant)];
  for (const m of v.text.matchAll(ATTRIBUTED)) {
    const from = m.index + m[0].length;
    const stop = v.text.slice(from, from + 90).search(ATTRIBUTED_END);
    const to = v.start + from + (stop < 0 ? Math.min(90, v.text.length - from) : stop);
    const named = v.entities.filter((e) => e.start >= v.start + from && e.end <= to && !spoken.has(e) && canAttack(doc, k, e, [], true));
    if (!named.length) continue;
    const alternatives = named.length > 1 && /\bor\b/i.test(doc.text.slice(named[0]!.end, named[named.length - 1]!.start));
    const out: ActorRef[] = [];
    for (const e of alternatives ? named : named.slice(0, 1)) if (!out.some((x) => partOf(x.id, e.id))) out.push(ref(e));
    return out;
  }
  return [];
}

export const findEvents: Stage<EventKnowledge, EventMention> = (doc: Doc, k: EventKnowledge): EventMention[] => {
  const withId = doc.entities.filter((e) => e.id);
  const spoken = speakers(doc);
  const entitiesIn = bySentence(withId, doc.sentences), timesIn = bySentence(doc.times, doc.sentences);
  const views: SentenceView[] = doc.sentences.map((sent, index) => {
    const text = doc.text.slice(sent.start, sent.end);
    return {
      index, start: sent.start, end: sent.end, text,
      entities: entitiesIn[index]!,
      times: timesIn[index]!,
      triggers: matchPhrases(text, k.triggers),
      cues: matchPhrases(text, k.cues),
    };
  });
  const out: EventMention[] = [];
  for (const v of views) out.push(...sentenceEvents(doc, views, v, spoken, k, out));
  fillFromContext(doc, views, out, spoken, k);
  fillOccasions(doc, views, out);
  fillSources(doc, views, out, k);
  // history told with no time of its own ("over the past years, jets targeted ...") is no codable event
  const merged = mergeArticle(doc, out.filter((e) => !(e.status === 'background' && (!e.date || e.date.basis === 'publication'))));
  for (const e of merged) e.confidence = Math.round(e.confidence * 100) / 100;
  return merged;
};

/** What a nationality adjective qualifies when it names an attacker: forces, arms, officials. */
const ARMED_AFTER = new RegExp(`^[\\s-]+(?:[\\w-]+\\s+)?${words('armedAfter')}\\b`, 'i');

/** Words whose object is a target, not an attacker: "fighting Daesh", "strikes on ISIS", "pounded the SDF". */
const TARGET_BEFORE = new RegExp(`\\b(?:${words('targetBefore')}|(?<!\\bblamed\\s|\\bblame\\s|\\bblames\\s)on)\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?$`, 'i');

/** A state's arms right after its name: "Syria air raids", "Israel strikes", "Russia jets". */
const COUNTRY_ARMS = new RegExp(`^\\s+${words('countryArms')}\\b`, 'i');

/**
 * A name the places stage reads as a place named as a place ("in northern Syria"), not one that
 * stands for an actor; a country's name right before its arms is the actor, headline style
 * ("Syria air raids kill 20").
 */
function placeAsPlace(doc: Doc, e: EntityMention): boolean {
  return doc.places.some((p) => p.start === e.start && p.end === e.end && !placeOf(p).actorLike) &&
    !(/^[A-Z]{3}$/.test(e.id ?? '') && COUNTRY_ARMS.test(doc.text.slice(e.end, e.end + 30)));
}

/** A verb of harm right before the country it puts the toll in: "were killed Sunday in northern Syria". */
const HARMED_IN = new RegExp(`\\b(?:${words('killedVerbs')}|${words('injuredVerbs')})\\s+(?:[\\w-]+\\s+){0,2}?(?:in|inside)\\s+(?:the\\s+)?(?:(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\\s+)?$`, 'i');

/** A state's forces or government, or the coalition: who bombs from the air. */
const STATE_FORCE = /^(?:[A-Z]{3}(?:\.(?:MIL|GOV))?|IGO\.COALITION|IGO\.NATO)$/;

/** Finer first: a day inside the year a sentence also names dates the event. */
const PRECISION_RANK: Record<string, number> = { day: 0, week: 1, month: 2, year: 3, duration: 4 };

/** A verb of killing, for captives killed with no figure stated. */
const KILL_VERB = new RegExp(`\\b${words('killVerbs')}\\b`, 'i');

/** What a name qualifies when it is no attacker: its kin, sect, home ground ("Assad clans hometown", "Assads Alawite sect"). */
const NOT_ACTOR_HEAD = new RegExp(`^(?:['’]?s)?\\s+(?:[A-Z][\\w-]*\\s+)?${words('notActorHead')}\\b`, 'i');

/** "opposition-held", "regime-controlled": who holds a place. */
const HELD_AFTER_HYPHEN = new RegExp(`^-${words('holdsAfterHyphen')}\\b`, 'i');

/**
 * Can this entity carry out an attack? Not a reporter (media, monitors, the UN), not
 * civilians, not a place named as a place ("in northern Syria"), not the victims of the
 * sentence's own toll ("24 civilians killed", "five Turkish soldiers died").
 */
function canAttack(doc: Doc, k: EventKnowledge, e: EntityMention, victims: { start: number; end: number }[], named = false): boolean {
  const id = e.id!;
  if (k.reporter(id) || k.civilian(id)) return false;
  // "opposition-held Idlib", "regime-controlled areas": who holds a place, not who struck it
  if (HELD_AFTER_HYPHEN.test(doc.text.slice(e.end, e.end + 16))) return false;
  // "Syrians", "Iraqis": a people, not its state
  if (/^[A-Z]{3}$/.test(id) && /^[A-Z][a-z]+(ians|ans|is|ese)$/.test(e.text)) return false;
  // "the Syrian capital", "a Syrian Kurdish city": a nationality adjective names an attacker
  // only before a state's forces, arms or officials ("Syrian jets", "Turkish artillery")
  if (/^[A-Z]{3}$/.test(id) && /^[A-Z][a-z]+(?:ian|an|ish|ese|i)$/.test(e.text) && !ARMED_AFTER.test(doc.text.slice(e.end, e.end + 40))) return false;
  // (unless the words name it as the one who acted: "carried out by ... its ally Russia")
  if (!named && placeAsPlace(doc, e)) return false;
  // a name that qualifies a place or kin rather than acts: "the Assad clan's hometown", "Assad's Alawite sect"
  if (!named && NOT_ACTOR_HEAD.test(doc.text.slice(e.end, e.end + 40))) return false;
  return !victims.some((x) => e.start >= x.start && e.end <= x.end);
}

function sentenceEvents(doc: Doc, views: SentenceView[], v: SentenceView, spoken: Set<EntityMention>, k: EventKnowledge, prior: readonly EventMention[]): EventMention[] {
  const { text } = v;
  const killedAll = findCasualties(text, 'killed');
  const injuredAll = findCasualties(text, 'injured');
  // (the victims' group named after the toll is theirs too: "47 leaders of Ahrar al-Sham killed")
  const victims = [...killedAll, ...injuredAll].map((c) => {
    const of = /^\s+(?:of|from)\s+(?:the\s+)?/i.exec(text.slice(c.end));
    const owner = of && v.entities.find((e) => e.start === v.start + c.end + of[0].length);
    return { start: v.start + c.start, end: owner ? owner.end : v.start + c.end };
  });
  let found = v.triggers.map((t) => ({ t: t.item, start: t.start, end: t.end }));
  // A weapon named beside casualties is an attack even without a trigger verb:
  // "an airstrike on the market left 12 civilians dead" (no "killed" in the lexicon's sense).
  if (!found.some((f) => f.t.type === 'ASSAULT') && (killedAll.length || injuredAll.length) && v.cues.length) {
    const c = v.cues[0]!;
    found = [...found, { t: { type: 'ASSAULT' as const, mode: c.item.mode, phrase: c.item.phrase }, start: c.start, end: c.end }].sort((a, b) => a.start - b.start);
  }
  const gap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, a.start - b.end, b.start - a.end);
  const nearestAssault = (c: { start: number; end: number }) => {
    let best: (typeof found)[number] | undefined;
    for (const f of found) if (f.t.type === 'ASSAULT' && (!best || gap(f, c) < gap(best, c))) best = f;
    return best;
  };
  const seen = new Map<string, EventMention>();
  const events: EventMention[] = [];
  for (const f of found) {
    if (NEGATED.test(text.slice(Math.max(0, f.start - 30), f.start))) continue;
    if (habitual(v, f.start, f.end)) continue;
    // a commitment's content, not an act: "efforts to separate them ..., and to cooperate with X"
    if (AIM_BEFORE.test(text.slice(Math.max(0, f.start - 30), f.start))) continue;
    // a trend, not a happening: "attacks on the enclave have been increasing" (no day stated)
    if (TREND_NOUN.test(f.t.phrase) && TREND_AFTER.test(text.slice(f.end)) &&
      !v.times.some((t) => t.precision === 'day')) continue;
    const absStart = v.start + f.start, absEnd = v.start + f.end;
    const after = text.slice(f.end);
    const victimSubject = f.t.type === 'ASSAULT' && /^\w+ed$/i.test(f.t.phrase) ?
      killedAll.find((c) => c.start < f.start && c.end >= f.end && /^\s*(?:\d|[a-z]+\s)/i.test(text.slice(c.start)) &&
        !/\b(?:killed|killing|kills?|dead|died)\b/i.test(text.slice(c.start, f.start))) : undefined;
    // (a participle followed by "by X" is passive without its auxiliary, as headlines put it:
    // "100 fighters killed by the army")
    const passive = /\b(was|were|been|being|be)\s+(\w+\s+)?$/i.test(text.slice(0, f.start)) || /^(were|was)\s/i.test(f.t.phrase) ||
      // (not a capture: "property seized by the army", "a town taken by rebels" names what was taken, told in passing)
      (f.t.type === 'ASSAULT' && f.t.mode !== 'capture' && /^\w+ed$/i.test(f.t.phrase) && /^\s+(?:\w+ly\s+|overnight\s+)?by\s/i.test(text.slice(f.end))) ||
      // "Russian chopper shot down in Syria": what was downed comes before, no object after
      (/^shot down$/i.test(f.t.phrase) && AFTER_SHOT_DOWN.test(text.slice(f.end))) ||
      // "... 30 fighters killed", a headline's toll right before its participle: the victims are
      // the subject, and whoever is named before them is not the attacker
      !!victimSubject;
    let actor: ActorRef | null = null, recipient: ActorRef | null = null;
    let agreedAt: EventMention | undefined;
    const material = MATERIAL.has(f.t.type);
    if (f.t.predicate || f.t.conditional) {
      // reported criticism: the speaker accuses whoever the quoted words name before the phrase;
      // a conditional threat ("if ..., then we will shut down ...") is the speaker's
      const said = doc.attributions.find((a) => a.speaker?.id && a.start <= absStart && a.end >= absEnd);
      if (!said) continue;
      if (f.t.conditional) {
        if (!/\b(if|unless|otherwise)\b/i.test(text.slice(Math.max(0, said.start - v.start), f.start))) continue;
        const [, to] = clauseBounds(text, f.start, f.end);
        const target = v.entities.find((e) => e.start >= absEnd && e.end <= v.start + to && !spoken.has(e) && e.id !== said.speaker!.id);
        const { date } = dateOf(doc, views, v, absStart);
        events.push({
          type: f.t.type, mode: f.t.mode, actor: { id: said.speaker!.id!, text: said.speaker!.text }, recipient: target ? ref(target) : null,
          place: null, date, status: 'occurred', killed: null, injured: null, source: null,
          evidence: { sentence: v.index, start: v.start, end: v.end }, confidence: 0.55,
        });
        continue;
      }
      // the speaker's own side is not the one criticised ("the presidents of Russia and Turkey ...", said Lavrov)
      const own = k.stateOf(said.speaker!.id!);
      const fits = (e: EntityMention) => e.id !== said.speaker!.id && !spoken.has(e) && (!own || k.stateOf(e.id!) !== own);
      // named before the phrase in its sentence, else in the subject (the first 40 characters)
      // of an earlier sentence of the same quotation ("Our Turkish interlocutors took on the responsibility ... It is proceeding slowly")
      let target = v.entities.find((e) => e.start >= said.start && e.end <= absStart && fits(e));
      for (let i = v.index - 1; !target && i >= 0 && views[i]!.end > said.start; i--) {
        const from = Math.max(said.start, views[i]!.start);
        target = views[i]!.entities.find((e) => e.start >= from && e.start - from <= 40 && fits(e) && !/[,;:]/.test(doc.text.slice(from, e.start)));
      }
      if (!target) continue; // criticism of nobody named is not coded
      const { date } = dateOf(doc, views, v, absStart);
      events.push({
        type: f.t.type, mode: f.t.mode, actor: { id: said.speaker!.id!, text: said.speaker!.text }, recipient: ref(target),
        place: locateEvent(doc, v.index, { kind: 'statement', span: { start: absStart, end: v.end } }), date,
        status: statusOf(v, f.t.type, f.start, f.end, doc, date), killed: null, injured: null, source: null,
        evidence: { sentence: v.index, start: v.start, end: v.end }, confidence: 0.6,
      });
      continue;
    }
    const pre = v.entities.filter((e) => e.end <= absStart && !spoken.has(e));
    const post = v.entities.filter((e) => e.start >= absEnd && !spoken.has(e));
    const attacker = (e: EntityMention | undefined) => !!e && (!material || canAttack(doc, k, e, victims));
    const nominal = !/(ed|ing|s)$/.test(f.t.phrase.split(/\s+/)[0]!) || /^(the|a|an)\s/.test(f.t.phrase);
    if (passive) {
      const by = /^[^.;]{0,40}?\bby\s+/i.exec(after);
      if (/\bby$/i.test(f.t.phrase)) { const e = post[0]; if (attacker(e)) actor = ref(e!); }
      else if (by) { const e = post.find((x) => x.start >= absEnd + by.index + by[0].length - 1); if (attacker(e)) actor = ref(e!); }
      // "ten soldiers were killed in clashes with ISIS": whoever they fought killed them
      const fought = !actor && f.t.type === 'ASSAULT' ? CLASHED_WITH.exec(after) : null;
      // (the first actor named after "with", not a place further on: "in clashes with Kurds in NE Syria")
      if (fought) { const from = absEnd + fought.index + fought[0].length; const e = post.find((x) => x.start >= from - 1 && x.start <= from + 25 && !/\b(?:in|at|near|on|of)\s/i.test(doc.text.slice(from, x.start))); if (attacker(e)) actor = ref(e!); }
      const subj = pre[pre.length - 1];
      const inToll = (e: EntityMention) => !victimSubject || (e.start >= v.start + victimSubject.start && e.end <= v.start + victimSubject.end);
      if (subj && subj.id !== actor?.id && inToll(subj) && !CLAUSE_BREAK.test(doc.text.slice(subj.end, absStart))) recipient = ref(subj);
      // "jets struck HTS positions in the area of X, which was then liberated by the army": what
      // was taken was held by the target of the act before it in the sentence
      else if (/,\s*which\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?$/i.test(text.slice(0, f.start))) {
        const held = events.filter((x) => x.recipient && x.actor?.id !== actor?.id).pop();
        if (held) recipient = { ...held.recipient! };
      }
    } else {
      // the subject: the nearest entity before the trigger in the same clause, not a speaker
      const subj = [...pre].reverse().find((e) =>
        absStart - e.end <= 90 && !CLAUSE_BREAK.test(doc.text.slice(e.end, absStart)) &&
        // ("a neighbourhood controlled by Syria's rebels": who holds the place, not who struck)
        !k.heldBefore.test(doc.text.slice(Math.max(0, e.start - 40), e.start)) &&
        // ("the coalition fighting Daesh mistakenly killed", "jets pounded ISIS positions, killing"):
        // the target of an act told before the trigger is not its subject
        !(material && TARGET_BEFORE.test(doc.text.slice(Math.max(v.start, e.start - 40), e.start))) &&
        // (nor a place named as a place: "Russian forces destroy a post in Syria, killing 80")
        !(material && placeAsPlace(doc, e)) &&
        !SPEECH_AFTER_SUBJECT.test(doc.text.slice(e.end, absStart)));
      if (subj && attacker(subj)) actor = ref(subj);
      else if (subj && material && (k.civilian(subj.id!) || victims.some((x) => subj.start >= x.start && subj.end <= x.end))) recipient = ref(subj);
      // a statement's speaker is its actor: "Turkey accused Russia of ...", "X said it would retaliate"
      if (!actor && STATEMENT.has(f.t.type)) {
        const speaker = v.entities.filter((e) => e.end <= absStart && spoken.has(e) && absStart - e.end <= 120).pop();
        if (speaker) actor = ref(speaker);
      }
      // "we" in someone's words is the speaker: "'We continue to cooperate with Russia,' the minister said"
      if (!actor && !material && /\bwe\s+(?:[a-z]+\s+){0,3}$/i.test(text.slice(Math.max(0, f.start - 40), f.start))) {
        const said = doc.attributions.find((a) => a.speaker?.id && a.start <= absStart && a.end >= absEnd);
        if (said) actor = { id: said.speaker!.id!, text: said.speaker!.text };
      }
      // the object: the first entity after the trigger in the same clause (for a phrase with a
      // gap, "expelled … diplomats", from the end of its first word), never a place after "in"/"at"
      const objFrom = f.t.phrase.includes('…') ? absStart + (/^\S+/.exec(text.slice(f.start))?.[0].length ?? 0) : absEnd;
      const obj = v.entities.find((x) => !spoken.has(x) && x.start >= objFrom && x.start - objFrom < 60 &&
        !/[,;:]|\b(which|who|whose)\b/i.test(doc.text.slice(objFrom, x.start)) && !/\b(in|at|inside|near)\s+(the\s+)?$/i.test(doc.text.slice(objFrom, x.start)) &&
        // "agreed to a Russian-brokered truce": who brokered, backed or led the thing, not the other side
        !BROKERED_AFTER.test(doc.text.slice(x.end, x.end + 12)) &&
        // the subject of a later trigger ("... attack in Aleppo. Regime helicopters on Monday dropped barrel bombs")
        !found.some((g) => g !== f && v.start + g.start >= x.end && v.start + g.start - x.end <= 40 && !/[,;]/.test(doc.text.slice(x.end, v.start + g.start))));
      if (obj && !recipient) recipient = ref(obj);
      if (/\b(from|by)$/i.test(f.t.phrase) && obj && attacker(obj)) { actor = ref(obj); recipient = null; }
      // a nominal trigger names its agent with "by": "the airstrikes on X by Moscow"
      // (not "a neighbourhood controlled by X": who holds the place)
      const by = nominal ? k.agentBy.exec(after) : null;
      if (by) {
        const e = post.find((x) => x.start >= absEnd + by.index + by[0].length - 1 && x.start <= absEnd + by.index + by[0].length + 20);
        if (e && attacker(e) && (!actor || !nominal || subj === undefined)) { if (recipient?.id === e.id) recipient = null; actor = ref(e); }
      }
    }
    if (f.t.type === 'ASSAULT' && recipient?.id.startsWith('PER.')) recipient = null;
    // a leader who "liberated", "bombed" or "sent troops" acts through the state's forces
    if (material && actor?.id.startsWith('PER.')) {
      const state = k.stateOf(actor.id);
      if (state) actor = { id: `${state}.MIL`, text: actor.text };
    }
    // an outlet or a monitor named after the trigger reports the attack; it is not its target
    if (material && recipient && k.reporter(recipient.id)) recipient = null;
    if (MEETING.has(f.t.type)) {
      // "between X and Y", "X and Y met": both sides of a symmetric event
      // (not "agreed to differentiate between X and Y": a verb's own "between")
      const between = /\bbetween$/i.test(f.t.phrase) ? [''] : /\bto$/i.test(f.t.phrase) && /^\s*[a-z]+\s+between\b/.test(after) ? null : /^(?![^.;]{0,20}?\bto\s+[a-z]+\s+between\b)[^.;]{0,20}?\bbetween\b/i.exec(after);
      // "X and Y met": only two subjects joined by "and" (not "X entered ... after Y agreed")
      const last2 = pre.slice(-2);
      const joined = last2.length === 2 && /^\s*(?:and|&)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}$/.test(doc.text.slice(last2[0]!.end, last2[1]!.start));
      const two = between ? post.slice(0, 2) : !recipient && joined ? last2 : [];
      if (two.length === 2) { actor = ref(two[0]!); recipient = ref(two[1]!); }
    }
    // "It was agreed to hold further contacts": agreed by the two sides of the talks just told
    if (f.t.type === 'AGREE' && passive && !actor && !recipient && /\b(it|this)\s+(?:was|has\s+been|had\s+been)\s+$/i.test(text.slice(Math.max(0, f.start - 20), f.start))) {
      const talks = prior.filter((x) => MEETING.has(x.type) && x.status === 'occurred' && x.actor && x.recipient && v.index - x.evidence.sentence <= 3).pop();
      if (talks) { actor = { ...talks.actor! }; recipient = { ...talks.recipient! }; agreedAt = talks; }
    }
    if (actor && recipient && actor.id === recipient.id) recipient = null;
    let killed: Casualties | null = null, injured: Casualties | null = null, tollAt: number | undefined;
    if (f.t.type === 'ASSAULT') {
      // each toll goes to the attack whose trigger is nearest to it in the sentence
      const mine = (c: { start: number; end: number }) => nearestAssault(c) === f;
      const k0 = killedAll.find(mine), i0 = injuredAll.find(mine);
      if (k0) { const { start: _a, end: _b, ...c } = k0; killed = c; }
      tollAt = (k0 ?? i0)?.start;
      if (i0) { const { start: _a, end: _b, ...c } = i0; injured = c; }
      // the victims named in the toll are the recipient when the sentence names no other
      const victims = k0 ?? i0;
      if (!recipient && victims) {
        const e = v.entities.find((x) => x.start >= v.start + victims.start && x.end <= v.start + victims.end && x.id !== actor?.id);
        if (e && !e.id!.startsWith('PER.')) recipient = ref(e);
      }
    }
    // no known actor or recipient: no event, unless an attack with a toll, or an act whose
    // subject is named but not in the actor dictionary ("President X threatened to ...")
    const unnamedSubject = !MATERIAL.has(f.t.type) && doc.entities.some((e) => !e.id && e.end <= absStart && absStart - e.end <= 60 &&
      (e.type === 'person' || e.type === 'organization') && !CLAUSE_BREAK.test(doc.text.slice(e.end, absStart)) && e.start >= v.start);
    if (!actor && !recipient && !(f.t.type === 'ASSAULT' && (killed || injured)) && !unnamedSubject) continue;
    // a capture is taken from the other side the sentence names: state forces take ground from
    // armed groups, armed groups from state forces ("the army entered X after rebels agreed ...")
    if (f.t.mode === 'capture' && actor && !recipient) {
      const stateId = (id: string) => /^[A-Z]{3}(\.(MIL|GOV))?$/.test(id);
      const loser = v.entities.filter((e) => !spoken.has(e) && canAttack(doc, k, e, victims) && !partOf(e.id, actor!.id) &&
        !e.id!.startsWith('PER.') && stateId(e.id!) !== stateId(actor!.id))
        .sort((a, b) => Math.abs(a.start - absStart) - Math.abs(b.start - absStart))[0];
      if (loser) recipient = ref(loser);
    }
    // an armed group that agrees (to a truce, to lay down arms) agrees with the state forces the
    // sentence names ("the government won after rebel fighters agreed to a truce")
    if (f.t.type === 'AGREE' && actor && !recipient && !/^[A-Z]{3}(\.(MIL|GOV))?$/.test(actor.id) && !actor.id.startsWith('PER.')) {
      const state = v.entities.filter((e) => !spoken.has(e) && /^[A-Z]{3}\.(MIL|GOV)$/.test(e.id!) && !partOf(e.id, actor!.id))
        .sort((a, b) => Math.abs(a.start - absStart) - Math.abs(b.start - absStart))[0];
      if (state) recipient = ref(state);
    }
    // one event per type and mode in a sentence; a trigger without a mode joins one of its type
    const key = `${f.t.type}/${f.t.mode}`;
    const prev = seen.get(key) ?? (f.t.mode ? seen.get(`${f.t.type}/`) : [...seen.entries()].find(([k2]) => k2.startsWith(`${f.t.type}/`))?.[1]);
    // (not into a total over provinces told first: "10 killed in attacks on Aleppo and Deir Ezzor
    // ... a reporter said 6 civilians were killed by rocket shells on a neighbourhood of Aleppo")
    const afterTotal = prev?.status === 'background' && !!prev.killed && !!killed && killed.min !== prev.killed.min &&
      overProvinces(doc, v, 0) && !overProvinces(doc, v, tollAt ?? f.start);
    if (prev && !afterTotal) {
      if (!prev.mode && f.t.mode) prev.mode = f.t.mode;
      prev.actor ??= actor; prev.recipient ??= recipient; prev.killed ??= killed; prev.injured ??= injured;
      continue;
    }
    let { date, implied: dateImplied } = dateOf(doc, views, v, absStart);
    // (agreed in the talks just told: on their day, unless the sentence states its own)
    if (agreedAt && (dateImplied || date?.basis === 'publication')) { date = agreedAt.date; dateImplied = true; }
    const ev: EventMention = {
      type: f.t.type, mode: f.t.mode, actor, recipient,
      // a meeting is where the sentence puts it; an act is where its own clause puts it ("Envoys
      // arrived in Ankara, a few days after soldiers died in shelling": not Ankara)
      // (an agreement that is no meeting, "fighters in X agreed to lay down arms", is where its clause puts it)
      place: MEETING.has(f.t.type) ? meetingPlace(doc, v, absStart, absEnd) ??
          (f.t.type === 'AGREE' ? locateEvent(doc, v.index, { kind: 'action', span: clauseSpan(v, f.start, f.end), strictSpan: true }) : null)
        : material ? actionPlace(doc, v, f.start, f.end, f.t.type === 'ASSAULT' ? 1 : 0)
        : locateEvent(doc, v.index, { kind: kindOf(f.t.type), span: { start: absStart, end: v.end } }),
      date,
      status: statusOf(v, f.t.type, f.start, f.end, doc, date),
      killed, injured,
      source: sourceOf(doc, v, k),
      evidence: { sentence: v.index, start: v.start, end: v.end },
      confidence: Math.min(1, 0.4 + (actor ? 0.25 : 0) + (recipient ? 0.2 : 0) + (f.t.phrase.includes(' ') ? 0.1 : 0)),
    };
    if (dateImplied) ev.implied = ['date'];
    // a toll over attacks in two provinces is a total, told like a cumulative toll
    if ((killed || injured) && ev.status === 'occurred' && overProvinces(doc, v, Math.min(f.start, tollAt ?? f.start))) ev.status = 'background';
    if (MEETING.has(f.t.type) && ev.place) {
      // a party is not the place: "brokered a ceasefire between Azerbaijan and Armenia"
      const at = doc.places.find((m) => m.start >= v.start && m.end <= v.end && refOf(m).name === ev.place!.name);
      if (at && v.entities.some((x) => x.start <= at.start && x.end >= at.end && (x.id === actor?.id || x.id === recipient?.id))) ev.place = null;
    }
    // a ceasefire is where the fighting it ends was told, just before
    if (f.t.type === 'AGREE' && !ev.place && v.index > 0 && /\b(ceasefire|cease-fire|truce|armistice)\b/i.test(text)) {
      const fought = locateEvent(doc, v.index - 1, { kind: 'action' });
      if (fought) { ev.place = fought; imply(ev, 'place', 0); }
    }
    seen.set(key, ev);
    events.push(ev);
    // coordinated attackers: "government forces along with Russian warplanes bombed ..."
    if (MATERIAL.has(f.t.type) && actor) {
      const a = v.entities.find((e) => e.id === actor!.id && e.end <= absStart);
      const partner = a && v.entities.find((e) => e !== a && e.id && e.id !== actor!.id && !spoken.has(e) && e.end <= absStart && canAttack(doc, k, e, victims) &&
        (/^\s*(?:,\s*)?(?:and|along\s+with|together\s+with|alongside|as\s+well\s+as)\s+(?:the\s+)?$/i.test(doc.text.slice(a.end, e.start)) ||
         /^\s*(?:,\s*)?(?:and|along\s+with|together\s+with|alongside|as\s+well\s+as)\s+(?:the\s+)?$/i.test(doc.text.slice(e.end, a.start))));
      if (partner && !partOf(partner.id, actor.id)) events.push({ ...ev, actor: ref(partner), confidence: ev.confidence - 0.05 });
    }
  }
  return events;
}

/**
 * What an ASSAULT's sentence leaves out, from its context: the weapon (mode) named in the
 * sentence, the next or previous one, or anywhere in the article; the attacker named beside
 * that weapon, else the nearest clear antecedent (the nearest earlier ASSAULT with an actor,
 * else the nearest later one); the place of the sentences before, else the article's lede.
 */
function fillFromContext(doc: Doc, views: SentenceView[], events: EventMention[], spoken: Set<EntityMention>, k: EventKnowledge): void {
  const allCues = views.flatMap((v) => v.cues.map((c) => ({ v, c })));
  for (const e of events) {
    if (e.type !== 'ASSAULT') continue;
    const si = e.evidence.sentence;
    const v = views[si]!;
    // mode and the attacker beside the weapon
    const near = v.cues.length ? v.cues.map((c) => ({ v, c })) : allCues
      .filter((x) => Math.abs(x.v.index - si) <= 1)
      .sort((a, b) => Math.abs(a.v.index - si) - Math.abs(b.v.index - si) || a.v.index - b.v.index);
    // else the weapon named nearest in the article (the first of equally near ones)
    const cue = near[0] ?? allCues.reduce<(typeof allCues)[number] | undefined>((best, x) =>
      !best || Math.abs(x.v.index - si) < Math.abs(best.v.index - si) ? x : best, undefined);
    if (!e.mode && cue) {
      e.mode = cue.c.item.mode;
      if (cue.v !== v) imply(e, 'mode');
    }
    // captives killed ("massacred 250 troops taken hostage") were executed
    // (also with no figure: "ISIS begins to kill abducted Christians")
    if (e.mode === 'abduct' && (e.killed || KILL_VERB.test(v.text))) e.mode = 'execution';
    // what killed outranks how it was delivered: a chemical attack dropped from the air is
    // chemical, a suicide car bomb is suicide (when the event's own sentence says so)
    const own = new Set(v.cues.map((c) => c.item.mode));
    if (e.mode !== 'capture' && e.mode !== 'abduct') {
      const stronger = OUTRANKS.find((m) => own.has(m));
      if (stronger && e.mode !== stronger && OUTRANKS.indexOf(e.mode) < 0) e.mode = stronger;
    }
    if (!e.actor) {
      for (const x of near) {
        if (x.v !== v && !e.killed && !e.injured) break; // a neighbour's weapon names the attacker only of a reported toll
        const a = actorAtCue(x.v, doc, x.c, spoken, k);
        if (a && a.id !== e.recipient?.id) { e.actor = ref(a); if (x.v !== v) imply(e, 'actor'); break; }
      }
    }
  }
  // the attacker the article names for the attack in a sentence of its own ("The strike was
  // believed to have been carried out by Russian jets"; "it was unclear whether the raids were
  // carried out by Syrian or Russian warplanes": both, as candidates)
  for (const e of events) {
    if (e.type !== 'ASSAULT' || e.status === 'background' || (!e.killed && !e.injured && !e.mode)) continue;
    const si = e.evidence.sentence;
    // an attacker read by position that the sentence itself names as one of several it leaves
    // open ("the attack believed to have been carried out by Syrian or Russian jets killed 58")
    if (e.actor) {
      const open = e.implied?.includes('actor') ? [] : attributedAttackers(doc, views[si]!, spoken, k);
      if (open.length > 1 && open.some((x) => x.id === e.actor!.id)) { e.actorCandidates = open; e.actor = null; }
      continue;
    }
    for (const i of [si, si + 1, si + 2, si - 1, si + 3]) {
      const named = views[i] && attributedAttackers(doc, views[i]!, spoken, k).filter((x) => x.id !== e.recipient?.id);
      if (!named?.length) continue;
      if (named.length === 1) e.actor = named[0]!;
      else e.actorCandidates = named;
      if (i !== si) imply(e, 'actor');
      break;
    }
  }
  // antecedents: the nearest attack in the article that names its attacker (up to five
  // sentences before, or two after, as ledes name the toll before the attacker), unless the
  // article says nearby that nobody knows who it was
  const named = events.filter((e) => e.type === 'ASSAULT' && e.actor && (e.status === 'occurred' || e.status === 'claimed') && !e.implied?.includes('actor'));
  const unknownAt = views.filter((v) => UNKNOWN_PERPETRATOR.test(v.text)).map((v) => v.index);
  for (const e of events) {
    // only an attack the sentence reports in substance (a toll, or its weapon) takes an antecedent
    if (e.type !== 'ASSAULT' || e.actor || e.actorCandidates || e.status === 'background' || (!e.killed && !e.injured && (!e.mode || e.implied?.includes('mode')))) continue;
    const si = e.evidence.sentence;
    if (unknownAt.some((i) => Math.abs(i - si) <= 2)) continue;
    const before = named.filter((n) => n.evidence.sentence <= si && si - n.evidence.sentence <= 5).sort((a, b) => b.evidence.sentence - a.evidence.sentence)[0];
    const later = named.filter((n) => n.evidence.sentence > si && n.evidence.sentence - si <= 2).sort((a, b) => a.evidence.sentence - b.evidence.sentence)[0];
    const ante = before && (!later || si - before.evidence.sentence <= later.evidence.sentence - si + 2) ? before : later;
    if (ante?.actor && ante.actor.id !== e.recipient?.id) { e.actor = { ...ante.actor }; imply(e, 'actor'); }
  }
  // "bombing" by a state's forces or the coalition is from the air ("Russian and regime bombing
  // of Aleppo", "the coalition's bombing of Raqqa"), not a planted bomb
  for (const e of events) {
    if (e.type !== 'ASSAULT' || e.mode !== 'explosives' || !e.actor || !STATE_FORCE.test(e.actor.id)) continue;
    const own = views[e.evidence.sentence]!.cues.filter((c) => c.item.mode === 'explosives');
    if (own.length && own.every((c) => /^bombings?$/i.test(c.item.phrase))) e.mode = 'aerial';
  }
  // dates: an attack dated only by publication takes the day of the same attacker's same
  // weapon told just before, across a paragraph break ("Following Russia's airstrikes on
  // Sunday, Turkey sent reinforcements. Residents said Russian jets bombed villages.")
  for (const e of events) {
    if (e.type !== 'ASSAULT' || e.date?.basis !== 'publication' || !e.actor || !e.mode) continue;
    for (let i = e.evidence.sentence - 1; i >= Math.max(0, e.evidence.sentence - 2); i--) {
      const w = views[i]!;
      if (!w.cues.some((c) => c.item.mode === e.mode) || !w.entities.some((x) => partOf(e.actor!.id, x.id))) continue;
      const t = w.times.find((x) => x.precision === 'day' && !modifierYear(doc, x) && dateRef(x));
      if (t) { e.date = dateRef(t); imply(e, 'date'); }
      break;
    }
  }
  // places: an action's place from the sentences before, else from the lede, when its own
  // sentence names none or names only the country the lede's place lies in
  // places that can stand for where the article is: not where someone spoke from, not an actor ("Moscow said")
  // (nor a place standing for an actor: "a London-based monitor", "Turkey-backed rebels")
  const located = doc.places.filter((p) => !placeOf(p).speechPlace && !placeOf(p).actorLike &&
    !doc.entities.some((e) => e.id && e.start <= p.start && e.end >= p.end));
  // the country the article is about: where most of its places lie
  const byCountry = new Map<string, number>();
  for (const p of located) byCountry.set(p.country, (byCountry.get(p.country) ?? 0) + 1);
  const focus = [...byCountry.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // a lone town abroad, in a country the article names nowhere else, while its places lie in
  // another: more likely a name misread ("Castello Road in Aleppo" as a town in Spain)
  const stray = (p: PlaceRef) => !!focus && p.precision < 3 && p.country !== focus && (byCountry.get(p.country) ?? 0) <= 1 && (byCountry.get(focus) ?? 0) >= 2;
  const ledeCandidates = located.filter((p) => !stray(p));
  for (const e of events) {
    if (!MATERIAL.has(e.type)) continue;
    // the country the sentence puts the act in ("strikes in Syria", "killed in northern Syria"):
    // a town abroad is not where it happened ("... in Syria, the ministry in Moscow said")
    const v = views[e.evidence.sentence]!;
    // (one country only: "fled from Syria into Turkey" states no one country)
    const countriesIn = doc.places.filter((p) => p.start >= v.start && p.end <= v.end && p.precision === 3 && !p.admin1 &&
      (placeOf(p).relation === 'in' || placeOf(p).relation === 'direction') &&
      !placeOf(p).actorLike && !placeOf(p).speechPlace);
    // (and only the country the article is about: "a group banned in Russia" says nothing of where;
    // or the one a verb of harm puts the toll in: "23 militants were killed Sunday in northern Syria")
    const statedIn = countriesIn.every((p) => p.country === countriesIn[0]!.country) &&
      (countriesIn[0]?.country === focus || (!!countriesIn[0] && HARMED_IN.test(doc.text.slice(Math.max(v.start, countriesIn[0].start - 40), countriesIn[0].start)))) ? countriesIn[0] : undefined;
    if (statedIn && e.place && e.place.country !== statedIn.country && !e.implied?.includes('place')) e.place = refOf(statedIn);
    const countryOnly = e.place && e.place.precision === 3 && !e.place.admin1;
    // (such a stray place is doubtful: the context's place is preferred, kept when there is none)
    const doubtful = !!e.place && stray(e.place);
    if (e.place && !countryOnly && !doubtful) continue;
    // the sentences before (the event's own sentence named no place in the event's clause)
    const back = e.evidence.sentence > 0 ? locateEvent(doc, e.evidence.sentence - 1, { kind: 'action', lookBack: 1 }) : null;
    // a country named in passing ("the border with Iraq") yields to a province or town nearby
    // (never from another clause of the event's own sentence: that place was passed over);
    // a country the act is stated to be in, only to one inside it
    const within = (p: PlaceRef | null) => !statedIn || p?.country === statedIn.country;
    const lede = ledePlace(ledeCandidates, views, e.evidence);
    const inside = statedIn && !within(lede) ? ledePlace(ledeCandidates.filter((p) => p.country === statedIn.country), views, e.evidence) : null;
    const better = [back, lede, inside].find((p) => p && within(p) && (!e.place || (p.precision < 3 || !!p.admin1)) && (!doubtful || p.country === focus));
    if (better) { e.place = better; imply(e, 'place'); }
  }
}

/**
 * When and where words were spoken, from the article before: "Lavrov said on Saturday ...
 * Lavrov told reporters in New York ... He also called on Washington to ...". A statement (or a
 * consultation told in someone's words) whose own sentence dates it only by publication, or
 * places it nowhere, takes the occasion of its speaker: the nearest earlier sentence (up to
 * eight back) where the same speaker is credited with words and a time or place stands outside
 * those words, or where the speaker took part in a meeting ("Putin and Assad met in Moscow.
 * Putin blasted ..."), whose date and place it then shares. `implied` lists what was taken.
 */
function fillOccasions(doc: Doc, views: SentenceView[], events: EventMention[]): void {
  for (const e of events) {
    if (MATERIAL.has(e.type)) continue;
    const v = views[e.evidence.sentence]!;
    const quoted = doc.attributions.find((a) => speakerOf(doc, a) && a.start < v.end && a.end > v.start);
    const who = (quoted && speakerOf(doc, quoted)) ?? e.actor?.id;
    if (!who) continue;
    const wantDate = !e.date || e.date.basis === 'publication';
    const wantPlace = !e.place && STATEMENT.has(e.type);
    if (!wantDate && !wantPlace) continue;
    let date: EventDate | null | undefined, place: PlaceRef | null | undefined;
    for (let i = v.index; i >= Math.max(0, v.index - 8) && (date === undefined || place === undefined); i--) {
      const s = views[i]!;
      if (i < v.index) {
        const met = events.find((m) => MEETING.has(m.type) && m.status === 'occurred' && m.evidence.sentence === i && (m.actor?.id === who || m.recipient?.id === who));
        // a meeting told with a date or a place (not one dated only by publication)
        if (met && (met.date?.basis !== 'publication' || met.place)) { date ??= met.date; place ??= met.place; break; }
      }
      for (const a of doc.attributions) {
        if (speakerOf(doc, a) !== who || a.cue.start < s.start || a.cue.end > s.end) continue;
        const outside = (x: { start: number; end: number }) => x.end <= a.start || x.start >= a.end;
        if (date === undefined && i < v.index) {
          const t = s.times.find((x) => outside(x) && x.precision !== 'duration' && !modifierYear(doc, x) && dateRef(x));
          if (t) date = dateRef(t);
        }
        if (place === undefined) {
          const p = doc.places.find((x) => x.start >= s.start && x.end <= s.end && outside(x) && placeOf(x).speechPlace);
          if (p) place = refOf(p);
        }
      }
    }
    if (wantDate && date !== undefined) { e.date = date; imply(e, 'date', 0); }
    if (wantPlace && place) { e.place = place; imply(e, 'place', 0); }
  }
  // a threat that names no one is aimed at whoever its speaker has just criticised or asked
  // ("Lavrov criticised Western powers ... 'If nothing changes, we will shut down ...'")
  for (const e of events) {
    if (e.type !== 'THREATEN' || e.recipient || !e.actor) continue;
    const prior = events.filter((x) => x !== e && STATEMENT.has(x.type) && x.actor?.id === e.actor!.id && x.recipient &&
      x.evidence.sentence < e.evidence.sentence && e.evidence.sentence - x.evidence.sentence <= 2)
      .sort((a, b) => b.evidence.sentence - a.evidence.sentence)[0];
    if (prior) { e.recipient = { ...prior.recipient! }; imply(e, 'recipient'); }
  }
}

/**
 * Who the article credits, beyond the event's own sentence: a paragraph that ends its report
 * with ", the Kremlin's press service said" credits every event of the paragraph told in the
 * outlet's voice (a readout: "Putin had a telephone conversation with Erdogan. Discussions
 * continued on Idlib, the Kremlin said."). A speaker who is the actor's own side (the actor, or
 * a person speaking for the state that is the actor of a statement or a meeting: "'We are in
 * consultations,' Lavrov said") is not a source: the event is their own act, told in their words.
 */
function fillSources(doc: Doc, views: SentenceView[], events: EventMention[], k: EventKnowledge): void {
  const paragraphOf = (i: number) => {
    let a = i, b = i;
    while (a > 0 && !/\n\s*\n/.test(doc.text.slice(views[a - 1]!.end, views[a]!.start))) a--;
    while (b < views.length - 1 && !/\n\s*\n/.test(doc.text.slice(views[b]!.end, views[b + 1]!.start))) b++;
    return [a, b] as const;
  };
  for (const e of events) {
    if (!e.source) {
      const [a, b] = paragraphOf(e.evidence.sentence);
      // a trailing attribution whose words start at the start of its sentence, in the same paragraph
      const readout = doc.attributions.find((x) => x.speaker?.id && x.cue.start > x.end - 1 &&
        views.slice(a, b + 1).some((w) => w.index !== e.evidence.sentence && Math.abs(x.start - w.start) <= 2 && x.cue.start <= w.end));
      if (readout && !doc.attributions.some((x) => x.start <= e.evidence.start && x.end >= e.evidence.end)) e.source = { id: readout.speaker!.id!, text: readout.speaker!.text };
    }
    if (e.source && e.actor) {
      const own = k.stateOf(e.source.id);
      if (e.source.id === e.actor.id || (!MATERIAL.has(e.type) && !e.actor.id.startsWith('PER.') && own && own === k.stateOf(e.actor.id))) e.source = null;
    }
  }
}


/**
 * Where the article is: the first place of its first five sentences below country level (a
 * town, district or province, in text order: a province named before a town is where the lede
 * puts things first), else the place below country level the article names most,
 * else a country; never one inside `skip` (the event's own sentence).
 */
function ledePlace(located: readonly PlaceMention[], views: SentenceView[], skip: { start: number; end: number }): PlaceRef | null {
  const end = views[Math.min(4, views.length - 1)]?.end ?? Infinity;
  const outside = located.filter((p) => !(p.start >= skip.start && p.end <= skip.end));
  const lede = outside.filter((p) => p.start < end);
  const counts = new Map<string, { p: PlaceMention; n: number }>();
  for (const p of outside) if (p.precision <= 2 || p.admin1) {
    const c = counts.get(p.name) ?? { p, n: 0 };
    c.n++; counts.set(p.name, c);
  }
  const often = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.p;
  const pick = lede.find((p) => p.precision <= 2 || (p.precision === 3 && !!p.admin1)) ?? often ?? lede[0];
  return pick ? refOf(pick) : null;
}

/**
 * One happening told twice in an article (headline, then body): same type, compatible actor
 * and recipient ids (a part fits its whole), modes that agree (or one empty), same status and
 * overlapping dates. The first mention is kept; the later one fills what it lacks (mode, a
 * stated date in place of the publication date, casualties, source, place), and the more
 * specific actor id wins.
 */
const VAGUE = new RegExp(`\\b${alternation(Object.keys(WORDS.vague))}\\b`, 'i');
const vague = (c: Casualties) => VAGUE.test(c.text);

function mergeArticle(doc: Doc, events: EventMention[]): EventMention[] {
  const kept: EventMention[] = [];
  const roleFits = (a: ActorRef | null, b: ActorRef | null) => !a || !b || partOf(a.id, b.id);
  // "The army also deployed troops on the highway": a further act, not the same one retold,
  // when it is stated somewhere else below country level than the first
  const further = (k: EventMention, e: EventMention) =>
    FURTHER_ACT.test(doc.text.slice(e.evidence.start, e.evidence.end)) &&
    !!k.place && !!e.place && !k.implied?.includes('place') && !e.implied?.includes('place') &&
    !!k.place.admin1 && !!e.place.admin1 && k.place.name !== e.place.name;
  for (let e of events) {
    const same = kept.find((k) => !further(k, e) &&
      k.type === e.type && ((roleFits(k.actor, e.actor) && roleFits(k.recipient, e.recipient)) ||
        // a meeting has no direction: "X met Y" and "Y's meeting with X" are one
        (MEETING.has(e.type) && roleFits(k.actor, e.recipient) && roleFits(k.recipient, e.actor))) &&
      (!!k.actor || !!k.recipient) === (!!e.actor || !!e.recipient) &&
      (!k.mode || !e.mode || k.mode === e.mode) && k.status === e.status &&
      (!k.date || !e.date || !(k.date.end < e.date.start || k.date.start > e.date.end) || k.date.basis === 'publication' || e.date.basis === 'publication') &&
      (!k.killed || !e.killed || k.killed.min === e.killed.min || vague(k.killed) || vague(e.killed)));
    if (!same) { kept.push(e); continue; }
    if (!(roleFits(same.actor, e.actor) && roleFits(same.recipient, e.recipient))) e = { ...e, actor: e.recipient, recipient: e.actor };
    if (!same.mode) same.mode = e.mode;
    if (e.actor && (!same.actor || (e.actor.id.length > same.actor.id.length && !e.implied?.includes('actor')))) same.actor = e.actor;
    if (same.actor) delete same.actorCandidates;
    else if (e.actorCandidates) same.actorCandidates ??= e.actorCandidates;
    if (e.recipient && (!same.recipient || e.recipient.id.length > same.recipient.id.length)) same.recipient = e.recipient;
    // a stated date replaces the publication date, and a day inside a stated week replaces the week
    if (e.date && (!same.date || (same.date.basis === 'publication' && e.date.basis !== 'publication') ||
      (e.date.basis !== 'publication' && e.date.start >= same.date.start && e.date.end <= same.date.end && (e.date.start !== same.date.start || e.date.end !== same.date.end)))) same.date = e.date;
    // a stated figure replaces a vague one ("dozens killed" ... "the toll rose to 42")
    if (e.killed && (!same.killed || (vague(same.killed) && !vague(e.killed)))) {
      same.killed = e.killed;
      if (e.source) same.source = e.source; // whoever is credited with the toll is the event's source
    }
    if (e.injured && (!same.injured || (vague(same.injured) && !vague(e.injured)))) same.injured = e.injured;
    // (a later sentence's speaker credits an act retold, or a headline's statement or meeting;
    // not a statement or a meeting told again further down, where someone else comments on it)
    if (MATERIAL.has(same.type) || same.evidence.sentence <= 2) same.source ??= e.source;
    if (!same.place || (same.implied?.includes('place') && e.place && !e.implied?.includes('place'))) {
      same.place = e.place;
      if (same.implied && !e.implied?.includes('place')) same.implied = same.implied.filter((f) => f !== 'place');
    }
    if (same.implied?.length === 0) delete same.implied;
    same.confidence = Math.min(1, Math.max(same.confidence, e.confidence) + 0.05);
  }
  return kept;
}

/**
 * The attacker named only in the headline ("Regime air raids kill 13 civilians" over a body
 * that says "Thirteen civilians were killed in air raids"). The title is not part of the clean
 * text, so the pipeline runs the stages over it on its own (`headline.events`, offsets into
 * `headline.text`). An attack of the body that names no attacker (nor candidates), that is not
 * history, and near which the article does not say the attacker is unknown, takes the actor of
 * a headline attack that tells the same incident: the same toll when both give one (else the
 * same weapon, unless the body's was implied), and no other province. `implied` lists `actor`,
 * the confidence drops by 0.15, and `headline` points to where the title names it.
 */
/** An attack that happened (or is claimed), with a toll or a stated weapon, and no attacker named nor left open: what a headline may complete. */
const lacksAttacker = (e: EventMention): boolean => e.type === 'ASSAULT' && !e.actor && !e.actorCandidates &&
  e.status !== 'background' && e.status !== 'denied' && e.status !== 'planned' &&
  !!(e.killed || e.injured || (e.mode && !e.implied?.includes('mode')));

/** Whether the headline could name an attacker the body lacks: an attack of the body without one, and a headline that tells an attack (cheap: no stage runs). */
export function headlineMayHelp(events: readonly EventMention[], title: string, k: EventKnowledge): boolean {
  return events.some(lacksAttacker) &&
    (matchPhrases(title, k.triggers).some((t) => t.item.type === 'ASSAULT') || matchPhrases(title, k.cues).length > 0);
}

export function actorFromHeadline(doc: Doc, events: EventMention[], headline: { text: string; events: readonly EventMention[] }): EventMention[] {
  const told = headline.events.filter((t) => t.type === 'ASSAULT' && t.actor && !t.implied?.includes('actor') &&
    (t.status === 'occurred' || t.status === 'claimed'));
  if (!told.length) return events;
  const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
  for (const e of events) {
    if (!lacksAttacker(e)) continue;
    const si = e.evidence.sentence;
    if (sentences.some((s, i) => Math.abs(i - si) <= 2 && UNKNOWN_PERPETRATOR.test(s))) continue;
    const t = told.find((t) => t.actor!.id !== e.recipient?.id &&
      (t.killed && e.killed ? t.killed.min === e.killed.min
        : !t.mode || !e.mode || t.mode === e.mode || !!e.implied?.includes('mode')) &&
      (!t.place?.admin1 || !e.place?.admin1 || t.place.admin1 === e.place.admin1));
    if (!t) continue;
    e.actor = { ...t.actor! };
    imply(e, 'actor', 0.15);
    const at = headline.text.indexOf(t.actor!.text, t.evidence.start);
    e.headline = at >= 0 ? { start: at, end: at + t.actor!.text.length, fields: ['actor'] } : { start: t.evidence.start, end: t.evidence.end, fields: ['actor'] };
    e.confidence = Math.round(e.confidence * 100) / 100;
  }
  return events;
}
