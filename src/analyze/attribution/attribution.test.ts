import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Attribution } from '../../model/index.js';
import { docOf } from '../types.js';
import { splitSentences } from '../sentences/index.js';
import { findEntities, loadEntityKnowledge } from '../entities/index.js';
import { findAttributions, loadAttributionKnowledge, type ScoredAttribution } from './index.js';

const ek = loadEntityKnowledge();
const ak = loadAttributionKnowledge();

function attribute(text: string): { text: string; atts: ScoredAttribution[] } {
  const sentences = splitSentences(text);
  const entities = findEntities(docOf(text, { published: '2021-09-26', sentences }), ek);
  const atts = findAttributions(docOf(text, { published: '2021-09-26', sentences, entities }), ak) as ScoredAttribution[];
  return { text, atts };
}

/** "kind [content] <- cue / speaker text (id)": the shortest way to read one attribution. */
function show(text: string, a: Attribution): string {
  const who = a.speaker ? `${a.speaker.text} (${a.speaker.id ?? '?'})` : 'nobody';
  return `${a.kind} [${text.slice(a.start, a.end)}] <- ${a.cue.text} / ${who}`;
}
const read = (text: string) => {
  const r = attribute(text);
  return r.atts.map((a) => show(text, a));
};

test('"X said that …": the reported clause, credited to the subject', () => {
  const text = 'Russian Foreign Minister Sergei Lavrov said that the talks in Sochi would resume next week.';
  const { atts } = attribute(text);
  assert.deepEqual(atts.map((a) => show(text, a)), ['reported [the talks in Sochi would resume next week] <- said / Sergei Lavrov (PER.LAVROV)']);
  const a = atts[0]!;
  assert.equal(a.cue.text, 'said');
  assert.equal(text.slice(a.cue.start, a.cue.end), 'said');
  // The speaker points at its mention in the entities layer.
  const sentences = splitSentences(text);
  const entities = findEntities(docOf(text, { published: '2021-09-26', sentences }), ek);
  assert.equal(entities[a.speaker!.entity!]!.text, 'Sergei Lavrov');
});

test('"X said" without "that" and with adverbs before the verb', () => {
  assert.deepEqual(read('Lavrov further said the deal on Idlib was being carried out too slowly.'), [
    'reported [the deal on Idlib was being carried out too slowly] <- said / Lavrov (PER.LAVROV)',
  ]);
});

test('direct quote before the speaker: "“…,” X said" and "“…,” said X"', () => {
  assert.deepEqual(read('“The convoy crossed the border at night,” the Turkish Defence Ministry said.'), [
    'direct [The convoy crossed the border at night] <- said / Turkish Defence Ministry (TUR.MIL)',
  ]);
  assert.deepEqual(read('“We will hold our positions near Afrin,” said Major Youssef Hamoud, who speaks for the rebel coalition.'), [
    'direct [We will hold our positions near Afrin] <- said / Youssef Hamoud (PER.HAMOUD)',
  ]);
});

test('direct quote after the speaker, introduced by a colon: "X noted: “…”"', () => {
  assert.deepEqual(read('Lavrov noted: “We speak to our partners in Ankara every day.”'), [
    'direct [We speak to our partners in Ankara every day] <- noted / Lavrov (PER.LAVROV)',
  ]);
  assert.deepEqual(read('Erdogan added, "Turkey will not accept a new wave of refugees."'), [
    'direct [Turkey will not accept a new wave of refugees] <- added / Erdogan (PER.ERDOGAN)',
  ]);
});

test('a quote spanning several sentences is one attribution', () => {
  const text = '“The talks were useful. We agreed on the next steps. Nothing is final yet,” Lavrov told reporters in Moscow.';
  assert.deepEqual(read(text), [
    'direct [The talks were useful. We agreed on the next steps. Nothing is final yet] <- told reporters / Lavrov (PER.LAVROV)',
  ]);
});

test('a pronoun speaker is resolved to the person named in the previous sentence, with less confidence', () => {
  const text = 'Turkish President Recep Tayyip Erdogan spoke after the cabinet meeting. He said that Ankara would send more troops.';
  const { atts } = attribute(text);
  assert.deepEqual(atts.map((a) => show(text, a)), ['reported [Ankara would send more troops] <- said / He (PER.ERDOGAN)']);
  assert.equal(atts[0]!.basis, 'pronoun');
  const named = attribute('Erdogan said that Ankara would send more troops.').atts[0]!;
  assert.ok(atts[0]!.confidence < named.confidence);
});

test('"they said" takes the group named before; "he added" keeps the speaker of the quote before', () => {
  assert.deepEqual(read('Military sources described a large convoy. They said it crossed into Syria overnight.'), [
    'reported [it crossed into Syria overnight] <- said / They (UNK)',
  ]);
  assert.deepEqual(read('“We want peace,” Erdogan said after meeting Putin. “But we will defend our soldiers,” he added.'), [
    'direct [We want peace] <- said / Erdogan (PER.ERDOGAN)',
    'direct [But we will defend our soldiers] <- added / he (PER.ERDOGAN)',
  ]);
});

test('"according to X", at the start and at the end of the sentence', () => {
  assert.deepEqual(read('According to the Syrian Observatory for Human Rights, the strikes killed nine fighters.'), [
    'reported [the strikes killed nine fighters] <- According to / Syrian Observatory for Human Rights (SOHR)',
  ]);
  assert.deepEqual(read('The strikes killed nine fighters, according to the Syrian Observatory for Human Rights.'), [
    'reported [The strikes killed nine fighters] <- according to / Syrian Observatory for Human Rights (SOHR)',
  ]);
  // An appositive after the source is part of the phrase, not of the content.
  assert.deepEqual(read('According to Youssef Hamoud, a spokesman for the Turkish-backed fighters, the shelling started at dawn.'), [
    'reported [the shelling started at dawn] <- According to / Youssef Hamoud (PER.HAMOUD)',
  ]);
});

test('sentence-final attribution: "…, X said." and "…, X reported today."', () => {
  assert.deepEqual(read('The army entered three villages west of Aleppo, state media reported today.'), [
    'reported [The army entered three villages west of Aleppo] <- reported / state media (?)',
  ]);
  assert.deepEqual(read('The shelling stopped at noon, Lavrov said on Saturday, adding that the truce was holding.'), [
    'reported [The shelling stopped at noon] <- said / Lavrov (PER.LAVROV)',
    'reported [the truce was holding] <- adding / Lavrov (PER.LAVROV)',
  ]);
});

test('other cue verbs: told reporters, reported, confirmed, warned, in a statement', () => {
  assert.deepEqual(read('Lavrov told reporters in New York that the deal was working.'), [
    'reported [the deal was working] <- told reporters / Lavrov (PER.LAVROV)',
  ]);
  assert.deepEqual(read('Local sources reported on 3 October that the bombing had begun.'), [
    'reported [the bombing had begun] <- reported / Local sources (UNK)',
  ]);
  assert.deepEqual(read('The Turkish Defence Ministry said in a statement that two soldiers were wounded.'), [
    'reported [two soldiers were wounded] <- said in a statement / Turkish Defence Ministry (TUR.MIL)',
  ]);
  assert.deepEqual(read('Erdogan warned that Turkey would respond to any attack.'), [
    'reported [Turkey would respond to any attack] <- warned / Erdogan (PER.ERDOGAN)',
  ]);
});

test('"quoted X as saying" and "citing X"', () => {
  assert.deepEqual(read('The agency quoted Lavrov as saying that the meeting would take place in Sochi.'), [
    'reported [the meeting would take place in Sochi] <- quoted Lavrov as saying / Lavrov (PER.LAVROV)',
  ]);
  const lines = read('The army has taken the town of Saraqeb, the agency reported, citing military sources.');
  assert.ok(lines.includes('reported [The army has taken the town of Saraqeb] <- citing / military sources (UNK)'), lines.join('\n'));
});

test('a quote with no cue right after an attributed quote continues it', () => {
  const text = '“We are in contact with Ankara,” Lavrov said. “The presidents will meet soon.”';
  const { atts } = attribute(text);
  assert.deepEqual(atts.map((a) => show(text, a)), [
    'direct [We are in contact with Ankara] <- said / Lavrov (PER.LAVROV)',
    'direct [The presidents will meet soon] <- said / Lavrov (PER.LAVROV)',
  ]);
  assert.equal(atts[1]!.basis, 'continued');
});

test('sentences without attribution give nothing', () => {
  assert.deepEqual(read('Russian jets bombed villages near Idlib on Sunday.'), []);
  assert.deepEqual(read('The United States condemned the attack on the convoy.'), []);
  // A participle, a passive without an agent and a noun are not cues.
  assert.deepEqual(read('The reported strike killed four people. It was reported that the town fell. The reports were denied.'), []);
  // Scare quotes with no speech verb are not speech.
  assert.deepEqual(read('The militants of “Hayat Tahrir al-Sham” withdrew from the area.'), []);
});

test('subjects found beyond the next word: appositives, coordination, relative clauses', () => {
  assert.deepEqual(read('Lavrov, the Russian foreign minister, said that the summit would go ahead.'), [
    'reported [the summit would go ahead] <- said / Lavrov (PER.LAVROV)',
  ]);
  assert.deepEqual(read('Erdogan visited the border on Monday but said Turkey would not send more troops.'), [
    'reported [Turkey would not send more troops] <- said / Erdogan (PER.ERDOGAN)',
  ]);
  assert.deepEqual(read('The Syrian Observatory for Human Rights, which has monitors across the country, reported that nine fighters died.'), [
    'reported [nine fighters died] <- reported / Syrian Observatory for Human Rights (SOHR)',
  ]);
});

test('a name the entity stage does not know is still the speaker, without an id', () => {
  const text = '“The road to the camp is closed,” said Tarek Halabi, a driver from the town.';
  const { atts } = attribute(text);
  assert.deepEqual(atts.map((a) => show(text, a)), ['direct [The road to the camp is closed] <- said / Tarek Halabi (?)']);
  assert.equal(atts[0]!.speaker!.entity, undefined);
});

test('negated and passive speech verbs are not attributions', () => {
  assert.deepEqual(read('The United States has not said whether it will respond.'), []);
  assert.deepEqual(read('Heavy shelling was reported in the south of the province.'), []);
});
