// Cross-article event merge: the mentions of one happening in a story's articles become one
// StoryEvent (EVENTS.md, "One story event"). Two mentions are of the same happening when
// the type is equal, the kinds agree (a capture is not a raid, a call not a meeting), the
// actors are compatible (a part fits its whole, a person the sector of their role; either
// order for CONSULT and AGREE), the places are within 50 km or one inside the other, and
// the date ranges overlap (a day's slack for time zones and "overnight" between two exact
// days, where the toll or the town says it is one attack). A field a mention
// leaves empty agrees with anything. A mention joins a group when it fits the group's
// merged record — its most named actor, most precise place, narrowest date — so a vague
// mention cannot chain two happenings together, and one odd mention in a group does not
// keep the next outlet's report out.
import type { ActorRef, Casualties, EventDate, EventMention, EventType, PlaceRef, StoryEvent } from '../model/index.js';
import { compatible } from '../model/actors.js';
import { km } from '../analyze/places/index.js';
import { keyOf } from '../analyze/entities/tokens.js';
import { claimsOf } from './claims.js';

/** One event as one article of the story tells it. */
export interface Mention {
  sourceId: string;
  outlet: string | null;
  /** The article's date within the story (its own, or the story's): orders the mentions. */
  articleDate: string | null;
  event: EventMention;
}

const SYMMETRIC: ReadonlySet<EventType> = new Set(['CONSULT', 'AGREE']);
const NEAR_KM = 50;
const SLACK_DAYS = 1;
/** The least toll that, given by two reports of one day, lets their victims differ (`otherVictims`). */
const VICTIMS_TOLL = 2;
/** Which status a merged event takes: the first of these any mention has. */
const STATUS_ORDER = ['occurred', 'claimed', 'denied', 'planned', 'hypothetical', 'background'] as const;

/**
 * Story events from the mentions; `roles` maps a person id to their role's sector id.
 * Precise mentions (an exact day, a town) are placed first, each vague one then joins the
 * group it fits best, so a vague mention does not decide which precise ones meet.
 *
 * Near-linear in the mentions: a mention is tried only against the groups of its type and
 * kind whose records' dates could overlap its own (`Index`), and what it is checked against
 * in a group — its tolls by day, places, days, actors — is kept as the group grows (`Told`),
 * as is the merged record (`Record`), rather than read again off every mention.
 */
export function mergeEvents(storyId: string, mentions: readonly Mention[], roles: ReadonlyMap<string, string>): StoryEvent[] {
  const ordered = [...mentions].sort((a, b) => specificity(b.event) - specificity(a.event) ||
    cmp(a.articleDate, b.articleDate) || cmp(a.sourceId, b.sourceId) || a.event.evidence.start - b.event.evidence.start);
  const groups: Group[] = [];
  const index = new Index();
  for (const m of ordered) {
    let best: Group | undefined;
    let bestScore = -1;
    for (const g of index.candidates(m.event)) {
      if (!sameHappening(g.record, m.event, roles, g.told) || g.told.fewerLater(m.event)) continue;
      const score = g.told.agreement(m.event);
      if (score > bestScore) [best, bestScore] = [g, score];
    }
    if (!best) {
      const g: Group = { order: groups.length, mentions: [m], told: new Told(m.event), fields: new Record(m.event), record: m.event };
      groups.push(g);
      index.add(g);
    } else {
      best.mentions.push(m);
      best.told.add(m.event);
      best.fields.add(oriented(m.event, best.mentions[0]!.event, roles));
      best.record = { ...m.event, ...best.fields.merged() };
      index.add(best);
    }
  }
  return unique(groups.map((g) => merged(storyId, g.mentions, roles)).sort(byDate));
}

/**
 * Story event ids made unique: an id is its story's and its first mention's (article and
 * evidence offset), and one sentence can tell two events (an accusation and the attack it
 * is about); the second and later events of one id, in date order, take `~2`, `~3`, ….
 */
function unique(events: StoryEvent[]): StoryEvent[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const n = (seen.get(e.id) ?? 0) + 1;
    seen.set(e.id, n);
    return n === 1 ? e : { ...e, id: `${e.id}~${n}` };
  });
}

interface Group {
  /** Creation order: of the groups a mention fits equally well, the first made takes it. */
  order: number;
  mentions: Mention[];
  told: Told;
  fields: Record;
  /** What a mention must fit: the last mention with the merged record's fields (`Record`). */
  record: EventMention;
}

/** 0..4: how exactly a mention says when and where. */
function specificity(e: EventMention): number {
  const when = !e.date ? 0 : e.date.precision === 'day' ? 2 : e.date.precision === 'year' ? 0 : 1;
  const where = !e.place ? 0 : e.place.precision === 1 ? 2 : e.place.precision === 2 ? 1 : 0;
  return when + where;
}

/**
 * What a group's mentions (as told, not turned) give, kept as mentions join: their places,
 * exact days, actors, recipients and tolls, and per exact day the highest and lowest toll.
 */
export class Told {
  private readonly places = new Map<string, PlaceRef>();
  private readonly days = new Set<string>();
  private readonly actors = new Set<string>();
  private readonly recipients = new Set<string>();
  private readonly tolls = new Set<number>();
  /** Per exact day with a toll: the highest minimum and the lowest top figure given that day. */
  private readonly tollByDay = new Map<string, { highMin: number; lowTop: number }>();

  constructor(...events: EventMention[]) {
    for (const e of events) this.add(e);
  }

  add(e: EventMention): void {
    if (e.place) this.places.set(`${e.place.lat},${e.place.lon}`, e.place);
    if (e.date?.precision === 'day') this.days.add(e.date.start);
    if (e.actor) this.actors.add(e.actor.id);
    if (e.recipient) this.recipients.add(e.recipient.id);
    if (!e.killed) return;
    this.tolls.add(e.killed.min);
    if (e.date?.precision !== 'day') return;
    const top = e.killed.max ?? e.killed.min;
    const t = this.tollByDay.get(e.date.start);
    this.tollByDay.set(e.date.start, t ? { highMin: Math.max(t.highMin, e.killed.min), lowTop: Math.min(t.lowTop, top) } : { highMin: e.killed.min, lowTop: top });
  }

  /** Whether a mention gives a toll one of the group's mentions gives. */
  sameToll(b: EventMention): boolean {
    return !!b.killed && this.tolls.has(b.killed.min);
  }

  /**
   * Whether the mention and one of the group's give tolls on two different exact days, the
   * later one lower: a death toll rises as the dead are counted, it does not fall overnight,
   * so the later report with fewer dead is of another attack ("4 killed" on the 20th, "40
   * killed" on the 19th).
   */
  fewerLater(b: EventMention): boolean {
    if (!b.killed || b.date?.precision !== 'day') return false;
    const day = b.date.start, min = b.killed.min, top = b.killed.max ?? b.killed.min;
    for (const [d, t] of this.tollByDay) if (d < day ? top < t.highMin : d > day && t.lowTop < min) return true;
    return false;
  }

  /**
   * How much a mention positively shares with the group: the same place (within 10 km), day,
   * actors or toll as any of its mentions — not only as its merged record, whose toll is the
   * last mention's and whose place or recipient may come from one odd mention.
   */
  agreement(b: EventMention): number {
    const near = !!b.place && [...this.places.values()].some((p) => km(p.lat, p.lon, b.place!.lat, b.place!.lon) <= 10);
    return 2 * Number(near) + Number(b.date?.precision === 'day' && this.days.has(b.date.start)) +
      Number(!!b.actor && this.actors.has(b.actor.id)) + Number(!!b.recipient && this.recipients.has(b.recipient.id)) + Number(this.sameToll(b));
  }
}

/**
 * The merged record's fields, kept as mentions (turned to face like the first) join: the mode
 * most mentions give, the most named actors, the most precise place and the narrowest date —
 * the earlier mention's on a tie.
 */
class Record {
  private readonly modes = new Map<string, number>();
  private readonly actors = new Votes();
  private readonly recipients = new Votes();
  private place: PlaceRef | null = null;
  private date: EventDate | null = null;

  constructor(...events: EventMention[]) {
    for (const e of events) this.add(e);
  }

  add(e: EventMention): void {
    if (e.mode) this.modes.set(e.mode, (this.modes.get(e.mode) ?? 0) + 1);
    this.actors.add(e.actor);
    this.recipients.add(e.recipient);
    if (e.place && (!this.place || e.place.precision < this.place.precision)) this.place = e.place;
    if (e.date && (!this.date || span(e.date) < span(this.date))) this.date = e.date;
  }

  merged(): Pick<EventMention, 'mode' | 'actor' | 'recipient' | 'place' | 'date'> {
    let mode = '', most = 0;
    for (const [m, n] of this.modes) if (n > most) [mode, most] = [m, n];
    return { mode, actor: this.actors.best(), recipient: this.recipients.best(), place: this.place, date: this.date };
  }
}

/** Votes for actor ids: the id most mentions name, the more specific (`RUS.MIL` over `RUS`) on a tie, then by id; as first named. */
class Votes {
  private readonly votes = new Map<string, { n: number; ref: ActorRef }>();

  add(r: ActorRef | null): void {
    if (!r) return;
    const v = this.votes.get(r.id);
    if (v) v.n++;
    else this.votes.set(r.id, { n: 1, ref: r });
  }

  best(): ActorRef | null {
    let best: [string, { n: number; ref: ActorRef }] | undefined;
    for (const e of this.votes) if (!best || beats(e, best)) best = e;
    return best ? best[1].ref : null;
  }
}

const depth = (id: string) => id.split('.').length;
const beats = ([a, x]: [string, { n: number }], [b, y]: [string, { n: number }]) =>
  x.n !== y.n ? x.n > y.n : depth(a) !== depth(b) ? depth(a) > depth(b) : a < b;

/** The days a date covers, less one (0 for one day). */
const span = (d: EventDate) => dayNumber(d.end) - dayNumber(d.start);

/**
 * Which groups a mention may fit, by what `sameHappening` asks first: the same type and kind,
 * and (both dated) dates that overlap with at most a day's slack. A group is filed under its
 * record's days and months (a record of up to two months), or its months only (a longer one),
 * or as undated, and filed again when its record changes: an old filing is only one candidate
 * too many, checked and passed over. A dated mention looks up the days (or, a long one, the
 * months) around its own; an undated one (it fits any date) every group of its type and kind.
 */
class Index {
  private readonly kinds = new Map<string, Filed>();

  add(g: Group): void {
    const x = this.filed(g.mentions[0]!.event, true)!;
    if (g.mentions.length === 1) x.all.push(g);
    const range = dayRange(g.record.date);
    if (!range) {
      x.undated.add(g);
      return;
    }
    x.undated.delete(g);
    const [from, to] = range;
    const short = to - from <= SHORT_DAYS;
    if (short) for (let d = from; d <= to; d++) file(x.byDay, d, g);
    for (const mo of months(from, to)) file(short ? x.byMonth : x.longByMonth, mo, g);
  }

  /** The groups of the mention's type and kind its dates may overlap, in the order they were made. */
  candidates(e: EventMention): readonly Group[] {
    const x = this.filed(e, false);
    if (!x) return [];
    const range = dayRange(e.date);
    if (!range) return x.all;
    const found = new Set<Group>(x.undated);
    const [from, to] = [range[0] - SLACK_DAYS, range[1] + SLACK_DAYS];
    const take = (set: Set<Group> | undefined) => set?.forEach((g) => found.add(g));
    if (to - from <= SHORT_DAYS + 2 * SLACK_DAYS) for (let d = from; d <= to; d++) take(x.byDay.get(d));
    else for (const mo of months(from, to)) take(x.byMonth.get(mo));
    for (const mo of months(from, to)) take(x.longByMonth.get(mo));
    return [...found].sort((a, b) => a.order - b.order);
  }

  private filed(e: EventMention, make: boolean): Filed | undefined {
    const k = `${e.type}|${kind(e)}`;
    let x = this.kinds.get(k);
    if (!x && make) this.kinds.set(k, (x = { all: [], undated: new Set(), byDay: new Map(), byMonth: new Map(), longByMonth: new Map() }));
    return x;
  }
}

interface Filed {
  all: Group[];
  undated: Set<Group>;
  byDay: Map<number, Set<Group>>;
  /** Records of up to SHORT_DAYS days, by month (for a long mention); longer records. */
  byMonth: Map<string, Set<Group>>;
  longByMonth: Map<string, Set<Group>>;
}

/** A record of at most this many days (less one) is filed by day as well as by month. */
const SHORT_DAYS = 62;

function file<K>(map: Map<K, Set<Group>>, key: K, g: Group): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(g);
}

/** A date's first and last day numbers; null when there is none (or it cannot be read). */
function dayRange(d: EventDate | null): [number, number] | null {
  if (!d) return null;
  const from = dayNumber(d.start), to = dayNumber(d.end);
  return Number.isFinite(from) && Number.isFinite(to) && from <= to ? [from, to] : null;
}

/** The months (`YYYY-MM`) that days `from` to `to` touch. */
function months(from: number, to: number): string[] {
  const out: string[] = [];
  const last = new Date(to * 86_400_000).toISOString().slice(0, 7);
  for (const d = new Date(from * 86_400_000); ; d.setUTCMonth(d.getUTCMonth() + 1, 1)) {
    const mo = d.toISOString().slice(0, 7);
    out.push(mo);
    if (mo >= last) return out;
  }
}

/**
 * Whether `b` tells the happening `a` tells; `a` may be a group's merged record, `told` what
 * the group's mentions give (whose tolls may let `b` a day apart in: see `slackDays`).
 */
export function sameHappening(a: EventMention, b: EventMention, roles: ReadonlyMap<string, string>, told: Told = new Told(a)): boolean {
  if (a.type !== b.type || !modesAgree(a, b)) return false;
  // Outlets that blame different sides for one attack (the same town, the same day) tell one
  // happening: the disagreement belongs in the claims ledger, not in two events. So do
  // outlets that name the same attacker and the same toll on the same day but not the same
  // victims ("six civilians" and a headline's "Belgian jets" read as the target).
  if (!actorsAgree(a, b, roles) && !(a.type === 'ASSAULT' && (sameSpot(a, b) || otherVictims(a, b, roles, told)))) return false;
  if (a.place && b.place && !placesAgree(a.place, b.place)) return false;
  if (a.date && b.date && !datesOverlap(a.date, b.date, slackDays(a, b, told))) return false;
  return true;
}

/**
 * The kind of happening a mode makes: a phone call is not a meeting, a capture or an
 * abduction not a raid. Other modes are how one attack is told ("strikes", "shelling",
 * "chemical attack" for one bombing), so they do not keep mentions apart.
 */
function kind(e: EventMention): string {
  if (e.type === 'CONSULT') return e.mode === 'call' ? 'call' : 'meeting';
  if (e.type === 'ASSAULT') return e.mode === 'capture' || e.mode === 'abduct' ? e.mode : 'attack';
  return '';
}

const modesAgree = (a: EventMention, b: EventMention) => kind(a) === kind(b);

const fits = (x: ActorRef | null, y: ActorRef | null, roles: ReadonlyMap<string, string>) => !x || !y || compatible(x.id, y.id, roles);

/** A state's government as an attacker is its armed forces: `SYR.GOV` -> `SYR.MIL`. */
function forces(x: ActorRef | null): ActorRef | null {
  const state = x && /^([A-Z]{3})\.GOV$/.exec(x.id);
  return state ? { ...x!, id: `${state[1]}.MIL` } : x;
}

function actorsAgree(a: EventMention, b: EventMention, roles: ReadonlyMap<string, string>): boolean {
  if (fits(a.actor, b.actor, roles) && fits(a.recipient, b.recipient, roles)) return true;
  // Who attacked, as outlets name it: "the regime" (its government) and "regime warplanes"
  // (its military) are one attacker.
  if (a.type === 'ASSAULT' && fits(forces(a.actor), forces(b.actor), roles) && fits(a.recipient, b.recipient, roles)) return true;
  return SYMMETRIC.has(a.type) && fits(a.actor, b.recipient, roles) && fits(a.recipient, b.actor, roles);
}

/** The same town or site (within 10 km, both located to a town or district) on the same day. */
function sameSpot(a: EventMention, b: EventMention): boolean {
  if (!a.place || !b.place || a.place.precision === 3 || b.place.precision === 3) return false;
  if (!a.date || !b.date || a.date.precision !== 'day' || b.date.precision !== 'day' || a.date.start !== b.date.start) return false;
  return oneSpot(a.place, b.place);
}

/**
 * Reports of one attack that differ only in whom it hit: the attackers fit, both give the
 * same exact day, and the mention gives a toll of at least `VICTIMS_TOLL` that one of the
 * group's mentions gives (places are checked apart). A single death is too common a figure
 * to say that two reports are of one attack.
 */
function otherVictims(a: EventMention, b: EventMention, roles: ReadonlyMap<string, string>, told: Told): boolean {
  if (a.date?.precision !== 'day' || b.date?.precision !== 'day' || a.date.start !== b.date.start) return false;
  if (!b.killed || b.killed.min < VICTIMS_TOLL || !told.sameToll(b)) return false;
  return fits(forces(a.actor), forces(b.actor), roles);
}

/** The same place (its gazetteer id) or within 10 km. */
const oneSpot = (a: PlaceRef, b: PlaceRef) => a.geonameid !== undefined && a.geonameid === b.geonameid || km(a.lat, a.lon, b.lat, b.lon) <= 10;

/** Within 50 km, or one inside the other (a town in its province or country). */
export function placesAgree(a: PlaceRef, b: PlaceRef): boolean {
  if (a.geonameid !== undefined && a.geonameid === b.geonameid) return true;
  if (km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM) return true;
  const [wide, narrow] = a.precision >= b.precision ? [a, b] : [b, a];
  if (wide.country !== narrow.country) return false;
  // A country holds every place in it; a province only the places whose admin1 it is.
  if (wide.precision === 3) return narrow.precision !== 3 && (!wide.admin1 || wide.admin1 === narrow.admin1);
  // A provincial seat named like its province may be the province ("Syria's Idlib", "east
  // of Aleppo"): it holds the places of that province.
  return !!a.admin1 && a.admin1 === b.admin1 && (namesProvince(a) || namesProvince(b));
}

/** A town whose name is its province's: Idlib in Idlib, Ar Raqqah in Raqqa, Ḩamāh in Hama. */
function namesProvince(p: PlaceRef): boolean {
  return p.precision === 1 && !!p.admin1 && bareName(p.name) === bareName(p.admin1);
}

/** A name without accents, article ("Al-", "Ar "), punctuation, doubled letters or a final h. */
const bareName = (name: string): string =>
  keyOf(name).replace(/^(?:a[lrdnstz]|el)[\s-]+/, '').replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1').replace(/h$/, '');

/**
 * The day's slack (time zones, "overnight", a report dated by its day) is for two exact days:
 * a week or a month already holds the doubt, and stretching it joins the next happening. And
 * only where more than the day says it is one happening: the same toll (as any of the group's
 * mentions gives it), or one town or village (both told to a town within 10 km, not a
 * provincial seat): a city under daily bombardment is struck again the next day, so
 * yesterday's raids on Aleppo with 19 dead and today's with 31 are two attacks.
 */
function slackDays(a: EventMention, b: EventMention, told: Told): number {
  if (a.date?.precision !== 'day' || b.date?.precision !== 'day') return 0;
  if (told.sameToll(b)) return SLACK_DAYS;
  return oneTown(a.place, b.place) ? SLACK_DAYS : 0;
}

/** Two places told to a town or village, within 10 km, neither a provincial seat (a city). */
function oneTown(a: PlaceRef | null, b: PlaceRef | null): boolean {
  return !!a && !!b && a.precision === 1 && b.precision === 1 && !namesProvince(a) && !namesProvince(b) && oneSpot(a, b);
}

export function datesOverlap(a: EventDate, b: EventDate, slackDays = 0): boolean {
  return dayNumber(a.start) <= dayNumber(b.end) + slackDays && dayNumber(b.start) <= dayNumber(a.end) + slackDays;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
const byDate = (a: StoryEvent, b: StoryEvent) => cmp(a.date?.start ?? null, b.date?.start ?? null) || cmp(a.date?.end ?? null, b.date?.end ?? null) || cmp(a.id, b.id);

function merged(storyId: string, group: Mention[], roles: ReadonlyMap<string, string>): StoryEvent {
  const first = group[0]!;
  const events = group.map((m) => oriented(m.event, first.event, roles));
  const killed = conservative(events.map((e) => e.killed));
  const injured = conservative(events.map((e) => e.injured));
  return {
    id: `${storyId}/${first.sourceId}#${first.event.evidence.start}`,
    type: first.event.type,
    ...new Record(...events).merged(),
    status: STATUS_ORDER.find((s) => events.some((e) => e.status === s)) ?? first.event.status,
    killed: killed?.headline ?? null,
    injured: injured?.headline ?? null,
    ...(killed?.range ? { killedRange: killed.range } : {}),
    ...(injured?.range ? { injuredRange: injured.range } : {}),
    mentions: group.map((m) => ({ sourceId: m.sourceId, outlet: m.outlet, event: m.event })),
    claims: claimsOf(group.map((m, i) => ({ ...m, event: events[i]! })), roles),
  };
}

/** A CONSULT or AGREE mention told the other way round, turned to face like the first mention. */
function oriented(e: EventMention, like: EventMention, roles: ReadonlyMap<string, string>): EventMention {
  if (!SYMMETRIC.has(e.type)) return e;
  const same = (x: ActorRef | null, y: ActorRef | null) => (x && y && compatible(x.id, y.id, roles) ? 1 : 0);
  const direct = same(e.actor, like.actor) + same(e.recipient, like.recipient);
  const swapped = same(e.actor, like.recipient) + same(e.recipient, like.actor);
  return swapped > direct ? { ...e, actor: e.recipient, recipient: e.actor } : e;
}

/**
 * The most conservative figure (lowest minimum: the ACLED rule) as the headline, and the
 * range of every figure given beside it when they differ.
 */
function conservative(figures: (Casualties | null)[]): { headline: Casualties; range: { min: number; max: number } | null } | null {
  const known = figures.filter((c): c is Casualties => !!c);
  if (!known.length) return null;
  const headline = [...known].sort((a, b) => a.min - b.min)[0]!;
  const min = headline.min;
  const max = Math.max(...known.map((c) => c.max ?? c.min));
  return { headline, range: known.some((c) => c.min !== min || c.max !== headline.max) ? { min, max } : null };
}
