import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../extract/index.js';
import { analyze, loadKnowledge } from './index.js';

const knowledge = loadKnowledge();
const analyse = (content: string, published = '2024-03-17') => {
  const article = extractDocument({ sourceId: 't', kind: 'text', content, published });
  assert.ok(article.ok);
  return analyze(article.value, knowledge);
};

test('the stages run in order over one article, each adding its layer', () => {
  const a = analyse('Russian jets bombed villages near Idlib on Sunday, the Syrian Observatory for Human Rights said.');
  assert.equal(a.sentences.length, 1);
  assert.deepEqual(a.entities.map((e) => e.id).filter(Boolean).sort(), ['RUS.MIL', 'SOHR']);
  assert.deepEqual(a.places.map((p) => [p.name, p.country]), [['Idlib', 'SY']]);
  assert.deepEqual(a.times.map((t) => [t.text, t.value]), [['Sunday', '2024-03-17']]);
  assert.deepEqual(a.attributions.map((q) => [q.kind, q.speaker?.id]), [['reported', 'SOHR']]);
});

test('an article in another language keeps its sentences and is not read as English', () => {
  const a = analyse('Российские самолёты нанесли удары по позициям боевиков в провинции Идлиб. Погибли семь человек.');
  assert.equal(a.article.language, 'ru');
  assert.equal(a.sentences.length, 2);
  assert.deepEqual([a.entities, a.places, a.times], [[], [], []]);
});
