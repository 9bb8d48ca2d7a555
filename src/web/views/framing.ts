// The story's framing side by side (GET /api/stories/:id/framing): one column an outlet (an
// article with no outlet is its own column), a row per actor with the labels each outlet
// uses for it, then loaded terms, voices, and the story events each outlet leaves out.
// Every word goes in as text (../dom.ts), never as markup.
import type { FramingCoverageEvent, FramingLabel, FramingTerm, StoryFramingJson } from '../api.js';
import { h } from '../dom.js';

type ArticleLink = (sourceId: string, start?: number, label?: string) => HTMLElement;

/** Whose words a use is, when they are not the outlet's own. */
const whose = (u: { voice: string; speaker?: string }) => (u.voice === 'own' ? '' : ` (${u.voice}${u.speaker ? `: ${u.speaker}` : ''})`);

function list(items: HTMLElement[], empty = '—'): HTMLElement {
  return items.length ? h('ul', { class: 'framing-list' }, ...items) : h('span', { class: 'meta' }, empty);
}

/** Own labels first, with their counts; others (quoted, reported, set apart, negated) after, marked. */
function labelItems(labels: FramingLabel[]): HTMLElement[] {
  const own = labels.filter((l) => l.voice === 'own');
  const others = labels.filter((l) => l.voice !== 'own');
  return [
    ...own.map((l) => h('li', { class: 'own', 'data-label': l.label }, l.label, ' ', h('span', { class: 'num' }, `×${l.count}`),
      l.distanced?.length ? h('span', { class: 'meta' }, ` (‘${l.distanced.join('’, ‘')}’ set apart)`) : '')),
    ...others.map((l) => h('li', { class: 'not-own', 'data-label': l.label, 'data-voice': l.voice }, l.label, ' ', h('span', { class: 'num' }, `×${l.count}`),
      h('span', { class: 'meta' }, whose(l)))),
  ];
}

function termItems(terms: FramingTerm[]): HTMLElement[] {
  return terms.map((t) => h('li', { class: t.voice === 'own' ? 'own' : 'not-own', 'data-term': t.term },
    t.term, ' ', h('span', { class: 'num' }, `×${t.count}`),
    h('span', { class: 'meta' }, ` ${t.category}${t.tone ? `, ${t.tone}` : ''}${t.about ? `, about ${t.about}` : ''}${whose(t)}`)));
}

const eventText = (e: FramingCoverageEvent) =>
  [e.date ?? '?', e.type, e.mode, e.actor ? `${e.actor}${e.recipient ? ` → ${e.recipient}` : ''}` : '', e.place ?? ''].filter(Boolean).join(' ');

export function framingSection(f: StoryFramingJson | null, articleLink: ArticleLink): HTMLElement {
  const section = h('section', { class: 'framing' }, h('h2', null, 'Framing'));
  if (!f) {
    section.append(h('p', { class: 'meta' }, 'The framing of this story could not be read.'));
    return section;
  }
  section.append(h('p', { class: 'meta' },
    'How each outlet tells this story: the words it uses for each actor (its own first, with counts; others marked with whose words they are), its loaded terms, whom it credits, and the story events it leaves out.'));
  if (f.note) section.append(h('p', { class: 'meta framing-note' }, f.note));
  const columns = f.outlets;
  const head = h('tr', null, h('th', { scope: 'col' }, ''), ...columns.map((c) => h('th', { scope: 'col', 'data-outlet': c.key },
    c.byArticle ? articleLink(c.key) : c.outlet ?? c.key,
    h('div', { class: 'meta' }, `${c.byArticle ? 'no outlet · ' : ''}${c.articles.length} article${c.articles.length === 1 ? '' : 's'} · ${c.words} words`))));
  const row = (cls: string, title: Node | string, cells: (key: string) => Node) =>
    h('tr', { class: cls }, h('th', { scope: 'row' }, title), ...columns.map((c) => h('td', { 'data-outlet': c.key }, cells(c.key))));
  const groupRow = (text: string) => h('tr', { class: 'framing-group' }, h('th', { colspan: columns.length + 1, scope: 'rowgroup' }, text));

  const events = new Map(f.coverage.events.map((e) => [e.id, e]));
  const rows: HTMLElement[] = [
    groupRow('Labels for each actor'),
    ...f.actors.map((a) => {
      const r = row('framing-actor', h('span', null, a.name, ' ', h('span', { class: 'meta' }, `(${a.id})`)), (key) => list(labelItems(a.outlets[key] ?? [])));
      r.setAttribute('data-actor', a.id);
      return r;
    }),
    groupRow('Loaded terms, hedges and factives'),
    row('framing-loaded', 'loaded terms', (key) => {
      const l = f.loaded[key];
      if (!l) return h('span', { class: 'meta' }, '—');
      return h('div', null, h('div', { class: 'meta' }, `${l.own} own (${l.perThousandWords} per 1,000 words) · hedges ${l.hedges} · factives ${l.factives}`),
        list(termItems(l.terms), ''));
    }),
    groupRow('Voices: whom each outlet quotes or credits'),
    row('framing-voices', 'voices', (key) => list((f.voices[key] ?? []).map((v) => h('li', null, v.name, ' ', h('span', { class: 'num' }, `×${v.count}`),
      h('span', { class: 'meta' }, ` ${v.kind}${v.role ? `, ${v.role}` : ''}${v.side ? `, for ${v.side}` : ''}`))))),
    groupRow('Coverage: story events another outlet reports and this one leaves out'),
    row('framing-coverage', 'left out', (key) => {
      const reported = f.coverage.events.filter((e) => e.outlets[key]).length;
      const missed = (f.coverage.blindspots[key] ?? []).map((id) => events.get(id)).filter((e): e is FramingCoverageEvent => e !== undefined);
      return h('div', null, h('div', { class: 'meta' }, `reports ${reported} of ${f.coverage.events.length} event${f.coverage.events.length === 1 ? '' : 's'}`),
        list(missed.map((e) => h('li', { 'data-event': e.id }, eventText(e))), 'nothing left out'));
    }),
  ];
  section.append(h('div', { class: 'framing-scroll' }, h('table', { class: 'framing-table' }, h('thead', null, head), h('tbody', null, ...rows))));
  return section;
}
