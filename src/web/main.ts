// The sitrep web app: a router over four views, all built from the JSON API with DOM nodes
// (./dom.ts; never markup from data). Filters live in the URL, so any view can be shared.
import './style.css';
import { HttpError } from './api.js';
import { h } from './dom.js';
import { articleView } from './views/article.js';
import { overview } from './views/overview.js';
import { storiesView, storyView } from './views/story.js';

const view = document.getElementById('view')!;
let rendered = '';

async function render(): Promise<void> {
  const { pathname, search } = location;
  rendered = pathname + search;
  const path = pathname.replace(/\/+$/, '') || '/';
  let m: RegExpExecArray | null;
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('current', a.getAttribute('href') === (path.startsWith('/stories') ? '/stories' : path)));
  try {
    if (path === '/') await overview(view, navigate);
    else if (path === '/stories') await storiesView(view);
    else if ((m = /^\/stories\/(\d+)$/.exec(path))) await storyView(view, Number(m[1]));
    else if ((m = /^\/articles\/(\d+)$/.exec(path))) await articleView(view, Number(m[1]));
    else notFound(`No page ${path}.`);
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) notFound(e.message);
    else view.replaceChildren(h('p', { class: 'error' }, `Could not load this view: ${(e as Error).message}`));
  }
  scrollToHash();
}

function notFound(message: string) {
  document.title = 'Not found · sitrep';
  view.replaceChildren(h('h1', null, 'Not found'), h('p', null, message));
}

function scrollToHash() {
  if (!location.hash) return;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  // A sentence of an article: the whole evidence span flashes, not only its first run.
  const start = /^s-(\d+)$/.exec(target.id)?.[1];
  const runs = start ? [...document.querySelectorAll(`[data-ev~="${start}"]`)] : [];
  const flashed = runs.length ? runs : [target];
  for (const n of flashed) n.classList.add('flash');
  setTimeout(() => flashed.forEach((n) => n.classList.remove('flash')), 2000);
}

/** Goes to `href` inside the app; `replace` keeps the history entry (filter tweaks). */
export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  if (location.pathname + location.search !== rendered) void render();
  else scrollToHash();
}

document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a[data-app]');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(a.getAttribute('href')!);
});
window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== rendered) void render();
  else scrollToHash();
});

void render();
