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

  it('the salary filter says it compares full-time equivalent pay, and how hourly rates count', async () => {
    await withIndex('', async (page) => {
      assert.match(await page.locator('label[for="filter-salary"]').textContent(), /full-time equivalent/);
      const hint = await page.locator('#filter-salary-hint').textContent();
      assert.match(hint, /full-time equivalent/);
      assert.match(hint, /37 hours a week/);
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

// Search by words and the glossary (issue 16, item 5), with the examples of the issue.
describe('search finds words, not fragments (example site)', () => {
  const termTime = titlesWhere((v) => v.working_pattern.includes('term-time'));
  const search = async (page, words) => {
    await page.locator('#filter-q').fill(words);
    await page.locator('#filter-q').press('Enter');
    return shownTitles(page);
  };

  it('the index carries the glossary, and each advert its grade, town and working pattern', () => {
    assert.ok(raw.glossary.some((g) => g.abbr === 'SEN' && /special educational needs/i.test(g.words)));
    assert.ok(index.every((v) => 'grade' in v && 'town' in v && 'working_pattern_label' in v));
  });

  it('"SEN" finds the Learning Support Practitioner (SEN allowance) and adverts that say "special educational needs"', async () => {
    await withIndex('', async (page) => {
      const shown = await search(page, 'SEN');
      for (const title of ['Learning Support Practitioner', '1:1 Learning Support Assistant', 'Special Needs Co-ordinator (SENCo)'])
        assert.ok(shown.includes(title), `"SEN" finds ${title} (found ${shown.join('; ')})`);
    });
  });

  it('"TA" matches the word TA only, not fragments such as "stay" or "data"', async () => {
    const word = (v) => /(^|[^a-z0-9])ta([^a-z0-9]|$)|teaching assistant/i.test(
      [v.title, v.school, v.town, v.role_label, v.grade, v.summary, ...(v.criteria || [])].join('\n'));
    await withIndex('', async (page) => {
      const shown = await search(page, 'TA');
      assert.ok(shown.length < index.length, `"TA" matched all ${index.length} vacancies`);
      assert.deepEqual(shown.sort(), titlesWhere(word));
    });
  });

  it('"TA" finds "teaching assistant" through the glossary, and never "stay" (an index served with them)', async () => {
    // The example site has no teaching assistant post: serve its index with
    // the words put in two adverts' summaries and TA in the glossary
    const [assistant, stay] = index;
    const served = {
      glossary: [...raw.glossary, { abbr: 'TA', words: 'Teaching assistant' }],
      vacancies: index.map((v) => v === assistant ? { ...v, summary: 'Work as a teaching assistant.' }
        : v === stay ? { ...v, summary: 'Stay with one pupil; keep data safe.' } : v),
    };
    const context = await browser.newContext({ viewport: WIDE });
    const page = await context.newPage();
    try {
      await page.route('**/search-index.json', (route) => route.fulfill({ json: served }));
      await page.goto(server.origin + '/?q=TA');
      await page.locator('#filters').waitFor({ state: 'visible', timeout: 5000 });
      assert.deepEqual(await shownTitles(page), [assistant.title]);
    } finally {
      await context.close();
    }
  });

  it('"term time" finds every term-time job', async () => {
    assert.ok(termTime.length >= 3, 'the example site has three term-time jobs');
    await withIndex('', async (page) => {
      assert.deepEqual((await search(page, 'term time')).sort(), termTime);
    });
  });

  it('"special educational needs" finds the SEN, SEND and SENCo adverts', async () => {
    await withIndex('', async (page) => {
      const shown = await search(page, 'special educational needs');
      for (const title of ['Learning Support Practitioner', '1:1 Learning Support Assistant', 'Special Needs Co-ordinator (SENCo)'])
        assert.ok(shown.includes(title), `finds ${title} (found ${shown.join('; ')})`);
      assert.ok(!shown.includes('Home School Support Worker'), 'not an advert without them');
    });
  });

  it('finds the school\'s town and the grade', async () => {
    await withIndex('', async (page) => {
      assert.deepEqual(await search(page, 'hornchurch'), titlesWhere((v) => v.town === 'Hornchurch'));
      assert.deepEqual(await search(page, 'band d'), ['Learning Support Practitioner']);
    });
  });

  it('ranks title matches first, says so, and keeps the URL short of the ranking', async () => {
    await withIndex('', async (page) => {
      const shown = await search(page, 'special');
      assert.ok(shown.length > 1, 'the word is in more than one advert');
      assert.equal(shown[0], 'Special Needs Co-ordinator (SENCo)', `the title match first (${shown.join('; ')})`);
      await assert.doesNotReject(status(page).filter({ hasText: 'title come first' }).waitFor({ timeout: 3000 }));
      assert.equal(query(page), '?q=special');
      // Without the search, the chosen order comes back (closing soonest)
      const all = await search(page, '');
      const closes = new Map(index.map((v) => [v.title, v.closes]));
      assert.deepEqual(all.map((t) => closes.get(t)), [...all.map((t) => closes.get(t))].sort());
    });
  });
});
