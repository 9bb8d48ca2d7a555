// The event card of the map: the event's fields, the sentence that tells it (read from its
// article), the outlet, and links to the article's sentence, the story and the source page.
import { getArticle, type ApiEvent } from '../api.js';
import { h } from '../dom.js';
import { appLink, eventFacts, typeBadge } from '../format.js';

export function eventCard(e: ApiEvent, onClose: () => void): HTMLElement {
  const evidence = h('blockquote', { class: 'evidence' }, '…');
  void getArticle(e.article.id).then(
    (a) => evidence.replaceChildren(a.article.text.slice(e.evidence.start, e.evidence.end)),
    () => evidence.replaceChildren('(the article could not be read)'),
  );
  const links = h('p', { class: 'links' },
    appLink(`/articles/${e.article.id}#s-${e.evidence.start}`, 'Sentence in the article'),
    e.story !== null ? ' · ' : '', e.story !== null ? appLink(`/stories/${e.story}`, `Story ${e.story}`) : '',
    e.article.url ? ' · ' : '', e.article.url ? h('a', { href: e.article.url, rel: 'noopener noreferrer', target: '_blank' }, 'Source page') : '');
  return h('article', { class: 'event-card', 'data-event': e.id },
    h('button', { class: 'close', type: 'button', 'aria-label': 'Close', onclick: onClose }, '×'),
    h('h2', null, typeBadge(e.type, e.mode)),
    eventFacts(e),
    evidence,
    h('p', { class: 'outlet' }, 'Reported by ', h('strong', null, e.article.outlet ?? 'unknown outlet'), e.article.published ? `, ${e.article.published}` : '',
      e.article.title ? ': ' : '', e.article.title ? h('cite', null, e.article.title) : ''),
    links);
}
