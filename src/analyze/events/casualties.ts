// Killed and injured in one sentence: "killing three people", "at least seven pro-Turkey
// fighters were killed", "the death toll rose to 86", "a bomb blast kills six". Other numbers
// (troops deployed, people displaced, years, dates) are never counted.
import type { Casualties } from '../../model/index.js';
import { MONTH_PREFIX } from '../times/names.js';
import { alternation, WORDS, words } from './lexicon.js';

/** Number words, and vague quantities at their conservative minimum (data/events/words.json; EVENTS.md: "dozens" is min 24, max null). */
const UNITS: Record<string, number> = WORDS.numbers;
const VAGUE: Record<string, number> = WORDS.vague;
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const NUM = `(?:\\d[\\d,]*(?:\\.\\d+)?|(?:${TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)|a\\s+dozen|a\\s+hundred|${Object.keys(UNITS).filter((w) => w.length > 2).join('|')}|${Object.keys(VAGUE).join('|')}|a|an)`;
const VICTIM = words('victims');
/** Up to four modifier words before the victim noun; never a number, a month or a verb of harm. */
const NUMBER_WORD = `(?:${Object.keys(UNITS).filter((w) => w.length > 2).join('|')}|${Object.keys(VAGUE).join('|')})`;
const MODS = `(?:(?!${MONTH_PREFIX}\\b)(?!${NUMBER_WORD}\\b)(?!${words('notModifiers')}\\b)[A-Za-z][\\w'’-]*\\s+){0,4}?`;
// "70 regime and rebel fighters": two sets of modifiers joined by "and" before one noun
// ("one mother and her child" is two people, not one set of modifiers)
const WHO = `((?!(?:a|an)\\s)${MODS}(?:and\\s+(?!${words('notSecondModifiers')}\\b)${MODS})?${VICTIM})`;
const QUAL = `(${alternation(Object.values(WORDS.qualifiers).flat())})?\\s*`;
const AT_LEAST = new Set(WORDS.qualifiers.atLeast), UP_TO = new Set(WORDS.qualifiers.upTo);

/** Between a toll's victims and its verb: "were", "have been", "reportedly" (up to three). */
const AUX = words('tollAuxiliaries');

const VERB = { killed: words('killedVerbs'), injured: words('injuredVerbs') };

function value(n: string): number | null {
  const w = n.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'a dozen') return 12;
  if (w === 'a hundred') return 100;
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(w);
  if (compound && UNITS[compound[1]!] && UNITS[compound[2]!]) return UNITS[compound[1]!]! + UNITS[compound[2]!]!;
  if (w in UNITS) return UNITS[w]!;
  const v = Number(w.replace(/,/g, '').replace(/\.$/, ''));
  return Number.isInteger(v) ? v : null;
}

function count(qual: string | undefined, n: string): { min: number; max: number | null } | null {
  const vague = VAGUE[n.toLowerCase()];
  if (vague !== undefined) return { min: vague, max: null };
  const v = value(n);
  if (v === null || v > 1_000_000 || v < 1) return null;
  if (v >= 1900 && v <= 2100 && /^\d{4}$/.test(n)) return null; // a year
  const q = (qual ?? '').toLowerCase().replace(/\s+/g, ' ');
  // "more than 30" is recorded as 30, the figure stated, as ACLED and casualty monitors do
  if (AT_LEAST.has(q)) return { min: v, max: null };
  if (UP_TO.has(q)) return { min: 0, max: v };
  return { min: v, max: v };
}

/** The kinds of victim in the order they are tried, each with the words (parts of words) that name it. */
const KINDS = Object.entries(WORDS.victimKinds).map(([kind, ws]) => ({ kind: kind as Casualties['who'], re: new RegExp(alternation(ws), 'i') }));

function whoOf(s: string): Casualties['who'] {
  return KINDS.find((k) => k.re.test(s))?.kind ?? 'people';
}

export interface CasualtySpan extends Casualties { start: number; end: number }

/**
 * A toll pattern, with words one of which its matches always hold (`needs`, lower case): a
 * sentence without any is not searched with it.
 */
interface Pattern { re: RegExp; needs?: readonly string[] }

function patterns(what: 'killed' | 'injured'): Pattern[] {
  const verb = VERB[what];
  const other = VERB[what === 'killed' ? 'injured' : 'killed'];
  return [
    // "ten children were among at least 48 people killed", "four children are among the 28 dead": the whole toll
    { re: new RegExp(`\\bamong\\s+(?:the\\s+)?${QUAL}(${NUM})(?:\\s+${WHO})?\\s+(?:(?:who\\s+)?(?:were|was|have|had|been)\\s+){0,2}${verb}`, 'gi'), needs: ['among'] },
    // "killed at least seven fighters", "the killing of five fighters", "kills six"
    { re: new RegExp(`\\b${verb}\\s+(?:of\\s+)?${QUAL}(${NUM})(?:\\s+of)?(?:\\s+${WHO})?(?![\\w-])`, 'gi') },
    // "seven fighters were killed", "30 dead", "three civilians died"
    { re: new RegExp(`\\b${QUAL}(${NUM})(?:\\s+of)?\\s+${WHO}\\s+(?:${AUX}\\s+){0,3}${verb}`, 'gi') },
    // "12 civilians, including children, were injured" (not across the other verb: "9 killed 12 injured")
    { re: new RegExp(`\\b${QUAL}(${NUM})(?:\\s+of)?\\s+${WHO}\\b(?:(?!\\b${other}\\b)[^.;]){0,60}?\\b${verb}`, 'gi') },
    // headline style, "Seven dead, 20 wounded", "9 killed 12 injured": a bare figure and the verb
    // (also right after a headline's dateline: "01-08-2016 5 killed as ...")
    { re: new RegExp(`(?:^|[,;:]\\s*|\\band\\s+|\\b(?:dead|killed|wounded|injured)\\s+|\\b(?:19|20)\\d\\d\\s+)${QUAL}(${NUM})\\s+${what === 'killed' ? '(?:dead|killed)' : '(?:wounded|injured)'}\\b`, 'gi'), needs: what === 'killed' ? ['dead', 'killed'] : ['wounded', 'injured'] },
    // "the death toll rose to 86", "putting the death toll at at least 70"
    ...(what === 'killed' ? [
      // "claiming the lives of 40 people", "raids claimed 17 lives", "blasts claim 4 martyrs"
      { re: new RegExp(`\\bclaim(?:s|ed|ing)?\\s+the\\s+lives\\s+of\\s+${QUAL}(${NUM})(?:\\s+${WHO})?(?![\\w-])`, 'gi'), needs: ['claim'] },
      { re: new RegExp(`\\bclaim(?:s|ed|ing)?\\s+${QUAL}(${NUM})(?:\\s+${WHO}(?![\\w-])|\\s+lives\\b)`, 'gi'), needs: ['claim'] },
      // "a family of six killed in a gas attack", "a family of five died"
      { re: new RegExp(`\\bfamily\\s+of\\s+${QUAL}(${NUM})\\s+(?:(?:were|was|have|has|had|been|all|reportedly)\\s+){0,3}${VERB.killed}`, 'gi'), needs: ['family'] },
      // "a bomb attack ... leaving 5 martyrs" (and "left 3 soldiers dead": the loose reading above)
      { re: new RegExp(`\\b(?:leaving|left|leaves)\\s+${QUAL}(${NUM})\\s+(martyrs?)(?![\\w-])`, 'gi'), needs: ['martyr'] },
      { re: new RegExp(`\\bdeath\\s+toll\\s+(?:\\w+\\s+){0,3}?(?:to|at|of|reached|hit|is|was|stood\\s+at)\\s+(?!(?:a|an)\\s)${QUAL}(${NUM})(?:\\s+${WHO})?(?![\\w-])`, 'gi'), needs: ['death'] },
      // "the death toll from the rocket attacks on the neighbourhood rose to 8 civilians"
      { re: new RegExp(`\\bdeath\\s+toll\\b[^.;]{0,120}?\\b${words('tollRose')}\\s+(?:to\\s+|at\\s+)?${QUAL}(${NUM})(?:\\s+${WHO})?(?![\\w-])`, 'gi'), needs: ['death'] },
    ] : [
      // "35 cases of suffocation", "dozens of cases of choking" (a gas attack's injured)
      { re: new RegExp(`\\b${QUAL}(${NUM})\\s+(?:of\\s+)?cases\\s+of\\s+${words('gasInjuries')}\\b`, 'gi'), needs: ['cases'] },
    ]),
  ];
}
/** A month right after a figure: the figure is part of a date ("9 Aug 2016", "on 12 March"). */
const MONTH_NEXT = new RegExp(`^\\s+${MONTH_PREFIX}\\b`, 'i');
/** The index in patterns() of the figure a few words before its verb, the loosest reading. */
const LOOSE = 3;
/** Compiled once: the toll patterns, and a cheap test that a sentence names killing or wounding at all. */
const PATTERNS = { killed: patterns('killed'), injured: patterns('injured') };
/** For a figure right after its verb and right before the other verb ("killed 58 others injured"). */
const HEADLINE_PAIR = {
  killed: { otherVerbNext: new RegExp(`^\\s+(?:were\\s+|others?\\s+)?${VERB.injured}`, 'i'), verbFirst: new RegExp(`${VERB.killed}\\s+(?:of\\s+)?${QUAL}$`, 'i') },
  injured: { otherVerbNext: new RegExp(`^\\s+(?:were\\s+|others?\\s+)?${VERB.killed}`, 'i'), verbFirst: new RegExp(`${VERB.injured}\\s+(?:of\\s+)?${QUAL}$`, 'i') },
};
/** Two figures of victims joined by "and" before one verb ("30 soldiers and 39 rebels were killed"). */
const PAIRS = Object.fromEntries((['killed', 'injured'] as const).map((what) => [what,
  new RegExp(`\\b${QUAL}(${NUM})\\s+${WHO},?\\s+and\\s+(${NUM})\\s+${WHO}\\s+(?:${AUX}\\s+){0,3}${VERB[what]}`, 'gi')])) as Record<'killed' | 'injured', RegExp>;
const ANY_VERB = { killed: new RegExp(`\\b(?:${VERB.killed}|death\\s+toll|claim(?:s|ed|ing)?\\s|martyrs?\\b)`, 'i'), injured: new RegExp(`\\b(?:${VERB.injured}|cases\\s+of)`, 'i') };

/** Words that introduce a part of a toll already counted: "including three children", "among them two women",
 *  "including a woman and two children" (a list of parts, each a figure and its noun). */
const INCLUDED = new RegExp(`\\b${words('partOfToll')}\\s+(?:[\\w'’-]+\\s+[\\w'’-]+(?:\\s*,\\s*|\\s+and\\s+))*$`, 'i');

/** Every killed (or injured) figure in `s`, with its offsets in `s`, in text order. */
export function findCasualties(s: string, what: 'killed' | 'injured'): CasualtySpan[] {
  if (!ANY_VERB[what].test(s)) return [];
  const pats = PATTERNS[what];
  const found: (CasualtySpan & { rank: number })[] = [];
  const lower = s.toLowerCase();
  for (const [rank, { re, needs }] of pats.entries()) {
    // (the expressions are case-insensitive: whatever they match, lower-cased, holds the word)
    if (needs && !needs.some((w) => lower.includes(w))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const [qual, n, who] = [m[1], m[2]!, m[3]];
      if (!who && /^(a|an)$/i.test(n)) continue; // "killed a ..." without a victim noun
      const c = count(qual, n);
      if (!c) continue;
      // a count that is part of a date ("9 Aug 2016", "on 12 March") is not a toll
      const at = m.index + m[0].indexOf(n, qual ? m[0].indexOf(qual) + qual.length : 0);
      if (MONTH_NEXT.test(s.slice(at + n.length)) && !who) continue;
      const start = m.index, end = m.index + m[0].length;
      // headline style, "8 persons killed 58 others injured": the figure after one verb is the other's
      if (HEADLINE_PAIR[what].otherVerbNext.test(s.slice(end)) && HEADLINE_PAIR[what].verbFirst.test(s.slice(start, at))) continue;
      // a part of a toll already counted: "including three children", "among them two women"
      if (INCLUDED.test(s.slice(Math.max(0, at - 60), at)) && !/^among\b/i.test(m[0])) continue;
      // "a woman and her child": one victim named in the singular, then others: not a count
      if (who && !/(?:s|men|people|police|personnel|troops|children)$/i.test(who) && /^\s+and\s+(?!\w+\s+(?:injur|wound))(?:her|his|their|its|a|an|the|other|several|\d+|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(s.slice(at + n.length).replace(/^\s+/, ' ').slice(who.length + 1))) continue;
      const text = `${qual ? qual + ' ' : ''}${n}${who ? ' ' + who : ''}`.replace(/\s+/g, ' ').trim();
      // "the death toll surpassed 100", "exceeded 100": more than the figure, no upper bound
      if (/\b(?:surpass|exceed)\w*\s+(?:\w+\s+)?$/i.test(s.slice(Math.max(0, at - 30), at))) c.max = null;
      found.push({ ...c, who: whoOf(who ?? ''), text, start, end, rank: rank === 0 ? 0 : rank === LOOSE ? 2 : 1 });
    }
  }
  // Overlapping readings: "among the 28 dead" first, then a figure next to its verb, then one
  // a few words from it ("12 civilians, including children, were injured"); among equals, the
  // figure stated first.
  // "120 extremists and 60 mercenaries were killed": two figures joined by "and" before one verb are one toll, their sum
  // ("at least 30 soldiers and 39 rebels": at least 69; a vague figure is not added up)
  const pair = PAIRS[what];
  pair.lastIndex = 0;
  for (let m = pair.exec(s); m; m = pair.exec(s)) {
    const a = count(m[1], m[2]!), b = count(undefined, m[4]!);
    if (!a || !b || a.max === null && !m[1] || VAGUE[m[4]!.toLowerCase()] !== undefined) continue;
    // (a part of a toll already counted: "6 civilians including a woman and two children")
    const from = m.index + m[0].search(/\S/);
    if (INCLUDED.test(s.slice(Math.max(0, from - 60), from))) continue;
    const text = m[0].replace(new RegExp(`\\s+(?:${AUX}\\s+){0,3}${VERB[what]}$`, 'i'), '').replace(/\s+/g, ' ').trim();
    found.push({ min: a.min + b.min, max: a.max === null || b.max === null ? null : a.max + b.max, who: whoOf(`${m[3]} ${m[5]}`), text, start: m.index, end: m.index + m[0].length, rank: -1 });
  }
  found.sort((a, b) => a.rank - b.rank || a.start - b.start);
  const out: CasualtySpan[] = [];
  for (const { rank: _r, ...f } of found) if (!out.some((o) => f.start < o.end && f.end > o.start)) out.push(f);
  return out.sort((a, b) => a.start - b.start);
}

/** The first killed (or injured) figure of a sentence, or null. */
export function parseCasualties(s: string, what: 'killed' | 'injured'): Casualties | null {
  const first = findCasualties(s, what)[0];
  if (!first) return null;
  const { start: _s, end: _e, ...c } = first;
  return c;
}
