/**
 * @writes-shared-graph: adds a test mandate graded link by link for a moment, so it runs
 * while no other test file reads the graph (tests/setup/graph-lock.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { CONTENT_SECURITY_POLICY } from '../../src/http/csp';
import { DASHBOARD_DIR } from '../../src/http/dashboard-route';
import type { Database } from '../../src/db/database';
import { useTestApp } from '../helpers/http';
import { chromiumPath } from '../helpers/chromium';
import { GRADE_COLOURS, type Grade } from '../../web/src/palette';

/**
 * The dashboard in a real headless Chromium (Debian's `chromium`, driven by
 * puppeteer-core) against the real API on the seeded test Neo4j. Expected
 * figures are counted in the database with Cypher, never read from the
 * page's own API calls.
 */

const MANDATE = 'mandate:2020-2025';
const WAIT = { timeout: 30_000 };

/**
 * A matrix of its own for the grade tests, written for the length of the
 * tests (origin "test") beside the seed: a test mandate whose four priorities
 * Denmark reaches by (1) six LOW paths, (2) one HIGH path, (3) one MEDIUM
 * path that is unverified, (4) only civil society (two paths) and (5) only
 * a MAY_PURSUE link (a service whose operator no source names). Every
 * path runs over real relationships (test services located in Denmark), so
 * the API resolves its steps and sources as for derived links.
 */
const GRADES_MANDATE = 'test:dash-m';
const cellKey = (priority: string) => `state:DK|test:dash-${priority}`;
const reason = (code: string, cap: string, step: number | null, text: string) =>
  JSON.stringify([{ code, cap, step, text }]);
const FIXTURE_LINKS: {
  type: 'PURSUES' | 'MAY_PURSUE' | 'CIVIL_SOCIETY_ENGAGES';
  priority: string;
  rule: string;
  confidence: string;
  unverified: boolean;
  services: number[];
  reasons: string;
}[] = [
  {
    type: 'PURSUES',
    priority: 'low',
    rule: 'national-service',
    confidence: 'low',
    unverified: false,
    services: [1, 2, 3, 4, 5, 6],
    reasons: reason('STEP_CONFIDENCE', 'low', 1, 'The ADDRESSES step is marked low by its source'),
  },
  {
    type: 'PURSUES',
    priority: 'high',
    rule: 'national-service',
    confidence: 'high',
    unverified: false,
    services: [7],
    reasons: '[]',
  },
  {
    type: 'PURSUES',
    priority: 'unverified',
    rule: 'national-service',
    confidence: 'medium',
    unverified: true,
    services: [8],
    reasons: reason('UNVERIFIED_STEP', 'medium', 0, 'The LOCATED_IN step is unverified'),
  },
  {
    type: 'CIVIL_SOCIETY_ENGAGES',
    priority: 'civil',
    rule: 'civil-society-service',
    confidence: 'low',
    unverified: false,
    services: [9, 10],
    reasons: reason('NON_STATE_OPERATOR', 'low', 0, 'The service is run by an NGO'),
  },
  {
    type: 'MAY_PURSUE',
    priority: 'may',
    rule: 'national-service',
    confidence: 'medium',
    unverified: false,
    services: [11],
    reasons: reason('OPERATOR_UNKNOWN', 'medium', 0, 'No source says who runs the service'),
  },
];

async function writeGradesFixture(db: Database): Promise<void> {
  await db.write(
    `MATCH (dk:State {id: 'state:DK'})
     CREATE (m:Entity:Mandate {id: $mandate, name: 'Test mandate (dashboard grades)', origin: 'test',
                               startDate: date('2031-01-01'), endDate: date('2032-12-31')})
     WITH dk, m
     UNWIND range(0, size($links) - 1) AS i
     WITH dk, m, i, $links[i] AS link
     CREATE (pr:Entity:Priority {id: 'test:dash-' + link.priority, name: 'Test priority ' + link.priority, origin: 'test'})
     CREATE (m)-[:HAS_PRIORITY {order: i + 1, origin: 'test', sourceIds: ['source:S1']}]->(pr)
     WITH dk, pr, link
     UNWIND link.services AS n
     CREATE (v:Entity:Service {id: 'test:dash-svc' + n, name: 'Test service ' + n, origin: 'test'})
     CREATE (v)-[:LOCATED_IN {origin: 'test', sourceIds: ['source:S1'], unverified: link.unverified}]->(dk)
     CREATE (v)-[:ADDRESSES {origin: 'test', sourceIds: ['source:S1'], confidence: link.confidence}]->(pr)
     WITH dk, pr, link, collect('state:DK <-LOCATED_IN- test:dash-svc' + n + ' -ADDRESSES-> ' + pr.id) AS paths
     CALL (dk, pr, link, paths) {
       WITH dk, pr, link, paths WHERE link.type = 'PURSUES'
       CREATE (dk)-[r:PURSUES]->(pr) SET r = link.props, r.evidence = paths
       UNION
       WITH dk, pr, link, paths WHERE link.type = 'MAY_PURSUE'
       CREATE (dk)-[r:MAY_PURSUE]->(pr) SET r = link.props, r.evidence = paths
       UNION
       WITH dk, pr, link, paths WHERE link.type = 'CIVIL_SOCIETY_ENGAGES'
       CREATE (dk)-[r:CIVIL_SOCIETY_ENGAGES]->(pr) SET r = link.props, r.evidence = paths
     }`,
    {
      mandate: GRADES_MANDATE,
      links: FIXTURE_LINKS.map((l) => ({
        type: l.type,
        priority: l.priority,
        services: l.services,
        unverified: l.unverified,
        confidence: l.confidence,
        props: {
          origin: 'test',
          rule: l.rule,
          confidence: l.confidence,
          unverified: l.unverified,
          pathCount: l.services.length,
          sourceIds: ['source:S1'],
          rules: l.services.map(() => l.rule),
          evidenceConfidence: l.services.map(() => l.confidence),
          evidenceUnverified: l.services.map(() => l.unverified),
          evidenceGradeReasons: l.services.map(() => l.reasons),
        },
      })),
    },
    { operation: 'test.dashboard.grades-fixture' },
  );
}

async function removeGradesFixture(db: Database): Promise<void> {
  await db.write(
    `MATCH (x:Entity) WHERE x.id = $mandate OR x.id STARTS WITH 'test:dash-' DETACH DELETE x`,
    { mandate: GRADES_MANDATE },
    { operation: 'test.dashboard.grades-fixture-removal' },
  );
}

/** The page's getComputedStyle, for callbacks run in the page (the tests compile without the DOM library). */
interface Styled {
  getComputedStyle(el: unknown): {
    backgroundColor: string;
    backgroundImage: string;
    borderTopStyle: string;
    display: string;
  };
}

/** A palette colour as getComputedStyle writes it. */
const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
/** Relative luminance of a computed rgb() colour (WCAG), to say which of two is darker. */
const luminance = (css: string) => {
  const [r, g, b] = (css.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  /** The first few offending elements, so a failure names them. */
  where: string[];
}

describe('the dashboard in a browser', () => {
  const ctx = useTestApp();
  let browser: Browser;
  /** Every URL any page asked for, and every console error or uncaught exception. */
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(DASHBOARD_DIR, 'index.html'))) {
      throw new Error('The dashboard is not built: run `npm run build` first');
    }
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      // Root in CI containers has no user namespaces for Chromium's sandbox.
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-GB'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(hash: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 900 });
    page.on('request', (req: HTTPRequest) => {
      requests.push(req.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${msg.text()} (${msg.location().url ?? ''})`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`uncaught: ${String(err)}`));
    await page.goto(`${ctx.t.base}/#${hash}`, { waitUntil: 'load' });
    return page;
  }

  async function rendered(page: Page, view: string): Promise<void> {
    await page.waitForSelector(`body[data-rendered="${view}"]`, WAIT);
  }

  async function count(page: Page, selector: string): Promise<number> {
    return page.$$eval(selector, (els) => els.length);
  }

  async function axeSeriousViolations(page: Page): Promise<AxeViolation[]> {
    // Injected through the DevTools protocol, as a test tool, not as page
    // script: the page's CSP stays as served.
    await page.evaluate(AXE_SOURCE);
    const violations = (await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) =>
         r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
                                    where: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 300)) })))`,
    )) as AxeViolation[];
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  /** Presses Tab until the focused element matches, as a keyboard user would. */
  async function tabTo(page: Page, selector: string, maxTabs = 60): Promise<void> {
    for (let i = 0; i < maxTabs; i += 1) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate(
        `document.activeElement ? document.activeElement.matches(${JSON.stringify(selector)}) : false`,
      );
      if (hit) return;
    }
    throw new Error(`${selector} was not reached in ${maxTabs} presses of Tab`);
  }

  const activeAttribute = (page: Page, name: string) =>
    page.evaluate(
      `document.activeElement ? document.activeElement.getAttribute(${JSON.stringify(name)}) : null`,
    ) as Promise<string | null>;

  it('serves the page under the strict CSP and its hashed assets as immutable', async () => {
    const page = await fetch(`${ctx.t.base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await page.text();
    expect(html).not.toMatch(/<style|style="|<script>(?!<\/script>)/);
    const asset = /src="(\/assets\/dashboard-[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${ctx.t.base}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${ctx.t.base}/assets/nothing-here.js`)).status).toBe(404);
  });

  it('renders as many non-empty matrix cells for 2020-2025 as the graph has state-priority links', async () => {
    const [row] = await ctx.db.read<{ links: number }>(
      `MATCH (:Mandate {id: $mandate})-[:HAS_PRIORITY]->(p:Priority)<-[:PURSUES]-(s:State)
       RETURN count(DISTINCT [s.id, p.id]) AS links`,
      { mandate: MANDATE },
      { operation: 'test.dashboard.matrix' },
    );
    const links = row!.links;
    const page = await open(`view=matrix&mandate=${MANDATE}`);
    await rendered(page, 'matrix');
    expect(links).toBeGreaterThan(0);
    expect(await count(page, 'button.cell.filled')).toBe(links);
    // Cells of MAY_PURSUE links only are marked apart, never filled.
    const [may] = await ctx.db.read<{ cells: number }>(
      `MATCH (:Mandate {id: $mandate})-[:HAS_PRIORITY]->(p:Priority)<-[:MAY_PURSUE]-(s:State)
       WHERE NOT (s)-[:PURSUES]->(p)
       RETURN count(DISTINCT [s.id, p.id]) AS cells`,
      { mandate: MANDATE },
      { operation: 'test.dashboard.matrix-may-pursue' },
    );
    expect(may!.cells).toBeGreaterThan(0);
    expect(await count(page, 'button.cell.may-pursue:not(.filled)')).toBe(may!.cells);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('colours every 2020-2025 cell by the grade of its best PURSUES link, whatever its number of paths', async () => {
    const rows = await ctx.db.read<{ key: string; grades: string[]; paths: number }>(
      `MATCH (:Mandate {id: $mandate})-[:HAS_PRIORITY]->(p:Priority)<-[r:PURSUES]-(s:State)
       RETURN s.id + '|' + p.id AS key, collect(r.confidence) AS grades,
              sum(CASE WHEN size(r.evidence) > 0 THEN size(r.evidence) ELSE 1 END) AS paths`,
      { mandate: MANDATE },
      { operation: 'test.dashboard.grades' },
    );
    expect(rows.length).toBeGreaterThan(0);
    const page = await open(`view=matrix&mandate=${MANDATE}`);
    await rendered(page, 'matrix');
    const shown = await page.$$eval('button.cell.filled', (cells) =>
      cells.map((c) => ({
        key: c.getAttribute('data-key'),
        grade: c.getAttribute('data-grade'),
        paths: Number(c.getAttribute('data-paths')),
        text: c.querySelector('.paths')?.textContent,
        background: (globalThis as unknown as Styled).getComputedStyle(c).backgroundColor,
      })),
    );
    const best = (grades: string[]): Grade =>
      grades.includes('high') ? 'HIGH' : grades.includes('medium') ? 'MEDIUM' : 'LOW';
    const expected = rows
      .map((r) => ({
        key: r.key,
        grade: best(r.grades),
        paths: r.paths,
        text: String(r.paths),
        background: rgb(GRADE_COLOURS[best(r.grades)].background),
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
    expect(shown.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))).toEqual(expected);

    // Cells reached by civil society only (Poland's NGO-run centres among them) are not
    // filled and carry no grade: their paths are the civil-society layer's badge.
    const civilOnly = (
      await ctx.db.read<{ key: string; paths: number }>(
        `MATCH (:Mandate {id: $mandate})-[:HAS_PRIORITY]->(p:Priority)<-[r:CIVIL_SOCIETY_ENGAGES]-(s:State)
         WHERE NOT (s)-[:PURSUES]->(p)
         RETURN s.id + '|' + p.id AS key,
                sum(CASE WHEN size(r.evidence) > 0 THEN size(r.evidence) ELSE 1 END) AS paths`,
        { mandate: MANDATE },
        { operation: 'test.dashboard.civil-only' },
      )
    )
      .map((r) => `${r.key} ${r.paths}`)
      .sort();
    expect(civilOnly.length).toBeGreaterThan(0);
    const civilShown = await page.$$eval('button.cell.has-civil-society:not(.filled)', (cells) =>
      cells.map(
        (c) =>
          `${c.getAttribute('data-key')} ${c.getAttribute('data-civil-society')}${c.getAttribute('data-grade') ? ' graded' : ''}`,
      ),
    );
    expect(civilShown.sort()).toEqual(civilOnly);
    // The legend names every grade and the unverified mark.
    expect(await count(page, '#matrix-legend li[data-grade]')).toBe(3);
    expect(await count(page, '#matrix-legend li[data-unverified]')).toBe(1);
    expect(await count(page, '#matrix-legend li[data-may-pursue]')).toBe(1);
    await page.close();
  });

  describe('on a test mandate with a cell of each kind', () => {
    beforeAll(() => writeGradesFixture(ctx.db));
    afterAll(() => removeGradesFixture(ctx.db));

    const cellStyle = (page: Page, priority: string) =>
      page.$eval(`button.cell[data-key="${cellKey(priority)}"]`, (c) => {
        const style = (globalThis as unknown as Styled).getComputedStyle(c);
        const badge = c.querySelector('.civil-badge');
        return {
          classes: c.className,
          grade: c.getAttribute('data-grade'),
          paths: c.getAttribute('data-paths'),
          label: c.getAttribute('aria-label') ?? '',
          text: c.textContent ?? '',
          background: style.backgroundColor,
          hatching: style.backgroundImage,
          border: style.borderTopStyle,
          badge: badge ? (globalThis as unknown as Styled).getComputedStyle(badge).display : null,
          badgeText: badge?.textContent ?? null,
        };
      });

    it('draws a LOW cell of six paths lighter than a HIGH cell of one, and marks the unverified cell', async () => {
      const page = await open(`view=matrix&mandate=${GRADES_MANDATE}`);
      await rendered(page, 'matrix');
      await page.waitForSelector(`button.cell[data-key="${cellKey('low')}"]`, WAIT);
      const low = await cellStyle(page, 'low');
      const high = await cellStyle(page, 'high');
      expect([low.grade, low.paths, low.text]).toEqual(['LOW', '6', '6']);
      expect([high.grade, high.paths, high.text]).toEqual(['HIGH', '1', '1']);
      expect(low.background).toBe(rgb(GRADE_COLOURS.LOW.background));
      expect(high.background).toBe(rgb(GRADE_COLOURS.HIGH.background));
      expect(luminance(low.background)).toBeGreaterThan(luminance(high.background));

      const unverified = await cellStyle(page, 'unverified');
      expect(unverified.classes).toContain('unverified');
      expect(unverified.background).toBe(rgb(GRADE_COLOURS.MEDIUM.background));
      expect(unverified.hatching).toMatch(/repeating-linear-gradient/);
      expect(unverified.border).toBe('dashed');
      expect(unverified.text).toContain('?');
      expect(unverified.label).toMatch(/every link unverified/);
      for (const verified of [low, high]) {
        expect(verified.hatching).toBe('none');
        expect(verified.label).not.toMatch(/unverified/);
      }
      expect(await axeSeriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('draws a cell of MAY_PURSUE links only hatched grey with a "?", never a grade colour, and lists them under their own heading', async () => {
      const page = await open(`view=matrix&mandate=${GRADES_MANDATE}`);
      await rendered(page, 'matrix');
      await page.waitForSelector(`button.cell[data-key="${cellKey('may')}"]`, WAIT);
      const may = await cellStyle(page, 'may');
      expect(may.classes).toContain('may-pursue');
      expect(may.grade).toBe('');
      expect(may.paths).toBe('0');
      expect(may.text).toBe('?');
      expect(may.hatching).toMatch(/repeating-linear-gradient/);
      expect(may.border).toBe('dashed');
      expect(Object.values(GRADE_COLOURS).map((c) => rgb(c.background))).not.toContain(
        may.background,
      );
      expect(may.label).toMatch(
        /no state action the sources show; 1 evidence path of state action resting on a reading or an assumption \(may pursue, not counted\)/,
      );

      await page.click(`button.cell[data-key="${cellKey('may')}"]`);
      await page.waitForSelector('#evidence .may-pursue-links .link.may-pursue .path', WAIT);
      expect(await count(page, '#evidence .link.pursues')).toBe(0);
      expect(await page.$eval('#evidence .may-pursue-head', (el) => el.textContent)).toMatch(
        /MAY_PURSUE.*not counted/,
      );
      expect(
        await page.$$eval('#evidence .link.may-pursue .reasons li', (items) =>
          items.map((li) => li.getAttribute('data-code')),
        ),
      ).toEqual(['OPERATOR_UNKNOWN']);
      expect(await axeSeriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('shows civil society only in its own layer, switched on and off, never as a cell colour', async () => {
      const page = await open(`view=matrix&mandate=${GRADES_MANDATE}`);
      await rendered(page, 'matrix');
      await page.waitForSelector(`button.cell[data-key="${cellKey('civil')}"]`, WAIT);
      const off = await cellStyle(page, 'civil');
      expect(off.classes).not.toContain('filled');
      expect(off.grade).toBe('');
      expect(off.badge).toBe('none');
      expect(Object.values(GRADE_COLOURS).map((c) => rgb(c.background))).not.toContain(
        off.background,
      );
      // Its accessible name says what it is, layer shown or not.
      expect(off.label).toMatch(/no state action; civil society CS 2: 2 evidence paths/);

      await page.click('#civil-society');
      await page.waitForFunction(
        `getComputedStyle(document.querySelector('button.cell[data-key="${cellKey('civil')}"] .civil-badge')).display !== 'none'`,
        WAIT,
      );
      const on = await cellStyle(page, 'civil');
      expect(on.badgeText).toBe('CS 2');
      expect(on.background).toBe(off.background);
      expect((await cellStyle(page, 'low')).badge).toBeNull();
      expect(decodeURIComponent(new URL(page.url()).hash)).toContain('civil=1');
      expect(await axeSeriousViolations(page)).toEqual([]);

      await page.click('#civil-society');
      expect((await cellStyle(page, 'civil')).badge).toBe('none');
      expect(decodeURIComponent(new URL(page.url()).hash)).not.toContain('civil=1');
      await page.close();
    });

    it('lists each evidence path with the reasons for its grade, and the civil-society paths apart', async () => {
      const page = await open(`view=matrix&mandate=${GRADES_MANDATE}`);
      await rendered(page, 'matrix');
      await page.click(`button.cell[data-key="${cellKey('low')}"]`);
      await page.waitForSelector('#evidence:not([hidden]) .path', WAIT);
      const low = await page.$$eval('#evidence .link.pursues .path', (paths) =>
        paths.map((p) => ({
          grade: p.getAttribute('data-grade'),
          reasons: [...p.querySelectorAll('.reasons li')].map(
            (li) => `${li.getAttribute('data-code')} ${li.textContent}`,
          ),
          capping: [...p.querySelectorAll('.steps > li.capping')].map((li) =>
            li.getAttribute('data-step'),
          ),
        })),
      );
      expect(low).toHaveLength(6);
      for (const path of low) {
        expect(path.grade).toBe('LOW');
        expect(path.reasons).toEqual([
          'STEP_CONFIDENCE at most low (step 2): The ADDRESSES step is marked low by its source',
        ]);
        expect(path.capping).toEqual(['1']);
      }

      await page.click(`button.cell[data-key="${cellKey('high')}"]`);
      await page.waitForFunction(
        `document.querySelector('#evidence h2').textContent.endsWith('Test priority high')`,
        WAIT,
      );
      expect(await page.$eval('#evidence .path .reasons', (el) => el.textContent)).toBe(
        'Why this grade: nothing lowered it.',
      );

      // A cell of civil society only lists its links under their own heading, with their reasons.
      await page.click(`button.cell[data-key="${cellKey('civil')}"]`);
      await page.waitForSelector('#evidence .civil-society-links .link.civil-society .path', WAIT);
      expect(await count(page, '#evidence .link.pursues')).toBe(0);
      expect(await page.$eval('#evidence .civil-society-head', (el) => el.textContent)).toMatch(
        /not counted as the state/,
      );
      const civil = await page.$$eval('#evidence .link.civil-society .reasons li', (items) =>
        items.map((li) => li.getAttribute('data-code')),
      );
      expect(civil).toEqual(['NON_STATE_OPERATOR', 'NON_STATE_OPERATOR']);
      expect(await axeSeriousViolations(page)).toEqual([]);
      await page.close();
    });
  });

  it("opens Estonia's evidence with a source quote from a click, and again from the permalink", async () => {
    // Estonia's first non-empty cell of the mandate, as the database has it
    // (Lithuania pursues none of the 2020-2025 areas by its own action: its
    // Barnahus-type centre is run by civil society).
    const rows = await ctx.db.read<{ priority: string }>(
      `MATCH (:Mandate {id: $mandate})-[h:HAS_PRIORITY]->(p:Priority)<-[:PURSUES]-(:State {isoCode: 'EE'})
       RETURN p.id AS priority ORDER BY h.order, p.name LIMIT 1`,
      { mandate: MANDATE },
      { operation: 'test.dashboard.estonia' },
    );
    expect(rows).toHaveLength(1);
    const key = `state:EE|${rows[0]!.priority}`;
    const page = await open(`view=matrix&mandate=${MANDATE}`);
    await rendered(page, 'matrix');
    await page.click(`button.cell[data-key="${key}"]`);
    await page.waitForSelector('#evidence:not([hidden]) blockquote', WAIT);
    expect(await page.$eval('#evidence h2', (el) => el.textContent)).toMatch(/^Estonia × /);
    expect(await count(page, '#evidence .path')).toBeGreaterThan(0);
    expect(await activeAttribute(page, 'id')).toBe('evidence');
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`cell=${key}`);

    // The URL alone restores the view, mandate and open cell.
    const again = await open(new URL(page.url()).hash.slice(1));
    await again.waitForSelector('#evidence:not([hidden]) blockquote', WAIT);
    expect(await again.$eval('#evidence h2', (el) => el.textContent)).toMatch(/^Estonia × /);
    await page.close();
    await again.close();
  });

  it('finds Barnahus by full-text search and draws the neighbourhood of the result opened', async () => {
    const page = await open('view=graph');
    await page.waitForSelector('#search', WAIT);
    await page.type('#search', 'Barnahus');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results button.result', WAIT);
    const id = await page.$eval('#search-results button.result', (el) =>
      el.getAttribute('data-id'),
    );
    expect(id).toBeTruthy();
    // Results are typed: each names its label.
    expect(
      await page.$eval('#search-results button.result .type', (el) => el.textContent),
    ).not.toBe('');
    const [around] = await ctx.db.read<{ neighbours: number }>(
      `MATCH (c:Entity {id: $id})--(n) RETURN count(DISTINCT n) AS neighbours`,
      { id },
      { operation: 'test.dashboard.neighbours' },
    );
    const neighbours = around!.neighbours;
    await page.click('#search-results button.result');
    await rendered(page, 'graph');
    await page.waitForSelector(`#graph-nodes button[data-id="${id}"]`, WAIT);
    expect(await count(page, '#graph-nodes li')).toBe(Math.min(neighbours, 119) + 1);
    expect(await count(page, '#graph-canvas canvas')).toBeGreaterThan(0);
    await page.waitForSelector('#entity-panel dl.props', WAIT);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('draws graph labels at least 11 px high on a 1440x900 screen, on the busiest neighbourhood and after zooming', async () => {
    // The entity with the most neighbours: the one a fitted graph shrinks most.
    const [busiest] = await ctx.db.read<{ id: string; neighbours: number }>(
      `MATCH (c:Entity)--(n:Entity) WHERE coalesce(c.origin, '') <> 'test'
       RETURN c.id AS id, count(DISTINCT n) AS neighbours ORDER BY neighbours DESC, id LIMIT 1`,
      {},
      { operation: 'test.dashboard.busiest' },
    );
    expect(busiest!.neighbours).toBeGreaterThan(30);
    const page = await open(`view=graph&entity=${encodeURIComponent(busiest!.id)}`);
    await rendered(page, 'graph');
    await page.waitForSelector(`#graph-nodes button[data-id="${busiest!.id}"]`, WAIT);
    // Cytoscape registers its instance on the container; font sizes are in
    // model units, drawn at that size times the zoom (CSS pixels).
    const measure = () =>
      page.evaluate(`(() => {
        const cy = document.getElementById('graph-canvas')._cyreg.cy;
        const onScreen = (els) => els
          .filter((e) => String(e.style('label')) !== '' && e.visible())
          .map((e) => parseFloat(e.style('font-size')) * cy.zoom());
        const nodes = onScreen(cy.nodes());
        const edges = onScreen(cy.edges());
        return { zoom: cy.zoom(), count: cy.nodes().length, labelled: nodes.length,
                 nodeMin: Math.min(...nodes), edgeMin: edges.length ? Math.min(...edges) : null,
                 minZoomedFont: parseFloat(cy.nodes()[0].style('min-zoomed-font-size')) };
      })()`) as Promise<{
        zoom: number;
        count: number;
        labelled: number;
        nodeMin: number;
        edgeMin: number | null;
        minZoomedFont: number;
      }>;
    const fitted = await measure();
    expect(fitted.count).toBeGreaterThan(30);
    // Every node is labelled (none hidden for being small) and no label is under 11 px.
    expect(fitted.labelled).toBe(fitted.count);
    expect(fitted.zoom).toBeLessThan(1);
    expect(fitted.nodeMin).toBeGreaterThanOrEqual(11);
    if (fitted.edgeMin !== null) expect(fitted.edgeMin).toBeGreaterThanOrEqual(11);
    expect(fitted.minZoomedFont).toBeLessThanOrEqual(11);

    // Zoomed further out by the user, labels keep their size on screen.
    await page.evaluate(
      `(() => { const cy = document.getElementById('graph-canvas')._cyreg.cy; cy.zoom(cy.zoom() / 2); })()`,
    );
    const zoomedOut = await measure();
    expect(zoomedOut.zoom).toBeLessThan(fitted.zoom);
    expect(zoomedOut.nodeMin).toBeGreaterThanOrEqual(11);
    // A peripheral node selected in the busy graph gets its few edges labelled, at 11 px or more.
    await page.evaluate(`(() => {
      const cy = document.getElementById('graph-canvas')._cyreg.cy;
      const leaf = cy.nodes().filter((n) => n.degree() === 1)[0];
      leaf.emit('tap');
    })()`);
    await page.waitForFunction(
      `document.getElementById('graph-canvas')._cyreg.cy.edges('.labelled').length > 0`,
      WAIT,
    );
    const selected = await measure();
    expect(selected.edgeMin).toBeGreaterThanOrEqual(11);
    await page.close();
  });

  it("hides Russia's membership as of 2023-01-01", async () => {
    const memberships = await ctx.db.read<{ org: string; heldThen: boolean }>(
      `MATCH (:State {isoCode: 'RU'})-[m:MEMBER_OF]->(o:Entity)
       RETURN o.id AS org,
              (m.validFrom IS NULL OR m.validFrom <= date('2023-01-01'))
                AND (m.validTo IS NULL OR m.validTo >= date('2023-01-01')) AS heldThen`,
      {},
      { operation: 'test.dashboard.russia' },
    );
    expect(memberships.length).toBeGreaterThan(0);
    const edge = (org: string) => `#graph-edges li[data-edge="state:RU MEMBER_OF ${org}"]`;
    const page = await open('view=graph&entity=state:RU');
    await rendered(page, 'graph');
    for (const { org } of memberships) await page.waitForSelector(edge(org), WAIT);

    await page.evaluate(
      `(() => { const input = document.getElementById('as-of');
                input.value = '2023-01-01';
                input.dispatchEvent(new Event('change')); })()`,
    );
    await page.waitForFunction(
      `document.getElementById('graph-status').textContent.includes('valid on 2023-01-01')`,
      WAIT,
    );
    for (const { org, heldThen } of memberships) {
      expect([org, await count(page, edge(org))]).toEqual([org, heldThen ? 1 : 0]);
    }
    expect(memberships.some((m) => !m.heldThen)).toBe(true);
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('asOf=2023-01-01');
    await page.close();
  });

  it('shows the timeline and the overview with their figures, accessibly', async () => {
    const page = await open('view=timeline');
    await rendered(page, 'timeline');
    expect(await count(page, 'table.events tbody tr')).toBeGreaterThan(0);
    expect(await axeSeriousViolations(page)).toEqual([]);

    // Filtered to one kind through the URL: only that kind is listed.
    await page.goto(`${ctx.t.base}/#view=timeline&kinds=OPENING`, { waitUntil: 'load' });
    await page.waitForSelector('table.events tbody tr', WAIT);
    const kinds = await page.$$eval('table.events tbody tr', (rows) =>
      rows.map((row) => row.getAttribute('data-kind')),
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['OPENING']));

    // Dates are shown at the precision the sources give: a law enacted in "1979"
    // reads 1979, not 1979-01-01.
    await page.goto(`${ctx.t.base}/#view=timeline&kinds=LAW`, { waitUntil: 'load' });
    await page.waitForFunction(
      `[...document.querySelectorAll('table.events tbody tr')].every((r) => r.getAttribute('data-kind') === 'LAW') &&
       document.querySelectorAll('table.events tbody tr').length > 0`,
      WAIT,
    );
    const lawRows = await page.$$eval('table.events tbody tr', (rows) =>
      rows.map((row) => [
        row.querySelector('td:nth-child(1)')?.textContent ?? '',
        row.querySelector('td:nth-child(3)')?.textContent ?? '',
      ]),
    );
    const laws = await ctx.db.read<{ name: string; enacted: string; precision: string }>(
      `MATCH (l:Law) WHERE l.enacted IS NOT NULL
       RETURN l.name AS name, toString(l.enacted) AS enacted, l.enactedPrecision AS precision`,
      {},
      { operation: 'test.dashboard.laws' },
    );
    const expected = (l: { enacted: string; precision: string }) =>
      l.precision === 'year'
        ? l.enacted.slice(0, 4)
        : l.precision === 'month'
          ? l.enacted.slice(0, 7)
          : l.enacted;
    expect(laws.length).toBeGreaterThan(0);
    for (const law of laws) {
      const row = lawRows.find(([, title]) => title.includes(law.name));
      expect({ law: law.name, shown: row?.[0] }).toEqual({ law: law.name, shown: expected(law) });
    }

    // Filtered to one state through the URL: the filter comes back with it.
    await page.goto(`${ctx.t.base}/#view=timeline&kinds=PRESIDENCY&state=state:LT`, {
      waitUntil: 'load',
    });
    await page.waitForFunction(
      `document.getElementById('timeline-state').value === 'state:LT' &&
       document.querySelectorAll('table.events tbody tr').length > 0`,
      WAIT,
    );
    const [held] = await ctx.db.read<{ ids: string[] }>(
      `MATCH (:State {isoCode: 'LT'})-[:HELD_PRESIDENCY]->(p:Presidency) RETURN collect(p.id) AS ids`,
      {},
      { operation: 'test.dashboard.presidencies' },
    );
    const shown = await page.$$eval('table.events tbody tr td:nth-child(3) a', (links) =>
      links.map((a) => decodeURIComponent(a.getAttribute('href') ?? '').replace(/^.*entity=/, '')),
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((id) => !held!.ids.includes(id))).toEqual([]);

    await page.goto(`${ctx.t.base}/#view=overview`, { waitUntil: 'load' });
    await rendered(page, 'overview');
    expect(await count(page, '.figure')).toBeGreaterThan(4);
    expect(await page.$eval('#dataset', (el) => el.textContent)).toMatch(/^Dataset [0-9a-f]{12}/);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('can be driven by keyboard alone: Tab into the matrix, arrows, Enter for evidence, Escape back; search and open a result', async () => {
    const page = await open(`view=matrix&mandate=${MANDATE}`);
    await rendered(page, 'matrix');
    await tabTo(page, 'button.cell');
    const first = await activeAttribute(page, 'data-key');
    expect(await activeAttribute(page, 'data-paths')).not.toBe('0');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await activeAttribute(page, 'data-key')).toBe(first);
    await page.keyboard.press('ArrowDown');
    expect(await activeAttribute(page, 'data-key')).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#evidence:not([hidden]) .path', WAIT);
    expect(await activeAttribute(page, 'id')).toBe('evidence');
    await page.keyboard.press('Escape');
    expect(await activeAttribute(page, 'data-key')).toBe(first);

    // To the graph explorer by its navigation link, then search by keyboard.
    await tabTo(page, 'nav.views a[data-view="graph"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '#search');
    await page.keyboard.type('Barnahus');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#search-results button.result', WAIT);
    await tabTo(page, '#search-results button.result');
    await page.keyboard.press('Enter');
    await rendered(page, 'graph');
    await page.waitForSelector('#graph-nodes button', WAIT);
    await page.close();
  });

  it('asked nothing of any host but the API, and logged no console error', () => {
    expect(requests.length).toBeGreaterThan(0);
    const elsewhere = requests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (protocol === 'data:') return false;
      return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
    });
    expect(elsewhere).toEqual([]);
    // The page reads only through persisted GETs, never POSTed queries.
    expect(requests.filter((url) => new URL(url).pathname === '/graphql')).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
