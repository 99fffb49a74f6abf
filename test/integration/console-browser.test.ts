/**
 * The console in a real browser (Debian's Chromium through playwright-core) over the demo day as
 * it is replayed through the real pipeline: the overview filling in while the replay runs, an
 * alert followed to its episode, the response to it, a watch topic added, the same at a phone's
 * width, the keyboard, and a post carrying markup shown as text.
 *
 * One replay and one browser for the whole file; every view is reached as an officer reaches it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { loadConfig } from '../../shared/config';
import type { EpisodeView } from '../../shared/console/contract';
import type { Post } from '../../shared/post';
import { startConsoleServer, type ConsoleServer } from '../../infra/local/console-server';
import { REPLAY_AGGREGATOR_TIMING, startPipeline, type LocalPipeline } from '../../infra/local/pipeline';
import { buildPage } from '../../web/build';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost, writePostsFile } from '../helpers/posts';

const CONFIG_PATH = resolve(__dirname, '../../pantau.config.json');
const DEMO = resolve(__dirname, '../../demo/jakarta-day.jsonl');
const CHROMIUM = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';
const config = loadConfig(CONFIG_PATH);

/** Markup in a post's text: shown as text, it is harmless; parsed, it would run `alert(1)`. */
const MARKUP = '<img src=x onerror=alert(1)>';
/** A negative flood complaint in the demo day's flood hours, from an account of its own, carrying markup. */
const INJECTED: Post = makePost({
  id: 'markup-1',
  text: `Banjir parah lagi di Kemang, pompa mati! ${MARKUP}`,
  createdAt: '2026-11-26T08:30:00Z',
  url: 'https://x.com/i/status/1999999999999999999',
  author: { id: 'markup-author', handle: 'warga_kemang_markup', followers: 120 },
});
/** The demo day's span: the posts search is asked for it, whatever today's date. */
const DAY_SPAN = { from: '2026-11-25T12:00:00Z', to: '2026-11-27T00:00:00Z' };
/**
 * The replay as `npm start` plays it: at 2,400 times the posts' own pace (the day in 36 s) with the
 * aggregator's windows of a run, so the overview can be seen filling in before the replay ends.
 */
const SPEED = 2_400;
/** The spike shows on the overview halfway through the replay; on a loaded machine that takes a while. */
const LIVE_WAIT_MS = 150_000;

let stack: TestStack | undefined;
let server: ConsoleServer | undefined;
let pipeline: LocalPipeline | undefined;
let browser: Browser | undefined;
let pageDir: string | undefined;
let postsPath: string | undefined;
/** The replay, collecting and settling in the background; never rejects (its error is in the result). */
let replay: Promise<{ error?: unknown }> | undefined;
let replayFinished = false;
/** The last line of the posts file the collector has sent on. */
let linesRead = 0;
let totalLines = 0;
const contexts: BrowserContext[] = [];
/** Every dialog (alert, confirm, prompt) any page of this file opened. */
const dialogs: string[] = [];

/** The demo day with the injected post in its place by time. */
function demoWithInjected(): string[] {
  const lines = readFileSync(DEMO, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const at = lines.findIndex((l) => (JSON.parse(l) as Post).createdAt > INJECTED.createdAt);
  return [...lines.slice(0, at), JSON.stringify(INJECTED), ...lines.slice(at)];
}

/** The demo day through the file collector's runs until the file is read, then the pipeline settled. */
async function runReplay(p: LocalPipeline): Promise<{ error?: unknown }> {
  try {
    for (;;) {
      const run = await p.collect();
      if (run.done) break;
    }
    await p.settle();
    replayFinished = true;
    return {};
  } catch (error) {
    return { error };
  }
}

/** Waits for the whole replay (the tests after the first read the finished day). */
async function replayed(): Promise<void> {
  const end = await replay;
  if (end?.error) throw end.error;
}

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  contexts.push(context);
  // Generous: two cores shared with DynamoDB Local, fauxqs, the pipeline and Chromium.
  context.setDefaultTimeout(30_000);
  context.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    try {
      await dialog.dismiss();
    } catch {
      // the page went meanwhile
    }
  });
  return context.newPage();
}

const base = (): string => {
  if (!server) throw new Error('the console server did not start');
  return server.url;
};

/** The spike (or hoax) episode's card on the overview. */
const cardOf = (page: Page, kind: 'spike' | 'hoax') => page.locator(`[data-testid="episode-card"][href^="#/alerts/${kind}%3Abanjir"]`);

async function episodeFromApi(alertId: string): Promise<EpisodeView> {
  const res = await fetch(`${base()}/api/alerts/${encodeURIComponent(alertId)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as EpisodeView;
}

/** The alert id an episode card links to. */
async function alertIdOf(card: ReturnType<typeof cardOf>): Promise<string> {
  const href = await card.first().getAttribute('href');
  if (!href) throw new Error('an episode card without a link');
  return decodeURIComponent(href.replace('#/alerts/', ''));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}: the browser tests need it. Install Debian's package (apt-get install chromium), or set PANTAU_CHROMIUM to a Chromium executable.`,
    );
  }
  stack = await testStack('browser');
  pageDir = mkdtempSync(join(tmpdir(), 'pantau-page-'));
  await buildPage(pageDir);
  server = await startConsoleServer({ doc: stack.clients.doc, tables: stack.resources.tables, config, port: 0, pageDir });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const lines = demoWithInjected();
  postsPath = writePostsFile(lines);
  totalLines = lines.length;
  pipeline = await startPipeline({
    stack,
    configPath: CONFIG_PATH,
    postsPath,
    speed: SPEED,
    aggregatorTiming: REPLAY_AGGREGATOR_TIMING,
    onPage: (progress) => {
      linesRead = progress.line;
    },
  });
  // Not awaited here: the first test watches the overview while the replay goes on.
  replay = runReplay(pipeline);
}, 120_000);

afterAll(async () => {
  // Whatever failed, the replay ends before its pipeline and tables go.
  await replay;
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  await pipeline?.stop();
  await stack?.stop();
  if (pageDir) rmSync(pageDir, { recursive: true, force: true });
  if (postsPath) rmSync(dirname(postsPath), { recursive: true, force: true });
}, 240_000);

describe('the console in Chromium over the demo day', () => {
  test(
    'the overview fills in while the replay is still running: empty at first, then the flood spike, one chart per watch topic',
    async () => {
      const page = await newPage();
      await page.goto(`${base()}/#/`);
      // Opened with the first page of the day in: nothing has been raised yet.
      await expectText(page.getByTestId('open-episodes'), 'Tidak ada episode terbuka.');

      // The spike is raised in the afternoon of the day; the overview, refreshed every 5 s, shows it without a reload.
      await cardOf(page, 'spike').first().waitFor({ timeout: LIVE_WAIT_MS });
      expect(replayFinished).toBe(false);
      expect(linesRead).toBeLessThan(totalLines);

      const charts = page.getByTestId('topic-chart');
      await charts.locator('canvas').first().waitFor();
      const topics = await charts.evaluateAll((els) => els.map((el) => el.getAttribute('data-topic')));
      expect(topics).toEqual(config.topics.map((t) => t.name));
      for (const t of config.topics) {
        expect(await page.locator(`[data-testid="topic-chart"][data-topic="${t.name}"] canvas`).count()).toBe(1);
      }

      await replayed();
      expect(linesRead).toBe(totalLines);
      // The hoax episode, raised later in the day, reaches the same page too.
      await cardOf(page, 'hoax').first().waitFor({ timeout: 30_000 });
    },
    LIVE_WAIT_MS + 120_000,
  );

  test('an alert followed from its card: the episode with its timeline, posts, places and spreaders', async () => {
    await replayed();
    const page = await newPage();
    await page.goto(`${base()}/#/`);
    await cardOf(page, 'spike').first().click();
    await page.waitForURL(/#\/alerts\/spike%3Abanjir/);
    expect(new URL(page.url()).hash).toMatch(/^#\/alerts\/spike%3Abanjir%3A/);

    const episode = page.getByTestId('episode');
    await episode.getByTestId('timeline-chart').locator('canvas').first().waitFor();
    await episode.getByTestId('post').first().waitFor();
    expect(await episode.getByTestId('post').count()).toBeGreaterThanOrEqual(1);
    await expectText(episode.getByTestId('places'), /Jakarta/);
    // The spreaders' table names accounts by handle.
    await episode.getByTestId('spreaders').locator('tbody th').first().waitFor();
    expect(await episode.getByTestId('spreaders').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="post"] img').count()).toBe(0);
  });

  test('acknowledge, assign and note an episode: the panel shows each step and the API keeps who and when', async () => {
    await replayed();
    const page = await newPage();
    await page.goto(`${base()}/#/`);
    const card = cardOf(page, 'spike');
    await card.first().waitFor();
    const alertId = await alertIdOf(card);
    await card.first().click();
    const panel = page.getByTestId('response-panel');
    await panel.locator('[data-testid="response-state"][data-state="new"]').waitFor();

    await panel.getByTestId('btn-acknowledge').click();
    await panel.locator('[data-testid="response-state"][data-state="acknowledged"]').waitFor();
    expect(await panel.getByTestId('response-state').textContent()).toBe('Sedang ditangani');

    const assignee = config.console.assignees[1] as string;
    await panel.getByTestId('select-assignee').selectOption(assignee);
    await panel.getByTestId('btn-assign').click();
    await panel.locator('[data-testid="response-state"][data-state="assigned"]').waitFor();
    expect(await panel.getByTestId('response-assignee').textContent()).toBe(assignee);

    const note = 'Pompa Kemang dicek BPBD, warga diminta menjauhi kali';
    await panel.getByTestId('note-input').fill(note);
    await panel.getByTestId('btn-note').click();
    await expectText(panel.locator('.events'), note);

    const stored = await episodeFromApi(alertId);
    const user = userInfo().username;
    expect(stored.response).toMatchObject({ state: 'assigned', assignee, by: user });
    expect(stored.response.events.map((e) => e.action)).toEqual(['acknowledge', 'assign', 'note']);
    expect(stored.response.events[1]?.assignee).toBe(assignee);
    expect(stored.response.events[2]?.note).toBe(note);
    for (const e of stored.response.events) {
      expect(e.by).toBe(user);
      expect(Math.abs(Date.now() - Date.parse(e.at))).toBeLessThan(5 * 60_000);
    }
  });

  test('a watch topic added in the topics view is listed; one without keywords is refused, the error beside the field', async () => {
    await replayed();
    const page = await newPage();
    await page.goto(`${base()}/#/topics`);
    const form = page.getByTestId('topic-form');
    await page.locator('[data-testid="topic-row"][data-topic="banjir"]').waitFor();

    await form.locator('input[name="name"]').fill('kebakaran-glodok');
    await form.locator('input[name="label"]').fill('Kebakaran Glodok');
    await form.locator('input[name="keywords"]').fill('kebakaran glodok, glodok terbakar');
    await form.getByTestId('btn-save-topic').click();
    const row = page.locator('[data-testid="topic-row"][data-topic="kebakaran-glodok"]');
    await row.waitFor();
    await expectText(row, /kebakaran glodok, glodok terbakar/);

    // Left empty, the browser itself refuses to send the form (the field is required).
    await form.locator('input[name="name"]').fill('kebakaran-tambora');
    await form.locator('input[name="label"]').fill('Kebakaran Tambora');
    await form.getByTestId('btn-save-topic').click();
    const keywords = form.locator('input[name="keywords"]');
    expect(await keywords.evaluate((el) => (el as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing)).toBe(true);

    // Only commas: no keyword at all reaches the API, which names the field; the page puts its message beside it.
    await keywords.fill(' , ');
    await form.getByTestId('btn-save-topic').click();
    const fieldError = form.locator('#topic-keywords-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toMatch(/keyword/i);
    expect(await keywords.getAttribute('aria-invalid')).toBe('true');
    await expectText(page.getByTestId('error'), /keywords/);
    expect(await page.locator('[data-testid="topic-row"][data-topic="kebakaran-tambora"]').count()).toBe(0);

    const listed = (await (await fetch(`${base()}/api/topics`)).json()) as { items: { name: string }[] };
    expect(listed.items.map((t) => t.name)).toContain('kebakaran-glodok');
    expect(listed.items.map((t) => t.name)).not.toContain('kebakaran-tambora');
  });

  test('at 360 px wide: the overview lists the episodes, the episode page fits the width and its response buttons can be reached', async () => {
    await replayed();
    const page = await newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    await page.goto(`${base()}/#/`);
    await cardOf(page, 'spike').first().waitFor();
    expect(await cardOf(page, 'hoax').count()).toBeGreaterThan(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(362);

    // The hoax episode has not been answered yet: every step is offered.
    await cardOf(page, 'hoax').first().tap();
    await page.waitForURL(/#\/alerts\/hoax%3Abanjir/);
    await page.getByTestId('timeline-chart').locator('canvas').first().waitFor();
    await page.getByTestId('post').first().waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(362);

    for (const testid of ['btn-acknowledge', 'btn-handled', 'select-assignee', 'note-input']) {
      const control = page.getByTestId(testid);
      await control.scrollIntoViewIfNeeded();
      // A trial tap: visible, enabled, not covered by anything, without taking the step.
      await control.tap({ trial: true });
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      expect(box!.height).toBeGreaterThanOrEqual(40);
    }
  });

  test('from the overview, Tab reaches an episode card and Enter opens its episode', async () => {
    await replayed();
    const page = await newPage();
    await page.goto(`${base()}/#/`);
    await cardOf(page, 'spike').first().waitFor();
    let focused: string | null = null;
    for (let tabs = 0; tabs < 30 && focused !== 'episode-card'; tabs += 1) {
      await page.keyboard.press('Tab');
      focused = await page.locator(':focus').getAttribute('data-testid');
    }
    expect(focused).toBe('episode-card');
    const href = await page.locator(':focus').getAttribute('href');
    await page.keyboard.press('Enter');
    await page.getByTestId('episode').locator('h1').waitFor();
    expect(new URL(page.url()).hash).toBe(href);
  });

  test('a post carrying markup is shown as its text: no element made of it, and no dialog in the whole file', async () => {
    await replayed();
    const page = await newPage();
    const query = new URLSearchParams({ topic: 'banjir', q: 'onerror', ...DAY_SPAN });
    await page.goto(`${base()}/#/posts?${query.toString()}`);
    const results = page.getByTestId('post-results');
    await results.getByTestId('post').first().waitFor();
    const texts = await results.getByTestId('post-text').allTextContents();
    expect(texts).toEqual([INJECTED.text]);
    expect(texts[0]).toContain(MARKUP);
    expect(await page.locator('[data-testid="post"] img').count()).toBe(0);
    expect(await results.locator('[onerror]').count()).toBe(0);
    // In the document the markup stands escaped, as text.
    expect(await results.getByTestId('post-text').innerHTML()).toBe(INJECTED.text.replace('<', '&lt;').replace('>', '&gt;'));

    // The search form's own field, not the page, carries the query.
    expect(await page.locator('input[name="q"]').inputValue()).toBe('onerror');
    expect(dialogs).toEqual([]);
  });
});

/** Waits until the element's text matches (the page answers after its API call). */
async function expectText(locator: ReturnType<Page['locator']>, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
  // A string is looked for as it is (toMatch takes a string as a substring).
  expect(await locator.first().textContent()).toMatch(text);
}

/** How wide the page's content is, against the viewport. */
const scrollWidth = (page: Page): Promise<number> => page.locator('html').evaluate((el) => el.scrollWidth);
