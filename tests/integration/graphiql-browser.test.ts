import puppeteer, { type Browser } from 'puppeteer-core';
import { useTestApp } from '../helpers/http';
import { chromiumPath } from '../helpers/chromium';

/**
 * GraphiQL in a real headless Chromium under the policy the API serves it
 * with: it must start, show its example query and answer it, and the
 * browser must report no Content-Security-Policy violation.
 */

describe('GraphiQL in a browser under its Content-Security-Policy', () => {
  const ctx = useTestApp();
  let browser: Browser;

  beforeAll(async () => {
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('starts, runs its example query and breaks no rule of the policy', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      // Failed loads are reported by URL below.
      if (/^Failed to load resource/.test(msg.text())) return;
      if (msg.type() === 'error' || /Content.Security.Policy/i.test(msg.text()))
        problems.push(msg.text());
    });
    page.on('response', (res) => {
      // The browser's own guess at a favicon is no part of the IDE.
      if (res.status() >= 400 && !res.url().endsWith('/favicon.ico'))
        problems.push(`${res.status()} ${res.url()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught: ${String(err)}`));
    // Violations the page itself sees (also those Chromium does not print).
    await page.evaluateOnNewDocument(`
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
    `);
    await page.goto(`${ctx.t.base}/graphql`, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-container .graphiql-execute-button', { timeout: 30_000 });
    await page.waitForFunction(
      `document.querySelector('.graphiql-query-editor')?.textContent?.includes('pursues')`,
      { timeout: 30_000 },
    );
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      `document.querySelector('.graphiql-response')?.textContent?.includes('Lithuania')`,
      { timeout: 30_000 },
    );
    const violations = (await page.evaluate('window.__cspViolations')) as string[];
    expect({ violations, problems }).toEqual({ violations: [], problems: [] });
    await page.close();
  });
});
