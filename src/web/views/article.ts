// One article: its clean text with entities, places, dates and event evidence highlighted,
// and its events beside it, each linking to its sentence. The text is cut into text nodes
// at the layers' offsets: it is never parsed as HTML, whatever it contains.
import { getArticle, type ArticleJson } from '../api.js';
import { h } from '../dom.js';
import { eventFacts, typeBadge } from '../format.js';

interface Mark {
  start: number;
  end: number;
  kind: 'entity' | 'place' | 'date' | 'evidence';
  note: string;
}

/** The text as runs between layer boundaries, each with the marks covering it. */
export function segments(length: number, marks: readonly Mark[], anchors: readonly number[]): { start: number; end: number; marks: Mark[] }[] {
  const cuts = new Set<number>([0, length, ...anchors]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(length, m.start)));
    cuts.add(Math.max(0, Math.min(length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { start: number; end: number; marks: Mark[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    if (end > start) out.push({ start, end, marks: marks.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

export async function articleView(view: HTMLElement, id: number): Promise<void> {
  const doc: ArticleJson = await getArticle(id);
  const a = doc.article;
  document.title = `${a.title ?? `Article ${id}`} · sitrep`;
  const marks: Mark[] = [
    ...doc.entities.map((e) => ({ start: e.start, end: e.end, kind: 'entity' as const, note: `${e.type ?? 'entity'}${e.id ? ` ${e.id}` : ''}` })),
    ...doc.places.map((p) => ({ start: p.start, end: p.end, kind: 'place' as const, note: `place: ${p.name ?? ''}${p.admin1 ? `, ${p.admin1}` : ''}${p.country ? ` (${p.country})` : ''}` })),
    ...doc.times.map((t) => ({ start: t.start, end: t.end, kind: 'date' as const, note: `date: ${t.value ?? ''}` })),
    ...doc.events.map((e, i) => ({ start: e.evidence.start, end: e.evidence.end, kind: 'evidence' as const, note: `event ${i + 1}: ${e.type}` })),
  ];
  const anchors = [...new Set([...doc.sentences.map((s) => s.start), ...doc.events.map((e) => e.evidence.start)])];
  const anchorSet = new Set(anchors);
  const text = h('div', { class: 'article-text', lang: a.language });
  for (const seg of segments(a.text.length, marks, anchors)) {
    const run = a.text.slice(seg.start, seg.end);
    const id = anchorSet.has(seg.start) ? `s-${seg.start}` : null;
    if (seg.marks.length === 0 && !id) {
      text.append(document.createTextNode(run));
      continue;
    }
    const kinds = [...new Set(seg.marks.map((m) => m.kind))];
    const evidenceOf = [...new Set(seg.marks.filter((m) => m.kind === 'evidence').map((m) => m.start))].join(' ');
    const span = h('span', { class: kinds.map((k) => `hl-${k}`).join(' ') || null, id, 'data-ev': evidenceOf || null, title: seg.marks.map((m) => m.note).join('; ') || null }, run);
    text.append(span);
  }
  const cards = doc.events.map((e, i) => h('article', { class: 'event-card', id: `event-${i + 1}` },
    h('h3', null, `${i + 1}. `, typeBadge(e.type, e.mode)),
    eventFacts(e),
    h('p', { class: 'links' }, h('a', { href: `#s-${e.evidence.start}`, class: 'to-sentence' }, `→ sentence ${e.evidence.sentence + 1}`))));
  view.replaceChildren(
    h('h1', null, a.title ?? `Article ${id}`),
    h('p', { class: 'meta' }, [a.outlet ?? 'unknown outlet', a.byline, a.published, a.language].filter(Boolean).join(' · '),
      a.url ? ' · ' : '', a.url ? h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, 'source page') : ''),
    h('p', { class: 'legend' }, h('span', { class: 'hl-entity' }, 'actor'), ' ', h('span', { class: 'hl-place' }, 'place'), ' ',
      h('span', { class: 'hl-date' }, 'date'), ' ', h('span', { class: 'hl-evidence' }, 'event evidence')),
    h('div', { class: 'article-layout' }, text,
      h('aside', { class: 'article-events' }, h('h2', null, `Events (${doc.events.length})`), ...(cards.length ? cards : [h('p', null, 'No events found in this article.')]))),
  );
}
