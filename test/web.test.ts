// The web app in a real browser: playwright-core driving Debian's Chromium (never a
// downloaded browser) against `sitrep serve` over a store built from short articles written
// here, plus one hostile article whose text holds <script> and onerror= that must not run.
// Skipped, with the reason, when /usr/bin/chromium (apt-get install chromium) or the web
// build (npm run build:web; npm ci builds it) is missing. With ../shared/data/seeds it
// also screenshots the seeds' map and the story with the Afrin ledger into test-results/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');
const results = join(root, 'test-results');
const seeds = fileURLToPath(new URL('../../../shared/data/seeds/', import.meta.url));

function chromiumPath(): string | null {
  if (process.env.SITREP_CHROMIUM) return existsSync(process.env.SITREP_CHROMIUM) ? process.env.SITREP_CHROMIUM : null;
  const which = spawnSync('which', ['chromium'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  return found || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
}
const chromium = chromiumPath();
const skip = !chromium
  ? 'no Chromium: apt-get install chromium (or set SITREP_CHROMIUM) to run the browser tests'
  : !existsSync(join(root, 'dist/web/index.html'))
    ? 'the web app is not built: npm run build:web'
    : false;

const ARTICLES: Record<string, string> = {
  'a1.txt': [
    'Artillery strikes hit villages in Idlib', '', 'By Test Desk - March 3 2022', '',
    'Government forces shelled the town of Saraqib in Idlib province on March 2 2022, killing four civilians, the Syrian Observatory for Human Rights said.', '',
    'Rebel groups fired rockets at army positions near Aleppo on March 2 2022, a local monitor reported.', '',
  ].join('\n'),
  'a2.txt': [
    'Saraqib shelling toll rises', '', 'By Other Desk - March 4 2022', '',
    'Government forces shelled the town of Saraqib in Idlib province on March 2 2022, killing six civilians, local rescue workers said.', '',
    'Officials from Turkey and Russia met in Ankara on March 3 2022 to discuss the ceasefire in Idlib.', '',
  ].join('\n'),
  // Plain text that looks like markup: shown as text, it runs nothing.
  'hostile.txt': [
    'Hostile page <script>window.__pwned = 1</script>', '', 'By Test Desk - March 5 2022', '',
    'Militants attacked a checkpoint in Daraa on March 5 2022, killing two soldiers, state media said. <script>window.__pwned = 1; alert(1)</script> <img src=x onerror="window.__pwned = 2; alert(2)"> <svg onload="window.__pwned = 3">', '',
  ].join('\n'),
};

function sitrep(args: string[]) {
  const env = { ...process.env };
  delete env.SITREP_DB;
  delete env.SITREP_DATABASE_URL;
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** `sitrep serve --port 0` on `db`; resolves with its URL once it prints it. */
async function serveDb(db: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env };
  delete env.SITREP_TOKEN;
  delete env.SITREP_READ_TOKEN;
  const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return { url, child };
}

async function launch(): Promise<Browser> {
  const { chromium: driver } = await import('playwright-core');
  // Playwright gives the browser a new empty profile (user data dir) of its own.
  return driver.launch({
    executablePath: chromium!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records script errors, dialogs, and requests to any other origin. */
async function watchedPage(browser: Browser, base: string) {
  const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
  const problems: string[] = [];
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && foreign.push(r.url()));
  return { page, problems, dialogs, foreign };
}

const count = async (page: Page) => Number(await page.locator('p.status').getAttribute('data-count'));

describe('the web app in Chromium', { skip }, () => {
  let dir: string;
  let browser: Browser;
  let server: { url: string; child: ChildProcess };
  let watched: Awaited<ReturnType<typeof watchedPage>>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-web-'));
    mkdirSync(join(dir, 'articles'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, 'articles', name), text);
    sitrep(['ingest', join(dir, 'articles'), '--db', join(dir, 'test.db'), '--quiet']);
    server = await serveDb(join(dir, 'test.db'));
    browser = await launch();
    watched = await watchedPage(browser, server.url);
    mkdirSync(results, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    server?.child.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the map and timeline load; a date filter narrows them and goes in the URL', async () => {
    const { page } = watched;
    await page.goto(`${server.url}/`);
    await page.locator('.event-symbol').first().waitFor();
    await page.locator('path.country').first().waitFor();
    const all = await count(page);
    assert.ok(all >= 3, `events: ${all}`);
    assert.ok(await page.locator('.timeline-chart rect[data-day="2022-03-02"]').count() > 0);
    await page.fill('input[name=from]', '2022-03-03');
    await page.fill('input[name=to]', '2022-03-03');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/from=2022-03-03/);
    await page.waitForFunction((n) => Number(document.querySelector('p.status')?.getAttribute('data-count')) < n, all);
    assert.match(page.url(), /to=2022-03-03/);
    const types = await page.locator('.event-symbol').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-type')));
    assert.deepEqual([...new Set(types)], ['CONSULT']);
    // The URL alone gives the same view.
    await page.goto(page.url());
    await page.locator('.event-symbol').first().waitFor();
    assert.equal(await page.locator('.event-symbol').count(), types.length);
  });

  test('clicking a map symbol shows the event card with its evidence sentence and links', async () => {
    const { page } = watched;
    await page.goto(`${server.url}/?from=2022-03-02&to=2022-03-02&type=ASSAULT`);
    const symbol = page.locator('.event-symbol[data-type="ASSAULT"]').first();
    await symbol.waitFor();
    await symbol.click();
    const card = page.locator('.event-card');
    await card.waitFor();
    await page.waitForFunction(() => !document.querySelector('.event-card blockquote')?.textContent?.startsWith('…'));
    const evidence = await card.locator('blockquote.evidence').textContent();
    assert.match(evidence ?? '', /shelled the town of Saraqib|fired rockets/);
    assert.match(await card.textContent() ?? '', /ASSAULT/);
    assert.match(page.url(), /event=\d+/);
    await page.screenshot({ path: join(results, 'web-map.png') });
  });

  test('a story shows its events and the claims ledger with the disputed toll flagged', async () => {
    const { page } = watched;
    await page.goto(`${server.url}/?type=ASSAULT&admin1=Idlib`);
    await page.locator('.event-symbol').first().click();
    await page.locator('.event-card a[href^="/stories/"]').click();
    await page.waitForURL(/\/stories\/\d+$/);
    const ledger = page.locator('table.ledger').first();
    await ledger.waitFor();
    const killed = page.locator('table.ledger tr.disputed[data-field="killed"]');
    assert.equal(await killed.count(), 2);
    const rows = (await killed.allTextContents()).join(' | ');
    assert.match(rows, /four civilians/);
    assert.match(rows, /six civilians/);
    assert.ok(await killed.first().locator('.disputed-badge').isVisible());
    assert.match(await page.locator('section.members').textContent() ?? '', /Artillery strikes hit villages in Idlib/);
    // The framing table: a column an article (the files name no outlet), a row an actor with its labels.
    const framing = page.locator('table.framing-table');
    await framing.waitFor();
    const [a1, a2] = ['a1.txt', 'a2.txt'].map((name) => join(dir, 'articles', name));
    assert.deepEqual(await framing.locator('thead th[data-outlet]').evaluateAll((ths) => ths.map((t) => t.getAttribute('data-outlet')).sort()), [a1, a2]);
    const monitor = framing.locator(`tr[data-actor="SOHR"] td[data-outlet="${a1}"] li.own`);
    assert.match(await monitor.textContent() ?? '', /Syrian Observatory for Human Rights ×1/);
    assert.match(await framing.locator(`tr[data-actor="SYR.REB"] td[data-outlet="${a1}"]`).textContent() ?? '', /rebel groups ×1/);
    assert.match(await framing.locator(`tr.framing-voices td[data-outlet="${a1}"]`).textContent() ?? '', /Syrian Observatory for Human Rights ×1 monitor/);
    assert.match(await framing.locator(`tr.framing-coverage td[data-outlet="${a2}"]`).textContent() ?? '', /reports 2 of 3 events.*ASSAULT/);
    await page.screenshot({ path: join(results, 'web-story.png'), fullPage: true });
  });

  test('an article shows its text with the layers and the event evidence highlighted; cards link to their sentence', async () => {
    const { page } = watched;
    await page.locator('table.ledger a[href^="/articles/"]').first().click();
    await page.waitForURL(/\/articles\/\d+#s-\d+$/);
    await page.locator('.article-text .hl-evidence').first().waitFor();
    const evidence = (await page.locator('.article-text .hl-evidence').allTextContents()).join('');
    assert.match(evidence, /shelled the town of Saraqib in Idlib province/);
    assert.match((await page.locator('.article-text .hl-place').allTextContents()).join(' '), /Saraqib/);
    assert.match((await page.locator('.article-text .hl-date').allTextContents()).join(' '), /March 2 2022/);
    assert.ok(await page.locator('.article-text .hl-entity').count() > 0);
    // The sentence the link named is flagged on arrival.
    assert.ok(await page.locator('.article-text .flash').count() > 0);
    const link = page.locator('.article-events a.to-sentence').first();
    const target = (await link.getAttribute('href'))!.slice(1);
    await link.click();
    assert.equal(await page.locator(`[id="${target}"]`).count(), 1);
    await page.screenshot({ path: join(results, 'web-article.png'), fullPage: true });
  });

  test("a hostile article's markup is shown as text and runs nothing", async () => {
    const { page, dialogs, problems, foreign } = watched;
    const list = await page.evaluate(async () => (await (await fetch('/api/articles?limit=50')).json()) as { items: { id: number; title: string }[] });
    const hostile = list.items.find((a) => a.title?.startsWith('Hostile page'));
    assert.ok(hostile, 'the hostile article is stored');
    await page.goto(`${server.url}/articles/${hostile.id}`);
    await page.locator('.article-text').waitFor();
    const text = await page.locator('.article-text').textContent();
    assert.match(text ?? '', /<script>window.__pwned = 1; alert\(1\)<\/script>/);
    assert.match(text ?? '', /<img src=x onerror=/);
    assert.match(await page.locator('h1').textContent() ?? '', /<script>/);
    assert.equal(await page.locator('main script, main img, main svg[onload], main [onerror]').count(), 0);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(foreign, [], 'nothing was requested from another origin');
    assert.deepEqual(problems, [], 'no script errors');
    await page.screenshot({ path: join(results, 'web-hostile.png') });
  });
});

describe('the seeds in Chromium', { skip: skip || (!existsSync(seeds) && 'no ../shared/data/seeds') }, () => {
  let dir: string;
  let browser: Browser;
  let server: { url: string; child: ChildProcess };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-web-seeds-'));
    sitrep(['ingest', seeds, '--db', join(dir, 'seeds.db'), '--quiet']);
    server = await serveDb(join(dir, 'seeds.db'));
    browser = await launch();
    mkdirSync(results, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    server?.child.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the map shows events in Idlib, Aleppo (Afrin) and Deraa provinces; two stories', async () => {
    const { page, problems } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/`);
    await page.locator('.event-symbol').first().waitFor();
    await page.locator('path.country').first().waitFor();
    const provinces = (await page.locator('.event-symbol').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-admin1')))).join(' | ');
    for (const name of [/Idlib/, /Aleppo/, /Dar/]) assert.match(provinces, name);
    const places = (await page.locator('.event-list tbody td:nth-child(5)').allTextContents()).join(' | ');
    assert.match(places, /Afr.n, Aleppo/);
    await page.screenshot({ path: join(results, 'seeds-map.png') });
    await page.goto(`${server.url}/stories`);
    await page.locator('ul.stories li').first().waitFor();
    assert.equal(await page.locator('ul.stories li').count(), 2);
    assert.deepEqual(problems, []);
  });

  test('the Afrin story event carries its 5–7 killed ledger, flagged disputed', async () => {
    const { page } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}/stories`);
    // the four-seed story, titled by its most central headline (the Idlib bombing one)
    await page.locator('ul.stories a', { hasText: 'Idlib' }).click();
    const afrin = page.locator('.story-event', { hasText: 'Afr' }).filter({ has: page.locator('tr[data-field="killed"]') }).first();
    await afrin.waitFor();
    const rows = (await afrin.locator('tr.disputed[data-field="killed"]').allTextContents()).join(' | ');
    assert.match(rows, /7 fighters/);
    assert.match(rows, /5 fighters/);
    await afrin.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(results, 'seeds-story.png'), fullPage: true });
    await afrin.screenshot({ path: join(results, 'seeds-afrin-ledger.png') });
  });
});
