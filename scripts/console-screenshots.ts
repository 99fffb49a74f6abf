/**
 * The README's pictures of the console, taken as a user gets there:
 *
 *   npx tsx scripts/console-screenshots.ts [--out docs]
 *
 * runs `pantau run --speed 2400` (what `npm start` runs) on a temporary data folder and opens the
 * overview in Chromium while the demo day is replayed: it must show the run live, and once the
 * flood spike and the hoax are both open it is saved. Once the run has ended, that folder is
 * served with `pantau console` for the episode's pictures. In --out:
 *
 *   console-overview.png   the overview during the run, 1280 px wide, whole
 *   console-episode.png    the flood spike's episode page, 1280 px wide (its top 1,600 px)
 *   console-phone.png      the same episode on a 360 × 780 phone screen
 *
 * The console is stopped with Ctrl-C's signal and the data folder removed at the end. Chromium is
 * Debian's (`apt-get install chromium`), or the one PANTAU_CHROMIUM names.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../infra/local/emulators';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

const ROOT = resolve(__dirname, '..');
const PANTAU = join(ROOT, 'bin/pantau.js');
const CHROMIUM = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';
const CONSOLE_AT = /the console is at (http:\/\/127\.0\.0\.1:\d+)/;
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
/** The tallest the overview's picture gets (every topic's chart fits). */
const OVERVIEW_HEIGHT = 2_400;
/** The tallest the episode's picture gets: its top says enough. */
const EPISODE_HEIGHT = 1_600;
/** How often the overview is looked at while the run goes on. */
const WATCH_MS = 1_000;

const log = (line: string): void => {
  process.stderr.write(`console-screenshots: ${line}\n`);
};

/** A child `pantau` command, its output kept (shown when it fails). */
interface Pantau {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
  /** The console's address, once the command has printed it. */
  readonly consoleUrl: Promise<string>;
}

function pantau(args: readonly string[]): Pantau {
  const child = spawn(process.execPath, [PANTAU, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const consoleUrl = new Promise<string>((found, failed) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      const at = CONSOLE_AT.exec(out);
      if (at?.[1]) found(at[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    // After the address, this changes nothing.
    child.once('exit', (code) => failed(new Error(`pantau ${args.join(' ')} ended (code ${code}) before serving the console:\n${out}`)));
  });
  return { child, exited, output: () => out, consoleUrl };
}

/** Asks the child to stop as Ctrl-C does, and waits for it. */
async function interrupt(p: Pantau): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGINT');
  await p.exited;
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** What the overview showed while the run went on. */
interface Watched {
  /** Each distinct "data up to" line the page showed, with the seconds into the run it was first seen. */
  readonly asOf: string[];
  readonly mostEpisodes: number;
}

/**
 * The overview, opened as soon as the run serves it and looked at until the run ends. It must load
 * and draw its charts while the run goes on; what it shows meanwhile is reported, not required
 * (the counters move when the aggregator closes a window, every 30 s, and the page asks every 10 s).
 */
async function watchLive(browser: Browser, url: string, run: Pantau, startedAt: number, outDir: string): Promise<Watched> {
  const context = await browser.newContext(DESKTOP);
  try {
    const page = await context.newPage();
    await page.goto(`${url}/#/`);
    await page.getByTestId('topic-chart').locator('canvas').first().waitFor({ timeout: 60_000 });
    if (run.child.exitCode !== null) throw new Error('the run ended before the overview had loaded');
    const asOf: string[] = [];
    let last = '';
    let mostEpisodes = 0;
    let liveShot = false;
    while (run.child.exitCode === null) {
      // The line under the title, "Data hingga …", changes with each refresh that brings newer posts.
      const line = page.getByTestId('overview').locator('p.muted.small').first();
      const text = (await line.count()) > 0 ? await line.textContent({ timeout: 5_000 }).catch(() => null) : null;
      if (text && text !== last) {
        last = text;
        asOf.push(`${Math.round((Date.now() - startedAt) / 1000)} s: ${text.replace(/\. .*$/, '')}`);
      }
      mostEpisodes = Math.max(mostEpisodes, await page.getByTestId('episode-card').count());
      // The overview as the run shows it live, once the flood spike and the hoax are both open.
      if (!liveShot && mostEpisodes >= 2 && run.child.exitCode === null) {
        await page.waitForLoadState('networkidle');
        await shoot(page, join(outDir, 'console-overview.png'), OVERVIEW_HEIGHT);
        liveShot = true;
      }
      await pause(WATCH_MS);
    }
    if (!liveShot) throw new Error('the run ended before the overview showed both episodes open');
    return { asOf, mostEpisodes };
  } finally {
    await context.close();
  }
}

/** A picture of the page, one image pixel per CSS pixel, at most `maxHeight` tall. */
async function shoot(page: Page, path: string, maxHeight: number): Promise<void> {
  const height = await page.locator('html').evaluate((el) => el.scrollHeight);
  const width = page.viewportSize()?.width ?? 1280;
  await page.screenshot({ path, scale: 'css', fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) } });
  log(`wrote ${relative(process.cwd(), path)} (${width} × ${Math.min(height, maxHeight)}, ${Math.round(statSync(path).size / 1024)} KB)`);
}

/** The episode page with everything on it drawn. */
async function openEpisode(page: Page, url: string, href: string): Promise<void> {
  await page.goto(`${url}/${href}`);
  const episode = page.getByTestId('episode');
  await episode.getByTestId('timeline-chart').locator('canvas').first().waitFor();
  await episode.getByTestId('post').first().waitFor();
  await episode.getByTestId('spreaders').waitFor();
  await page.waitForLoadState('networkidle');
}

async function screenshots(browser: Browser, url: string, outDir: string): Promise<void> {
  const desktop = await browser.newContext(DESKTOP);
  const phone = await browser.newContext(PHONE);
  try {
    const page = await desktop.newPage();
    // The spike, from the list of every episode, as an officer looking back at the day finds it.
    await page.goto(`${url}/#/alerts?state=all`);
    const spike = page.locator('[data-testid="episode-card"][href^="#/alerts/spike%3A"]').first();
    await spike.waitFor();
    const href = await spike.getAttribute('href');
    if (!href) throw new Error('the spike episode card links nowhere');
    await openEpisode(page, url, href);
    await shoot(page, join(outDir, 'console-episode.png'), EPISODE_HEIGHT);

    const small = await phone.newPage();
    await openEpisode(small, url, href);
    const phonePath = join(outDir, 'console-phone.png');
    await small.screenshot({ path: phonePath, scale: 'css' });
    log(`wrote ${relative(process.cwd(), phonePath)} (360 × 780, ${Math.round(statSync(phonePath).size / 1024)} KB)`);
  } finally {
    await desktop.close();
    await phone.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string' } }, strict: true });
  const outDir = resolve(values.out ?? join(ROOT, 'docs'));
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install chromium, or set PANTAU_CHROMIUM`);
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-screenshots-'));
  let browser: Browser | undefined;
  let run: Pantau | undefined;
  let served: Pantau | undefined;
  try {
    // As npm start runs it, with a data folder of its own.
    log(`pantau run --speed 2400 --data ${dataDir}`);
    const startedAt = Date.now();
    run = pantau(['run', '--speed', '2400', '--data', dataDir]);
    const liveUrl = await run.consoleUrl;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const watched = await watchLive(browser, liveUrl, run, startedAt, outDir);
    const code = await run.exited;
    if (code !== 0) throw new Error(`pantau run ended with code ${code}:\n${run.output()}`);
    log(`pantau run took ${Math.round((Date.now() - startedAt) / 1000)} s`);
    log(`the overview during the run: ${watched.asOf.join('; ') || 'no data line'}; ${watched.mostEpisodes} open episodes at most`);

    const port = await freePort();
    served = pantau(['console', '--data', dataDir, '--port', String(port)]);
    const url = await served.consoleUrl;
    log(`pantau console --data ${dataDir} --port ${port}: ${url}`);
    await screenshots(browser, url, outDir);
  } finally {
    await browser?.close();
    if (served) await interrupt(served);
    if (run) await interrupt(run);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`console-screenshots: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
