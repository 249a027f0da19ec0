/**
 * `npm run dashboard:screenshots`: starts the server as `npm start` does
 * (embedded Neo4j or NEO4J_URI, seeded when empty), opens each dashboard view
 * in headless Chromium and
 *   - writes a screenshot of each to docs/img/dashboard-<view>.png (1440x900),
 *   - measures the time to first render of each view: from navigation start
 *     to the performance mark the page sets when the view has drawn its data
 *     (dashboard:rendered:<view>), with an empty browser cache, median of
 *     --repeats (5) page loads,
 *   - reports the bundle size (bytes and gzip bytes of dist/web/assets).
 *
 * CHROMIUM_PATH overrides the browser (default: `chromium` on PATH).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { loadDotEnv, parseConfig, PROJECT_ROOT } from '../src/config';
import { DASHBOARD_DIR } from '../src/http/dashboard-route';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server';
import { seedIfEmpty } from '../src/seed/on-start';

const VIEWPORT = { width: 1440, height: 900 };
const OUT_DIR = path.join(PROJECT_ROOT, 'docs', 'img');
const WAIT = { timeout: 60_000 };

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  }).trim();
}

function bundleSize(): { file: string; bytes: number; gzipBytes: number }[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(DASHBOARD_DIR, 'manifest.json'), 'utf8'),
  ) as Record<string, string>;
  return Object.values(manifest).map((name) => {
    const body = fs.readFileSync(path.join(DASHBOARD_DIR, 'assets', name));
    return { file: name, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function newPage(browser: Browser, cache: boolean): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.setCacheEnabled(cache);
  page.on('pageerror', (err) => console.error(`page error: ${String(err)}`));
  return page;
}

async function renderedAt(page: Page, view: string): Promise<number> {
  await page.waitForSelector(`body[data-rendered="${view}"]`, WAIT);
  return (await page.evaluate(
    `performance.getEntriesByName('dashboard:rendered:${view}')[0].startTime`,
  )) as number;
}

async function main(): Promise<void> {
  const repeatsArg = process.argv.indexOf('--repeats');
  const repeats = repeatsArg > 0 ? Number(process.argv[repeatsArg + 1]) : 5;
  loadDotEnv();
  const config = parseConfig();
  const logger = createLogger('warn');
  const server = await startServer({
    config,
    logger,
    seeder: seedIfEmpty,
    progress: (m) => process.stderr.write(`${m}\n`),
  });
  let browser: Browser | undefined;
  try {
    await server.bootstrapped;
    const base = `http://127.0.0.1:${server.port}`;
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-GB'],
    });

    // A Barnahus search result and Poland's cell of civil society (the
    // civil-society layer shown) give the graph and matrix views something
    // to show.
    const probe = await newPage(browser, true);
    await probe.goto(`${base}/#view=graph&q=Barnahus`, { waitUntil: 'load' });
    await probe.waitForSelector('#search-results button.result', WAIT);
    const entity = (await probe.$eval('#search-results button.result', (el) =>
      el.getAttribute('data-id'),
    )) as string;
    await probe.close();

    const permalinks: Record<string, string> = {
      matrix: 'view=matrix&mandate=mandate:2020-2025&civil=1',
      graph: `view=graph&q=Barnahus&entity=${encodeURIComponent(entity)}`,
      timeline: 'view=timeline',
      overview: 'view=overview',
    };

    // A warm-up load of each view, so the server's own first-use costs
    // (compiled queries, Neo4j's page cache) are not counted as the page's.
    const timings: Record<string, number[]> = {};
    for (const round of [-1, ...Array.from({ length: repeats }, (_, i) => i)]) {
      for (const [view, hash] of Object.entries(permalinks)) {
        const page = await newPage(browser, false);
        await page.goto(`${base}/#${hash}`, { waitUntil: 'load' });
        const ms = await renderedAt(page, view);
        if (round >= 0) (timings[view] ??= []).push(ms);
        await page.close();
      }
    }

    fs.mkdirSync(OUT_DIR, { recursive: true });
    for (const [view, hash] of Object.entries(permalinks)) {
      const page = await newPage(browser, true);
      await page.goto(`${base}/#${hash}`, { waitUntil: 'load' });
      await renderedAt(page, view);
      if (view === 'matrix') {
        const cell =
          (await page.$('button.cell.has-civil-society[data-key^="state:PL|"]')) ??
          (await page.$('button.cell.filled'));
        await cell?.click();
        await page.waitForSelector('#evidence:not([hidden]) .path', WAIT);
      }
      if (view === 'graph') await page.waitForSelector('#entity-panel dl.props', WAIT);
      // Let the layout and fonts settle before the picture.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const file = path.join(OUT_DIR, `dashboard-${view}.png`);
      await page.screenshot({ path: file as `${string}.png` });
      console.log(`wrote ${path.relative(PROJECT_ROOT, file)}`);
      await page.close();
    }

    console.log('\nTime to first render (ms from navigation start, empty cache, median):');
    for (const [view, values] of Object.entries(timings)) {
      console.log(
        `  ${view.padEnd(9)} ${median(values).toFixed(0).padStart(6)}   (${values.map((v) => v.toFixed(0)).join(', ')})`,
      );
    }
    console.log('\nBundle (dist/web/assets):');
    for (const { file, bytes, gzipBytes } of bundleSize()) {
      console.log(`  ${file.padEnd(28)} ${String(bytes).padStart(8)} B  gzip ${gzipBytes} B`);
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
