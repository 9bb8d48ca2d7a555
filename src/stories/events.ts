// Cross-article event merge: the mentions of one happening in a story's articles become one
// StoryEvent (EVENTS.md, "One story event"). Two mentions are of the same happening when
// the type is equal, the kinds agree (a capture is not a raid, a call not a meeting), the
// actors are compatible (a part fits its whole, a person the sector of their role; either
// order for CONSULT and AGREE), the places are within 50 km or one inside the other, and
// the date ranges overlap (a day's slack for time zones and "overnight"). A field a mention
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
/** Which status a merged event takes: the first of these any mention has. */
const STATUS_ORDER = ['occurred', 'claimed', 'denied', 'planned', 'hypothetical', 'background'] as const;

/**
 * Story events from the mentions; `roles` maps a person id to their role's sector id.
 * Precise mentions (an exact day, a town) are placed first, each vague one then joins the
 * group it fits best, so a vague mention does not decide which precise ones meet.
 */
export function mergeEvents(storyId: string, mentions: readonly Mention[], roles: ReadonlyMap<string, string>): StoryEvent[] {
  const ordered = [...mentions].sort((a, b) => specificity(b.event) - specificity(a.event) ||
    cmp(a.articleDate, b.articleDate) || cmp(a.sourceId, b.sourceId) || a.event.evidence.start - b.event.evidence.start);
  const groups: { mentions: Mention[]; record: EventMention }[] = [];
  for (const m of ordered) {
    let best: (typeof groups)[number] | undefined;
    let bestScore = -1;
    for (const g of groups) {
      const told = g.mentions.map((x) => x.event);
      if (!sameHappening(g.record, m.event, roles, told) || told.some((x) => fewerLater(x, m.event))) continue;
      const score = agreement(g.mentions.map((x) => x.event), m.event);
      if (score > bestScore) [best, bestScore] = [g, score];
    }
    if (!best) groups.push({ mentions: [m], record: m.event });
    else {
      best.mentions.push(m);
      best.record = { ...m.event, ...mergedFields(best.mentions.map((x) => oriented(x.event, best!.mentions[0]!.event, roles))) };
    }
  }
  return groups.map((g) => merged(storyId, g.mentions, roles)).sort(byDate);
}

/** 0..4: how exactly a mention says when and where. */
function specificity(e: EventMention): number {
  const when = !e.date ? 0 : e.date.precision === 'day' ? 2 : e.date.precision === 'year' ? 0 : 1;
  const where = !e.place ? 0 : e.place.precision === 1 ? 2 : e.place.precision === 2 ? 1 : 0;
  return when + where;
}

/**
 * How much a mention positively shares with a group it fits: the same place (within 10 km),
 * day, actors or toll as any of the group's mentions — not only as its merged record, whose
 * toll is the last mention's and whose place or recipient may come from one odd mention.
 */
function agreement(group: readonly EventMention[], b: EventMention): number {
  const any = (f: (a: EventMention) => boolean) => (group.some(f) ? 1 : 0);
  const day = (d: EventDate | null): d is EventDate => d?.precision === 'day';
  return 2 * any((a) => !!a.place && !!b.place && km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= 10) +
    any((a) => day(a.date) && day(b.date) && a.date.start === b.date.start) +
    any((a) => !!a.actor && a.actor.id === b.actor?.id) +
    any((a) => !!a.recipient && a.recipient.id === b.recipient?.id) +
    any((a) => !!a.killed && a.killed.min === b.killed?.min);
}

/**
 * Whether `b` tells the happening `a` tells; `a` may be a group's merged record, `told` the
 * group's mentions (whose tolls may let `b` a day apart in: see `slackDays`).
 */
export function sameHappening(a: EventMention, b: EventMention, roles: ReadonlyMap<string, string>, told: readonly EventMention[] = [a]): boolean {
  if (a.type !== b.type || !modesAgree(a, b)) return false;
  // Outlets that blame different sides for one attack (the same town, the same day) tell one
  // happening: the disagreement belongs in the claims ledger, not in two events.
  if (!actorsAgree(a, b, roles) && !(a.type === 'ASSAULT' && sameSpot(a, b))) return false;
  if (a.place && b.place && !placesAgree(a.place, b.place)) return false;
  if (a.date && b.date && !datesOverlap(a.date, b.date, slackDays(a, b, told))) return false;
  return true;
}

/**
 * Two tolls on two different days (a day's slack apart), the later one lower: a death toll
 * rises as the dead are counted, it does not fall overnight, so the later report with fewer
 * dead is of another attack ("4 killed" on the 20th, "40 killed" on the 19th).
 */
export function fewerLater(a: EventMention, b: EventMention): boolean {
  if (!a.killed || !b.killed || a.date?.precision !== 'day' || b.date?.precision !== 'day' || a.date.start === b.date.start) return false;
  const [early, late] = a.date.start < b.date.start ? [a.killed, b.killed] : [b.killed, a.killed];
  return (late.max ?? late.min) < early.min;
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
function slackDays(a: EventMention, b: EventMention, told: readonly EventMention[]): number {
  if (a.date?.precision !== 'day' || b.date?.precision !== 'day') return 0;
  if (b.killed && told.some((x) => x.killed?.min === b.killed!.min)) return SLACK_DAYS;
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

/** The merged record's fields: the mode most mentions give, the most named actors, the most precise place, the narrowest date. */
function mergedFields(events: readonly EventMention[]): Pick<EventMention, 'mode' | 'actor' | 'recipient' | 'place' | 'date'> {
  return {
    mode: mostCommon(events.map((e) => e.mode).filter((x) => x)) ?? '',
    actor: mostSpecific(events.map((e) => e.actor)),
    recipient: mostSpecific(events.map((e) => e.recipient)),
    place: events.map((e) => e.place).filter((p): p is PlaceRef => !!p).sort((a, b) => a.precision - b.precision)[0] ?? null,
    date: narrowest(events.map((e) => e.date)),
  };
}

function merged(storyId: string, group: Mention[], roles: ReadonlyMap<string, string>): StoryEvent {
  const first = group[0]!;
  const events = group.map((m) => oriented(m.event, first.event, roles));
  const killed = conservative(events.map((e) => e.killed));
  const injured = conservative(events.map((e) => e.injured));
  return {
    id: `${storyId}/${first.sourceId}#${first.event.evidence.start}`,
    type: first.event.type,
    ...mergedFields(events),
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

function mostCommon(xs: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The actor most outlets name, preferring the most specific id (`RUS.MIL` over `RUS`) on a tie. */
function mostSpecific(refs: (ActorRef | null)[]): ActorRef | null {
  const known = refs.filter((r): r is ActorRef => !!r);
  const votes = new Map<string, number>();
  for (const r of known) votes.set(r.id, (votes.get(r.id) ?? 0) + 1);
  const best = [...votes].sort((a, b) => b[1] - a[1] || b[0].split('.').length - a[0].split('.').length || (a[0] < b[0] ? -1 : 1))[0];
  return best ? known.find((r) => r.id === best[0])! : null;
}

/** The narrowest date, as one mention gave it. */
function narrowest(dates: (EventDate | null)[]): EventDate | null {
  const known = dates.filter((d): d is EventDate => !!d);
  return known.sort((a, b) => dayNumber(a.end) - dayNumber(a.start) - (dayNumber(b.end) - dayNumber(b.start)))[0] ?? null;
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
