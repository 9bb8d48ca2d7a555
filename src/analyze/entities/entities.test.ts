import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityMention } from '../../model/index.js';
import { docOf, type Doc } from '../types.js';
import { splitSentences } from '../sentences/index.js';
import { compileEntityKnowledge, findEntities, loadEntityKnowledge, readActorData } from './index.js';

const k = loadEntityKnowledge();

function find(text: string, published: string | null = '2021-09-26'): EntityMention[] {
  const doc: Doc = docOf(text, { published, sentences: splitSentences(text) });
  return findEntities(doc, k);
}

/** "text -> id" for each mention, the shortest way to read what was found. */
const ids = (ms: EntityMention[]) => ms.map((m) => `${m.text} -> ${m.id ?? '?'}`);
const one = (ms: EntityMention[], text: string) => {
  const m = ms.find((x) => x.text === text);
  assert.ok(m, `no mention "${text}" in ${JSON.stringify(ids(ms))}`);
  return m;
};

test('demonym + actor noun is one mention with the sector id', () => {
  const ms = find('Russian forces struck Turkish-backed rebels in northern Syria on Sunday.');
  assert.deepEqual(ids(ms), ['Russian forces -> RUS.MIL', 'Turkish-backed rebels -> SYR.REB.TUR', 'Syria -> SYR']);
  assert.deepEqual(one(ms, 'Turkish-backed rebels').labels, ['Turkish-backed rebels']);
  assert.equal(one(ms, 'Russian forces').type, 'organization');
  assert.equal(one(ms, 'Turkish-backed rebels').type, 'group');
});

test('generic labels resolve to the ids in EVENTS.md', () => {
  const ms = find(
    'Russian jets and regime forces pounded positions held by terrorists in Syria, while pro-Turkey fighters and Iranian-backed militias traded fire. ' +
      'The Syrian Arab Army said the Assad regime would not negotiate with opposition fighters.',
  );
  assert.equal(one(ms, 'Russian jets').id, 'RUS.MIL');
  assert.equal(one(ms, 'regime forces').id, 'SYR.MIL');
  assert.equal(one(ms, 'terrorists').id, 'SYR.REB');
  assert.deepEqual(one(ms, 'terrorists').labels, ['terrorists']);
  assert.equal(one(ms, 'pro-Turkey fighters').id, 'SYR.REB.TUR');
  assert.equal(one(ms, 'Iranian-backed militias').id, 'IRN.MIL');
  assert.equal(one(ms, 'Syrian Arab Army').id, 'SYR.MIL');
  assert.equal(one(ms, 'Assad regime').id, 'SYR.GOV');
  assert.deepEqual(one(ms, 'Assad regime').labels, ['Assad regime']);
  assert.equal(one(ms, 'Syrian Arab Army').labels, undefined);
  assert.equal(one(ms, 'opposition fighters').id, 'SYR.REB');
});

test('a government label with a military noun is the military: "Assad regime outposts", "Syrian government forces"', () => {
  const ms = find('Shelling came from Assad regime outposts as Syrian government forces advanced in Syria.');
  assert.equal(one(ms, 'Assad regime outposts').id, 'SYR.MIL');
  assert.equal(one(ms, 'Syrian government forces').id, 'SYR.MIL');
});

test('HTS in every spelling, and Tahrir al-Sham is not a person', () => {
  const ms = find(
    "Fighters of Hay'at Tahrir al-Sham, also written Hayat Tahrir al-Sham or Khayyat Tahrir al-Sham, once called Jebhat al-Nusra and later Jabhat Fath al-Sham, hold Idlib. HTS denied it. Tahrir al-Sham said nothing.",
  );
  for (const name of ["Hay'at Tahrir al-Sham", 'Hayat Tahrir al-Sham', 'Khayyat Tahrir al-Sham', 'Jebhat al-Nusra', 'Jabhat Fath al-Sham', 'HTS', 'Tahrir al-Sham']) {
    const m = one(ms, name);
    assert.equal(m.id, 'HTS', name);
    assert.equal(m.type, 'group', name);
  }
  assert.ok(!ms.some((m) => m.type === 'person'));
});

test('Erdoğan and Erdogan are one person; the title is kept as the label', () => {
  const ms = find('Turkish President Recep Tayyip Erdoğan met Vladimir Putin in Sochi. Erdogan said the talks went well.');
  assert.deepEqual(ids(ms), ['Recep Tayyip Erdoğan -> PER.ERDOGAN', 'Vladimir Putin -> PER.PUTIN', 'Erdogan -> PER.ERDOGAN']);
  assert.deepEqual(one(ms, 'Recep Tayyip Erdoğan').labels, ['Turkish President']);
  assert.equal(one(ms, 'Erdogan').type, 'person');
});

test('Lavrov: full name, then surname, role description and pronoun corefer', () => {
  const ms = find(
    'Russian foreign Minister Sergei Lavrov spoke in Moscow on Monday. Lavrov said progress was slow. ' +
      'The Russian diplomat added that talks would continue. He also criticised Washington.',
  );
  assert.equal(one(ms, 'Sergei Lavrov').id, 'PER.LAVROV');
  assert.deepEqual(one(ms, 'Sergei Lavrov').labels, ['Russian foreign Minister']);
  assert.equal(one(ms, 'Lavrov').id, 'PER.LAVROV');
  assert.equal(one(ms, 'Russian diplomat').id, 'PER.LAVROV');
  assert.equal(one(ms, 'He').id, 'PER.LAVROV');
  assert.equal(one(ms, 'Washington').id, 'USA.GOV');
  // "in Moscow" is a place for the places stage, not an actor.
  assert.ok(!ms.some((m) => m.text === 'Moscow'));
});

test('Sergey is Sergei; Moscow as a speaker is the Russian government', () => {
  const ms = find('Moscow said on Friday that Sergey Lavrov would travel to Ankara.');
  assert.equal(one(ms, 'Moscow').id, 'RUS.GOV');
  assert.equal(one(ms, 'Sergey Lavrov').id, 'PER.LAVROV');
});

test('"his Turkish counterpart" is the Turkish office holder of the same rank', () => {
  const ms = find('President Vladimir Putin will meet his Turkish counterpart next week.', '2021-09-26');
  assert.equal(one(ms, 'Turkish counterpart').id, 'PER.ERDOGAN');
  assert.equal(one(ms, 'Turkish counterpart').type, 'person');
});

test('Jabal al-Zawya is a mountain, not an entity', () => {
  const ms = find('Shelling hit villages in Jabal al-Zawya on Sunday.');
  assert.deepEqual(ms, []);
});

test('monitors and sources: SOHR in any spelling, plane spotters, unnamed sources', () => {
  const ms = find(
    'According to the Syrian Observatory of Human Rights (SOHR), five fighters died. A network of plane spotters saw the jets, military sources said.',
  );
  assert.equal(one(ms, 'Syrian Observatory of Human Rights').id, 'SOHR');
  assert.equal(one(ms, 'SOHR').id, 'SOHR');
  assert.equal(one(ms, 'network of plane spotters').id, 'SPOTTERS');
  assert.equal(one(ms, 'military sources').id, 'UNK');
});

test('coordinated demonyms give one mention per country', () => {
  const ms = find('The Turkish and Russian military held a joint patrol near Kobani in Syria.');
  assert.equal(one(ms, 'Turkish').id, 'TUR.MIL');
  assert.equal(one(ms, 'Russian military').id, 'RUS.MIL');
});

test('names not in the dictionary: a title makes a person, a suffix an organisation', () => {
  const ms = find('Maj. Karim Haddad said the Free Idlib Army had withdrawn. Haddad added that the Northern Hawks Brigade stayed.');
  const p = one(ms, 'Karim Haddad');
  assert.equal(p.type, 'person');
  assert.equal(p.id, undefined);
  assert.deepEqual(p.labels, ['Maj.']);
  assert.equal(one(ms, 'Haddad').type, 'person');
  assert.equal(one(ms, 'Free Idlib Army').type, 'organization');
  assert.equal(one(ms, 'Northern Hawks Brigade').type, 'organization');
});

test('acronyms are case-sensitive: "us" is not the United States', () => {
  const ms = find('They told us that US troops left, and UN monitors stayed.');
  assert.ok(!ms.some((m) => m.text === 'us' && m.id === 'USA'));
  assert.equal(one(ms, 'US troops').id, 'USA.MIL');
  assert.equal(one(ms, 'UN monitors').id, 'IGO.UN');
});

test('a backer before a country name keeps the country: "Turkey-backed Azerbaijan"', () => {
  const ms = find('Turkey-backed Azerbaijan fought Armenia in 2020.');
  assert.equal(one(ms, 'Turkey-backed Azerbaijan').id, 'AZE');
  assert.deepEqual(one(ms, 'Turkey-backed Azerbaijan').labels, ['Turkey-backed']);
  assert.equal(one(ms, 'Armenia').id, 'ARM');
});

test('"the militants" after a named group refer to it', () => {
  const ms = find('Russian aviation struck Hayat Tahrir al-Sham near Idlib in Syria. The militants fired back.');
  assert.equal(one(ms, 'militants').id, 'HTS');
});

test('no text, no mentions', () => {
  assert.deepEqual(find(''), []);
});

test('a titled person the dictionary does not know gets the office as id', () => {
  const ms = find('Iraqi President Salim Rahman met the president of Armenia. Rahman said the visit went well.');
  const p = one(ms, 'Salim Rahman');
  assert.equal(p.type, 'person');
  assert.equal(p.id, 'IRQ.GOV');
  assert.deepEqual(p.labels, ['Iraqi President']);
  assert.equal(one(ms, 'president of Armenia').id, 'ARM.GOV');
  assert.equal(one(ms, 'Rahman').id, 'IRQ.GOV');
});

test('plural demonyms are people, not the state; "the Syrian people" are civilians', () => {
  const ms = find('Syrians returned home, and the Syrian people welcomed the Russians in Syria.');
  assert.equal(one(ms, 'Syrians').type, 'group');
  assert.equal(one(ms, 'Syrian people').id, 'SYR.CVL');
  assert.equal(one(ms, 'Russians').id, 'RUS');
});

test('without a country named, bare "rebels" get no theatre id, but known groups keep theirs', () => {
  assert.equal(one(find('The rebels clashed with soldiers overnight.'), 'rebels').id, undefined);
  assert.equal(one(find('Hezbollah fighters clashed with rebels overnight.'), 'Hezbollah fighters').id, 'LBN.HEZ');
});

test('with no sentences given, the whole text is one sentence', () => {
  const text = 'Sergei Lavrov met Hakan Fidan in Ankara. Lavrov said the Turkish side agreed.';
  const doc: Doc = docOf(text, { published: '2024-05-01' });
  const ms = findEntities(doc, k);
  assert.deepEqual(ids(ms), ['Sergei Lavrov -> PER.LAVROV', 'Hakan Fidan -> PER.FIDAN', 'Lavrov -> PER.LAVROV', 'Turkish side -> TUR.GOV']);
});

test('a small hand-made lexicon is enough to run the stage', () => {
  const data = readActorData();
  const small = compileEntityKnowledge({
    countries: [{ iso3: 'XKA', names: ['Kardania'], demonyms: ['Kardanian'], capitals: ['Velgrad'] }],
    entries: [{ id: 'XKA.FRONT', type: 'group', country: 'XKA', names: ['Northern Front'], acronyms: ['NF'], source: 'test' }],
    labels: data.labels,
  });
  const text = 'Kardanian troops shelled the Northern Front. Velgrad said NF fighters withdrew.';
  const doc: Doc = docOf(text, { sentences: splitSentences(text) });
  assert.deepEqual(ids(findEntities(doc, small)), ['Kardanian troops -> XKA.MIL', 'Northern Front -> XKA.FRONT', 'Velgrad -> XKA.GOV', 'NF fighters -> XKA.FRONT']);
});

test('a name in apposition says who the role is; "the regime" is the regime named before', () => {
  const ms = find('In Ankara, the Iranian president, Hassan Rouhani, criticised the Assad regime. Turkey said the regime must go.', '2024-06-01');
  assert.equal(one(ms, 'Iranian president').id, 'PER.ROUHANI');
  assert.equal(one(ms, 'regime').id, 'SYR.GOV');
});
