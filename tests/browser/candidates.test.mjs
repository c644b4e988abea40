// What a candidate on a phone meets (issue 16), in a real browser.
//
// Run like a11y.test.mjs (run.sh sets STAFFROOM_SITES). On both sites:
//
//   - every open vacancy page: the summary under the title (closing date, pay,
//     Apply) ends within the first screen and a half at 375x812, and Apply is at
//     most 10 Tab presses from the top of the page;
//   - the index at 375x812: the filters behind a closed "Filter vacancies"
//     control, a skip link to the results, the first card within the first
//     screen; open on a wide screen;
//   - Cumulative Layout Shift under 0.1 on the index and a vacancy page, at a
//     phone's width and a laptop's, once the page and the search index are in;
//   - every page: axe in the dark colour scheme, a favicon and no failed
//     request or console error, a meta description, no sideways scroll at 200%
//     text on a 375px screen and no word broken mid-word, the assessment
//     methods' legend beside every person specification that uses methods;
//   - the standards page numbers its criteria once; forced colours keep the
//     edges of the controls.
// Each measured figure is printed on the test's output.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { chromiumAndServers, loadSites } from './shared.mjs';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1280, height: 900 };
const MAX_TABS_TO_APPLY = 10;
const CLS_LIMIT = 0.1;

// ---------- The sites ----------

const sites = loadSites(process.env.STAFFROOM_SITES);
const isVacancy = (pg) => /^vacancies\/[^/]+\/index\.html$/.test(pg.file);
const isOpenVacancy = (pg) => isVacancy(pg) && !pg.html.includes('class="notice notice-closed"');

const held = chromiumAndServers(sites);

// A page in a fresh context; `problems` collects console errors, script errors
// and failed requests (a missing favicon is one).
async function withPage(site, urlPath, options, fn) {
  const { viewport = PHONE, ...contextOptions } = options;
  const context = await held.browser.newContext({ viewport, reducedMotion: 'reduce', ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`script: ${err}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  try {
    const response = await page.goto(site.server.origin + urlPath, { waitUntil: 'load' });
    assert.equal(response.status(), 200, `HTTP status of ${urlPath}`);
    await fn(page, problems);
  } finally {
    await context.close();
  }
}

// Waits until the index's filters have the search index (or a moment elsewhere)
async function settled(page) {
  if (await page.locator('#filters').count())
    await page.locator('#filters[data-ready]').waitFor({ state: 'attached', timeout: 5000 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
}

// ---------- Measures ----------

// The sum of layout shifts not caused by input, buffered from the page's start
function cumulativeLayoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
  }));
}

// Tab presses from the top of the page until `selector` has focus (or `limit` + 1)
async function tabsTo(page, selector, limit) {
  for (let n = 1; n <= limit + 1; n++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return n;
  }
  return limit + 1;
}

// Words that the browser has split over two lines though they would fit on one.
// A word is a run without spaces; a break after a hyphen or slash is fair, and a
// run longer than its line (a URL on a phone) has to break somewhere. A run that
// continues in the next element is left out: its width is not this node's.
function brokenWords(page) {
  return page.evaluate(() => {
    const range = document.createRange();
    const rectsOf = (node, start, end) => {
      range.setStart(node, start);
      range.setEnd(node, end);
      return [...range.getClientRects()].filter((r) => r.width > 0);
    };
    const lines = (rects) => new Set(rects.map((r) => Math.round(r.top))).size;
    const blockOf = (el) => {
      let block = el;
      while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      return block;
    };
    const lineWidth = (el) => {
      const block = blockOf(el);
      const cs = getComputedStyle(block);
      return block.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    };
    // Whether text node `a` runs straight on into `b` in the same line box's flow
    const joined = (a, b) => a && b && /\S$/.test(a.data) && /^\S/.test(b.data) &&
      blockOf(a.parentElement) === blockOf(b.parentElement);
    const out = [];
    const nodes = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    // Only text that shows: hidden text (an abbreviation link's words for screen
    // readers) is neither judged nor a neighbour that splits a run
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.parentElement && !node.parentElement.closest('.visually-hidden, [hidden], script, style')) nodes.push(node);
    nodes.forEach((node, i) => {
      const el = node.parentElement;
      for (const run of node.data.matchAll(/\S{2,}/gu)) {
        // A run that goes on in the next element ("NNEB/Diploma") is not this node's to judge
        if ((run.index === 0 && joined(nodes[i - 1], node)) ||
            (run.index + run[0].length === node.data.length && joined(node, nodes[i + 1]))) continue;
        const rects = rectsOf(node, run.index, run.index + run[0].length);
        if (lines(rects) < 2) continue;
        const width = rects.reduce((sum, r) => sum + r.width, 0);
        const line = lineWidth(el);
        if (width > line) continue;
        for (const piece of run[0].matchAll(/[^\-\u2010-\u2014/]{2,}/gu)) {
          const start = run.index + piece.index;
          if (lines(rectsOf(node, start, start + piece[0].length)) > 1)
            out.push(`"${piece[0]}" (in "${run[0]}", ${Math.round(width)}px on a ${Math.round(line)}px line) in <${el.tagName.toLowerCase()} class="${el.className}">`);
        }
      }
    });
    return out;
  });
}

// ---------- Tests ----------

for (const site of sites) {
  describe(`${site.name} site: candidates`, () => {
    const vacancies = site.pages.filter(isOpenVacancy);
    const anyVacancy = site.pages.find(isVacancy);

    it('has open vacancies to test', () => assert.ok(vacancies.length > 0));

    for (const pg of vacancies) {
      it(`${pg.urlPath}: the summary and Apply are in the first screen and a half, within ${MAX_TABS_TO_APPLY} Tabs`, async () => {
        await withPage(site, pg.urlPath, { viewport: PHONE }, async (page) => {
          const glance = await page.evaluate(() => {
            const box = document.querySelector('.glance');
            const apply = box?.querySelector('.glance-apply a');
            const text = box ? box.innerText : '';
            return box && apply && {
              bottom: box.getBoundingClientRect().bottom + scrollY,
              applyBottom: apply.getBoundingClientRect().bottom + scrollY,
              href: apply.getAttribute('href'),
              text,
            };
          });
          assert.ok(glance, 'no summary with an Apply link under the title');
          // In the page's language: English, or Welsh on the bilingual site (issue 17)
          assert.match(glance.text, /Closes|Yn cau/);
          assert.match(glance.text, /Pay|Tâl/);
          assert.ok(glance.href === '#how-to-apply' || /^https?:/.test(glance.href), `Apply goes to ${glance.href}`);
          const limit = PHONE.height * 1.5;
          assert.ok(glance.bottom <= limit, `the summary ends at ${glance.bottom}px, below ${limit}px`);
          const tabs = await tabsTo(page, '.glance-apply a', MAX_TABS_TO_APPLY);
          console.log(`${site.name} ${pg.urlPath}: Apply ends at ${Math.round(glance.applyBottom)}px of ${PHONE.height}; ${tabs} Tabs`);
          assert.ok(tabs <= MAX_TABS_TO_APPLY, `Apply is more than ${MAX_TABS_TO_APPLY} Tabs from the top`);
        });
      });
    }

    it('index on a phone: results first, filters behind "Filter vacancies", a skip link to the results', async () => {
      await withPage(site, site.base, { viewport: PHONE }, async (page) => {
        await settled(page);
        const toggle = page.locator('#filters > summary');
        const welsh = (await page.getAttribute('html', 'lang')) === 'cy';
        assert.equal((await toggle.textContent()).trim(), welsh ? 'Hidlo swyddi gwag' : 'Filter vacancies');
        assert.equal(await page.locator('#filters').evaluate((d) => d.open), false, 'the filters are closed on a phone');
        assert.equal(await page.locator('#filter-q').isVisible(), false);
        const top = await page.locator('[data-cards] > li').first().evaluate((li) => li.getBoundingClientRect().top + scrollY);
        console.log(`${site.name} index: the first card starts at ${Math.round(top)}px of ${PHONE.height}`);
        assert.ok(top < PHONE.height, `the first card starts at ${top}px`);
        await toggle.click();
        assert.equal(await page.locator('#filter-q').isVisible(), true, 'the control opens the filters');
        const skip = page.locator('a.skip-to-results');
        assert.equal(await skip.getAttribute('href'), '#vacancies');
        await skip.focus();
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'vacancies', 'the skip link moves focus to the results');
      });
    });

    it('index on a wide screen: the filters are open', async () => {
      await withPage(site, site.base, { viewport: LAPTOP }, async (page) => {
        await settled(page);
        assert.equal(await page.locator('#filters').evaluate((d) => d.open), true);
        assert.equal(await page.locator('#filter-q').isVisible(), true);
      });
    });

    for (const [name, urlPath] of [['index', site.base], ['a vacancy page', anyVacancy?.urlPath]]) {
      for (const viewport of [PHONE, LAPTOP]) {
        it(`Cumulative Layout Shift under ${CLS_LIMIT} on ${name} at ${viewport.width}px`, async () => {
          assert.ok(urlPath, `the site has ${name}`);
          await withPage(site, urlPath, { viewport }, async (page) => {
            await settled(page);
            const cls = await cumulativeLayoutShift(page);
            console.log(`${site.name} ${urlPath} at ${viewport.width}px: CLS ${cls.toFixed(4)}`);
            assert.ok(cls < CLS_LIMIT, `CLS ${cls.toFixed(3)}`);
          });
        });
      }
    }

    describe('every page', () => {
      for (const pg of site.pages) {
        it(`${pg.urlPath}: dark scheme axe, favicon, no errors, a meta description`, async () => {
          await withPage(site, pg.urlPath, { viewport: LAPTOP, colorScheme: 'dark' }, async (page, problems) => {
            await settled(page);
            const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
            assert.ok(dark, 'the page is in the dark scheme');
            const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
            assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`), [], 'axe in the dark scheme');
            const icon = await page.evaluate(() => document.querySelector('link[rel="icon"]')?.href);
            assert.ok(icon, 'no <link rel="icon">');
            const description = await page.evaluate(() => document.querySelector('meta[name="description"]')?.content || '');
            assert.ok(description.trim().length > 0, 'an empty meta description');
            assert.deepEqual(problems, [], 'console errors and failed requests');
          });
        });

        it(`${pg.urlPath}: at 200% text on a 375px screen, no sideways scroll and no word broken`, async () => {
          await withPage(site, pg.urlPath, { viewport: PHONE }, async (page) => {
            await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
            await settled(page);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            assert.ok(width <= PHONE.width, `the page is ${width}px wide`);
            assert.deepEqual(await brokenWords(page), [], 'words broken mid-word');
          });
        });

        if (pg.html.includes('class="spec-table"')) {
          it(`${pg.urlPath}: the legend of assessment methods is beside the tables`, async () => {
            await withPage(site, pg.urlPath, { viewport: LAPTOP }, async (page) => {
              const uses = await page.evaluate(() => [...document.querySelectorAll('.spec-table td.assessed')]
                .some((td) => td.textContent.trim() !== ''));  // empty where the school does not say
              if (!uses) return;
              const legend = page.locator('.spec-legend');
              assert.equal(await legend.count(), 1, 'one legend');
              assert.ok(await legend.isVisible(), 'the legend shows');
              const described = await page.evaluate(() => [...document.querySelectorAll('.spec-table')]
                .every((t) => t.getAttribute('aria-describedby') === 'assessment-methods-legend'));
              assert.ok(described, 'each table points to the legend');
            });
          });
        }

        if (pg.html.includes('class="standard-criteria"')) {
          it(`${pg.urlPath}: the criteria are numbered once`, async () => {
            await withPage(site, pg.urlPath, { viewport: LAPTOP }, async (page) => {
              const markers = await page.evaluate(() => [...document.querySelectorAll('.standard-criteria > li')]
                .filter((li) => getComputedStyle(li).listStyleType !== 'none').length);
              assert.equal(markers, 0, 'list items with a marker beside their code');
            });
          });
        }
      }
    });

    it('forced colours: the controls and the summary keep their edges', async () => {
      for (const urlPath of [site.base, anyVacancy?.urlPath]) {
        await withPage(site, urlPath, { viewport: LAPTOP, forcedColors: 'active' }, async (page) => {
          await settled(page);
          const forced = await page.evaluate(() => matchMedia('(forced-colors: active)').matches);
          assert.ok(forced, 'forced colours are on');
          const edgeless = await page.evaluate(() => [...document.querySelectorAll('.button, button, .badge, .glance, .card')]
            .filter((el) => el.getBoundingClientRect().width > 0)
            .filter((el) => {
              const cs = getComputedStyle(el);
              return ['Top', 'Right', 'Bottom', 'Left'].every((s) => cs[`border${s}Style`] === 'none' || parseFloat(cs[`border${s}Width`]) === 0);
            })
            .map((el) => el.className));
          assert.deepEqual(edgeless, [], 'boxes with no edge in forced colours');
        });
      }
    });
  });
}
