// The diplomacy and verbal-conflict lexicon (data/events/triggers/politics.json) through the
// full pipeline: sentences, entities, attributions, places, times, then events. One short
// sentence of our own per type family and mode, and a few phrases that must not report one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventMention } from '../../model/index.js';
import { findAttributions, loadAttributionKnowledge } from '../attribution/index.js';
import { findEntities, loadEntityKnowledge } from '../entities/index.js';
import { findPlaces, loadPlaceKnowledge } from '../places/index.js';
import { splitSentences } from '../sentences/index.js';
import { findTimes, loadTimeKnowledge } from '../times/index.js';
import { docOf, type Doc } from '../types.js';
import { findEvents, loadEventKnowledge } from './index.js';

const kn = { e: loadEntityKnowledge(), a: loadAttributionKnowledge(), p: loadPlaceKnowledge(), t: loadTimeKnowledge(), ev: loadEventKnowledge() };

function events(text: string): EventMention[] {
  let doc: Doc = docOf(text, { published: '2021-10-01' });
  doc = { ...doc, sentences: splitSentences(text) };
  doc = { ...doc, entities: findEntities(doc, kn.e) };
  doc = { ...doc, attributions: findAttributions(doc, kn.a) };
  doc = { ...doc, places: findPlaces(doc, kn.p) };
  doc = { ...doc, times: findTimes(doc, kn.t) };
  return findEvents(doc, kn.ev);
}

/** [sentence, type, mode]: the sentence's first event has that type and mode. */
const CASES: [string, string, string][] = [
  ['Russia held talks with Turkey in Ankara on Monday.', 'CONSULT', 'talks'],
  ['Putin telephoned Erdogan on Tuesday.', 'CONSULT', 'call'],
  ['Russia and Turkey agreed on a new ceasefire in Idlib.', 'AGREE', ''],
  ['Russia pledged to rebuild the hospital.', 'AGREE', ''],
  ['Turkish troops conducted joint patrols with Russian forces.', 'COOPERATE', ''],
  ['The United States provided military aid to Ukraine.', 'AID', ''],
  ['Iran granted asylum to the Syrian opposition leader.', 'AID', ''],
  ['Moscow praised the decision by Ankara.', 'SUPPORT', ''],
  ['Russia expressed support for the Syrian government.', 'SUPPORT', ''],
  ['Syria lodged a formal complaint with the United Nations against Israel.', 'ACCUSE', 'allege'],
  ['The United Nations launched an investigation into the attack.', 'ACCUSE', 'investigate'],
  ['Russia urged Turkey to withdraw its troops.', 'REQUEST', ''],
  ['Turkey demanded the release of its soldiers held by the Syrian army.', 'REQUEST', 'yield'],
  ['Russia called for talks with Kyiv.', 'REQUEST', 'meet'],
  ['Ankara vowed to retaliate against the Syrian army.', 'THREATEN', 'violence'],
  ['Turkey threatened to impose sanctions on Damascus.', 'THREATEN', 'restrict'],
  ['Moscow rejected the proposal from Washington.', 'REJECT', ''],
  ['Russia vetoed the resolution at the United Nations.', 'REJECT', 'yield'],
  ['The United States imposed sanctions on Russia.', 'SANCTION', ''],
  ['Turkey recalled its ambassador from Moscow.', 'SANCTION', 'withdraw'],
  ['Washington suspended military aid to Ankara.', 'SANCTION', 'discontinue'],
  ['Russian forces detained three Turkish journalists.', 'COERCE', 'arrest'],
  ['The Syrian government imposed a curfew in Deraa.', 'COERCE', 'curfew'],
  ['Turkey banned the Kurdish party.', 'COERCE', 'ban'],
  ['The Turkish government lifted the curfew in Diyarbakir.', 'CONCEDE', ''],
  ['Thousands of Syrians demonstrated against the government in Idlib.', 'PROTEST', 'demo'],
  ['Turkish workers went on strike in Istanbul.', 'PROTEST', 'boycott'],
  ['Turkish farmers blocked roads near Ankara.', 'PROTEST', 'obstruct'],
  ['Syrian prisoners rioted in a jail near Damascus.', 'PROTEST', 'riot'],
];

test('one sentence per type family and mode', () => {
  for (const [text, type, mode] of CASES) {
    const ev = events(text);
    assert.ok(ev.length > 0, `no event: ${text}`);
    assert.equal(ev[0]!.type, type, text);
    assert.equal(ev[0]!.mode, mode, text);
  }
});

test('roles from the full pipeline', () => {
  const talks = events('Russia held talks with Turkey in Ankara on Monday.')[0]!;
  assert.deepEqual([talks.actor?.id, talks.recipient?.id], ['RUS', 'TUR']);
  const sanction = events('The United States imposed sanctions on Russia.')[0]!;
  assert.deepEqual([sanction.actor?.id, sanction.recipient?.id], ['USA', 'RUS']);
});

test('an intent is AGREE and planned; a longer phrase wins over a shorter one', () => {
  const e = events('Russia will provide the generators to Syria.')[0]!;
  assert.equal(e.type, 'AGREE');
  assert.equal(e.status, 'planned');
  // "vowed to retaliate" (THREATEN) beats the shorter "vowed to" (AGREE) at the same place
  assert.equal(events('Turkey vowed to retaliate against the militants.')[0]?.type, 'THREATEN');
});

test('phrases that name things or idioms report no diplomacy event', () => {
  const none = [
    ['The promised reforms never came, Russian officials said.', 'AGREE'],
    ['Russian-backed forces entered the town.', 'SUPPORT'],
    ['The Turkish spokesman declined to comment.', 'REJECT'],
    ['Kurdish fighters offer lifts to Syrian civilians.', 'CONCEDE'],
    ['Syrian children suffered life-threatening injuries, Turkish doctors said.', 'THREATEN'],
    ['Turkish riot police were deployed in Istanbul.', 'PROTEST'],
    ['Russia hosts 3,000 Syrian refugees.', 'CONSULT'],
  ] as const;
  for (const [text, type] of none) assert.ok(!events(text).some((e) => e.type === type), text);
});
