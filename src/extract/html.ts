// HTML page -> article text and metadata. The main text comes from Mozilla Readability
// run on a linkedom document (fast, no layout); the text is rebuilt block by block from
// Readability's content element so that paragraphs never run together (the element is
// handed over through Readability's `serializer` option, so it is not serialised to HTML
// and parsed again). The page is pre-cleaned first (see preclean). When Readability
// finds nothing (or almost nothing), a small text-density scorer over the original DOM
// picks the best container instead. Metadata (title, byline, date, outlet, language) is
// read off the page before Readability mutates it.
import { fold } from './boilerplate.js';
import { findExplicitDate, normaliseDate } from './dates.js';
import { MONTH_PREFIX, WEEKDAY_PREFIX } from '../analyze/times/names.js';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fail, ok, type Result } from '../model/index.js';

export interface ExtractedPage {
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  publishedBasis: 'metadata' | 'byline' | 'dateline' | 'none';
  outlet: string | null;
  /** From `<html lang>` if any, 2-letter. */
  language: string | null;
  text: string;
}

/** Below this many characters Readability's result is checked against the fallback. */
const MIN_READABILITY_CHARS = 200;
/** Element nesting beyond which Readability is not run (see extractHtml). */
const MAX_DEPTH = 160;

export function extractHtml(html: string, opts: { url?: string } = {}): Result<ExtractedPage> {
  if (typeof html !== 'string' || html.trim() === '') return fail('no article text found');
  if (looksBinary(html)) return fail('no article text found');

  const { html: cleaned, jsonLd, footerTimes } = preclean(html);
  const doc = parse(cleaned);
  if (!doc) return fail('no article text found');

  const meta = readMetadata(doc, jsonLd, footerTimes);
  // Visible date lines are only needed without a metadata date; read them before Readability edits the tree.
  const dateBlocks = meta.published ? [] : visibleDateCandidates(doc);

  // Readability's cost grows with nesting depth times size: a broken page with thousands of
  // unclosed tags would take minutes. Real pages stay far below the limit (median 18, max
  // 55 on the extraction benchmarks); deeper ones go straight to the density scorer.
  const tooDeep = deeperThan(doc.body, MAX_DEPTH);
  // Captions and credits go first: Readability may turn their <div> into a <p> without
  // the class that says what they are.
  if (!tooDeep) dropCaptions(doc);
  let read = tooDeep ? NOTHING : readability(doc);
  if (!tooDeep && read.text.length < MIN_READABILITY_CHARS) {
    // Streaming server renders (React/Next.js) park the whole article in a `<div hidden>`
    // that a script would move into place: Readability skips hidden nodes, so retry with
    // them shown.
    const unhidden = parse(cleaned);
    const hidden = unhidden ? Array.from(unhidden.querySelectorAll('[hidden]')) : [];
    if (unhidden && hidden.length > 0) {
      for (const el of hidden) el.removeAttribute('hidden');
      const retry = readability(unhidden);
      if (retry.text.length > read.text.length) read = { ...retry, title: retry.title ?? read.title, byline: retry.byline ?? read.byline };
    }
  }
  let text = read.text;
  if (text.length < MIN_READABILITY_CHARS) {
    const fresh = parse(cleaned);
    const fallback = fresh ? densityText(fresh) : '';
    if (fallback.length > text.length) text = fallback;
  }
  if (!/[\p{L}\p{N}]{2,}/u.test(text)) return fail('no article text found');

  const title = read.title ?? meta.title;
  const byline = usableByline(read.byline) ?? meta.author;
  const outlet = meta.siteName ?? read.siteName ?? hostOutlet(opts.url);

  let published = meta.published;
  let publishedBasis: ExtractedPage['publishedBasis'] = published ? 'metadata' : 'none';
  // A full date in the URL is the day the publisher filed the story under. A metadata
  // timestamp a day off is the same moment in UTC ("2025-12-19T02:41Z" for an evening post
  // of the 18th in New York); a page without metadata dates takes the URL's.
  const urlDay = urlDate(opts.url);
  if (urlDay && (!published || Math.abs(dayNumber(published) - dayNumber(urlDay)) <= 1)) {
    published = urlDay;
    publishedBasis = 'metadata';
  }
  if (!published) {
    const fromByline = (byline && findExplicitDate(byline)) || firstDate(dateBlocks);
    if (fromByline) {
      published = fromByline;
      publishedBasis = 'byline';
    } else {
      const fromDateline = datelineDate(text);
      if (fromDateline) {
        published = fromDateline;
        publishedBasis = 'dateline';
      } else if (meta.modified) {
        // A page that states only when it was last changed was published no later.
        published = meta.modified;
        publishedBasis = 'metadata';
      }
    }
  }

  return ok({ title, byline, published, publishedBasis, outlet, language: meta.language, text });
}

interface ReadabilityResult {
  text: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
}

const NOTHING: ReadabilityResult = { text: '', title: null, byline: null, siteName: null };

/** Readability on `doc` (which it edits), text rebuilt block by block. */
function readability(doc: Document): ReadabilityResult {
  try {
    const article = new Readability<Element>(doc, { serializer: (el) => el as Element, keepClasses: true }).parse();
    if (!article) return NOTHING;
    const title = clean(article.title);
    const blocks = article.content ? articleBlocks(collectBlocks(article.content), article.content, title) : [];
    return { text: blocksToText(blocks), title, byline: clean(article.byline), siteName: clean(article.siteName) };
  } catch {
    // Readability throws on some malformed trees; the fallbacks still get a go.
    return NOTHING;
  }
}

/** Class or id of a part that holds no article text: captions, credits, share bars, related links. */
const PROMO_LABEL = /^(?:read|see|watch|listen|also|related|more|recommended|don'?t miss|must read|click)\b[^:]{0,20}:/i;
const FURNITURE_NAMES =
  /(^|[\s_-])(caption|credits?|share|sharing|social|related|newsletter|subscribe|promo|advert|ads?|sponsor(ed)?|tags?|breadcrumbs?|byline|dateline|timestamp|author-bio|disclaimer)($|[\s_-])/i;

/**
 * Readability's blocks less what is not article text: link-only lines (tag lists, "related"
 * links), image captions and credits, parts named as page furniture (share bars, related
 * links, bylines), date lines, a bare URL, and the headline said again. (The scraped-text
 * lexicon of ./boilerplate.ts is not applied here: on the AEB pages it cost more recall,
 * 0.987 -> 0.981, than it gained precision; and dropping repeated short blocks lost
 * recall too.)
 */
function articleBlocks(blocks: Block[], root: Element, title: string | null): Block[] {
  const headline = title ? fold(title) : null;
  const rootChars = (root.textContent ?? '').length;
  return blocks.filter((b) => {
    if (b.linkChars >= 0.9 * b.text.length) return false;
    // "READ MORE: <a>another story</a>", "Related: <a>…</a>": a promoted link.
    if (b.linkChars >= 0.5 * b.text.length && PROMO_LABEL.test(b.text)) return false;
    if (b.owner.closest('figcaption')) return false;
    if (furnitureOwner(b.owner, root, rootChars)) return false;
    const f = fold(b.text);
    if (f === headline || /^https?:\/\/\S+$/.test(f)) return false;
    return !isDateLine(b.text);
  });
}

/**
 * Whether an element between `el` and the content root is named as page furniture.
 * (Readability keeps class names when asked, except where it turns a <div> into a <p> or
 * replaces a <div> by its only <p>: a caption in such a <div> is not caught here.)
 */
function furnitureOwner(el: Element, root: Element, rootChars: number): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    const names = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    // WordPress names a post's wrapper after its tags and categories ("tag-share-prices").
    if (names.length > 1 && FURNITURE_NAMES.test(names.replace(TAXONOMY_NAMES, ' '))) {
      // A misnamed wrapper ("body-ad-wrapper" round the whole story) is no furniture.
      if ((e.textContent ?? '').length < rootChars / 3) return true;
    }
  }
  return false;
}

const TAXONOMY_NAMES = /(?:^|\s)(?:tag|category|categories|post_tag)-\S*/gi;

const DATE_WORDS = new RegExp(
  `\\b(?:(?:first |last )?(?:published|updated|posted|modified|date|on|at|and|by|am|pm|a\\.m|p\\.m|gmt|utc|[ecmp][sd]t|bst|cet|ist|${WEEKDAY_PREFIX}|${MONTH_PREFIX}))\\b\\.?`, 'gi');
/** A month and a day ("Nov. 19", "November 20"). */
const MONTH_DAY = new RegExp(`\\b${MONTH_PREFIX}\\.? \\d{1,2}\\b`, 'i');

/**
 * A short line that only dates the page ("Updated 1:39 am EST, Wednesday, November 20,
 * 2019", "PUBLISHED: 10:48, Tue, Nov 19, 2019", "By A. Writer - 11/18/19 11:04 PM EST"):
 * with its date, time and label words taken away, at most one word is left (four after "By",
 * for the writer's name).
 */
function isDateLine(text: string): boolean {
  if (text.length > 100) return false;
  if (!findExplicitDate(text) && !/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(text) && !MONTH_DAY.test(text)) return false;
  const rest = text.replace(DATE_WORDS, ' ').replace(/[\d:;,.|/()\-–—]+/g, ' ').trim();
  const words = rest === '' ? 0 : rest.split(/\s+/).length;
  return words <= (/^\s*by\b/i.test(text) ? 4 : 1);
}

const CAPTION_NAMES = /(^|[\s_-])(captions?|credits?|caption-text|image-credit|photo-credit)($|[\s_-])/i;

/** Short elements named as image captions or credits, out of the page. */
function dropCaptions(doc: Document): void {
  for (const el of Array.from(doc.body.querySelectorAll('[class*="caption" i],[class*="credit" i]'))) {
    if (!CAPTION_NAMES.test(el.getAttribute('class') ?? '')) continue;
    if ((el.textContent ?? '').length <= 300) el.remove();
  }
}

/** Whether any element under `root` is nested more than `limit` levels deep. */
function deeperThan(root: Element, limit: number): boolean {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return false;
}

// ---------------------------------------------------------------------------
// Pre-cleaning and parsing.

// Removed before parsing: comments, elements that hold no article text (scripts, styles,
// forms' option lists, inline SVG…), and <nav>/<footer>, which Readability would drop
// from its result anyway; fewer nodes make linkedom and Readability markedly faster. One
// pass, left to right, so that whichever construct starts first wins (a "<!--" inside a
// script or a "<script" inside a comment is not mistaken for the other). A nested
// <nav>/<footer> ends at its first closing tag; the rest stays and is judged as usual; an
// element that is never closed is left to the parser.
const STRIP_OPEN = /<!--|<(script|style|noscript|template|svg|iframe|select|textarea|nav|footer)\b([^>]*)>/gi;
const STRIP_CLOSE: Record<string, RegExp> = {};

const TIME_DATETIME = /<time\b[^>]*\bdatetime\s*=\s*["']?([^"'>\s]+)/gi;

function preclean(html: string): { html: string; jsonLd: string[]; footerTimes: string[] } {
  const jsonLd: string[] = [];
  const footerTimes: string[] = [];
  const parts: string[] = [];
  // A scan for a closing tag that fails once fails for the rest of the page: remembering
  // that keeps a page full of unclosed <nav>s linear instead of quadratic.
  const unclosed = new Set<string>();
  let last = 0;
  const open = new RegExp(STRIP_OPEN.source, 'gi');
  for (let m = open.exec(html); m; m = open.exec(html)) {
    let end: number;
    if (m[0] === '<!--') {
      if (unclosed.has('--')) continue;
      const close = html.indexOf('-->', m.index + 4);
      if (close < 0) {
        unclosed.add('--');
        continue;
      }
      end = close + 3;
    } else {
      const tag = m[1]!.toLowerCase();
      if (unclosed.has(tag)) continue;
      const closeRe = (STRIP_CLOSE[tag] ??= new RegExp(`</${tag}\\s*>`, 'gi'));
      closeRe.lastIndex = open.lastIndex;
      const close = closeRe.exec(html);
      if (!close) {
        unclosed.add(tag);
        continue;
      }
      if (tag === 'script' && /application\/ld\+json/i.test(m[2] ?? '')) jsonLd.push(html.slice(open.lastIndex, close.index));
      // An article's own <footer> may hold its date: keep the machine-readable times.
      if (tag === 'footer') for (const t of html.slice(open.lastIndex, close.index).matchAll(TIME_DATETIME)) footerTimes.push(t[1]!);
      end = close.index + close[0].length;
    }
    parts.push(html.slice(last, m.index), ' ');
    last = end;
    open.lastIndex = end;
  }
  parts.push(html.slice(last));
  const out = normaliseStartTags(parts.join('')).replace(WS_AFTER_BLOCK, '$1').replace(WS_BEFORE_BLOCK, '$1');
  return { html: out, jsonLd, footerTimes };
}

const START_TAG = /<[a-zA-Z][^\s/>]*\s[^>]*>/g;
const ATTRIBUTE = /(\s+)([^\s"'>\/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;
/** Attributes nothing downstream reads; each would cost linkedom a node. */
const UNUSED_ATTRIBUTE = /^(?:data-|on[a-z]|srcset$|sizes$|target$|tabindex$|aria-(?!hidden|modal))/i;

/**
 * Start tags made fit for linkedom. linkedom keeps attribute names as written and matches
 * them case-sensitively, so `<meta itemProp=…>` or `<time dateTime=…>` (common in React
 * output) would be missed by Readability and the metadata reader: HTML attribute names are
 * case-insensitive, so they are lower-cased (values are left alone). Unused attributes go.
 */
function normaliseStartTags(html: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(ATTRIBUTE, (m, space: string, name: string, value: string | undefined) =>
      UNUSED_ATTRIBUTE.test(name) ? '' : /[A-Z]/.test(name) ? space + name.toLowerCase() + (value ?? '') : m,
    ),
  );
}

// White space between block-level tags is not text; dropping it saves linkedom a third of
// its nodes (each costs an allocation and a WeakMap entry).
const BLOCKISH =
  '(?:html|head|body|meta|link|title|base|div|p|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col|section|article|header|footer|nav|aside|main|h[1-6]|figure|figcaption|form|fieldset|legend|blockquote|hr|address|picture|source|option|optgroup|menu|details|summary)';
const WS_AFTER_BLOCK = new RegExp(`(<\\/?${BLOCKISH}\\b[^>]*>)[ \\t\\r\\n\\f]+`, 'gi');
const WS_BEFORE_BLOCK = new RegExp(`[ \\t\\r\\n\\f]+(<\\/?${BLOCKISH}\\b)`, 'gi');

/** A linkedom document with <html>, <head> and <body>, or null. */
function parse(html: string): Document | null {
  // linkedom makes the first element the documentElement: wrap fragments in <html>.
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html>${html}</html>`;
  try {
    const { document } = parseHTML(source);
    const root = document.documentElement;
    if (!root || root.localName !== 'html') return null;
    ensureBody(document, root);
    return document;
  } catch {
    return null;
  }
}

const HEAD_TAGS = new Set(['title', 'meta', 'link', 'base', 'style', 'script']);

/**
 * linkedom builds the tree exactly as written, without the parser's implied elements, and
 * its `document.head`/`document.body` only find <head> as the first child element of
 * <html> and <body> as the element right after it (else they create empty ones). Pages
 * without <body> (it is optional), with a stray <link> between </head> and <body>, or with
 * content after </body> would lose their text. Rebuild <html> as <head> + <body>, moving
 * head-type elements into <head> and everything else into <body>, as a browser does.
 */
function ensureBody(doc: Document, root: Element): void {
  let head: Element | null = null;
  let body: Element | null = null;
  const toHead: Node[] = [];
  const before: Node[] = [];
  const after: Node[] = [];
  let expectHead = true;
  let canonical = true;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) {
      const tag = (c as Element).localName;
      if (tag === 'head' && !head) {
        head = c as Element;
        if (!expectHead) canonical = false;
      } else if (tag === 'body' && !body) {
        body = c as Element;
        if (!head) canonical = false;
      } else {
        canonical = false;
        if (HEAD_TAGS.has(tag) && !body) toHead.push(c);
        else (body ? after : before).push(c);
      }
      expectHead = false;
    } else if (c.nodeType === 3 && /\S/.test((c as Text).data)) {
      canonical = false;
      (body ? after : before).push(c);
    }
  }
  if (canonical && head && body) return;
  if (!head) head = doc.createElement('head');
  if (!body) body = doc.createElement('body');
  for (const node of toHead) head.appendChild(node);
  const first = body.firstChild;
  for (const node of before) {
    if (first) body.insertBefore(node, first);
    else body.appendChild(node);
  }
  for (const node of after) body.appendChild(node);
  root.insertBefore(head, root.firstChild);
  root.insertBefore(body, head.nextSibling);
}

/** NUL or many control characters: not a page. */
function looksBinary(s: string): boolean {
  const head = s.length > 4096 ? s.slice(0, 4096) : s;
  let bad = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 9 || (c > 13 && c < 32)) || c === 0xfffd) bad++;
  }
  return bad > head.length * 0.05;
}

// ---------------------------------------------------------------------------
// Text: blocks in document order, whitespace collapsed inside each, blank line between.

interface Block {
  text: string;
  /** Characters of `text` that sit inside links. */
  linkChars: number;
  /** The innermost block element the text belongs to. */
  owner: Element;
  heading: boolean;
}

const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'div', 'td', 'th', 'dd', 'dt', 'dl',
  'ul', 'ol', 'table', 'tr', 'tbody', 'thead', 'tfoot', 'caption', 'section', 'article', 'main', 'header',
  'footer', 'aside', 'nav', 'figure', 'figcaption', 'address', 'hr', 'form', 'fieldset', 'details', 'summary',
  'center', 'body', 'html', 'legend', 'menu',
]);
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'select', 'textarea', 'button', 'input',
  'object', 'embed', 'canvas', 'head', 'title', 'meta', 'link', 'img', 'picture', 'video', 'audio', 'source',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Marks a <br> inside a block's raw text; never present in real text after parsing. */
const BR = '\u0001';

/** Walks `root` and returns its text blocks in document order. */
function collectBlocks(root: Element, skipHidden = true): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let linkChars = 0;
  let linkDepth = 0;
  let preDepth = 0;
  const owners: Element[] = [root];

  const flush = () => {
    if (buf === '') return;
    const text = preDepth > 0 ? collapsePre(buf) : collapse(buf);
    if (text !== '') {
      const owner = owners[owners.length - 1]!;
      // linkChars was counted on raw text: scale to the collapsed length.
      const ratio = buf.length > 0 ? Math.min(1, linkChars / buf.length) : 0;
      blocks.push({ text, linkChars: Math.round(ratio * text.length), owner, heading: HEADINGS.has(owner.localName) });
    }
    buf = '';
    linkChars = 0;
  };

  // Iterative walk (deeply nested junk must not overflow the stack): an element is pushed
  // twice, its `exit` frame below its children, so block ends are seen in order.
  type Frame = { node: Node; exit: boolean };
  const stack: Frame[] = [];
  for (let c = root.lastChild; c; c = c.previousSibling) stack.push({ node: c, exit: false });
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      buf += data;
      if (linkDepth > 0) linkChars += data.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName;
    if (exit) {
      if (tag === 'a') linkDepth--;
      if (BLOCK_TAGS.has(tag)) {
        flush();
        owners.pop();
        if (tag === 'pre') preDepth--;
      }
      continue;
    }
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'br') {
      buf += BR;
      continue;
    }
    if (skipHidden && (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true')) continue;
    if (BLOCK_TAGS.has(tag)) {
      flush();
      owners.push(el);
      if (tag === 'pre') preDepth++;
    } else if (tag === 'a') {
      linkDepth++;
    }
    stack.push({ node: el, exit: true });
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ node: c, exit: false });
  }
  flush();
  return blocks;
}

const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;

/** Collapses white space; <br> becomes a line break inside the block. */
function collapse(raw: string): string {
  const s = raw.replace(INVISIBLE, '').replace(/\s+/g, ' ');
  if (!s.includes(BR)) return s.trim();
  return s
    .split(BR)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** Preformatted text keeps its lines; runs of spaces inside a line are folded. */
function collapsePre(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .split(new RegExp(`\\r?\\n|${BR}`))
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

function blocksToText(blocks: Block[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

// ---------------------------------------------------------------------------
// Fallback: score blocks by text length and link density, keep the best container's blocks.

const JUNK_TAGS = ['nav', 'footer', 'aside', 'form', 'header', 'menu'];
const JUNK_NAMES =
  /(^|[\s_-])(comments?|share|sharing|social|footer|masthead|menu|navbar|nav|sidebar|related|recommended|promo|advert|ads?|cookie|consent|subscribe|newsletter|breadcrumbs?|popup|modal|banner|widget|sponsor)($|[\s_-])/i;
const JUNK_ROLES = /^(navigation|banner|contentinfo|complementary|menu|dialog)$/;
const KEEP_TAGS = new Set(['html', 'body', 'main', 'article']);

function densityText(doc: Document): string {
  const body = doc.body;
  const bodyChars = (body.textContent ?? '').length;
  // Junk by tag, role or class/id name. A wrapper can be misnamed (the whole page in one
  // ASP.NET <form>, a layout div "with-sidebar"): only parts holding under a third of the
  // page's text are dropped.
  const small = (el: Element) => (el.textContent ?? '').length < bodyChars / 3;
  for (const tag of JUNK_TAGS) for (const el of Array.from(body.getElementsByTagName(tag))) if (small(el)) el.remove();
  for (const el of Array.from(body.querySelectorAll('[class],[id],[role]'))) {
    if (KEEP_TAGS.has(el.localName)) continue;
    const role = el.getAttribute('role');
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const junk = (role !== null && JUNK_ROLES.test(role)) || JUNK_NAMES.test(names);
    if (junk && small(el)) el.remove();
  }

  // Hidden parts count here: without scripts, a page's text may sit in hidden containers.
  const blocks = collectBlocks(body, false);
  const scores = new Map<Element, number>();
  for (const b of blocks) {
    const len = b.text.length;
    if (len < 25) continue;
    const density = b.linkChars / len;
    if (density > 0.5) continue;
    const punct = (b.text.match(/[.,;:!?]/g)?.length ?? 0) + 1;
    const score = Math.min(len, 1000) * (1 - density) * (1 - density) + 10 * Math.min(punct, 20);
    const parent = b.owner.parentElement ?? b.owner;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (!best) return blocksToText(blocks.filter((b) => b.linkChars / b.text.length <= 0.5));
  const container = best;
  return blocksToText(
    blocks.filter((b) => {
      if (!container.contains(b.owner)) return false;
      if (b.linkChars / b.text.length > 0.5) return false;
      return b.heading || b.text.length >= 30 || /[.!?:"”’)]$/.test(b.text);
    }),
  );
}

// ---------------------------------------------------------------------------
// Metadata.

interface PageMeta {
  title: string | null;
  author: string | null;
  published: string | null;
  /** The last modification the metadata states. */
  modified: string | null;
  siteName: string | null;
  language: string | null;
}

/** Meta keys (property / name / itemprop, lower-cased) that carry the publication date, best first. */
const DATE_KEYS = [
  'article:published_time', 'og:published_time', 'article:published', 'datepublished', 'published_time',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date',
  'dc.date.created', 'dcterms.created', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'publication_date', 'publication-date', 'article.published', 'cxenseparse:recs:publishtime', 'og:pubdate',
  'datecreated', 'citation_publication_date', 'citation_online_date', 'citation_date', 'prism.publicationdate',
];
/** Meta keys that carry the last modification, best first. */
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'modified', 'updated'];

function readMetadata(doc: Document, jsonLd: string[], footerTimes: string[] = []): PageMeta {
  const metas = new Map<string, string>();
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    const content = m.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr);
      if (!key) continue;
      for (const k of key.toLowerCase().split(/\s+/)) if (k && !metas.has(k)) metas.set(k, content.trim());
    }
  }
  const ld = readJsonLd(jsonLd);

  let published: string | null = null;
  for (const key of DATE_KEYS) {
    const v = metas.get(key);
    if (v && (published = normaliseDate(v))) break;
  }
  if (!published) {
    // Site-specific names ("w-published-date", "cms.release-date"): any other key that
    // says publication, not modification.
    for (const [key, v] of metas) {
      if (!/publish|pubdate|issued|release/.test(key) || /modif|updat|expir|edit/.test(key)) continue;
      if ((published = normaliseDate(v))) break;
    }
  }
  if (!published) {
    // Microdata on a visible element, then JSON-LD.
    const el = doc.querySelector('[itemprop="datePublished"]');
    const v = el && (el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent);
    if (v) published = normaliseDate(v);
  }
  if (!published && ld.datePublished) published = normaliseDate(ld.datePublished);
  if (!published) published = timeElementDate(doc);
  if (!published) published = footerTimes.map(normaliseDate).find((d) => d !== null) ?? null;
  let modified: string | null = null;
  for (const key of MODIFIED_KEYS) {
    const v = metas.get(key);
    if (v && (modified = normaliseDate(v))) break;
  }
  if (!modified && ld.dateModified) modified = normaliseDate(ld.dateModified);
  if (published) {
    // Pages that are kept up to date show the day of their last revision as their date and
    // the first publication nowhere: then that revision is the date the page stands by.
    if (modified && modified > published) {
      const shown = shownDates(doc);
      if (shown.has(modified) && !shown.has(published)) published = modified;
    }
  }

  const title =
    clean(metas.get('og:title')) ?? clean(ld.headline) ?? clean(doc.title) ?? clean(doc.querySelector('h1')?.textContent);
  const author = usableByline(clean(metas.get('author'))) ?? usableByline(clean(metas.get('article:author'))) ?? usableByline(ld.author);
  const siteName = clean(metas.get('og:site_name')) ?? clean(ld.publisher);

  const root = doc.documentElement;
  const lang = (root.getAttribute('lang') ?? root.getAttribute('xml:lang') ?? '').trim().toLowerCase();
  const m = /^([a-z]{2})(?:[-_]|$)/.exec(lang);
  return { title, author, published, modified, siteName, language: m ? m[1]! : null };
}

interface LdFacts {
  datePublished: string | null;
  dateModified: string | null;
  headline: string | null;
  author: string | null;
  publisher: string | null;
}

const ARTICLE_TYPE = /article|posting|report|story|webpage|creativework/i;
const LD_NESTING = ['@graph', 'mainEntity', 'mainEntityOfPage', 'blogPost', 'hasPart', 'itemListElement', 'item'];

function readJsonLd(blocks: string[]): LdFacts {
  const facts: LdFacts = { datePublished: null, dateModified: null, headline: null, author: null, publisher: null };
  // Article-like objects first, then anything else that has the field.
  const objects: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    objects.push(o);
    // Articles also stand nested: in @graph, mainEntity, a Blog's blogPost list.
    for (const key of LD_NESTING) if (o[key]) visit(o[key], depth + 1);
  };
  for (const raw of blocks) {
    try {
      visit(JSON.parse(raw.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '')), 0);
    } catch {
      // Broken JSON-LD is common; ignore it.
    }
  }
  const typeOf = (o: Record<string, unknown>) => {
    const t = o['@type'];
    return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
  };
  const ordered = [...objects.filter((o) => ARTICLE_TYPE.test(typeOf(o))), ...objects.filter((o) => !ARTICLE_TYPE.test(typeOf(o)))];
  for (const o of ordered) {
    if (!facts.datePublished && typeof o['datePublished'] === 'string') facts.datePublished = o['datePublished'];
    if (!facts.dateModified && typeof o['dateModified'] === 'string') facts.dateModified = o['dateModified'];
    if (!facts.headline && typeof o['headline'] === 'string') facts.headline = o['headline'];
    if (!facts.author) facts.author = ldName(o['author']);
    if (!facts.publisher) facts.publisher = ldName(o['publisher']);
  }
  return facts;
}

function ldName(v: unknown): string | null {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(ldName).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') {
    const name = (v as Record<string, unknown>)['name'];
    if (typeof name === 'string') return clean(name);
  }
  return null;
}

/** `<time datetime>`: one marked as the publication time first, else the first one. */
function timeElementDate(doc: Document): string | null {
  const times = Array.from(doc.querySelectorAll('time[datetime]'));
  const marked = times.find((t) => {
    const hint = `${t.getAttribute('itemprop') ?? ''} ${t.getAttribute('class') ?? ''} ${t.hasAttribute('pubdate') ? 'pubdate' : ''}`;
    return /publish|pubdate|posted|created/i.test(hint);
  });
  for (const t of marked ? [marked, ...times] : times) {
    const d = normaliseDate(t.getAttribute('datetime') ?? '');
    if (d) return d;
  }
  // <time> without a machine-readable value: its text ("Aug 04, 2025").
  for (const t of Array.from(doc.getElementsByTagName('time')).slice(0, 5)) {
    const text = t.textContent ?? '';
    const d = text.length <= 100 ? findExplicitDate(text) : null;
    if (d) return d;
  }
  return null;
}

/**
 * The days a page shows as text in its <time> elements and the elements named as dates,
 * except those it labels as revisions ("Updated on June 18, 2025", class "updated").
 */
function shownDates(doc: Document): Set<string> {
  const out = new Set<string>();
  for (const el of Array.from(doc.querySelectorAll('time,[class*="date" i],[class*="posted" i],[class*="publish" i]')).slice(0, 30)) {
    const t = el.textContent ?? '';
    if (t.length > 200 || labelledRevision(el, t)) continue;
    const d = findExplicitDate(t);
    if (d) out.add(d);
  }
  return out;
}

const REVISION = /updat|modif|revis|review/i;

/** How many of a page's first blocks are searched for a line that is only a date. */
const DATE_LINE_BLOCKS = 80;

/** Whether a date element, the element round it or one inside it says it is a revision. */
function labelledRevision(el: Element, text: string): boolean {
  if (REVISION.test(text) || REVISION.test(el.getAttribute('class') ?? '')) return true;
  if (el.querySelector('[class*="updat" i],[class*="modif" i]')) return true;
  const parent = el.parentElement;
  if (!parent) return false;
  const around = parent.textContent ?? '';
  return REVISION.test(parent.getAttribute('class') ?? '') || (around.length <= 200 && REVISION.test(around));
}

const URL_DATE = /\/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_-]|\.html?|$)/;

/** A full calendar date in a URL's path ("/2021/09/26/", "/2021-09-26-"), as YYYY-MM-DD. */
export function urlDate(url: string | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE.exec(path);
  return m ? normaliseDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** Days since 1970 of a YYYY-MM-DD date. */
function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/**
 * Short visible texts that may carry the date line ("Published 3 May 2021"): elements whose
 * class says date/byline, then the short blocks just after the headline (<h1>), where
 * bylines stand.
 */
function visibleDateCandidates(doc: Document): string[] {
  const out: string[] = [];
  const els = doc.querySelectorAll('[class*="date" i],[class*="byline" i],[class*="posted" i],[class*="publish" i],[class*="timestamp" i]');
  for (const el of Array.from(els)) {
    const t = el.textContent ?? '';
    if (t.length > 0 && t.length <= 200) out.push(t);
    if (out.length >= 10) break;
  }
  const h1 = doc.querySelector('h1');
  const headline = h1 ? collapse(h1.textContent ?? '') : '';
  const blocks = collectBlocks(doc.body);
  const at = headline === '' ? -1 : blocks.findIndex((b) => b.text === headline);
  if (at >= 0) for (const b of blocks.slice(at + 1, at + 12)) if (b.text.length <= 120) out.push(b.text);
  // Last, a line near the top of the page that is nothing but a date ("Posted on April 13,
  // 2023", "Last updated: November 13, 2025"), wherever the template put it.
  for (const b of blocks.slice(0, DATE_LINE_BLOCKS)) if (isDateLine(b.text)) out.push(b.text);
  return out;
}

function firstDate(texts: string[]): string | null {
  for (const t of texts) {
    const d = findExplicitDate(t);
    if (d) return d;
  }
  return null;
}

/** A date standing in the first short lines of the text ("KYIV, March 3, 2022 —"). */
function datelineDate(text: string): string | null {
  const head = text.split('\n').slice(0, 6);
  for (const line of head) {
    const d = findExplicitDate(line.length > 160 ? line.slice(0, 160) : line);
    if (d) return d;
  }
  return null;
}

function clean(s: string | null | undefined): string | null {
  if (typeof s !== 'string') return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** A byline, unless it is a URL or far too long to be a name. */
function usableByline(s: string | null): string | null {
  if (!s) return null;
  if (/^https?:\/\//i.test(s) || s.length > 200) return null;
  return s;
}

function hostOutlet(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
    return host === '' ? null : host;
  } catch {
    return null;
  }
}
