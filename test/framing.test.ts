// Framing of the seeds' Sept–Oct 2021 story (seeds 000, 002, 003, 004, read from
// ../shared/data at test time, never copied here): issue 9's done-when, checked through the
// CLI as users run it. The seeds are plain files with no outlet in the store, so each
// article without one is its own column (its sourceId stands for the outlet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabelCount, OutletProfile, Story, StoryFraming } from '../src/model/index.js';
import { seedOf as seed, seeds, sitrep, skipWithoutSeeds as skip, tempDb } from './helpers/cli.js';

interface Seeded {
  db: string;
  framing: StoryFraming;
  texts: Map<string, string>;
}

function framed(): Seeded {
  const db = tempDb('framing');
  const ingest = sitrep(['ingest', seeds, '--db', db, '--quiet']);
  assert.equal(ingest.code, 0, ingest.err);
  const stories = JSON.parse(sitrep(['stories', '--json', '--db', db]).out) as Story[];
  const story = stories.find((s) => s.articles.map(seed).includes('000'))!;
  const run = sitrep(['framing', story.id, '--json', '--db', db]);
  assert.equal(run.code, 0, run.err);
  const texts = new Map<string, string>();
  for (const line of sitrep(['articles', '--json', '--db', db]).out.trim().split('\n')) {
    const a = JSON.parse(line) as { sourceId: string; text: string };
    texts.set(a.sourceId, a.text);
  }
  return { db, framing: JSON.parse(run.out) as StoryFraming, texts };
}

let cached: Seeded | undefined;
const seeded = () => (cached ??= framed());

/** The column an article is counted in. */
const columnOf = (f: StoryFraming, id: string) => f.outlets.find((o) => o.articles.some((a) => seed(a) === id))!.key;

/** The labels a seed uses in its own voice for the actors whose ids `fits`. */
function ownLabels(f: StoryFraming, id: string, fits: (actor: string) => boolean): LabelCount[] {
  const key = columnOf(f, id);
  return f.actors.filter((a) => fits(a.id)).flatMap((a) => a.outlets[key] ?? []).filter((l) => l.voice === 'own');
}

const armedOpposition = (id: string) => id === 'SYR.REB' || id.startsWith('SYR.REB.');
const syrianGovernment = (id: string) => id === 'SYR.GOV' || id === 'SYR.MIL';

test('seeds: the story has the four 2021 articles; those without an outlet are their own columns, and the framing says so', { skip }, () => {
  const f = seeded().framing;
  assert.deepEqual(f.outlets.flatMap((o) => o.articles).map(seed).sort(), ['000', '002', '003', '004']);
  for (const o of f.outlets) if (o.outlet === null) assert.deepEqual([o.byArticle, o.articles], [true, [o.key]]);
  assert.match(f.note ?? '', /no outlet/);
});

test('seeds: the armed opposition is "terrorist brigades"/terrorists/militants in 004, "opposition"/"Turkey-backed faction" in 003, "opposition" in 002', { skip }, () => {
  const f = seeded().framing;
  const s004 = ownLabels(f, '004', armedOpposition);
  assert.ok(s004.some((l) => l.label === 'terrorist brigades'), JSON.stringify(s004.map((l) => l.label)));
  assert.ok(s004.some((l) => l.terms.includes('terrorist') && l.label !== 'terrorist brigades'), 'another "terror…" label');
  assert.ok(s004.some((l) => l.terms.includes('militant')), 'a "militant" label');
  const s003 = ownLabels(f, '003', armedOpposition).map((l) => l.label);
  assert.ok(s003.includes('opposition') && s003.includes('Turkey-backed faction'), JSON.stringify(s003));
  const s002 = ownLabels(f, '002', armedOpposition).map((l) => l.label);
  assert.ok(s002.includes('opposition'), JSON.stringify(s002));
  // 002 prints "terrorists" only in Lavrov's words: never its own label for the opposition.
  assert.ok(!ownLabels(f, '002', armedOpposition).some((l) => l.terms.includes('terrorist')));
  const quoted = f.actors.filter((a) => armedOpposition(a.id)).flatMap((a) => a.outlets[columnOf(f, '002')] ?? []).filter((l) => l.terms.includes('terrorist'));
  assert.ok(quoted.length > 0 && quoted.every((l) => l.voice !== 'own' && /Lavrov/.test(l.speaker ?? '')), JSON.stringify(quoted));
});

test('seeds: the Syrian government side is "Assad regime" in 002 and 003, "Syrian Arab Army"/"Syrian government" in 000', { skip }, () => {
  const f = seeded().framing;
  for (const id of ['002', '003']) {
    const labels = ownLabels(f, id, syrianGovernment).map((l) => l.label);
    assert.ok(labels.some((l) => l.includes('Assad regime')), `${id}: ${JSON.stringify(labels)}`);
  }
  const s000 = ownLabels(f, '000', syrianGovernment).map((l) => l.label);
  assert.ok(s000.includes('Syrian Arab Army') && s000.includes('Syrian government'), JSON.stringify(s000));
});

test('seeds: "liberate" in 004, in its own voice', { skip }, () => {
  const f = seeded().framing;
  const terms = f.loaded[columnOf(f, '004')]!.terms;
  assert.ok(terms.some((t) => t.term === 'liberate' && t.voice === 'own'), JSON.stringify(terms.map((t) => t.term)));
});

test('seeds: SOHR credited by 000; plane spotters and the National Army spokesperson by 003', { skip }, () => {
  const f = seeded().framing;
  const v000 = f.voices[columnOf(f, '000')]!;
  assert.equal(v000.find((v) => v.id === 'SOHR')?.kind, 'monitor');
  const v003 = f.voices[columnOf(f, '003')]!;
  assert.equal(v003.find((v) => v.id === 'SPOTTERS')?.kind, 'monitor');
  const hamoud = v003.find((v) => v.id === 'PER.HAMOUD');
  assert.deepEqual([hamoud?.role, hamoud?.side], ['spokesperson', 'SYR.REB.TUR']);
});

test('seeds: every label count points at the words it counts', { skip }, () => {
  const { framing: f, texts } = seeded();
  let checked = 0;
  for (const a of f.actors) {
    for (const counts of Object.values(a.outlets)) {
      for (const c of counts) {
        assert.equal(c.evidence.length, c.count);
        for (const e of c.evidence) {
          const text = texts.get(e.sourceId)!;
          assert.ok(e.start <= e.span.start && e.span.end <= e.end, JSON.stringify(e));
          // The label as compared drops determiners and trailing things ("outposts"); a conjunct
          // ("Russian and Turkish troops") keeps the shared words: each of its words is in the span.
          const written = text.slice(e.span.start, e.span.end).toLowerCase();
          for (const w of c.label.toLowerCase().split(/[\s‘’-]+/).filter((x) => x)) assert.ok(written.includes(w), `${c.label} / ${written}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 50);
});

test('seeds: outlet profiles, the text table, and exit codes', { skip }, () => {
  const { db, framing: f } = seeded();
  const outlets = sitrep(['outlets', '--json', '--db', db]);
  assert.equal(outlets.code, 0, outlets.err);
  const profiles = JSON.parse(outlets.out) as OutletProfile[];
  const p004 = profiles.find((p) => p.outlet === columnOf(f, '004'))!;
  assert.ok((p004.labelTerms?.['SYR.REB']?.['terrorist'] ?? 0) >= 2);
  assert.ok((p004.loaded?.perThousandWords ?? 0) > (profiles.find((p) => p.outlet === columnOf(f, '000'))!.loaded?.perThousandWords ?? 0));
  assert.ok(profiles.some((p) => p.byArticle), 'articles without an outlet are profiled one by one');
  const table = sitrep(['framing', f.story, '--db', db]);
  assert.equal(table.code, 0, table.err);
  assert.match(table.out, /terrorist brigades 2/);
  assert.match(sitrep(['outlets', '--db', db]).out, /loaded terms/);
  assert.equal(sitrep(['framing', '999', '--db', db]).code, 2);
  assert.equal(sitrep(['framing', 'abc', '--db', db]).code, 2);
});
