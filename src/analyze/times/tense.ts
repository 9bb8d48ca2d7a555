// Tense: does the verb that governs a time expression speak of the past or the future?
// News writes "said on Saturday" and "bombed on Sunday" for days gone by, and "will hold
// talks on Sept. 29", "are due to meet on Wednesday" for days to come; the weekday or
// month-day alone is ambiguous. The nearest tense cue in the same sentence decides (cues
// to the left count a little more: English puts the auxiliary before the date).

export type Tense = 'past' | 'future' | 'none';

const FUTURE_WORDS = new Set([
  'will', "'ll", 'shall', 'upcoming', 'forthcoming', 'planned', 'scheduled', 'expected', 'due', 'set',
  'plans', 'plan', 'planning', 'effective', 'intends', 'aims', 'going', 'would', 'soon', 'preparing', 'next', 'tomorrow', 'awaiting', 'await', 'ahead',
]);
// Irregular past forms frequent in news; regular ones end in -ed.
const PAST_WORDS = new Set([
  'said', 'told', 'was', 'were', 'had', 'did', 'met', 'held', 'took', 'made', 'went', 'came', 'began',
  'fought', 'hit', 'struck', 'gave', 'saw', 'left', 'fell', 'rose', 'won', 'lost', 'shot', 'sent', 'led',
  'spoke', 'wrote', 'brought', 'bought', 'sold', 'paid', 'put', 'set off', 'ran', 'flew', 'drove', 'threw',
  'became', 'broke', 'caught', 'chose', 'felt', 'found', 'forgot', 'got', 'heard', 'kept', 'knew', 'laid',
  'meant', 'overran', 'quit', 'read', 'rang', 'sank', 'sat', 'slid', 'stood', 'stole', 'swept', 'taught',
  'thought', 'understood', 'withdrew', 'wound', 'ago', 'last', 'yesterday', 'earlier', 'since', 'agreed',
]);
const NOT_PAST_ED = new Set(['need', 'speed', 'feed', 'seed', 'red', 'bed', 'hundred', 'shed', 'bled', 'united', 'armed', 'based', 'led']);

const WORD = /[A-Za-z']+/g;
const DEADLINE = new Set(['by', 'until', 'till', 'through']);
/** A deadline leans to the future but may have passed ("ordered to leave by Jan. 14"): a weak cue. */
const DEADLINE_DISTANCE = 3;
const ADJECTIVE_BEFORE = new Set(['a', 'an', 'the', 'still', 'newly', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'so-called', 'as']);

/** Words of a plan: after "had been", a schedule overtaken. */
const PROSPECTIVE = new Set(['planning', 'going', 'due', 'set', 'scheduled', 'expected', 'preparing']);
/** After "was"/"were", words that keep the plan ahead ("was due to", not "was set on fire"). */
const PLANNED_AHEAD = new Set(['planning', 'preparing', 'due', 'scheduled']);

function cueOf(word: string, next: string | undefined, previous?: string, beforePrevious?: string): Tense {
  const w = word.toLowerCase();
  // "had been due to expire Friday", "had been scheduled for Monday": a schedule that has
  // been overtaken, for a day already gone.
  if (PROSPECTIVE.has(w) && previous?.toLowerCase() === 'been' && beforePrevious?.toLowerCase() === 'had') return 'past';
  if (w === 'set' || w === 'due' || w === 'expected' || w === 'scheduled' || w === 'going' || w === 'plans' || w === 'plan' || w === 'aims' || w === 'intends') {
    return next?.toLowerCase() === 'to' || w === 'scheduled' ? 'future' : w === 'expected' ? 'future' : 'none';
  }
  if ((w === 'is' || w === 'are' || w === 'was') && next?.toLowerCase() === 'to') return 'future';
  // "were planning to", "was due to": a plan, told in the past, for a time to come.
  if ((w === 'was' || w === 'were') && PLANNED_AHEAD.has(next?.toLowerCase() ?? '')) return 'none';
  if (w === 'next' && next?.toLowerCase() === 'to') return 'none'; // "next to the town"
  if (FUTURE_WORDS.has(w)) return 'future';
  if (PAST_WORDS.has(w)) return 'past';
  // A regular past form, unless it is an adjective ("a still unspecified date", "the agreed zone").
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && !ADJECTIVE_BEFORE.has((previous ?? '').toLowerCase())) return 'past';
  return 'none';
}

/**
 * The tense around the span [start, end) of `sentence` (offsets into the sentence).
 * The nearest cue wins; a cue on the left at distance d weighs like one on the right at 2 d.
 */
export function tenseAt(sentence: string, start: number, end: number): Tense {
  return tenseCue(sentence, start, end).tense;
}

/** The tense and how close its cue stands (in words, right-hand cues counted double). */
export function tenseCue(sentence: string, start: number, end: number): { tense: Tense; distance: number } {
  // "Wednesday's ruling", "Sunday's attack": a possessive day names something that happened.
  if (/^['’]s\b/.test(sentence.slice(end, end + 3))) return { tense: 'past', distance: 0 };
  const words: { w: string; at: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) words.push({ w: m[0], at: m.index });
  let best: Tense = 'none';
  let bestCost = Infinity;
  let leftIndex = -1;
  let rightIndex = words.length;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.at < start) leftIndex = i;
    else if (words[i]!.at >= end && rightIndex === words.length) rightIndex = i;
  }
  // A deadline: "by February", "until Tuesday", "through January".
  const before = words[leftIndex]?.w.toLowerCase();
  // "extended to Nov. 20", "postponed to Monday": the new date lies ahead.
  if (before === 'to' && /^(?:extended|postponed|delayed|pushed|moved|adjourned|rescheduled|deferred)$/i.test(words[leftIndex - 1]?.w ?? '')) return { tense: 'future', distance: DEADLINE_DISTANCE };
  if (before && DEADLINE.has(before) && leftIndex >= 0 && !/\b(?:had|was|were|been)\b/i.test(sentence.slice(0, start))) return { tense: 'future', distance: DEADLINE_DISTANCE };
  for (let i = leftIndex, d = 1; i >= 0 && d <= 10; i--, d++) {
    let cue = cueOf(words[i]!.w, words[i + 1]?.w, words[i - 1]?.w, words[i - 2]?.w);
    // A passive: "would be paid in January" takes the tense of what stands before "be".
    if (cue === 'past' && /^(?:be|been|being)$/i.test(words[i - 1]?.w ?? '')) {
      const aux = (words[i - 2]?.w ?? '').toLowerCase();
      cue = FUTURE_WORDS.has(aux) || aux === 'to' ? 'future' : cue;
      if (cue === 'future') {
        if (d < bestCost) { best = cue; bestCost = d; }
        break;
      }
    }
    if (cue !== 'none') {
      if (d < bestCost) { best = cue; bestCost = d; }
      break;
    }
  }
  for (let i = rightIndex, d = 1; i < words.length && d <= 8; i++, d++) {
    const cue = cueOf(words[i]!.w, words[i + 1]?.w, words[i - 1]?.w, words[i - 2]?.w);
    if (cue !== 'none') {
      if (d * 2 < bestCost) { best = cue; bestCost = d * 2; }
      break;
    }
  }
  return { tense: best, distance: bestCost };
}
