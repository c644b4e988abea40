// The index page's search, filters and sorting (issue 5), in a real browser.
//
// Run like a11y.test.mjs: STAFFROOM_SITES="example=folder,..." names built sites;
// this file uses the example site. It checks that with JavaScript the filter form
// works once the search index has arrived ([data-ready]), filters and sorts the server-rendered cards from search-index.json,
// announces the count in a status region, keeps the filters in the URL (and applies
// them from it), works by keyboard alone, and that without JavaScript the form
// stays hidden and every card is listed. Expectations come from the site's own
// search-index.json, so they follow the content.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from './server.mjs';
import { launchChromium } from './shared.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 640 };
// The script's basis for comparing pay quoted in other periods (see script.js)
const PER_YEAR = { year: 1, month: 12, week: 52.143, day: 195, hour: 37 * 52.143 };

function exampleSite() {
  const spec = process.env.STAFFROOM_SITES;
  if (!spec) throw new Error('STAFFROOM_SITES is not set: run tests/browser/run.sh');
  const pair = spec.split(',').find((p) => p.startsWith('example='));
  if (!pair) throw new Error(`no example site in STAFFROOM_SITES (${spec})`);
  return path.resolve(pair.slice('example='.length));
}

const dir = exampleSite();
const raw = JSON.parse(fs.readFileSync(path.join(dir, 'search-index.json'), 'utf8'));
const index = Array.isArray(raw) ? raw : raw.vacancies;

let browser;
let server;

before(async () => {
  browser = await launchChromium();
  server = await startServer(dir);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// A page on the index (with a query string), once the filter form has appeared
async function withIndex(query, fn, { viewport = WIDE, javaScript = true } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  try {
    const response = await page.goto(server.origin + '/' + query, { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    // The panel is in the HTML from the start; [data-ready] says the search index has arrived
    if (javaScript) await page.locator('#filters[data-ready]').waitFor({ state: 'visible', timeout: 5000 });
    await fn(page);
    assert.deepEqual(errors, [], 'JavaScript errors on the page');
  } finally {
    await context.close();
  }
}

const shownTitles = (page) => page.locator('[data-cards] > li:visible .card-title a').allTextContents();
const status = (page) => page.locator('[data-filter-status]');
const query = (page) => new URL(page.url()).search;

function yearly(v) {
  const top = v.salary_max ?? v.salary_min;
  return typeof top === 'number' ? top * PER_YEAR[v.salary_period || 'year'] : null;
}

function titlesWhere(pred) {
  return index.filter(pred).map((v) => v.title).sort();
}

describe('index filters (example site)', () => {
  it('the example site has enough open vacancies to filter', () => {
    assert.ok(index.length >= 3, `only ${index.length} vacancies in search-index.json`);
  });

  it('the form appears with every school, role, contract and working pattern in the index', async () => {
    await withIndex('', async (page) => {
      const values = (id) => page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => o.value).filter(Boolean).sort());
      assert.deepEqual(await values('filter-school'), [...new Set(index.map((v) => v.school_id))].sort());
      assert.deepEqual(await values('filter-role'), [...new Set(index.map((v) => v.role))].sort());
      assert.deepEqual(await values('filter-contract'), [...new Set(index.map((v) => v.contract))].sort());
      assert.deepEqual(await values('filter-pattern'), [...new Set(index.flatMap((v) => v.working_pattern))].sort());
      assert.equal(await page.locator('[data-cards] > li:visible').count(), index.length);
      assert.equal(query(page), '', 'no filters, no query string');
    });
  });

  it('typing filters the cards at once, announces the count and keeps the search in the URL', async () => {
    const word = 'senco';
    const expected = titlesWhere((v) =>
      [v.title, v.school, v.role_label, v.summary, ...(v.criteria || [])].join(' ').toLowerCase().includes(word));
    assert.ok(expected.length > 0 && expected.length < index.length, 'the word picks some vacancies, not all');
    await withIndex('', async (page) => {
      await page.locator('#filter-q').pressSequentially(word, { delay: 30 });
      assert.deepEqual((await shownTitles(page)).sort(), expected);
      const n = expected.length;
      await assert.doesNotReject(status(page).filter({ hasText: `${n} ${n === 1 ? 'vacancy matches' : 'vacancies match'}` })
        .waitFor({ timeout: 3000 }));
      assert.equal(await status(page).getAttribute('role'), 'status');
      assert.equal(query(page), `?q=${word}`);
      assert.match(await page.locator('#vacancy-count').textContent(), new RegExp(`^${n} of `));
    });
  });

  it('a shared URL applies the same filters on load', async () => {
    const school = index[0].school_id;
    await withIndex(`?q=senco&school=${school}&sort=posted`, async (page) => {
      assert.equal(await page.locator('#filter-q').inputValue(), 'senco');
      assert.equal(await page.locator('#filter-school').inputValue(), school);
      assert.equal(await page.locator('#filter-sort').inputValue(), 'posted');
      const expected = titlesWhere((v) => v.school_id === school &&
        [v.title, v.school, v.role_label, v.summary, ...(v.criteria || [])].join(' ').toLowerCase().includes('senco'));
      assert.deepEqual((await shownTitles(page)).sort(), expected);
    });
  });

  it('minimum salary compares hourly pay as a full-time year; salary sort puts the highest first', async () => {
    await withIndex('?salary=25000&sort=salary', async (page) => {
      const expected = index.filter((v) => yearly(v) !== null && yearly(v) >= 25000)
        .sort((a, b) => yearly(b) - yearly(a)).map((v) => yearly(v));
      const shown = await shownTitles(page);
      assert.equal(shown.length, expected.length);
      const byTitle = new Map(index.map((v) => [v.title, yearly(v)]));
      assert.deepEqual(shown.map((t) => byTitle.get(t)), expected, 'highest salary first');
    });
  });

  it('sorting by date posted puts the newest first', async () => {
    await withIndex('?sort=posted', async (page) => {
      const posted = new Map(index.map((v) => [v.title, v.posted]));
      const shown = (await shownTitles(page)).map((t) => posted.get(t));
      assert.deepEqual(shown, [...shown].sort().reverse());
    });
  });

  it('works by keyboard alone, and Clear filters shows every vacancy again', async () => {
    await withIndex('', async (page) => {
      await page.keyboard.press('Tab');
      let focused = '';
      for (let i = 0; i < 30 && focused !== 'filter-q'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement.id);
      }
      assert.equal(focused, 'filter-q', 'Tab reaches the search box');
      await page.keyboard.type('zzzz-no-such-word');
      await page.keyboard.press('Enter'); // announces and updates the URL at once
      assert.equal(await page.locator('[data-cards] > li:visible').count(), 0);
      assert.equal(await status(page).textContent(), 'No vacancies match.');
      assert.ok(await page.locator('[data-filter-empty]').isVisible(), 'the "no match" message shows');
      await page.keyboard.press('Tab'); // school
      await page.keyboard.press('ArrowDown');
      assert.notEqual(await page.locator('#filter-school').inputValue(), '', 'arrow keys choose a school');
      await page.locator('#filter-visa').focus();
      await page.keyboard.press('Space');
      assert.ok(await page.locator('#filter-visa').isChecked());
      await page.locator('[data-clear-filters]').focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('[data-cards] > li:visible').count(), index.length);
      assert.equal(await page.locator('#filter-q').inputValue(), '');
      assert.equal(query(page), '');
      assert.match(await status(page).textContent(), new RegExp(`^Showing all ${index.length} open vacanc`));
    });
  });

  it('no axe violations with filters applied, at 1280 and 320 px, and no sideways scrolling at 320', async () => {
    for (const [viewport, q] of [[WIDE, '?visa=1&sort=salary'], [NARROW, '?q=zzzz-no-such-word']]) {
      await withIndex(q, async (page) => {
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`), []);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= viewport.width, `page is ${wide}px wide at ${viewport.width}px`);
      }, { viewport });
    }
  });

  it('without JavaScript the form stays hidden and every card is listed', async () => {
    await withIndex('?q=zzzz-no-such-word', async (page) => {
      assert.equal(await page.locator('#filters').isVisible(), false);
      assert.equal(await page.locator('[data-cards] > li:visible').count(), index.length);
      assert.ok(await page.locator('.browse-links a').count() > 0, 'the browse links are there');
    }, { javaScript: false });
  });
});
