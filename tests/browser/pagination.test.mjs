// Long lists in pages (issue 18), in a real browser: the index of a 130-advert
// site shows 50 cards a page with numbered page links; the search and filters
// still find every open vacancy, on any page, from the search index's parts,
// fetched only when a search or filter starts;
// without JavaScript the page links are the way through the list.
//
// run.sh builds the site and names it in STAFFROOM_PAGED_SITE.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from './server.mjs';
import { launchChromium } from './shared.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const dir = process.env.STAFFROOM_PAGED_SITE;
if (!dir) throw new Error('STAFFROOM_PAGED_SITE is not set: run tests/browser/run.sh');

let browser;
let server;
let fetched = []; // the paths the current page asked for

before(async () => {
  browser = await launchChromium();
  server = await startServer(path.resolve(dir));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage(address, fn, { javaScript = true, ready = javaScript } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  try {
    const response = await page.goto(server.origin + address, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    if (ready) await page.locator('#filters[data-ready]').waitFor({ state: 'visible', timeout: 10000 });
    await fn(page);
    assert.deepEqual(errors, [], 'JavaScript errors on the page');
  } finally {
    await context.close();
  }
}

const visibleCards = (page) => page.locator('[data-cards] > li:visible');

describe('lists in pages (a 130-advert site)', () => {
  it('the search index is in two parts', () => {
    const first = JSON.parse(fs.readFileSync(path.join(dir, 'search-index.json'), 'utf8'));
    assert.equal(first.vacancies.length, 100);
    assert.deepEqual(first.more.map((u) => new URL(u, 'https://x/').pathname), ['/search-index-2.json']);
  });

  it('without JavaScript: 50 cards a page and page links with rel=prev and rel=next', async () => {
    await withPage('/page/2/', async (page) => {
      assert.equal(await page.locator('[data-cards] > li').count(), 50);
      const nav = page.locator('nav.pagination');
      assert.match(await nav.getAttribute('aria-label'), /page 2 of 3/);
      assert.equal(await nav.locator('a[rel="prev"]').getAttribute('href'), '/');
      assert.equal(await nav.locator('a[rel="next"]').getAttribute('href'), '/page/3/');
      assert.equal(await nav.locator('a[aria-current="page"]').getAttribute('href'), '/page/2/');
    }, { javaScript: false });
  });

  it('with JavaScript and no search, only the page\'s own cards show, and only the first part is fetched', async () => {
    await withPage('/', async (page) => {
      assert.equal(await visibleCards(page).count(), 50);
      assert.ok(await page.locator('nav.pagination').isVisible());
      // every school is offered before the other parts arrive
      assert.deepEqual(await page.locator('#filter-school option').evaluateAll((os) => os.map((o) => o.value)), ['', 'oak']);
      await page.waitForTimeout(500);
      assert.deepEqual(fetched.filter((u) => u.includes('search-index')), ['/search-index.json']);
    });
  });

  it('a search finds a vacancy on another page, and the page links step aside', async () => {
    await withPage('/', async (page) => {
      // teacher-99 sorts onto a later page: every advert closes at once, so by slug
      await page.locator('#filter-q').pressSequentially('number 99', { delay: 20 });
      await page.locator('#filters[data-complete]').waitFor({ state: 'attached', timeout: 10000 });
      assert.deepEqual(fetched.filter((u) => u.includes('search-index')), ['/search-index.json', '/search-index-2.json']);
      const titles = await page.locator('[data-cards] > li:visible .card-title a').allTextContents();
      assert.deepEqual(titles, ['Teaching assistant number 99']);
      assert.ok(!(await page.locator('nav.pagination').isVisible()), 'page links hidden while searching');
      await page.locator('[data-clear-filters]').click();
      assert.equal(await visibleCards(page).count(), 50);
    });
  });

  it('a filter covers all 130 vacancies, from both parts of the index', async () => {
    await withPage('/?school=oak', async (page) => {
      await page.locator('#filters[data-complete]').waitFor({ state: 'attached', timeout: 10000 });
      assert.equal(await visibleCards(page).count(), 130);
    });
  });

  it('the second page has no axe violations', async () => {
    await withPage('/page/2/', async (page) => {
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.help}`), []);
    });
  });
});
