// The word-list files of the events stage (data/events/words.json, data/events/status.json):
// the loader's checks, and the rules built from the lists, on short sentences written here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityMention } from '../../model/index.js';
import { splitSentences } from '../sentences/index.js';
import { docOf } from '../types.js';
import { findCasualties, findEvents, loadEventKnowledge } from './index.js';
import { checkWordLists, parseWordLists, readWordLists, wordLists, WORDS } from './lexicon.js';

const k = loadEventKnowledge();

function doc(text: string, actors: [string, string][]) {
  const entities: EntityMention[] = actors.map(([w, id]) => {
    const start = text.indexOf(w);
    assert.ok(start >= 0, w);
    return { start, end: start + w.length, text: w, type: 'group' as const, id };
  }).sort((a, b) => a.start - b.start);
  return docOf(text, { sentences: splitSentences(text), entities, times: [], attributions: [], published: '2022-03-10' });
}
const events = (text: string, actors: [string, string][] = [['Russian jets', 'RUS.MIL'], ['rebels', 'SYR.REB']]) => findEvents(doc(text, actors), k);

test('word-list files: a malformed file is an error that names it and what is wrong', () => {
  const file = 'data/events/example.json';
  const fails = (raw: unknown, what: RegExp) => assert.throws(() => checkWordLists(raw, file), (e: Error) => e.message.startsWith(`${file}: `) && what.test(e.message));
  fails([], /not a JSON object/);
  fails({ lists: {} }, /no "_source"/);
  fails({ _source: ' ', lists: {} }, /no "_source"/);
  fails({ _source: 'MIT' }, /no "lists" object/);
  fails({ _source: 'MIT', lists: { negators: { words: [] } } }, /list "negators" has no "words"/);
  fails({ _source: 'MIT', lists: { negators: ['not'] } }, /list "negators" has no "words"/);
  fails({ _source: 'MIT', lists: { negators: { words: ['not', 3] } } }, /list "negators" holds 3, not a word/);
  fails({ _source: 'MIT', lists: { negators: { words: ['not', ''] } } }, /list "negators" holds "", not a word/);
  fails({ _source: 'MIT', lists: { negators: { words: ['did not', 'Did  not'] } } }, /list "negators" holds "did not" twice/);
  assert.throws(() => parseWordLists('{"_source": "MIT", "lists": {', file), (e: Error) => e.message.startsWith(`${file}: not valid JSON`));
  const ok = parseWordLists('{"_source": "MIT", "lists": {"negators": {"_note": "n", "words": ["not", "did not"]}}}', file);
  assert.deepEqual(ok.lists['negators']?.words, ['not', 'did not']);
});

test('word-list files: a list the file lacks is an error naming the file; a list is one alternation, longest first', () => {
  const list = wordLists(parseWordLists('{"_source": "MIT", "lists": {"a": {"words": ["not", "did not"]}}}', 'data/events/x.json'), 'data/events/x.json');
  assert.equal(list('a'), '(?:did\\s+not|not)');
  assert.throws(() => list('b'), /data\/events\/x\.json has no list "b"/);
  assert.throws(() => list('constructor'), /has no list "constructor"/);
});

test('word-list files: the stage\'s own files pass the checks and carry their source', () => {
  for (const [name, lists] of [['words.json', WORDS], ['status.json', readWordLists('status.json')]] as const) {
    assert.match(lists._source, /MIT/, name);
    assert.ok(Object.keys(lists.lists).length > 0, name);
  }
});

const talks = (text: string) => events(text, [['Russia', 'RUS'], ['Turkey', 'TUR']]).filter((e) => e.type === 'CONSULT').map((e) => e.status);

test('status cues from data/events/status.json: each denial, condition and claim word sets the status', () => {
  const status = readWordLists('status.json').lists;
  assert.deepEqual(talks('Officials said that Russia held talks with Turkey.'), ['occurred']);
  for (const [list, want] of [['denied', 'denied'], ['hypothetical', 'hypothetical'], ['claimed', 'claimed']] as const) {
    for (const w of status[list]!.words) assert.deepEqual(talks(`Officials ${w} that Russia held talks with Turkey.`), [want], w);
  }
});

test('status cues: planned, a past plan, blamed on, history and a recent spell', () => {
  assert.deepEqual(talks('Russia is set to hold talks with Turkey.'), ['planned']);
  assert.deepEqual(talks('Russia will hold talks with Turkey next week.'), ['planned']);
  assert.deepEqual(talks('Russia met Turkey in a meeting due to take place in Sochi.'), ['planned']);
  assert.deepEqual(talks('Russia met Turkey in a meeting that was set to take place in Sochi.'), ['occurred']);
  assert.deepEqual(talks('Russia held talks with Turkey, in talks blamed on Moscow.'), ['claimed']);
  // history with no date of its own is no event; a recent spell is news
  for (const spell of ['for years', 'since the war', 'over the past three months', 'in the last ten weeks', 'during the past decades']) {
    assert.deepEqual(talks(`Russia held talks with Turkey ${spell}.`), [], spell);
  }
  for (const spell of ['over the past 24 hours', 'over the past two days', 'during the last few days']) {
    assert.deepEqual(talks(`Russia held talks with Turkey ${spell}.`), ['occurred'], spell);
  }
  // a war's cumulative toll makes the clause history; a war monitor is no war
  assert.deepEqual(talks('Russia held talks with Turkey as the war has so far killed thousands.'), []);
  assert.deepEqual(talks('Russia held talks with Turkey as the war monitor has so far killed thousands.'), ['occurred']);
});

test('claims of responsibility (data/events/words.json): the claimant is the attacker', () => {
  const attacker = (text: string) => events(text, [['rebels', 'SYR.REB'], ['Turkey', 'TUR']]).find((e) => e.type === 'ASSAULT')?.actor?.id ?? null;
  assert.equal(attacker('A car bomb killed 12 rebels in Idlib. Turkey denied claiming responsibility.'), null);
  const lists = WORDS.lists;
  for (const verb of lists['claimVerbs']!.words) for (const what of lists['claimedThings']!.words) {
    assert.equal(attacker(`A car bomb killed 12 rebels in Idlib. Turkey ${verb} ${what}.`), 'TUR', `${verb} ${what}`);
  }
  for (const adverb of lists['claimAdverbs']!.words) assert.equal(attacker(`A car bomb killed 12 rebels in Idlib. Turkey ${adverb} claimed responsibility.`), 'TUR', adverb);
});

test('the attacker named after "carried out by" ends at a word of `attributedEnd`', () => {
  const attackers = (text: string) => {
    const e = events(text, [['rebels', 'SYR.REB'], ['Russian jets', 'RUS.MIL'], ['Syria', 'SYR'], ['Turkey', 'TUR']]).find((x) => x.type === 'ASSAULT');
    return e?.actor ? [e.actor.id] : (e?.actorCandidates ?? []).map((x) => x.id);
  };
  assert.deepEqual(attackers('The airstrike that killed 12 rebels was carried out by Russian jets or Syria or Turkey.'), ['RUS.MIL', 'SYR', 'TUR']);
  // ("since" also makes the clause history: no event to look at)
  const background = new Set(readWordLists('status.json').lists['background']!.words);
  for (const w of WORDS.lists['attributedEnd']!.words.filter((x) => !background.has(x))) {
    assert.deepEqual(attackers(`The airstrike that killed 12 rebels was carried out by Russian jets ${w} Syria or Turkey.`), ['RUS.MIL'], w);
  }
});

test('toll modifiers: words of data/events/words.json are never modifiers of the victim noun', () => {
  assert.deepEqual(findCasualties('At least seven pro-Turkey fighters were killed.', 'killed').map((c) => [c.min, c.who, c.text]), [[7, 'fighters', 'At least seven pro-Turkey fighters']]);
  // "and" and the verb are no modifiers: the first figure stands alone
  assert.deepEqual(findCasualties('Seventy regime and rebel fighters were reportedly killed.', 'killed').map((c) => [c.min, c.text]), [[70, 'Seventy regime and rebel fighters']]);
  assert.deepEqual(findCasualties('30 soldiers and 39 rebels have all been killed.', 'killed').map((c) => [c.min, c.text]), [[69, '30 soldiers and 39 rebels']]);
  assert.equal(findCasualties('3 civilians in Idlib were wounded.', 'injured')[0]?.text, '3 civilians');
});

test('a death toll that rose to its figure, and cases of suffocation (data/events/words.json)', () => {
  for (const w of WORDS.lists['tollRose']!.words) {
    const [c] = findCasualties(`The death toll ${w} 86.`, 'killed');
    assert.equal(c?.min, 86, w);
    assert.equal(c?.max, /^(?:surpass|exceed)/.test(w) ? null : 86, w);
  }
  assert.deepEqual(findCasualties('The death toll was announced at noon.', 'killed'), []);
  for (const w of WORDS.lists['gasInjuries']!.words) assert.equal(findCasualties(`Doctors treated 35 cases of ${w}.`, 'injured')[0]?.min, 35, w);
  assert.deepEqual(findCasualties('Doctors treated 35 cases of measles.', 'injured'), []);
});

test('a trend is no event; a name before "said" is no subject (data/events/words.json)', () => {
  const actors: [string, string][] = [['Russia', 'RUS'], ['rebels', 'SYR.REB']];
  assert.equal(events("Russia's attacks on the rebels have been brutal.", actors).length, 1);
  for (const noun of WORDS.lists['trendNouns']!.words) for (const stem of WORDS.lists['trendStems']!.words) {
    assert.deepEqual(events(`Russia's ${noun} on the rebels have been ${stem}ing.`, actors), [], `${noun} ... ${stem}`);
  }
  assert.equal(events('Russia jets attacked the rebels.', actors)[0]?.actor?.id, 'RUS');
  for (const w of WORDS.lists['speechAfterSubject']!.words) {
    const e = events(`Russia ${w} jets attacked the rebels.`, actors).find((x) => x.type === 'ASSAULT');
    assert.ok(e, w);
    assert.equal(e.actor, null, w);
  }
});
