// Framing on short invented sentences: the sentence, then what framing reads from it.
// Each is run through the stages framing reads (sentences, entities, attribution).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedArticle, EventMention, LabelUse, Story, StoryFraming } from '../../model/index.js';
import { findAttributions, loadAttributionKnowledge } from '../../analyze/attribution/index.js';
import { findEntities, loadEntityKnowledge } from '../../analyze/entities/index.js';
import { splitSentences } from '../../analyze/sentences/index.js';
import { docOf } from '../../analyze/types.js';
import { doc as fixtureDoc } from '../stories.fixture.js';
import { articleFraming, loadFramingLexicon, outletProfiles, storyFraming } from './index.js';
import { framingText } from './text.js';

const lex = loadFramingLexicon();
const entities = loadEntityKnowledge();
const attribution = loadAttributionKnowledge();

/** An analysed article with the layers framing reads. */
function analysed(text: string, o: { sourceId?: string; outlet?: string | null; events?: EventMention[] } = {}): AnalyzedArticle {
  let d = docOf(text);
  d = { ...d, sentences: splitSentences(text) };
  d = { ...d, entities: findEntities(d, entities) };
  d = { ...d, attributions: findAttributions(d, attribution) };
  const base = fixtureDoc(text, { sourceId: o.sourceId, outlet: o.outlet, events: o.events });
  return { ...base, sentences: [...d.sentences], entities: [...d.entities], attributions: [...d.attributions] };
}

const read = (text: string) => articleFraming(analysed(text), lex, 2021);
const labelsOf = (text: string, actor: string): LabelUse[] => read(text).labels.filter((l) => l.actor === actor);
const said = (uses: LabelUse[]) => uses.map((l) => `${l.label}/${l.voice}`);

test('a label belongs to the actor it modifies, not to its neighbour', () => {
  const text = 'Russia-backed regime forces shelled Turkish-backed rebel positions near Afrin in Syria.';
  // "Russia-backed" says who backs the regime forces: it is their label, not Russia's.
  assert.deepEqual(said(labelsOf(text, 'RUS')), []);
  assert.deepEqual(said(labelsOf(text, 'SYR.MIL')), ['Russia-backed regime forces/own']);
  // The positions are the rebels': the label is "Turkish-backed rebel".
  assert.deepEqual(said(labelsOf(text, 'SYR.REB.TUR')), ['Turkish-backed rebel/own']);
});

test('coordinated actors each take the shared head: "Russian and Syrian military forces"', () => {
  const text = 'Russian and Syrian military forces attacked rebels in Syria.';
  assert.deepEqual(said(labelsOf(text, 'RUS.MIL')), ['Russian military forces/own']);
  assert.deepEqual(said(labelsOf(text, 'SYR.MIL')), ['Syrian military forces/own']);
  assert.deepEqual(said(labelsOf(text, 'SYR.REB')), ['rebels/own']);
});

test('a name counts as written; label words capitalised by a headline are compared in lower case', () => {
  const text = 'Jets Pound Turkish-backed Militants Near Border\n\nThe Syrian Arab Army entered the town. The Islamic State group fled Syria.';
  assert.deepEqual(labelsOf(text, 'SYR.MIL').map((l) => [l.label, l.kind]), [['Syrian Arab Army', 'name']]);
  assert.deepEqual(labelsOf(text, 'SYR.REB.TUR').map((l) => [l.label, l.terms]), [['Turkish-backed militants', ['backed', 'militant']]]);
  assert.deepEqual(labelsOf(text, 'ISIS').map((l) => l.label), ['Islamic State group']);
});

test('"what Moscow calls terrorists" is Moscow\'s label, set apart, not the outlet\'s', () => {
  const f = read('Russian jets struck what Moscow calls terrorists in Syria\'s Idlib.');
  const [l] = f.labels.filter((x) => x.actor === 'SYR.REB');
  assert.equal(l?.label, 'terrorists');
  assert.equal(l?.voice, 'distanced');
  assert.equal(l?.speaker?.id, 'RUS.GOV');
  const term = f.terms.find((t) => t.term === 'terrorist');
  assert.equal(term?.voice, 'distanced');
  assert.equal(term?.about?.id, 'SYR.REB');
});

test('"so-called" is a hedge about the label it sets apart', () => {
  const f = read('The so-called rebels shelled Aleppo in Syria.');
  assert.deepEqual(said(f.labels.filter((l) => l.actor === 'SYR.REB')), ['rebels/distanced']);
  const hedge = f.terms.find((t) => t.term === 'so-called');
  assert.equal(hedge?.category, 'hedge');
  assert.equal(hedge?.voice, 'own');
  assert.equal(hedge?.about?.id, 'SYR.REB');
});

test('a quoted label is the speaker\'s; the outlet\'s own words outside the quote stay its own', () => {
  const f = read('“The terrorists will be defeated,” the Syrian defence minister said of the rebels in Syria.');
  const uses = f.labels.filter((l) => l.actor === 'SYR.REB');
  assert.deepEqual(said(uses), ['terrorists/quoted', 'rebels/own']);
  assert.equal(uses[0]!.speaker?.id, 'PER.AYOUB');
  assert.equal(f.terms.find((t) => t.term === 'terrorist')?.voice, 'quoted');
});

test('reported speech is the speaker\'s words', () => {
  const f = read('Rebels said the Assad regime had occupied the village in Syria.');
  const regime = f.labels.find((l) => l.actor === 'SYR.GOV');
  assert.equal(regime?.voice, 'reported');
  assert.equal(regime?.speaker?.id, 'SYR.REB');
  assert.ok(f.terms.filter((t) => t.term === 'occupy' || t.term === 'regime').every((t) => t.voice === 'reported'));
});

test('a negated label or term is not counted as the outlet\'s', () => {
  const f = read('Rebels in Syria are not terrorists.');
  assert.deepEqual(said(f.labels.filter((l) => l.actor === 'SYR.REB')), ['rebels/own', 'terrorists/negated']);
  assert.equal(f.terms.find((t) => t.term === 'terrorist')?.voice, 'negated');
});

test('scare quotes inside a label set those words apart: "militant ‘opposition’ fighters"', () => {
  const [l] = labelsOf('The army shelled militant ‘opposition’ fighters in Syria.', 'SYR.REB');
  assert.equal(l?.label, 'militant ‘opposition’ fighters');
  assert.equal(l?.voice, 'own');
  assert.deepEqual(l?.distanced, ['opposition']);
  assert.deepEqual(l?.terms, ['militant', 'opposition', 'fighters']);
});

test('hedges and factives, and whom a loaded word is about', () => {
  const hedged = read('Syrian forces allegedly shelled a hospital in Syria.').terms;
  assert.deepEqual(hedged.map((t) => [t.term, t.category, t.voice, t.about?.id]), [['allegedly', 'hedge', 'own', 'SYR.MIL']]);
  const factive = read('Plane spotters confirmed that Russian jets bombed Idlib in Syria.').terms.find((t) => t.category === 'factive');
  assert.equal(factive?.term, 'confirmed');
  // The subject before the word wins over the object after it.
  const liberate = read('The Syrian army liberated Maarat al-Numan from the militants in Syria.').terms.find((t) => t.term === 'liberate');
  assert.equal(liberate?.about?.id, 'SYR.MIL');
  // "terrorist-occupied": the occupier is the word before the hyphen, the armed opposition.
  const occupied = read('Syrian troops shelled the terrorist-occupied town. The terrorists in Syria fled.').terms.find((t) => t.term === 'occupy');
  assert.equal(occupied?.about?.id, 'SYR.REB');
  // A word inside a name is no loaded term ("Liberation" in a group's name).
  assert.deepEqual(read('The Syrian Liberation Front said it would fight.').terms.filter((t) => t.term === 'liberate'), []);
});

test('voices: whom the article credits, of which kind and side', () => {
  const f = read('Villagers said Russian jets hit two farms in Syria, according to the Syrian Observatory for Human Rights. '
    + 'Major Youssef Hamoud, the spokesperson for the National Army, said the strikes would not stop the harvest in Syria.');
  const v = new Map(f.voices.map((x) => [x.key, x]));
  assert.equal(v.get('SOHR')?.kind, 'monitor');
  assert.equal(v.get('SYR.CVL')?.kind, 'residents');
  assert.deepEqual([v.get('PER.HAMOUD')?.kind, v.get('PER.HAMOUD')?.side, v.get('PER.HAMOUD')?.role], ['official', 'SYR.REB.TUR', 'spokesperson']);
});

test('an event source the attribution layer missed is a voice too', () => {
  const text = 'Volunteer plane spotters logged four sorties over the hills of Syria.';
  const source = { id: 'SPOTTERS', text: 'plane spotters' };
  const event: EventMention = {
    type: 'ASSAULT', mode: 'aerial', actor: null, recipient: null, place: null, date: null, status: 'occurred', killed: null, injured: null,
    source, evidence: { sentence: 0, start: 0, end: text.length }, confidence: 0.8,
  };
  const f = articleFraming(analysed(text, { events: [event] }), lex, 2021);
  assert.deepEqual(f.voices.map((x) => [x.key, x.kind, x.how, text.slice(x.evidence.span.start, x.evidence.span.end)]), [['SPOTTERS', 'monitor', 'source', 'plane spotters']]);
});

/** Two outlets and an article with no outlet telling one invented story. */
function invented(): { story: Story; framing: StoryFraming } {
  const strike = (start: number, end: number) => ({ type: 'ASSAULT' as const, mode: 'aerial', actor: { id: 'RUS.MIL', text: 'Russian jets' }, recipient: null, place: null, date: null, status: 'occurred' as const, killed: null, injured: null, source: null, evidence: { sentence: 0, start, end }, confidence: 0.8 });
  const docs = [
    analysed('Russian jets struck terrorists in Syria. The regime shelled the town.', { sourceId: 'a1', outlet: 'Wire A' }),
    analysed('Russian jets struck the rebels in Syria. The opposition fled.', { sourceId: 'b1', outlet: 'Wire B' }),
    analysed('The opposition in Syria met in Geneva.', { sourceId: 'c1', outlet: null }),
  ];
  const story: Story = {
    id: '7', title: 'Strikes', articles: ['a1', 'b1', 'c1'],
    events: [
      { id: '7-1', type: 'ASSAULT', mode: 'aerial', actor: { id: 'RUS.MIL', text: 'Russian jets' }, recipient: null, place: null, date: null, status: 'occurred', killed: null, injured: null, claims: [],
        mentions: [{ sourceId: 'a1', outlet: 'Wire A', event: strike(0, 40) }, { sourceId: 'b1', outlet: 'Wire B', event: strike(0, 40) }] },
      { id: '7-2', type: 'ASSAULT', mode: 'heavy-weapons', actor: { id: 'SYR.GOV', text: 'regime' }, recipient: null, place: null, date: null, status: 'occurred', killed: null, injured: null, claims: [],
        mentions: [{ sourceId: 'a1', outlet: 'Wire A', event: strike(41, 70) }] },
    ],
    members: docs.map((d) => ({ sourceId: d.article.sourceId, outlet: d.article.outlet, title: null, url: null, date: null, duplicateOf: null })),
  };
  return { story, framing: storyFraming(story, new Map(docs.map((d) => [d.article.sourceId, d])), lex) };
}

test('a story side by side: columns per outlet, an article without one stands for itself', () => {
  const { framing: f } = invented();
  assert.deepEqual(f.outlets.map((o) => [o.key, o.byArticle]), [['Wire A', false], ['Wire B', false], ['c1', true]]);
  assert.match(f.note ?? '', /no outlet/);
  const rebels = f.actors.find((a) => a.id === 'SYR.REB')!;
  assert.deepEqual(rebels.outlets['Wire A']!.map((l) => [l.label, l.count]), [['terrorists', 1]]);
  assert.deepEqual(rebels.outlets['Wire B']!.map((l) => [l.label, l.count]).sort(), [['opposition', 1], ['rebels', 1]]);
  assert.deepEqual(rebels.outlets['c1']!.map((l) => l.label), ['opposition']);
  assert.equal(f.loaded['Wire A']!.own, 2, 'terrorists, regime');
  assert.equal(f.loaded['Wire B']!.own, 0);
  // Coverage: B leaves out the shelling A reports; the article without an outlet reports neither.
  assert.deepEqual(f.coverage.blindspots, { 'Wire A': [], 'Wire B': ['7-2'], c1: ['7-1', '7-2'] });
  assert.match(framingText(f), /terrorists 1/);
});

test('every count links to the sentences it counts', () => {
  const { framing: f } = invented();
  const texts = new Map([['a1', 'Russian jets struck terrorists in Syria. The regime shelled the town.']]);
  for (const a of f.actors) {
    for (const counts of Object.values(a.outlets)) {
      for (const c of counts) {
        assert.equal(c.evidence.length, c.count);
        assert.equal(Object.values(c.articles).reduce((x, y) => x + y, 0), c.count);
        for (const e of c.evidence) {
          assert.ok(e.start <= e.span.start && e.span.end <= e.end && e.sentence >= 0, JSON.stringify(e));
          const text = texts.get(e.sourceId);
          if (text) assert.equal(text.slice(e.span.start, e.span.end).toLowerCase(), c.label.toLowerCase());
        }
      }
    }
  }
  for (const l of Object.values(f.loaded)) for (const t of l.terms) assert.equal(t.evidence.length, t.count);
});

test('outlet profiles sum the stories, own voice only, with coverage', () => {
  const { framing: f } = invented();
  const profiles = outletProfiles([f, f]);
  const a = profiles.find((p) => p.outlet === 'Wire A')!;
  assert.equal(a.articles, 1, 'the same article in two stories counts once');
  assert.equal(a.stories, 2);
  assert.deepEqual(a.labels['SYR.REB'], { terrorists: 2 });
  assert.equal(a.evidence?.labels['SYR.REB']?.['terrorists']?.length, 2);
  assert.deepEqual(a.loaded?.terms, { terrorist: 2, regime: 2 });
  assert.deepEqual(a.coverage, { events: 4, reported: 4, missed: 0 });
  const b = profiles.find((p) => p.outlet === 'Wire B')!;
  assert.deepEqual(b.coverage, { events: 4, reported: 2, missed: 2 });
  assert.equal(profiles.find((p) => p.outlet === 'c1')?.byArticle, true);
});
