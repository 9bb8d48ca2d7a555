import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate } from './dates.js';
import { extractHtml, urlDate } from './html.js';

// Every page here is made up for the tests.
const PARAS = [
  'Negotiators from the two river states met on Tuesday in the border town of Eastford to discuss the reopening of the northern crossing, officials on both sides said.',
  'The talks, the third round this year, lasted more than six hours and ended without a joint statement, although both delegations described them as constructive and businesslike.',
  'A spokesperson for the northern delegation said the sides had agreed on a timetable for the exchange of detainees and would meet again within a month to settle the remaining questions.',
  'Observers from the regional monitoring mission, who attended as guests, reported that shelling near the crossing had dropped sharply since the ceasefire took effect in early spring.',
];

function page(opts: { head?: string; article?: string; htmlAttrs?: string } = {}): string {
  const article = opts.article ?? `<h1>Border talks resume in Eastford</h1>\n${PARAS.map((p) => `<p>${p}</p>`).join('\n')}`;
  return `<!DOCTYPE html>
<html ${opts.htmlAttrs ?? 'lang="en-GB"'}>
<head>
  <meta charset="utf-8">
  <title>Border talks resume in Eastford | The River Courier</title>
  ${opts.head ?? ''}
  <style>.x { color: red }</style>
  <script>var tracking = "<p>not text</p>";</script>
</head>
<body>
  <header class="site-header"><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav></header>
  <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
  <main><article>
    ${article}
  </article></main>
  <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm closes the coast road</a></li><li><a href="/b">Mayor opens the new bridge</a></li></ul></aside>
  <footer><p>Subscribe to our newsletter</p><p>&copy; 2022 The River Courier. All rights reserved.</p></footer>
</body>
</html>`;
}

test('keeps the main text, one paragraph per block, separated by blank lines', () => {
  const r = extractHtml(page());
  assert.ok(r.ok, !r.ok ? r.error : '');
  const paras = r.value.text.split('\n\n');
  for (const p of PARAS) assert.ok(paras.includes(p), `missing paragraph: ${p.slice(0, 40)}`);
  // Consecutive paragraphs stay apart (no "said.The talks").
  assert.ok(!/said\.The/.test(r.value.text));
  assert.equal(r.value.text, r.value.text.trim());
});

test('drops navigation, share bars, sidebars, footers, scripts and styles', () => {
  const r = extractHtml(page());
  assert.ok(r.ok);
  for (const junk of ['Home', 'Share on Facebook', 'Most read', 'Storm closes', 'Subscribe', 'All rights reserved', 'not text', 'color: red']) {
    assert.ok(!r.value.text.includes(junk), `junk kept: ${junk}`);
  }
});

test('collapses white space inside a block and decodes entities', () => {
  const body = `<h1>Heading</h1><p>Aid   convoys\n\n   reached &amp; left&nbsp;the   town.</p><ul><li>First item</li><li>Second
     item</li></ul>${PARAS.map((p) => `<p>${p}</p>`).join('')}`;
  const r = extractHtml(page({ article: body }));
  assert.ok(r.ok);
  const blocks = r.value.text.split('\n\n');
  assert.ok(blocks.includes('Aid convoys reached & left the town.'), r.value.text);
  assert.ok(blocks.includes('First item'));
  assert.ok(blocks.includes('Second item'));
});

test('a <br> is a line break inside its block', () => {
  const body = `<p>Line one of the statement<br>Line two of the statement</p>${PARAS.map((p) => `<p>${p}</p>`).join('')}`;
  const r = extractHtml(page({ article: body }));
  assert.ok(r.ok);
  assert.ok(r.value.text.includes('Line one of the statement\nLine two of the statement'), r.value.text);
});

test('title, byline, date, outlet and language from the head', () => {
  const head = `
    <meta property="og:title" content="Border talks resume in Eastford">
    <meta property="og:site_name" content="The River Courier">
    <meta name="author" content="Ana Field">
    <meta property="article:published_time" content="2022-03-05T23:10:00-05:00">`;
  const r = extractHtml(page({ head }), { url: 'https://www.rivercourier.example/world/talks' });
  assert.ok(r.ok);
  assert.equal(r.value.title, 'Border talks resume in Eastford');
  assert.equal(r.value.byline, 'Ana Field');
  // The day the page states, not shifted to UTC.
  assert.equal(r.value.published, '2022-03-05');
  assert.equal(r.value.publishedBasis, 'metadata');
  assert.equal(r.value.outlet, 'The River Courier');
  assert.equal(r.value.language, 'en');
});

test('outlet falls back to the URL host; no lang gives null', () => {
  const r = extractHtml(page({ htmlAttrs: '' }), { url: 'https://www.rivercourier.example/world/talks' });
  assert.ok(r.ok);
  assert.equal(r.value.outlet, 'rivercourier.example');
  assert.equal(r.value.language, null);
});

test('datePublished from JSON-LD (inside @graph)', () => {
  const head = `<script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The River Courier"},
     {"@type":"NewsArticle","headline":"Border talks resume","datePublished":"2021-09-26T08:00:00Z",
      "dateModified":"2021-09-28T08:00:00Z","author":{"@type":"Person","name":"Ana Field"}}]}
  </script>`;
  const r = extractHtml(page({ head }));
  assert.ok(r.ok);
  assert.equal(r.value.published, '2021-09-26');
  assert.equal(r.value.publishedBasis, 'metadata');
  assert.ok(!r.value.text.includes('@graph'));
});

test('attribute names are case-insensitive (React-style itemProp)', () => {
  const head = '<meta itemProp="datePublished" content="2020-02-14">';
  const r = extractHtml(page({ head }));
  assert.ok(r.ok);
  assert.equal(r.value.published, '2020-02-14');
});

test('<time datetime> when the head has no date', () => {
  const body = `<h1>Border talks resume in Eastford</h1><p class="meta">By Ana Field, <time datetime="2019-11-03T09:00">3 Nov</time></p>${PARAS.map((p) => `<p>${p}</p>`).join('')}`;
  const r = extractHtml(page({ article: body }));
  assert.ok(r.ok);
  assert.equal(r.value.published, '2019-11-03');
});

test('a date written in the byline line under the headline', () => {
  const body = `<h1>Border talks resume in Eastford</h1><div class="credit">Ana Field · 12 October 2021</div>${PARAS.map((p) => `<p>${p}</p>`).join('')}`;
  const r = extractHtml(page({ article: body }));
  assert.ok(r.ok);
  assert.equal(r.value.published, '2021-10-12');
  assert.equal(r.value.publishedBasis, 'byline');
});

test('a date in the dateline of the first paragraph', () => {
  const first = `EASTFORD, March 3, 2022 — ${PARAS[0]}`;
  const body = [first, ...PARAS.slice(1)].map((p) => `<p>${p}</p>`).join('');
  const r = extractHtml(page({ article: body }));
  assert.ok(r.ok);
  assert.equal(r.value.published, '2022-03-03');
  assert.equal(r.value.publishedBasis, 'dateline');
});

test('no date anywhere gives null and basis none', () => {
  const r = extractHtml(page());
  assert.ok(r.ok);
  assert.equal(r.value.published, null);
  assert.equal(r.value.publishedBasis, 'none');
});

test('fallback: text Readability cannot see is found by block density', () => {
  // Readability skips aria-hidden subtrees, so it finds next to nothing here.
  const html = `<html><body>
    <div class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a></div>
    <div aria-hidden="true"><div class="story">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div></div>
    <div class="links"><a href="/x">A link that goes somewhere else entirely</a></div>
  </body></html>`;
  const r = extractHtml(html);
  assert.ok(r.ok, !r.ok ? r.error : '');
  assert.equal(r.value.text, PARAS.join('\n\n'));
});

test('streamed pages with the article in <div hidden> still give their text', () => {
  const html = `<html><head><title>Talks</title></head><body><div id="root">Loading…</div>
    <div hidden id="S:0"><article><h1>Border talks resume in Eastford</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article></div></body></html>`;
  const r = extractHtml(html);
  assert.ok(r.ok);
  for (const p of PARAS) assert.ok(r.value.text.includes(p));
});

test('a fragment without <html> is wrapped and read', () => {
  const r = extractHtml(PARAS.map((p) => `<p>${p}</p>`).join('\n'));
  assert.ok(r.ok);
  assert.equal(r.value.text, PARAS.join('\n\n'));
  assert.equal(r.value.language, null);
});

test('pages without <body>, or with elements between </head> and <body>, are read', () => {
  const text = PARAS.map((p) => `<p>${p}</p>`).join('');
  const pages = [
    `<!DOCTYPE html><title>Talks</title>${text}`,
    `<html><head><title>Talks</title></head>${text}</html>`,
    `<html><head><title>Talks</title></head><link rel="preload" href="/x.css"><body>${text}</body></html>`,
    `<html><head><title>Talks</title></head><body>${PARAS.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}</body>${PARAS.slice(2).map((p) => `<p>${p}</p>`).join('')}</html>`,
  ];
  for (const html of pages) {
    const r = extractHtml(html);
    assert.ok(r.ok, html.slice(0, 60));
    assert.equal(r.value.text, PARAS.join('\n\n'), html.slice(0, 60));
    assert.equal(r.value.title, 'Talks');
  }
});

test('a "<script" inside a comment, or "<!--" inside a script, does not swallow text', () => {
  const body = `<!-- old widget: <script src="/w.js"> --><p>${PARAS[0]}</p><script>document.write("<!--");</script>${PARAS.slice(1).map((p) => `<p>${p}</p>`).join('')}`;
  const r = extractHtml(page({ article: body }));
  assert.ok(r.ok);
  for (const p of PARAS) assert.ok(r.value.text.includes(p), p.slice(0, 30));
});

test('thousands of unclosed tags stay fast and keep the text', () => {
  for (const tag of ['<div>', '<span>', '<b>']) {
    const html = `<html><body>${(tag + `<p>${PARAS[0]}</p>`).repeat(3000)}</body></html>`;
    const t0 = Date.now();
    const r = extractHtml(html);
    assert.ok(Date.now() - t0 < 5000, `${tag}: ${Date.now() - t0} ms`);
    assert.ok(r.ok && r.value.text.includes(PARAS[0]!), tag);
  }
});

test('empty and garbage input are errors, not exceptions', () => {
  for (const input of ['', '   \n ', '<html><head></head><body></body></html>', '<div><a href="/">Home</a></div>', '\u0000\u0001\u0002\u0003binary\u0000\u0004']) {
    const r = extractHtml(input);
    assert.equal(r.ok, false, JSON.stringify(input));
    if (!r.ok) assert.equal(r.error, 'no article text found');
  }
  // Not even a string (JavaScript callers).
  const r = extractHtml(undefined as unknown as string);
  assert.equal(r.ok, false);
});

test('normaliseDate reads the common metadata formats', () => {
  assert.equal(normaliseDate('2021-09-26T23:30:00-04:00'), '2021-09-26');
  assert.equal(normaliseDate('2021-09-26 08:00:00'), '2021-09-26');
  assert.equal(normaliseDate('2021/9/6'), '2021-09-06');
  assert.equal(normaliseDate('20210926'), '2021-09-26');
  assert.equal(normaliseDate('Sun, 26 Sep 2021 10:00:00 GMT'), '2021-09-26');
  assert.equal(normaliseDate('September 26, 2021'), '2021-09-26');
  assert.equal(normaliseDate('26th of September 2021'), '2021-09-26');
  assert.equal(normaliseDate('26/09/2021 09:21'), '2021-09-26');
  assert.equal(normaliseDate('09/26/2021'), '2021-09-26');
  assert.equal(normaliseDate('1632650400'), '2021-09-26');
  assert.equal(normaliseDate('2023 Jan 7'), '2023-01-07');
  assert.equal(normaliseDate('2021-02-30'), null);
  assert.equal(normaliseDate('yesterday'), null);
  assert.equal(normaliseDate(''), null);
});

test('drops date lines, captions and credits, furniture-named parts, a bare URL and the headline said again', () => {
  const article = `<p>https://courier.example/news/border-talks-resume</p>
<p class="headline-repeat">Border talks resume in Eastford</p>
<p>Updated 1:39 am EST, Wednesday, November 20, 2019</p>
<p>PUBLISHED: 10:48, Tue, Nov 19, 2019</p>
<p>By Ann Writer - 11/18/19 11:04 PM EST</p>
${PARAS.slice(0, 2).map((p) => `<p>${p}</p>`).join('\n')}
<p class="image-credit">Photo: River Agency staff</p>
<p class="photo-caption">Delegates arrive at the town hall before the talks began on Tuesday morning.</p>
<div class="social-share"><p>Tell your friends about this story on every network you use</p><p>Or send it by mail</p></div>
${PARAS.slice(2).map((p) => `<p>${p}</p>`).join('\n')}`;
  const r = extractHtml(page({ head: '<meta property="og:title" content="Border talks resume in Eastford">', article }));
  assert.ok(r.ok, !r.ok ? r.error : '');
  assert.deepEqual(r.value.text.split('\n\n'), PARAS);
});

test('keeps a story whose wrapper only looks like furniture by name', () => {
  // WordPress names the post's wrapper after its tags; a misnamed wrapper round the whole story stays.
  const wp = page({ article: `<div class="post tag-share-prices tag-social-media">${PARAS.map((p) => `<p>${p}</p>`).join('\n')}</div>` });
  const r1 = extractHtml(wp);
  assert.ok(r1.ok && r1.value.text.split('\n\n').length === PARAS.length, r1.ok ? r1.value.text : r1.error);
  const wrapped = page({ article: `<div class="body-ad-wrapper">${PARAS.map((p) => `<p>${p}</p>`).join('\n')}</div>` });
  const r2 = extractHtml(wrapped);
  assert.ok(r2.ok && r2.value.text.split('\n\n').length === PARAS.length, r2.ok ? r2.value.text : r2.error);
});

test('a sentence that mentions a date is no date line', () => {
  const article = `${PARAS.map((p) => `<p>${p}</p>`).join('\n')}\n<p>The crossing closed on March 3, 2022.</p>\n<p>Talks resume Monday.</p>`;
  const r = extractHtml(page({ article }));
  assert.ok(r.ok, !r.ok ? r.error : '');
  assert.ok(r.value.text.includes('The crossing closed on March 3, 2022.'));
});

const BODY = PARAS.map((p) => `<p>${p}</p>`).join('\n');

test('urlDate reads a full date in the path only', () => {
  assert.equal(urlDate('https://courier.example/2021/09/26/border-talks/'), '2021-09-26');
  assert.equal(urlDate('https://courier.example/news/2021-09-26-border-talks'), '2021-09-26');
  assert.equal(urlDate('https://courier.example/2021/09/border-talks/'), null);
  assert.equal(urlDate('https://courier.example/news/201911181077343476-talks/'), null);
  assert.equal(urlDate('https://courier.example/a?d=2021/09/26'), null);
  assert.equal(urlDate(undefined), null);
});

test('a metadata timestamp a day off the URL date is the same moment in UTC: the URL day wins', () => {
  const head = '<meta property="article:published_time" content="2025-12-19T02:41:00+00:00">';
  const r = extractHtml(page({ head }), { url: 'https://courier.example/2025/12/18/border-talks/' });
  assert.ok(r.ok);
  assert.equal(r.value.published, '2025-12-18');
  // Further apart, the metadata stands.
  const far = extractHtml(page({ head }), { url: 'https://courier.example/2025/11/02/border-talks/' });
  assert.ok(far.ok);
  assert.equal(far.value.published, '2025-12-19');
  // No metadata date: the URL's.
  const bare = extractHtml(page(), { url: 'https://courier.example/2021/09/26/border-talks/' });
  assert.ok(bare.ok);
  assert.equal(bare.value.published, '2021-09-26');
});

test('the last revision is the date when the page shows it, unlabelled, and not the first publication', () => {
  const head = `<meta property="article:published_time" content="2019-08-11T10:00:00Z">
    <meta property="article:modified_time" content="2025-11-21T10:00:00Z">`;
  const shown = extractHtml(page({ head, article: `<h1>Border talks resume in Eastford</h1><span class="post-date">November 21, 2025</span>${BODY}` }));
  assert.ok(shown.ok);
  assert.equal(shown.value.published, '2025-11-21');
  // Labelled as an update, the revision does not replace the publication date.
  const labelled = extractHtml(page({ head, article: `<h1>Border talks resume in Eastford</h1><span class="post-date">Updated November 21, 2025</span>${BODY}` }));
  assert.ok(labelled.ok);
  assert.equal(labelled.value.published, '2019-08-11');
  const unshown = extractHtml(page({ head }));
  assert.ok(unshown.ok);
  assert.equal(unshown.value.published, '2019-08-11');
});

test('dates from a blog listing in JSON-LD, citation metadata, an article <footer>, a date line, the modification', () => {
  const ld = `<script type="application/ld+json">{"@type":"Blog","blogPost":[{"@type":"BlogPosting","datePublished":"2025-12-19T20:20:42Z"}]}</script>`;
  const a = extractHtml(page({ head: ld }));
  assert.ok(a.ok);
  assert.equal(a.value.published, '2025-12-19');
  const b = extractHtml(page({ head: '<meta name="citation_publication_date" content="2023 Jan 7">' }));
  assert.ok(b.ok);
  assert.equal(b.value.published, '2023-01-07');
  const c = extractHtml(page({ article: `${BODY}<footer class="article-footer"><time datetime="2025-08-12T11:15:06Z">August 12</time></footer>` }));
  assert.ok(c.ok);
  assert.equal(c.value.published, '2025-08-12');
  const d = extractHtml(page({ article: `<div class="hero"><div class="label">Posted on April 13, 2023</div></div>${BODY}` }));
  assert.ok(d.ok);
  assert.equal(d.value.published, '2023-04-13');
  const e = extractHtml(page({ head: '<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">' }));
  assert.ok(e.ok);
  assert.equal(e.value.published, '2023-06-12');
  assert.equal(e.value.publishedBasis, 'metadata');
});

test('captions and credits in a <div>, and promoted links with a label, are no article text', () => {
  const article = `${PARAS.slice(0, 2).map((p) => `<p>${p}</p>`).join('\n')}
<div class="image-caption">Delegates arrive at the town hall before the talks (Image: River Agency)</div>
<div class="media__credit">River Agency</div>
<p>READ MORE: <a href="/b">Storm closes the coast road for the second time this winter</a></p>
<p>Related: <a href="/c">Mayor opens the new bridge</a></p>
${PARAS.slice(2).map((p) => `<p>${p}</p>`).join('\n')}
<p>See the report: the delegation's statement was read out at noon, <a href="/d">in full here</a>, by its chair.</p>`;
  const r = extractHtml(page({ article }));
  assert.ok(r.ok, !r.ok ? r.error : '');
  assert.deepEqual(r.value.text.split('\n\n'), [...PARAS, "See the report: the delegation's statement was read out at noon, in full here, by its chair."]);
});
