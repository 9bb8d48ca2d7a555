// Stories from the command line: the five real seeds (read from ../shared/data at test
// time, never copied here) make the two stories issue 8 describes; the sample shows the
// JSON shape and the exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Story, StoryEvent } from '../src/model/index.js';
import { km } from '../src/analyze/places/index.js';
import { root, seedOf as seed, seeds, sitrep, skipWithoutSeeds as skip, tempDb as tempDbIn } from './helpers/cli.js';

const tempDb = () => tempDbIn('stories');

function ingestSeeds(): Story[] {
  const db = tempDb();
  const ingest = sitrep(['ingest', seeds, '--db', db, '--quiet']);
  assert.equal(ingest.code, 0, ingest.err);
  const listed = sitrep(['stories', '--json', '--db', db]);
  assert.equal(listed.code, 0, listed.err);
  return JSON.parse(listed.out) as Story[];
}

let cached: Story[] | undefined;
const seedStories = () => (cached ??= ingestSeeds());
const story2021 = () => seedStories().find((s) => s.articles.map(seed).includes('000'))!;

test('seeds: exactly two stories, {000, 002, 003, 004} and {001}', { skip }, () => {
  const groups = seedStories().map((s) => s.articles.map(seed).sort().join(',')).sort();
  assert.deepEqual(groups, ['000,002,003,004', '001']);
});

test('seeds: 003 and 004 take 2021 dates from the story, with basis "story"', { skip }, () => {
  const members = story2021().members!;
  for (const id of ['003', '004']) {
    const m = members.find((x) => seed(x.sourceId) === id)!;
    assert.equal(m.date?.basis, 'story', id);
    assert.equal(m.date?.date.slice(0, 4), '2021', id);
  }
});

const AFRIN = { lat: 36.51, lon: 36.87 };
const nearAfrin = (e: StoryEvent) => !!e.place && km(e.place.lat, e.place.lon, AFRIN.lat, AFRIN.lon) <= 50;
const on = (e: StoryEvent, day: string) => !!e.date && e.date.start <= day && day <= e.date.end;

test('seeds: the Afrin airstrikes are one story event, killed 5 to 7, both sources and outlets in the ledger, disputed', { skip }, () => {
  const s = story2021();
  const strikes = s.events.filter((e) => e.type === 'ASSAULT' && e.mode !== 'capture' && nearAfrin(e) && on(e, '2021-09-26'));
  assert.equal(strikes.length, 1, `Afrin airstrike events: ${JSON.stringify(strikes.map((e) => e.mentions.map((m) => [seed(m.sourceId), m.event.actor?.id, m.event.killed?.min])))}`);
  const [e] = strikes;
  assert.equal(e!.killed?.min, 5);
  assert.deepEqual(e!.killedRange, { min: 5, max: 7 });
  const killed = e!.claims.find((c) => c.field === 'killed');
  assert.ok(killed, 'a killed ledger');
  assert.equal(killed.disputed, true);
  assert.deepEqual(killed.values.map((v) => [seed(v.sourceId), (v.value as { min: number }).min]).sort(), [['000', 7], ['003', 5]]);
  // The credited sources: the Syrian Observatory (000) and the plane spotters (003).
  assert.deepEqual(killed.values.map((v) => v.source?.id).sort(), ['SOHR', 'SPOTTERS']);
  // Each value carries its article's outlet (the seeds name none, so the store holds null).
  const outletOf = new Map(s.members!.map((m) => [m.sourceId, m.outlet]));
  for (const v of killed.values) assert.equal(v.outlet, outletOf.get(v.sourceId));
});

test('seeds: the Sochi meeting is one story event that occurred on 2021-09-29, its planned mentions kept', { skip }, () => {
  const s = story2021();
  const sides = (e: StoryEvent) => [e.actor?.id, e.recipient?.id].sort().join(' ');
  const meetings = s.events.filter((e) => e.type === 'CONSULT' && e.mode !== 'call' && sides(e) === 'PER.ERDOGAN PER.PUTIN' && !!e.date && e.date.end >= '2021-09-27');
  assert.equal(meetings.length, 1, `Putin-Erdogan meetings: ${JSON.stringify(meetings.map((e) => [e.date, e.place?.name, e.mentions.map((m) => seed(m.sourceId))]))}`);
  const [e] = meetings;
  assert.equal(e!.status, 'occurred');
  assert.deepEqual([e!.date?.start, e!.date?.end], ['2021-09-29', '2021-09-29']);
  const planned = e!.mentions.filter((m) => m.event.status === 'planned').map((m) => seed(m.sourceId));
  assert.ok(planned.length >= 1, 'planned mentions kept');
  assert.ok(e!.mentions.some((m) => m.event.status === 'occurred' && seed(m.sourceId) === '004'), 'the report that it happened (004)');
});

test('stories: the JSON shape of INTERFACE.md, one story by id, and exit codes', () => {
  const db = tempDb();
  assert.equal(sitrep(['ingest', join(root, 'data/sample'), '--db', db, '--quiet']).code, 0);
  const listed = sitrep(['stories', '--json', '--db', db]);
  assert.equal(listed.code, 0, listed.err);
  const stories = JSON.parse(listed.out) as Story[];
  assert.ok(stories.length >= 1);
  const all = stories.flatMap((s) => s.articles).sort();
  assert.equal(all.length, 4, 'every article in exactly one story');
  assert.equal(new Set(all).size, 4);
  for (const s of stories) {
    assert.equal(typeof s.id, 'string');
    assert.equal(typeof s.title, 'string');
    for (const e of s.events) {
      assert.ok(Array.isArray(e.claims));
      for (const m of e.mentions) assert.ok(s.articles.includes(m.sourceId) && m.event.type === e.type);
    }
    for (const x of s.summary ?? []) assert.ok(s.articles.includes(x.sourceId) && x.end > x.start);
  }
  const table = sitrep(['stories', '--db', db]);
  assert.equal(table.out.trim().split('\n').length, stories.length);
  const one = sitrep(['story', stories[0]!.id, '--json', '--db', db]);
  assert.equal(one.code, 0, one.err);
  assert.deepEqual(JSON.parse(one.out), stories[0]);
  assert.match(sitrep(['story', stories[0]!.id, '--db', db]).out, /^story \d+: /);
  assert.equal(sitrep(['story', '999', '--db', db]).code, 2);
  assert.equal(sitrep(['story', 'abc', '--db', db]).code, 2);
});
