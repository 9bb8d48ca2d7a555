// DOM building without markup: every text goes in through textContent (or a text node),
// never through innerHTML, so article text, titles and names can hold `<script>` or
// `onerror=` and nothing runs.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(node: Element, attrs: Attrs | null, children: Child[]): void {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, ''), v);
    else if (/^on/i.test(k) || k === 'style' || k === 'srcdoc') throw new Error(`refusing attribute ${k}`);
    else if (k === 'href' && !safeHref(String(v))) continue;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Links go to this app or to http(s) pages only: never `javascript:` or `data:`. */
export function safeHref(href: string): boolean {
  if (href.startsWith('/') || href.startsWith('#') || href.startsWith('?')) return !href.startsWith('//');
  try {
    return ['http:', 'https:'].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** An HTML element: `h('a', {href: '/'}, 'home')`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  fill(node, attrs ?? null, children);
  return node;
}

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  fill(node, attrs ?? null, children);
  return node;
}

export function clear(node: Element): void {
  node.replaceChildren();
}
